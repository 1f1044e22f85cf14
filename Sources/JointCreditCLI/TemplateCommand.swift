import Foundation
import JointCredit

/// `jointcredit template`: a form for each participating body, pre-filled with its code, name
/// and kind.
enum TemplateCommand: FileSubcommand {
  static let spec = CommandSpec(
    name: "template",
    overview: "Write a submission form for each body of a list, pre-filled with its code, name "
      + "and kind.",
    discussion: "Reads the list of participating bodies (body_code, body_name, body_kind, "
      + "English or Japanese headers), checks it as submissions are checked, and writes "
      + "<body_code>.xlsx (or .csv) for each into the output folder, as one whole set. Rows "
      + "whose event columns stay empty are skipped when the forms come back.",
    arguments: [],
    options: [
      .init(
        name: "bodies", valueName: "file",
        help: "The list of bodies: a CSV file with body_code, body_name and body_kind.",
        isRequired: true),
      .init(name: "out", valueName: "dir", help: "The folder the forms go to.", isRequired: true),
      .init(
        name: "format", valueName: "xlsx|csv",
        help: "Workbooks (typed cells, a kind list, instructions) or CSV files.",
        defaultValue: "xlsx"),
      .init(
        name: "rows", valueName: "n", help: "How many pre-filled rows each form has.",
        defaultValue: "5"),
      .init(
        name: "due", valueName: "date",
        help: "The day submissions are due, YYYY-MM-DD, "
          + "stated in the workbook's instructions."),
      LanguageOption.spec(help: "Language of the forms' headers and instructions."),
      AllocationJob.allowUnknownCodes,
    ])

  static func run(_ parsed: ParsedArguments, console: inout some Console) throws(UsageError)
    -> ExitCode
  {
    let language = try LanguageOption.language(parsed)
    let format = parsed.values["format"] ?? "xlsx"
    guard format == "xlsx" || format == "csv" else {
      throw .invalidValue(
        option: "--format <xlsx|csv>", value: format, reason: "expected xlsx or csv")
    }
    let rowsText = parsed.values["rows"] ?? "5"
    guard let rows = Int(rowsText), (1...10_000).contains(rows) else {
      throw .invalidValue(
        option: "--rows <n>", value: rowsText, reason: "expected a whole number from 1 to 10000")
    }
    var due: EventDate?
    if let text = parsed.values["due"] {
      guard let date = EventDate(iso: text) else {
        throw .invalidValue(
          option: "--due <date>", value: text, reason: "expected a date such as 2012-01-31")
      }
      due = date
    }
    // Both are required: the parser has refused a command line without them.
    let path = parsed.values["bodies"] ?? ""
    let directory = parsed.values["out"] ?? ""
    let bodies: [Body]
    do {
      guard let file = try SubmissionFiles.read([path]).first else { return .failure }
      bodies = try BodyList.read(
        file, allowsUnknownCodes: parsed.flags.contains("allow-unknown-codes"))
    } catch {
      return Diagnostics.reject(error, writesFiles: true, language: language, to: &console)
    }
    let workbook = format == "xlsx"
    let forms = bodies.map { SubmissionForm(body: $0, rows: rows, language: language, due: due) }
    do {
      let written = try SubmissionForms.write(forms, workbook: workbook, to: directory)
      console.line(
        language == .en
          ? "Wrote \(written.count) forms to \(directory)/ (one per body, \(rows) rows each)."
          : "\(directory)/ に \(written.count) 件の提出様式を作成しました（団体ごとに1件、各 \(rows) 行）。")
    } catch {
      console.errorLine("Error: \(error); nothing was written.")
      return .failure
    }
    return .success
  }
}
