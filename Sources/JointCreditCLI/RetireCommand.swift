import JointCredit

/// `jointcredit retire`: records that an allocation's credits were retired at the registry.
enum RetireCommand: FileSubcommand {
  static let spec = CommandSpec(
    name: "retire",
    overview: "Record the retirement of an allocation's credits and close its folder.",
    discussion: "Dates every retirement application of OUT but the reserve's (in allocation.json, "
      + "retirement-application.csv and the per-body statements), records the date and reference "
      + "in allocation.json, and makes OUT a closed record: a later allocate into OUT is refused. "
      + "The reserve stays unretired, for a revision to place.",
    arguments: [.init(name: "out", help: "The folder allocate wrote, with credit blocks listed.")],
    options: [
      .init(
        name: "date", valueName: "YYYY-MM-DD", help: "The day the credits were retired.",
        isRequired: true),
      .init(
        name: "reference", valueName: "text",
        help: "The registry's reference for the retirement (an application number, say)."),
    ])

  static func run(_ parsed: ParsedArguments, console: inout some Console) throws(UsageError)
    -> ExitCode
  {
    let text = parsed.values["date"] ?? ""
    guard let date = EventDate(iso: TextNormalization.normalized(text)) else {
      throw .invalidValue(
        option: "--date <YYYY-MM-DD>", value: text, reason: "expected a day, such as 2012-03-30")
    }
    let reference = parsed.values["reference"].map(TextNormalization.trimmed)
    let record = RetirementRecord(
      date: date, reference: reference.flatMap { $0.isEmpty ? nil : $0 })
    let folder = parsed.positionals[0]
    let written: [String]
    do {
      written = try record.record(in: folder)
    } catch {
      console.errorLine("Error: \(error); nothing was changed.")
      return .failure
    }
    console.line(
      "Recorded the retirement of \(folder) on \(date)"
        + (record.reference.map { " (\($0))" } ?? "")
        + "; the folder is now a closed record (\(written.count) files).")
    return .success
  }
}
