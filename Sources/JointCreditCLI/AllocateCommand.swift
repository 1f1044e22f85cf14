import JointCredit

/// `jointcredit allocate`: the main job.
enum AllocateCommand: FileSubcommand {
  static let spec = CommandSpec(
    name: "allocate",
    overview: "Allocate a lot among the submitted events and write the statements.",
    discussion: "Reads every submission, checks everything, shares the lot by the rounding rule "
      + "and writes allocation.csv, bodies.csv, offset-rates.csv, allocation.json, "
      + "allocation.xlsx, retirement.csv (when credit blocks are listed), report.html and "
      + "statements/ (a .csv, .json, .html and .xlsx per body). When any input is invalid, every problem is reported and nothing is "
      + "written.",
    arguments: [
      .init(
        name: "input", help: "A submission file (.csv or .json) or a folder of them.",
        repeating: true)
    ],
    options: PurchaseOptions.specs + [
      AllocationJob.allowUnknownCodes,
      .init(
        name: "out", valueName: "dir", help: "Where to write the statements.",
        defaultValue: "out"),
      .init(
        name: "retired", valueName: "file",
        help: "The allocation.json of a retired run (jointcredit retire) that this one revises: "
          + "its retired serials stay with their holders, and no event gets less than it had."),
      .init(
        name: "csv-encoding", valueName: "encoding",
        help: "utf8-bom (Excel opens it cleanly), utf8 (no byte order mark) or cp932 "
          + "(Shift_JIS, for older Japanese imports).",
        defaultValue: CSVFormat.Encoding.utf8BOM.rawValue),
      .init(
        name: "cp932-replace", valueName: nil,
        help: "In cp932, write '?' for a character with no Shift_JIS form instead of "
          + "stopping with an error that names its row and column."),
      .init(
        name: "line-ending", valueName: "crlf|lf",
        help: "Line endings of CSV statements.",
        defaultValue: CSVFormat.LineEnding.crlf.rawValue),
      LanguageOption.spec(
        help: "Language of column headers, kind and level names, statement text and messages."),
      .init(
        name: "skip-body-statements", valueName: nil,
        help: "Do not write statements/<body_code>.csv, .json, .html and .xlsx for each body."),
      .init(name: "skip-report", valueName: nil, help: "Do not write report.html."),
      .init(
        name: "skip-certificates", valueName: nil,
        help: "Do not write certificates/<body_code>/<event_id>.html for each event."),
      .init(
        name: "skip-workbook", valueName: nil,
        help: "Do not write allocation.xlsx (nor each body's statements/<body_code>.xlsx)."),
      .init(
        name: "explain", valueName: nil,
        help: "Add to allocation.json, for every event and body, the steps that produced its "
          + "figure."),
    ])

