/// Reads the rows of a CSV submission into an ``EstimatesBuilder``.
enum CSVSubmission {
  /// Reads decoded CSV text.
  ///
  /// - Returns: the number of events accepted.
  static func read(_ utf8: [UInt8], source: String, into builder: inout EstimatesBuilder) -> Int {
    builder.begin(file: source)
    // A row of a submission is rarely under 32 bytes, so this is about as many events as the
    // file can hold; room reserved and not used is address space, never touched.
    builder.reserveEvents(utf8.count / 32)
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
    // Empty cells at the end of the header (a trailing comma) name no column.
    var headerCount = record.count
    while headerCount > 1, record.isEmpty(headerCount - 1) { headerCount -= 1 }
    let headerLine = record.line
    var row = SubmissionRow()
    var rows = 0
    var accepted = 0
    // The bodies accepted from this file by their fields as written: a row that repeats an
    // accepted row's code, name and kind byte for byte skips their checks, whichever rows came
    // between (a combined file interleaves bodies). Per file, as warnings are reported per file.
    var acceptedBodies: [RawBodyFields: Int] = [:]
    var key = RawBodyFields()
    let bodyFields = [SubmissionColumn.bodyCode, .bodyName, .bodyKind].compactMap {
      columns[$0.rawValue]
    }
    let eventFields = SubmissionColumn.eventColumns.compactMap { columns[$0.rawValue] }
    while reader.next(into: &record) {
      if record.isBlank || record.isMalformed { continue }
      // A form's pre-filled row that was not used: every field there, the event's empty.
      if record.count >= headerCount, eventFields.allSatisfy(record.isEmpty) { continue }
      rows += 1
      if record.count != headerCount {
        // Excel pads short rows with nothing and may add empty trailing cells; only real data
        // beyond the header is an error.
        let extra = headerCount..<max(headerCount, record.count)
        if record.count < headerCount || extra.contains(where: { !record.isEmpty($0) }) {
          // Point at the first extra field, or at the end of a short row.
          let at =
            record.count > headerCount
            ? reader.position(ofField: headerCount, in: record) : reader.endPosition(of: record)
          builder.report(
            InputError(
              .fieldCount(expected: headerCount, found: record.count),
              at: InputLocation(source, at)))
          continue
        }
      }
      key.bytes.removeAll(keepingCapacity: true)
      for field in bodyFields {
        record.appendRawField(field, to: &key.bytes)
        key.bytes.append(0xFF)  // never in UTF-8: the fields stay apart
      }
      let sameBody = acceptedBodies[key]
      // A plain date and a plain estimate are read from their bytes, without their text (what
      // normalising the text would give is the text itself); anything else is read as text.
      row.date = columns[SubmissionColumn.eventDate.rawValue]
        .flatMap { record.plainField($0) }.flatMap { EventDate(isoBytes: $0) }
      row.estimate = columns[SubmissionColumn.emissions.rawValue]
        .flatMap { record.plainField($0) }
        .flatMap { bytes in
          guard bytes.allSatisfy({ $0 == UInt8(ascii: ".") || ($0 >= 0x30 && $0 <= 0x39) }),
            case .success(let estimate) = Quantity.parse(bytes: bytes)
          else { return nil }
          return estimate
        }
      for column in SubmissionColumn.allCases {
        let skipped =
          switch column {
          case .bodyCode, .bodyName, .bodyKind: sameBody != nil
          case .eventDate: row.date != nil
          case .emissions: row.estimate != nil
          default: false
          }
        row[column] = skipped ? nil : columns[column.rawValue].map { record.field($0) }
      }
      let body = builder.add(row, sameBodyAs: sameBody) { column in
        reader.position(ofField: columns[column.rawValue] ?? 0, in: record)
      }
      if let body {
        accepted += 1
        if sameBody == nil { acceptedBodies[key] = body }
      }
    }
    if rows == 0 && reader.problems.isEmpty {
      builder.report(
        InputError(.noRows, at: InputLocation(source, line: headerLine + 1, column: 1)))
    }
    return accepted
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

/// A row's body code, name and kind as written, each followed by 0xFF: the key under which
/// ``CSVSubmission`` finds a body already accepted, hashed as one block of bytes.
struct RawBodyFields: Hashable {
  var bytes: [UInt8] = []

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }
}
