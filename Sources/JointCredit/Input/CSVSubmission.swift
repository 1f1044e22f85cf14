/// Reads the rows of a CSV submission into an ``EstimatesBuilder``.
enum CSVSubmission {
  /// Reads decoded CSV text.
  ///
  /// - Parameter chunks: how many parts to read the rows in at once; `nil` for as many as the
  ///   cores and the text's size make worth it. The result is the same for any number.
  /// - Returns: the number of events accepted, and whether the rows were read in parts.
  static func read(
    _ utf8: [UInt8], source: String, into builder: inout EstimatesBuilder, chunks: Int? = nil
  ) -> (accepted: Int, inParts: Bool) {
    builder.begin(file: source)
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
      return (0, false)
    }
    guard let columns = header(record, reader: reader, source: source, into: &builder) else {
      return (0, false)
    }
    // Empty cells at the end of the header (a trailing comma) name no column.
    var headerCount = record.count
    while headerCount > 1, record.isEmpty(headerCount - 1) { headerCount -= 1 }
    let headerLine = record.line
    let rows = CSVRows(columns: columns, headerCount: headerCount, source: source)
    let inParts = CSVChunks.read(rows, from: reader, chunks: chunks, into: &builder)
    let counts: CSVRows.Counts
    if let inParts {
      counts = inParts
    } else {
      // A row of a submission is rarely under 32 bytes, so this is about as many events as the
      // file can hold; room reserved and not used is address space, never touched. (Parts
      // reserve their own.)
      builder.reserveEvents((utf8.count - reader.offset) / 32)
      counts = rows.read(&reader, into: &builder)
    }
    if counts.rows == 0 && reader.problems.isEmpty {
      builder.report(
        InputError(.noRows, at: InputLocation(source, line: headerLine + 1, column: 1)))
    }
    return (counts.accepted, inParts != nil)
  }

  /// Maps header cells to columns, reporting missing, repeated and unknown ones.
  ///
  /// - Returns: for each column, the index of its field, or `nil` when the header is unusable.
  private static func header(
    _ record: CSVRecord, reader: CSVReader, source: String, into builder: inout EstimatesBuilder
  ) -> [Int?]? {
    let cells = record.fields.enumerated().map { index, cell in
      (cell, reader.position(ofField: index, in: record))
    }
    let columns = SubmissionHeader.columns(
      cells, first: reader.position(ofField: 0, in: record),
      locate: { InputLocation(source, $0) }, into: &builder)
    return record.isMalformed ? nil : columns
  }
}
