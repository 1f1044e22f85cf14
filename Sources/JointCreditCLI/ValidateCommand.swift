import JointCredit

/// `jointcredit validate`: every check of `allocate`, nothing written.
enum ValidateCommand: FileSubcommand {
  static let spec = CommandSpec(
    name: "validate",
    overview: "Check submissions (and purchase parameters) and report every problem; "
      + "writes nothing.",
    discussion: "Runs the same checks as allocate. When a lot is given (in a purchase file or "
      + "with --lot), the allocation is computed too, so its problems show here as well.",
    arguments: [
      .init(
        name: "input", help: "A submission file (.csv or .json) or a folder of them.",
        repeating: true)
    ],
    options: PurchaseOptions.specs + [
      AllocationJob.allowUnknownCodes, LanguageOption.spec(help: LanguageOption.messagesHelp),
    ])

  static func run(_ parsed: ParsedArguments, console: inout some Console) throws(UsageError)
    -> ExitCode
  {
    let language = try LanguageOption.language(parsed)
    guard
      let job = try AllocationJob.run(
        parsed, requirePurchase: false, writesFiles: false, language: language, console: &console)
    else { return .failure }
    let estimates = job.input.value.estimates
    let bodies = estimates.submissions.count
    let files = estimates.files.count
    let total = estimates.emissions.formatted(decimals: estimates.decimals)
    let events = estimates.eventCount
    switch language {
    case .en:
      console.line(
        "OK: \(files) file\(files == 1 ? "" : "s"), \(bodies) bod\(bodies == 1 ? "y" : "ies"), "
          + "\(events) event\(events == 1 ? "" : "s"), \(total) t of estimates"
          + (job.allocation == nil
            ? " (no lot given; allocation not checked)." : "; the lot can be allocated."))
    case .ja:
      console.line(
        "OK: \(files) ファイル、\(bodies) 団体、\(events) イベント、排出量の合計 \(total) t"
          + (job.allocation == nil
            ? "（購入量の指定がないため、配分は確認していません）。" : "。購入量を配分できます。"))
    }
    return .success
  }
}
