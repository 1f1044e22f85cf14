/// The statements `jointcredit allocate` writes, written together or not at all.
public struct StatementSet: Sendable {
  /// How CSV statements are encoded.
  public var csvFormat: CSVFormat
  /// The language of headers, labels and statement text.
  public var language: StatementLanguage
  /// Whether each body gets its own statements in `statements/`.
  public var includesBodyStatements: Bool
  /// Whether `report.html` is written.
  public var includesReport: Bool
  /// Whether the workbooks are written: `allocation.xlsx`, and each body's
  /// `statements/<body_code>.xlsx` when body statements are.
  public var includesWorkbook: Bool
  /// Whether each event with credits allocated gets its certificate,
  /// `certificates/<body_code>/<event_id>.html`, and a row in allocation.xlsx's certificates
  /// sheet, when body statements are written.
  public var includesCertificates: Bool
  /// How many events' lines a part of allocation.json, allocation.csv or offset-rates.csv
  /// holds: the parts of a file are made on every core at once (see ``StatementParts``).
  var eventsPerPart = 8192

  /// Creates a set with a CSV format (UTF-8 with BOM and CRLF by default) and a language.
  public init(
    csvFormat: CSVFormat = .excel, language: StatementLanguage = .en,
    includesBodyStatements: Bool = true, includesReport: Bool = true,
    includesWorkbook: Bool = true, includesCertificates: Bool = true
  ) {
    self.csvFormat = csvFormat
    self.language = language
    self.includesBodyStatements = includesBodyStatements
    self.includesReport = includesReport
    self.includesWorkbook = includesWorkbook
    self.includesCertificates = includesCertificates
  }

  /// The main file names written for an allocation, in the order they are listed (per-body
  /// statements follow, in `statements/`).
  public func fileNames(for allocation: Allocation) -> [String] {
    [AllocationStatement.fileName, BodyStatement.fileName, OffsetRateStatement.fileName]
      + (allocation.retirement.isEmpty
        ? [] : [RetirementStatement.fileName, ApplicationStatement.fileName])
      + [AllocationDocument.fileName] + (includesWorkbook ? [AllocationWorkbook.fileName] : [])
      + (includesReport ? [ReportPage.fileName] : [])
  }

  /// Writes every statement into `directory` as one whole set (see docs/reliability.md): the
  /// folder then holds this run's statements and whatever else was there that an earlier run did
  /// not write; statements of an earlier run that this one does not write are removed.
  ///
  /// - Returns: the paths written: those of ``fileNames(for:)`` in order, then the per-body
  ///   statements.
  /// - Throws: ``StatementError``; then no statement file was created or replaced.
  public func write(
    _ allocation: Allocation, files: [InputFile], warnings: [InputWarning],
    to directory: String
  ) throws(StatementError) -> [String] {
    try writeReporting(allocation, files: files, warnings: warnings, to: directory).paths
  }

  /// What a write did: the files written, and the characters CP932 lacks that were written as
  /// their look-alikes (〜 as ～, say), each with where.
  public struct Written: Sendable {
    /// The names of the files written, relative to the folder (`statements/011002.csv` for a
    /// body's statement): those of ``fileNames(for:)`` in order, then the per-body statements
    /// and the certificates.
    public var names: [String]
    /// The folder written to, as given.
    public var directory: String
    /// Every character written as its look-alike, file by file, in row and column order.
    public var lookAlikes: [EncodingProblems.Problem]

    /// The paths written, in the order of ``names``, as ``write(_:files:warnings:to:)``
    /// returns them.
    public var paths: [String] { names.map(path(of:)) }

    /// The path of a file or folder named relative to the folder written to.
    public func path(of name: String) -> String {
      StagedDirectory(directory: directory).path(of: name)
    }
  }

  /// Writes every statement, as ``write(_:files:warnings:to:)`` does, and says which characters
  /// were written as their CP932 look-alikes.
  public func writeReporting(
    _ allocation: Allocation, files: [InputFile], warnings: [InputWarning],
    to directory: String
  ) throws(StatementError) -> Written {
    let plan = StatementPlan(self, allocation, files: files, warnings: warnings)
    let staged = plan.files.map { file in
      StagedFile(file.name, parts: file.parts.count) { file.render($0, to: &$1) }
    }
    do {
      // The workbook's sheets are made alongside the files, the workbook written last.
      _ = try StagedDirectory(directory: directory).write(
        staged, alongside: plan.context.workbook?.work ?? []
      ) { plan.isWritable }
    } catch {
      throw .output(error)
    }
    try plan.checkEncoding()
    let main = fileNames(for: allocation)
    let isMain = Set(main)
    return Written(
      names: main + staged.lazy.map(\.name).filter { !isMain.contains($0) },
      directory: directory,
      lookAlikes: plan.lookAlikes)
  }

