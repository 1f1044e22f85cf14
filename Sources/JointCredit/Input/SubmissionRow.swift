/// One event row of a submission as written, before validation: a text per column.
///
/// CSV rows and JSON objects both become rows, so one set of checks serves every format.
struct SubmissionRow {
  /// The text of each column, indexed by ``SubmissionColumn/rawValue``; `nil` when the column is
  /// absent from the row.
  var values: [String?] = Array(repeating: nil, count: SubmissionColumn.allCases.count)
  /// The date, read by the reader from the field's bytes when they were a plain `YYYY-MM-DD`;
  /// the field's text is then not made (``values`` holds `nil` for it).
  var date: EventDate?
  /// The estimate, read by the reader from the field's bytes when they were plain digits and a
  /// point; the field's text is then not made.
  var estimate: Quantity.Parsed?
  /// The event's name as bytes of the text being read, when they are the name as it is to be
  /// kept (trimmed and composed already); the field's text is then not made. Valid only while
  /// the row is checked.
  var eventName: UnsafeBufferPointer<UInt8>?

  subscript(column: SubmissionColumn) -> String? {
    get { values[column.rawValue] }
    set { values[column.rawValue] = newValue }
  }
}
