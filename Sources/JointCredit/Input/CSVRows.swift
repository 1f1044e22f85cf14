/// The rows of a CSV submission below its header: which field holds which column, and the loop
/// that checks each row into an ``EstimatesBuilder``.
struct CSVRows: Sendable {
  /// For each column, the index of its field.
  let columns: [Int?]
  /// How many fields the header names (empty cells at its end name none).
  let headerCount: Int
  /// The file's path, for locations.
  let source: String
  private let bodyFields: [Int]
  private let eventFields: [Int]

  init(columns: [Int?], headerCount: Int, source: String) {
    self.columns = columns
    self.headerCount = headerCount
    self.source = source
    bodyFields = [SubmissionColumn.bodyCode, .bodyName, .bodyKind].compactMap {
      columns[$0.rawValue]
    }
    eventFields = SubmissionColumn.eventColumns.compactMap { columns[$0.rawValue] }
  }

  /// A copy that shares no storage with this one, for another core to read with.
  func copy() -> CSVRows {
    CSVRows(
      columns: columns.map { $0 }, headerCount: headerCount,
      source: String(decoding: Array(source.utf8), as: UTF8.self))
  }

  /// How many rows were read and how many of them were accepted.
  struct Counts: Sendable {
    var rows = 0
    var accepted = 0

    static func + (a: Counts, b: Counts) -> Counts {
      Counts(rows: a.rows + b.rows, accepted: a.accepted + b.accepted)
    }
  }

  /// Reads every record `reader` has left into `builder`. Problems with the CSV itself stay in
  /// the reader's ``CSVReader/problems``.
  func read(_ reader: inout CSVReader, into builder: inout EstimatesBuilder) -> Counts {
    // Fields are read through one pointer to the text, which the reader keeps alive.
    let text = reader.utf8
    return text.withUnsafeBufferPointer { read(&reader, text: $0, into: &builder) }
  }

  private func read(
    _ reader: inout CSVReader, text: UnsafeBufferPointer<UInt8>,
    into builder: inout EstimatesBuilder
  ) -> Counts {
    // The columns as a local constant: the closure below, made for every row, captures it
    // alone, where capturing `self` copied every stored property (four references counted up
    // and down per row).
    let columns = columns
    var record = CSVRecord()
    var row = SubmissionRow()
    var counts = Counts()
    // The bodies accepted from these rows by their fields as written: a row that repeats an
    // accepted row's code, name and kind byte for byte skips their checks, whichever rows came
    // between (a combined file interleaves bodies). Per file, as warnings are reported per file.
    var acceptedBodies = ByteKeyTable()
    // The row's body fields as written, each followed by 0xFF (never in UTF-8, so the fields
    // stay apart): the first `keyLength` bytes, copied in place rather than appended, which
    // cost about ninety instructions an append.
    var key = [UInt8](repeating: 0, count: 256)
    let bodyFields = bodyFields
    let dateField = columns[SubmissionColumn.eventDate.rawValue]
    let estimateField = columns[SubmissionColumn.emissions.rawValue]
    let nameField = columns[SubmissionColumn.eventName.rawValue]
    let idField = columns[SubmissionColumn.eventID.rawValue]
    while reader.next(into: &record, in: text) {
      if record.isBlank || record.isMalformed { continue }
      // A form's pre-filled row that was not used: every field there, the event's empty.
      if record.count >= headerCount, isUnusedFormRow(record) { continue }
      counts.rows += 1
      if record.count != headerCount, let error = fieldCountError(record, reader: reader) {
        builder.report(error)
        continue
      }
      var keyLength = bodyFields.count
      for field in bodyFields { keyLength += record.rawField(field, in: text).count }
      if key.count < keyLength { key = [UInt8](repeating: 0, count: 2 * keyLength) }
      let sameBody = key.withUnsafeMutableBufferPointer { key in
        var end = 0
        for field in bodyFields {
          let bytes = record.rawField(field, in: text)
          _ = UnsafeMutableBufferPointer(rebasing: key[end...]).initialize(fromContentsOf: bytes)
          end += bytes.count
          key[end] = 0xFF
          end += 1
        }
        return acceptedBodies.value(for: UnsafeBufferPointer(rebasing: key[..<keyLength]))
      }
      // A plain date and a plain estimate are read from their bytes, and a plain name kept as
      // bytes, without their text (what normalising the text would give is the text itself);
      // anything else is read as text.
      row.date = dateField.flatMap { record.plainDate($0, in: text) }
      row.estimate = estimateField.flatMap { record.plainDecimal($0, in: text) }
      row.eventName = nameField.flatMap { record.plainText($0, in: text) }
      row.eventIDIsPlain = idField.map { record.isPrintableASCII($0, in: text) } ?? false
      for column in SubmissionColumn.allCases {
        let skipped =
          switch column {
          case .bodyCode, .bodyName, .bodyKind: sameBody != nil
          case .eventDate: row.date != nil
          case .emissions: row.estimate != nil
          case .eventName: row.eventName != nil
          default: false
          }
        row[column] = skipped ? nil : columns[column.rawValue].map { record.field($0, in: text) }
      }
      let body = builder.add(row, sameBodyAs: sameBody) { column in
        reader.position(ofField: columns[column.rawValue] ?? 0, in: record)
      }
      if let body {
        counts.accepted += 1
        if sameBody == nil {
          key.withUnsafeBufferPointer { key in
            acceptedBodies.insert(UnsafeBufferPointer(rebasing: key[..<keyLength]), body)
          }
        }
      }
    }
    return counts
  }

  /// Whether a record holds every field but none of an event's: a form's pre-filled row that
  /// was not used.
  private func isUnusedFormRow(_ record: CSVRecord) -> Bool {
    for field in eventFields where !record.isEmpty(field) { return false }
    return true
  }

  /// The error for a record with another number of fields than the header, or `nil` when its
  /// only extra fields are empty: Excel pads short rows with nothing and may add empty trailing
  /// cells; only real data beyond the header is an error.
  private func fieldCountError(_ record: CSVRecord, reader: CSVReader) -> InputError? {
    let extra = headerCount..<max(headerCount, record.count)
    guard record.count < headerCount || extra.contains(where: { !record.isEmpty($0) }) else {
      return nil
    }
    // Point at the first extra field, or at the end of a short row.
    let at =
      record.count > headerCount
      ? reader.position(ofField: headerCount, in: record) : reader.endPosition(of: record)
    return InputError(
      .fieldCount(expected: headerCount, found: record.count), at: InputLocation(source, at))
  }
}