  /// Every statement in memory: the same bytes ``write(_:files:warnings:to:)`` puts in files,
  /// by their paths relative to the folder (`allocation.csv`, `statements/131032.csv`).
  ///
  /// - Throws: ``StatementError/unmappable(_:)`` for text that CP932 cannot hold.
  public func render(_ allocation: Allocation, files: [InputFile], warnings: [InputWarning])
    throws(StatementError) -> [String: [UInt8]]
  {
    let plan = StatementPlan(self, allocation, files: files, warnings: warnings)
    var rendered: [String: [UInt8]] = [:]
    for file in plan.files {
      var bytes: [UInt8] = []
      for part in 0..<file.parts.count { file.render(part, to: &bytes) }
      rendered[file.name] = bytes
    }
    try plan.checkEncoding()
    return rendered
  }
}

/// The files of one set of statements, each with what writes it, to a file or to memory.
private struct StatementPlan {
  /// One statement file.
  struct File: Sendable {
    enum Kind: Sendable {
      case document, allocation, offsetRates, bodies, retirement, applications, report, workbook
      case bodyCSV(Int), bodyJSON(Int), bodyHTML(Int), bodyWorkbook(Int)
      case certificate(body: Int, event: Int)
    }
    let name: String
    let kind: Kind
    let context: Context

    /// Where the file is cut into parts: a file of a line per event that no one counts the
    /// rows of (CP932's problems are counted row by row) is cut; any other is whole.
    var parts: StatementParts {
      switch kind {
      case .document: context.parts
      case .allocation, .offsetRates: context.problems[name] == nil ? context.parts : context.whole
      default: context.whole
      }
    }

    func render(_ part: Int, to output: inout some ByteOutput) {
      let allocation = context.allocation, language = context.language
      let csv = CSVWriter(format: context.format, problems: context.problems[name])
      switch kind {
      case .document:
        AllocationDocument.write(
          part, of: parts, allocation, files: context.files, warnings: context.warnings,
          to: &output)
      case .allocation:
        AllocationStatement.write(
          part, of: parts, allocation, writer: csv, language: language, to: &output)
      case .offsetRates:
        OffsetRateStatement.write(
          part, of: parts, allocation, writer: csv, language: language, to: &output)
      case .bodies: BodyStatement.write(allocation, writer: csv, language: language, to: &output)
      case .retirement:
        RetirementStatement.write(allocation, writer: csv, language: language, to: &output)
      case .applications:
        ApplicationStatement.write(allocation, writer: csv, language: language, to: &output)
      case .report: ReportPage.write(allocation, language: language, to: &output)
      case .workbook:
        // Its sheets are made by jobs started before the files (or here, when none were).
        context.workbook?.package.write(to: &output)
      case .certificate(let body, let event):
        CertificatePage.write(
          event: event, of: allocation.bodies[body], in: allocation,
          ranges: context.ranges(body, event: event),
          language: language, to: &output)
      case .bodyWorkbook(let index):
        BodyWorkbook.write(
          allocation.bodies[index], of: allocation, ranges: context.ranges(index),
          language: language, to: &output)
      case .bodyCSV(let index):
        BodyStatementFiles.writeCSV(
          allocation.bodies[index], of: allocation, ranges: context.ranges(index), writer: csv,
          language: language, to: &output)
      case .bodyJSON(let index):
        BodyStatementFiles.writeJSON(
          allocation.bodies[index], of: allocation, totals: context.totals,
          ranges: context.ranges(index), to: &output)
      case .bodyHTML(let index):
        BodyStatementFiles.writeHTML(
          allocation.bodies[index], of: allocation, totals: context.totals,
          ranges: context.ranges(index), language: language, to: &output)
      }
    }
  }

  /// What every file of the set shares, computed once.
  final class Context: Sendable {
    let allocation: Allocation
    let files: [InputFile]
    let warnings: [InputWarning]
    let format: CSVFormat
    let language: StatementLanguage
    let totals: AllocationTotals
    let rangesByBody: [Body.Code: [RetirementRange]]
    /// The ranges retired for each event itself, for its certificate (grouped once: searching a
    /// body's ranges per event would cost its events squared).
    let rangesByEvent: [AllocationKey: [RetirementRange]]
    /// The collector of characters CP932 cannot write, per CSV file, when writing CP932.
    let problems: [String: EncodingProblems]
    /// Whether a character CP932 cannot write is an error (rather than `?`).
    let strict: Bool
    /// allocation.xlsx's sheets, to make, when it is written.
    let workbook: SpreadsheetPackage.Pending?
    /// Where the statements of a line per event are cut, and the one part of the others.
    let parts: StatementParts, whole: StatementParts

