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

  /// Creates a set with a CSV format (UTF-8 with BOM and CRLF by default) and a language.
  public init(
    csvFormat: CSVFormat = .excel, language: StatementLanguage = .en,
    includesBodyStatements: Bool = true, includesReport: Bool = true
  ) {
    self.csvFormat = csvFormat
    self.language = language
    self.includesBodyStatements = includesBodyStatements
    self.includesReport = includesReport
  }

  /// The main file names written for an allocation, in the order they are listed (per-body
  /// statements follow, in `statements/`).
  public func fileNames(for allocation: Allocation) -> [String] {
    [AllocationStatement.fileName, BodyStatement.fileName, OffsetRateStatement.fileName]
      + (allocation.retirement.isEmpty ? [] : [RetirementStatement.fileName])
      + [AllocationDocument.fileName] + (includesReport ? [ReportPage.fileName] : [])
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
    let format = csvFormat, language = self.language
    let strict = format.encoding == .cp932 && !format.replacesUnmappable
    var collectors: [EncodingProblems] = []
    func csv(
      _ name: String,
      _ write:
        @escaping @Sendable (Allocation, CSVWriter, StatementLanguage, inout FileOutput) -> Void
    ) -> StagedFile {
      let problems = strict ? EncodingProblems(file: name) : nil
      if let problems { collectors.append(problems) }
      let writer = CSVWriter(format: format, problems: problems)
      return StagedFile(name) { write(allocation, writer, language, &$0) }
    }
    // Largest first, so that the two cores finish together.
    var staged = [
      StagedFile(AllocationDocument.fileName) {
        AllocationDocument.write(allocation, files: files, warnings: warnings, to: &$0)
      },
      csv(AllocationStatement.fileName) {
        AllocationStatement.write($0, writer: $1, language: $2, to: &$3)
      },
      csv(OffsetRateStatement.fileName) {
        OffsetRateStatement.write($0, writer: $1, language: $2, to: &$3)
      },
      csv(BodyStatement.fileName) { BodyStatement.write($0, writer: $1, language: $2, to: &$3) },
    ]
    if !allocation.retirement.isEmpty {
      staged.append(
        csv(RetirementStatement.fileName) {
          RetirementStatement.write($0, writer: $1, language: $2, to: &$3)
        })
    }
    if includesReport {
      staged.append(
        StagedFile(ReportPage.fileName) {
          ReportPage.write(allocation, language: language, to: &$0)
        })
    }
    if includesBodyStatements {
      let totals = AllocationTotals(allocation)
      let rangesByBody = Dictionary(grouping: allocation.retirement, by: \.body)
      for index in allocation.bodies.indices {
        let ranges = rangesByBody[allocation.bodies[index].body.code] ?? []
        let names = BodyStatementFiles.fileNames(for: allocation.bodies[index].body.code)
        staged.append(
          csv(names[0]) { allocation, writer, language, output in
            BodyStatementFiles.writeCSV(
              allocation.bodies[index], of: allocation, ranges: ranges,
              writer: writer, language: language, to: &output)
          })
        staged.append(
          StagedFile(names[1]) {
            BodyStatementFiles.writeJSON(
              allocation.bodies[index], of: allocation, totals: totals,
              ranges: ranges, to: &$0)
          })
        staged.append(
          StagedFile(names[2]) {
            BodyStatementFiles.writeHTML(
              allocation.bodies[index], of: allocation, totals: totals,
              ranges: ranges, language: language, to: &$0)
          })
      }
    }
    let paths: [String]
    do {
      paths = try StagedDirectory(directory: directory).write(staged) {
        collectors.allSatisfy(\.problems.isEmpty)
      }
    } catch {
      throw .output(error)
    }
    let problems = collectors.flatMap(\.problems)
    guard problems.isEmpty else { throw .unmappable(problems) }
    let byName = Dictionary(uniqueKeysWithValues: zip(staged.map(\.name), paths))
    let main = fileNames(for: allocation)
    return main.map { byName[$0]! }
      + staged.map(\.name).filter { !main.contains($0) }.map { byName[$0]! }
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