  static func run(_ parsed: ParsedArguments, console: inout some Console) throws(UsageError)
    -> ExitCode
  {
    let format = try csvFormat(parsed)
    let language = try LanguageOption.language(parsed)
    let directory = parsed.values["out"] ?? "out"
    guard
      let job = try AllocationJob.run(
        parsed, explanations: parsed.flags.contains("explain") ? .all : .none, writesFiles: true,
        language: language, console: &console),
      let allocation = job.allocation
    else { return .failure }
    let input = job.input
    let written: StatementSet.Written
    do {
      written = try StatementSet(
        csvFormat: format, language: language,
        includesBodyStatements: !parsed.flags.contains("skip-body-statements"),
        includesReport: !parsed.flags.contains("skip-report"),
        includesWorkbook: !parsed.flags.contains("skip-workbook"),
        includesCertificates: !parsed.flags.contains("skip-certificates")
      ).writeReporting(
        allocation, files: input.value.estimates.files, warnings: input.warnings, to: directory)
    } catch {
      switch error {
      case .output(let failure):
        console.errorLine(
          Diagnostics.failure(failure.description(language), writesFiles: true, language))
      case .unmappable(let problems):
        for problem in problems.prefix(50) {
          console.errorLine("error: \(problem.description(language))")
        }
        let count = problems.count
        console.errorLine(
          language == .en
            ? "note: give --csv-encoding utf8-bom, or --cp932-replace to write '?' instead"
            : "note: --csv-encoding utf8-bom を指定するか、--cp932-replace で '?' を書いてください")
        console.errorLine(
          language == .en
            ? "Error: \(count) character\(count == 1 ? "" : "s") cannot be written in CP932; "
              + "nothing was written."
            : "Error: \(count) 文字を CP932 で書けません。何も書き込んでいません。")
      }
      return .failure
    }
    // One warning per character written as its CP932 look-alike, where it first occurred.
    var seen: [Unicode.Scalar: Int] = [:]
    for substitution in written.lookAlikes { seen[substitution.scalar, default: 0] += 1 }
    var warned = Set<Unicode.Scalar>()
    for substitution in written.lookAlikes where warned.insert(substitution.scalar).inserted {
      let count = seen[substitution.scalar] ?? 1
      let times =
        language == .en
        ? " (\(count) times in all; this is the first)" : "（全 \(count) 回。これが最初です）"
      console.errorLine(
        "warning: \(substitution.description(language))" + (count > 1 ? times : ""))
    }
    Diagnostics.report(allocation, language: language, to: &console)
    // The per-body statements and the certificates are many: each folder is listed once, with
    // how many files it holds. A file is in a folder when its name in the set starts with the
    // folder's (`statements/131032.csv`).
    var main: [String] = []
    var perBody = 0
    var certified = 0
    var perBodyWorkbooks = false
    for name in written.names {
      switch name.firstIndex(of: "/").map({ String(name[..<$0]) }) {
      case BodyStatementFiles.folder?:
        perBody += 1
        perBodyWorkbooks = perBodyWorkbooks || name.hasSuffix(".xlsx")
      case CertificatePage.folder?: certified += 1
      default: main.append(written.path(of: name))
      }
    }
    let inFolder = written.path(of: BodyStatementFiles.folder) + "/"
    let inCertificates = written.path(of: CertificatePage.folder) + "/"
    let kinds =
      perBodyWorkbooks
      ? (en: "a .csv, .json, .html and .xlsx", ja: ".csv、.json、.html、.xlsx")
      : (en: "a .csv, .json and .html", ja: ".csv、.json、.html")
    let listed =
      perBody == 0
      ? main
      : main + [
        inFolder
          + (language == .en
            ? " (\(perBody) files: \(kinds.en) per body)"
            : "（\(perBody)ファイル: 団体ごとに \(kinds.ja)）")
      ]
        + (certified == 0
          ? []
          : [
            inCertificates
              + (language == .en
                ? " (\(certified) pages: one per event with credits allocated)"
                : "（\(certified)ページ: 配分を受けたイベントごとに1ページ）")
          ])
    console.write(AllocationSummary.text(allocation, statements: listed, language: language))
    return .success
  }

  static func csvFormat(_ parsed: ParsedArguments) throws(UsageError) -> CSVFormat {
    let encoding: CSVFormat.Encoding = try choice(parsed, "csv-encoding", "encoding") ?? .utf8BOM
    let lineEnding: CSVFormat.LineEnding = try choice(parsed, "line-ending", "crlf|lf") ?? .crlf
    return CSVFormat(
      encoding: encoding, lineEnding: lineEnding,
      replacesUnmappable: parsed.flags.contains("cp932-replace"))
  }

  /// An option whose value is one of an enumeration's raw values.
  static func choice<Value: RawRepresentable & CaseIterable>(
    _ parsed: ParsedArguments, _ name: String, _ valueName: String
  ) throws(UsageError) -> Value? where Value.RawValue == String {
    guard let text = parsed.values[name] else { return nil }
    guard let value = Value(rawValue: text) else {
      throw .invalidValue(
        option: "--\(name) <\(valueName)>", value: text,
        reason: "expected one of "
          + Value.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return value
  }
}
