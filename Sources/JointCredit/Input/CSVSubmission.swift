/// Reads the rows of a CSV submission into an ``EstimatesBuilder``.
enum CSVSubmission {
  /// Reads decoded CSV text.
  ///
  /// - Returns: the number of events accepted.
  static func read(_ utf8: [UInt8], source: String, into builder: inout EstimatesBuilder) -> Int {
    var reader = CSVReader(utf8: utf8)
    var record = CSVRecord()
    defer {
      for problem in reader.problems {
        builder.report(InputError(problem.reason, at: InputLocation(source, problem.position)))
      }
    }
    // The header is the first line that is not blank.
    var headerFound = false
    while reader.next(into: &record) {
      if !record.isBlank {
        headerFound = true
        break
      }
    }
    guard headerFound else {
      builder.report(InputError(.emptyFile, at: InputLocation(source, line: 1, column: 1)))
      return 0
    }
    guard let columns = header(record, reader: reader, source: source, into: &builder) else {
      return 0
    }
    let headerCount = record.fields.count
    let headerLine = record.line
    var row = SubmissionRow()
    var rows = 0
    var accepted = 0
    while reader.next(into: &record) {
      if record.isBlank || record.isMalformed { continue }
      rows += 1
      if record.fields.count != headerCount {
        // Excel pads short rows with nothing and may add empty trailing cells; only real data
        // beyond the header is an error.
        let extra = record.fields.dropFirst(headerCount)
        if record.fields.count < headerCount || extra.contains(where: { !$0.isEmpty }) {
          // Point at the first extra field, or at the end of a short row.
          let at = record.fields.count > headerCount
            ? reader.position(ofField: headerCount, in: record) : reader.endPosition(of: record)
          builder.report(InputError(.fieldCount(expected: headerCount, found: record.fields.count),
                                    at: InputLocation(source, at)))
          continue
        }
      }
      for column in SubmissionColumn.allCases {
        row[column] = columns[column.rawValue].map { record.fields[$0] }
      }
      let current = record
      let added = builder.add(row) { column in
        let field = columns[column.rawValue] ?? 0
        return InputLocation(source, reader.position(ofField: field, in: current))
      }
      if added { accepted += 1 }
    }
    if rows == 0 && reader.problems.isEmpty {
      builder.report(InputError(.noRows, at: InputLocation(source, line: headerLine + 1, column: 1)))
    }
    return accepted
  }

  /// Maps header cells to columns, reporting missing, repeated and unknown ones.
  ///
  /// - Returns: for each column, the index of its field, or `nil` when the header is unusable.
  private static func header(
    _ record: CSVRecord, reader: CSVReader, source: String, into builder: inout EstimatesBuilder
  ) -> [Int?]? {
    var columns = [Int?](repeating: nil, count: SubmissionColumn.allCases.count)
    var usable = !record.isMalformed
    for (index, cell) in record.fields.enumerated() {
      let location = InputLocation(source, reader.position(ofField: index, in: record))
      let trimmed = TextNormalization.trimmed(cell)
      guard let column = SubmissionColumn(header: trimmed) else {
        if !trimmed.isEmpty { builder.warn(InputWarning(.unknownColumn(trimmed), at: location)) }
        continue
      }
      if columns[column.rawValue] != nil {
        builder.report(InputError(.duplicateColumn(column.description), at: location))
        usable = false
      }
      columns[column.rawValue] = index
    }
    for column in SubmissionColumn.allCases where column.isRequired && columns[column.rawValue] == nil {
      builder.report(InputError(.missingColumn(column.description, required: SubmissionColumn.requiredNames),
                                at: InputLocation(source, reader.position(ofField: 0, in: record))))
      usable = false
    }
    return usable ? columns : nil
  }
}
