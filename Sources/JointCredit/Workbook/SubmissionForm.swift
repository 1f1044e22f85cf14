/// A form for one body to fill in: its submission's columns in the form's language, and rows
/// already carrying the body's code, name and kind, as a CSV file or a workbook.
///
/// Rows whose event columns stay empty are skipped when the form is read back, so a clerk fills
/// as many as there are events and leaves the rest.
public struct SubmissionForm: Sendable {
  /// The body the form is for.
  public let body: Body
  /// How many pre-filled rows (at least one).
  public let rows: Int
  /// The language of the headers and the instructions.
  public let language: StatementLanguage
  /// The day submissions are due, when there is one.
  public let due: EventDate?

  /// The columns of a form, in order.
  public static let columns: [SubmissionColumn] = [
    .bodyCode, .bodyName, .bodyKind, .eventID, .eventName, .eventDate, .emissions, .calculation,
  ]

  /// Creates a form.
  public init(body: Body, rows: Int = 5, language: StatementLanguage = .ja, due: EventDate? = nil) {
    self.body = body
    self.rows = max(1, rows)
    self.language = language
    self.due = due
  }

  /// The file name: `<body_code>.csv` or `.xlsx`.
  public func fileName(workbook: Bool) -> String {
    body.code.rawValue + (workbook ? ".xlsx" : ".csv")
  }

  private var header: [String] {
    Self.columns.map { language == .en ? $0.name : $0.japaneseName }
  }

  /// Writes the form as CSV (UTF-8 with a byte order mark, CRLF, as a spreadsheet opens it).
  public func writeCSV(to output: inout some ByteOutput) {
    let csv = CSVWriter(format: .excel)
    csv.writeStart(to: &output)
    csv.writeHeader(header, to: &output)
    for _ in 0..<rows {
      csv.writeRecord(
        [.text(body.code.rawValue), .text(body.name), .text(language.kind(body.kind))]
          + Array(repeating: .text(""), count: 5), to: &output)
    }
  }

  /// Writes the form as a workbook: the submission sheet (named 提出 or Submission, the name a
  /// submission is read from) with typed columns — codes and ids as text, the date as a date,
  /// the estimate as a number with three decimals — a kind list and a rule that an estimate is
  /// at least zero, then a sheet of instructions.
  public func writeWorkbook(to output: inout some ByteOutput) {
    let names = SheetNames(language: language)
    var workbook = SpreadsheetPackage(fontName: names.fontName)
    let kinds = Body.Kind.allCases.map { language.kind($0) }.joined(separator: ",")
    let last = rows + 1
    let validations =
      "<dataValidations count=\"2\">"
      + "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"C2:C\(last)\">"
      + "<formula1>\"\(SpreadsheetXML.escaped(kinds))\"</formula1></dataValidation>"
      + "<dataValidation type=\"decimal\" operator=\"greaterThanOrEqual\" allowBlank=\"1\" "
      + "showErrorMessage=\"1\" sqref=\"G2:G\(last)\"><formula1>0</formula1></dataValidation>"
      + "</dataValidations>"
    workbook.addSheet(
      language == .en ? "Submission" : "提出", header: header,
      widths: [10, 16, 8, 10, 32, 12, 14, 48], rows: 0..<rows, trailer: validations
    ) { _, cells in
      cells.text(body.code.rawValue)
      cells.text(body.name)
      cells.text(language.kind(body.kind))
      cells.styled(.text)  // event id: text, so 001 stays 001
      cells.styled(.text)
      cells.styled(.date)
      cells.styled(.decimals3)
      cells.styled(.text)
    }
    workbook.addFacts(names.instructions, instructions, language: language)
    workbook.write(to: &output)
  }

  /// What each column means, and how to fill the form.
  var instructions: [(String, String)] {
    let en = language == .en
    var lines: [(String, String)] = []
    if let due {
      lines.append((en ? "Due" : "提出期限", due.description))
    }
    lines += [
      (
        en ? "How" : "記入方法",
        en
          ? "One row per meeting or event; leave unused rows empty. Do not change the body's "
            + "code, name or kind."
          : "会議・イベントごとに1行記入してください。使わない行は空欄のままにしてください。団体コード・団体名・区分は変更しないでください。"
      ),
      (
        header[3],
        en
          ? "Your own id for the event, unique within your body (E01, E02, …)."
          : "団体内で重複しないイベントの番号（E01、E02 など）"
      ),
      (header[4], en ? "The event's name." : "イベントの名称"),
      (header[5], en ? "The day it is held (a date)." : "開催日（日付）"),
      (
        header[6],
        en
          ? "Estimated emissions in tonnes of CO2, up to 6 decimals (1.25 for 1,250 kg)."
          : "排出量の見込み（トン CO2、小数点以下6桁まで。1,250 kg なら 1.25）"
      ),
      (
        header[7],
        en
          ? "How it was estimated: activity × emission factor, with the factor's source."
          : "算定方法（活動量 × 排出係数と、係数の出典）"
      ),
    ]
    return lines
  }
}

/// Writes a set of forms into a folder, as one whole set (see docs/reliability.md).
public enum SubmissionForms {
  /// Writes every form, `<body_code>.xlsx` (or `.csv`), into `directory`.
  ///
  /// - Returns: the paths written.
  /// - Throws: ``OutputError``; then no form was created or replaced.
  public static func write(_ forms: [SubmissionForm], workbook: Bool, to directory: String)
    throws(OutputError) -> [String]
  {
    let staged = forms.map { form in
      StagedFile(form.fileName(workbook: workbook)) { output in
        if workbook { form.writeWorkbook(to: &output) } else { form.writeCSV(to: &output) }
      }
    }
    return try StagedDirectory(directory: directory).write(staged)
  }
}
