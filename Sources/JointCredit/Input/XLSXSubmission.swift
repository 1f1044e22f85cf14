/// Reads the rows of a workbook submission (.xlsx) into an ``EstimatesBuilder``: the sheet
/// named like a form's submission sheet, else the first; its first row with any cell is the
/// header, in English or Japanese; a row whose event cells are all empty (a form's pre-filled
/// row not used) is skipped. Problems are located as `file.xlsx:Sheet!G3`.
enum XLSXSubmission {
  /// Reads a workbook's bytes.
  ///
  /// - Returns: the number of events accepted.
  static func read(_ bytes: [UInt8], source: String, into builder: inout EstimatesBuilder) -> Int {
    let workbook: WorkbookReader
    let sheet: WorkbookReader.Sheet
    let rows: [WorkbookReader.Row]
    do {
      workbook = try WorkbookReader(bytes)
      sheet = workbook.submissionSheet
      rows = try workbook.rows(of: sheet)
    } catch {
      builder.begin(file: source)
      builder.report(InputError(.invalidWorkbook(error), at: InputLocation(source)))
      return 0
    }
    builder.begin(file: source, sheet: sheet.name)
    func position(_ row: Int, _ column: Int) -> TextPosition {
      TextPosition(line: row, column: column + 1)
    }
    func locate(_ position: TextPosition) -> InputLocation {
      InputLocation(source, position, sheet: sheet.name)
    }
    guard let header = rows.first else {
      builder.report(InputError(.emptyFile, at: locate(position(1, 0))))
      return 0
    }
    // Cells by column, with empty ones between, so that a field's index is its column.
    let width = (header.cells.map(\.column).max() ?? 0) + 1
    var headerCells = (0..<width).map { ("", position(header.number, $0)) }
    for (column, text) in header.cells { headerCells[column].0 = text }
    guard
      let columns = SubmissionHeader.columns(
        headerCells, first: position(header.number, 0), locate: locate, into: &builder)
    else { return 0 }

    var accepted = 0
    var rowsRead = 0
    for row in rows.dropFirst() {
      var values = [String?](repeating: nil, count: width)
      for (column, text) in row.cells where column < width { values[column] = text }
      for (column, text) in row.cells where column >= width && !text.isEmpty {
        builder.report(
          InputError(
            .fieldCount(expected: width, found: column + 1),
            at: locate(position(row.number, column))))
      }
      let isEvent = SubmissionColumn.eventColumns.contains { column in
        columns[column.rawValue].map { !(values[$0] ?? "").isEmpty } ?? false
      }
      guard isEvent else { continue }
      rowsRead += 1
      var submissionRow = SubmissionRow()
      for column in SubmissionColumn.allCases {
        submissionRow[column] = columns[column.rawValue].map { values[$0] ?? "" }
      }
      let number = row.number
      if builder.add(
        submissionRow,
        position: { position(number, columns[$0.rawValue] ?? 0) }) != nil
      {
        accepted += 1
      }
    }
    if rowsRead == 0 {
      builder.report(InputError(.noRows, at: locate(position(header.number + 1, 0))))
    }
    return accepted
  }
}