    init(
      _ allocation: Allocation, files: [InputFile], warnings: [InputWarning], format: CSVFormat,
      language: StatementLanguage, csvNames: [String], includesWorkbook: Bool,
      includesCertificates: Bool, eventsPerPart: Int
    ) {
      parts = StatementParts(allocation, eventsPerPart: eventsPerPart)
      whole = .whole(allocation)
      self.allocation = allocation
      self.files = files
      self.warnings = warnings
      self.format = format
      self.language = language
      totals = AllocationTotals(allocation)
      rangesByBody = Dictionary(grouping: allocation.retirement, by: \.body)
      rangesByEvent =
        includesCertificates
        ? Dictionary(grouping: allocation.retirement.filter { $0.basis == .event }) {
          AllocationKey(body: $0.body, event: $0.event?.id)
        } : [:]
      strict = format.encoding == .cp932 && !format.replacesUnmappable
      workbook =
        includesWorkbook
        ? AllocationWorkbook.pending(
          allocation, language: language, certificates: includesCertificates) : nil
      problems =
        format.encoding == .cp932
        ? Dictionary(uniqueKeysWithValues: csvNames.map { ($0, EncodingProblems(file: $0)) })
        : [:]
    }

    func ranges(_ index: Int) -> [RetirementRange] {
      rangesByBody[allocation.bodies[index].body.code] ?? []
    }

    /// The ranges retired for an event itself.
    func ranges(_ body: Int, event: Int) -> [RetirementRange] {
      let share = allocation.bodies[body]
      return rangesByEvent[
        AllocationKey(body: share.body.code, event: share.events[event].event.id)] ?? []
    }
  }

  let files: [File]
  let context: Context

  init(
    _ set: StatementSet, _ allocation: Allocation, files: [InputFile],
    warnings: [InputWarning]
  ) {
    // Largest first, so that the two cores finish together (the workbook last: it waits for
    // its sheets, made by jobs started before every file).
    var kinds: [(String, File.Kind, isCSV: Bool)] = [
      (AllocationDocument.fileName, .document, false),
      (AllocationStatement.fileName, .allocation, true),
      (OffsetRateStatement.fileName, .offsetRates, true),
      (BodyStatement.fileName, .bodies, true),
    ]
    if !allocation.retirement.isEmpty {
      kinds.append((RetirementStatement.fileName, .retirement, true))
      kinds.append((ApplicationStatement.fileName, .applications, true))
    }

    if set.includesReport { kinds.append((ReportPage.fileName, .report, false)) }
    if set.includesBodyStatements {
      for index in allocation.bodies.indices {
        let names = BodyStatementFiles.fileNames(for: allocation.bodies[index].body.code)
        kinds += [
          (names[0], .bodyCSV(index), true), (names[1], .bodyJSON(index), false),
          (names[2], .bodyHTML(index), false),
        ]
        if set.includesWorkbook {
          kinds.append(
            (
              BodyWorkbook.fileName(for: allocation.bodies[index].body.code), .bodyWorkbook(index),
              false
            ))
        }
        if set.includesCertificates {
          let body = allocation.bodies[index]
          for (event, share) in body.events.enumerated() where CertificatePage.isCertified(share) {
            kinds.append(
              (
                CertificatePage.fileName(body: body.body.code, event: share.event.id),
                .certificate(body: index, event: event), false
              ))
          }
        }
      }
    }
    if set.includesWorkbook { kinds.append((AllocationWorkbook.fileName, .workbook, false)) }
    let context = Context(
      allocation, files: files, warnings: warnings, format: set.csvFormat,
      language: set.language, csvNames: kinds.filter(\.isCSV).map(\.0),
      includesWorkbook: set.includesWorkbook,
      includesCertificates: set.includesBodyStatements && set.includesCertificates,
      eventsPerPart: set.eventsPerPart)
    self.context = context
    self.files = kinds.map { File(name: $0.0, kind: $0.1, context: context) }
  }

  /// Whether every CSV could be written in its encoding.
  var isWritable: Bool {
    !context.strict || context.problems.values.allSatisfy(\.problems.isEmpty)
  }

  /// The characters written as their look-alikes, in file order.
  var lookAlikes: [EncodingProblems.Problem] {
    files.compactMap { context.problems[$0.name] }.flatMap(\.substitutions)
  }

  /// Throws the characters CP932 could not write, in file order.
  func checkEncoding() throws(StatementError) {
    guard context.strict else { return }
    let problems = files.compactMap { context.problems[$0.name] }.flatMap(\.problems)
    guard problems.isEmpty else { throw .unmappable(problems) }
  }
}

/// Why statements were not written.
public enum StatementError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A file could not be written.
  case output(OutputError)
  /// Characters that CP932 cannot write.
  case unmappable([EncodingProblems.Problem])

  public var description: String {
    switch self {
    case .output(let error): "\(error)"
    case .unmappable(let problems): problems.map(\.description).joined(separator: "\n")
    }
  }
}
