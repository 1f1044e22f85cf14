import JointCredit

/// `jointcredit explain`: how one event's (or body's) figure came about.
enum ExplainCommand: FileSubcommand {
  static let spec = CommandSpec(
    name: "explain",
    overview: "Explain how one event's (or body's) allocation came about, step by step.",
    discussion: "Runs the same allocation as allocate with the same options, writes nothing, and "
      + "prints for the event: its estimate, its body's share (body-then-event), the exact quota, "
      + "the step of the rounding rule that gave its units (remainder rank, or the priority at "
      + "which each unit was won), the constraints and ties that applied, and the result.",
    arguments: [
      .init(
        name: "input", help: "A submission file (.csv or .json) or a folder of them.",
        repeating: true)
    ],
    options: [
      .init(
        name: "event", valueName: "body-code/event-id",
        help: "The event to explain, e.g. 131032/E01; a body code alone explains the body's "
          + "share in body-then-event mode.", isRequired: true)
    ] + PurchaseOptions.specs + [
      AllocationJob.allowUnknownCodes, LanguageOption.spec(help: LanguageOption.messagesHelp),
    ])

  static func run(_ parsed: ParsedArguments, console: inout some Console) throws(UsageError)
    -> ExitCode
  {
    let language = try LanguageOption.language(parsed)
    guard let target = parsed.values["event"] else {
      throw .missingArgument("--event <body-code/event-id>")
    }
    let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
    let code = TextNormalization.normalized(parts.first ?? "")
    // Only the share asked for is explained: the prose of every other share is never built.
    let key = AllocationKey(
      body: Body.Code(code),
      event: parts.count == 2 ? Event.ID(TextNormalization.normalized(parts[1])) : nil)
    guard
      let allocation = try AllocationJob.run(
        parsed, explanations: .only(key), writesFiles: false, language: language,
        explanationLanguage: language, console: &console)?.allocation
    else { return .failure }
    guard let body = allocation.body(key.body) else {
      let bodies =
        allocation.bodies.prefix(10).map(\.body.code.rawValue).joined(separator: ", ")
        + (allocation.bodies.count > 10 ? ", …" : "")
      console.errorLine(
        language == .en
          ? "error: no body '\(QuotedText.quote(code))' in the input; bodies are \(bodies)"
          : "error: 入力に団体 '\(QuotedText.quote(code))' はありません。団体は \(bodies) です")
      return .failure
    }
    let lines: [String]
    if parts.count == 2 {
      let id = TextNormalization.normalized(parts[1])
      guard let share = allocation.event(key) else {
        let events =
          body.events.prefix(10).map(\.event.id.rawValue).joined(separator: ", ")
          + (body.events.count > 10 ? ", …" : "")
        console.errorLine(
          language == .en
            ? "error: body \(code) has no event '\(QuotedText.quote(id))'; its events are \(events)"
            : "error: 団体 \(code) にイベント '\(QuotedText.quote(id))' はありません。"
              + "この団体のイベントは \(events) です")
        return .failure
      }
      lines = share.explanation ?? []
    } else if let explanation = body.explanation {
      lines = explanation
    } else {
      let events = body.events.map { "\($0.event.id) \($0.allocated) t" }
      lines =
        language == .en
        ? [
          "\(code) \(body.body.name)",
          "in event mode a body's share is the sum of its events': "
            + events.joined(separator: ", "),
          "allocated: \(body.allocated) t",
        ]
        : [
          "\(code) \(body.body.name)",
          "event モードでは団体の配分はイベントの配分の合計です: " + events.joined(separator: "、"),
          "配分量: \(body.allocated) t",
        ]
    }
    guard let first = lines.first else { return .failure }
    console.line(first)
    for line in lines.dropFirst() { console.line("  " + line) }
    return .success
  }
}
