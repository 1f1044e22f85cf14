/// One event row of a submission as written, before validation: a text per column.
///
/// CSV rows and JSON objects both become rows, so one set of checks serves every format.
struct SubmissionRow {
  /// The text of each column, indexed by ``SubmissionColumn/rawValue``; `nil` when the column is
  /// absent from the row.
  var values: [String?] = Array(repeating: nil, count: SubmissionColumn.allCases.count)

  subscript(column: SubmissionColumn) -> String? {
    get { values[column.rawValue] }
    set { values[column.rawValue] = newValue }
  }
}
