/// A submission's header row, in any format: which cell names which column.
enum SubmissionHeader {
  /// Maps header cells to columns, reporting missing and repeated columns as errors and
  /// unknown ones as warnings.
  ///
  /// - Parameters:
  ///   - cells: each cell's text and position, in order; a cell's index is its field's.
  ///   - first: where the header starts, for a missing column.
  ///   - locate: the location of a position in the file.
  /// - Returns: for each column, the index of its field, or `nil` when the header is unusable.
  static func columns(
    _ cells: [(String, TextPosition)], first: TextPosition,
    locate: (TextPosition) -> InputLocation, into builder: inout EstimatesBuilder
  ) -> [Int?]? {
    var columns = [Int?](repeating: nil, count: SubmissionColumn.allCases.count)
    var usable = true
    for (index, (cell, position)) in cells.enumerated() {
      let trimmed = TextNormalization.trimmed(cell)
      guard let column = SubmissionColumn(header: trimmed) else {
        if !trimmed.isEmpty {
          builder.warn(InputWarning(.unknownColumn(trimmed), at: locate(position)))
        }
        continue
      }
      if columns[column.rawValue] != nil {
        builder.report(InputError(.duplicateColumn(column.description), at: locate(position)))
        usable = false
      }
      columns[column.rawValue] = index
    }
    for column in SubmissionColumn.allCases
    where column.isRequired && columns[column.rawValue] == nil {
      builder.report(
        InputError(
          .missingColumn(column.description, required: SubmissionColumn.requiredNames),
          at: locate(first)))
      usable = false
    }
    return usable ? columns : nil
  }
}
