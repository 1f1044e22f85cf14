/// One worksheet's XML, written row by row straight into a DEFLATE stream.
struct SheetWriter {
  private var encoder = DeflateEncoder()
  private var buffer: [UInt8] = []
  private var rowNumber = 1
  private static let flushSize = 1 << 16

  /// Starts a sheet: its view (the header row frozen), its column widths and its header.
  init(header: [String], widths: [Int]) {
    var start =
      SpreadsheetPackage.declaration
      + "<worksheet xmlns=\"\(SpreadsheetPackage.mainNamespace)\" "
      + "xmlns:r=\"\(SpreadsheetPackage.relationshipNamespace)\">"
      + "<sheetViews><sheetView workbookViewId=\"0\">"
      + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
      + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
    if !widths.isEmpty {
      start += "<cols>"
      for (index, width) in widths.enumerated() {
        start +=
          "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
      }
      start += "</cols>"
    }
    start += "<sheetData>"
    buffer += start.utf8
    row { row in
      for title in header { row.text(title, style: .header) }
    }
  }

  /// Writes a row, its cells given by `body`.
  mutating func row(_ body: (inout SheetRow) -> Void) {
    var row = SheetRow(number: rowNumber, bytes: buffer)
    buffer = []
    row.bytes += "<row r=\"\(rowNumber)\">".utf8
    body(&row)
    row.bytes += "</row>".utf8
    buffer = row.bytes
    rowNumber += 1
    if buffer.count >= Self.flushSize {
      encoder.write(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// Ends the sheet; the encoder holds it compressed.
  consuming func finish() -> DeflateEncoder {
    buffer += "</sheetData></worksheet>".utf8
    encoder.write(buffer)
    return encoder
  }
}

/// The cells of one row being written, left to right; an empty cell is skipped, not written.
struct SheetRow {
  fileprivate let number: Int
  fileprivate var bytes: [UInt8]
  private var column = 0

  fileprivate init(number: Int, bytes: [UInt8]) {
    self.number = number
    self.bytes = bytes
  }

  private mutating func open(_ style: CellStyle, type: String?) {
    bytes += "<c r=\"".utf8
    bytes += SheetRow.columnNames(column).utf8
    bytes += String(number).utf8
    bytes += "\"".utf8
    if style != .general { bytes += " s=\"\(style.rawValue)\"".utf8 }
    if let type { bytes += " t=\"\(type)\"".utf8 }
    bytes += ">".utf8
    column += 1
  }

  /// A text cell (an inline string); an empty text is an empty cell.
  mutating func text(_ text: String, style: CellStyle = .text) {
    guard !text.isEmpty else { return empty() }
    open(style, type: "inlineStr")
    let preserves = text.first?.isWhitespace == true || text.last?.isWhitespace == true
    bytes += (preserves ? "<is><t xml:space=\"preserve\">" : "<is><t>").utf8
    SpreadsheetXML.append(text, to: &bytes)
    bytes += "</t></is></c>".utf8
  }

  /// A number cell, its value written as decimal text.
  mutating func number(_ value: String, style: CellStyle) {
    open(style, type: nil)
    bytes += "<v>".utf8
    bytes += value.utf8
    bytes += "</v></c>".utf8
  }

  /// An empty cell: nothing is written; the next cell moves one column on.
  mutating func empty() { column += 1 }

  /// An empty cell with a format and no value, `<c r="K2" s="3"/>`: a value still to come,
  /// which `jointcredit retire` fills in (see ``pendingSuffix``).
  mutating func pending(style: CellStyle) {
    bytes += "<c r=\"".utf8
    bytes += SheetRow.columnNames(column).utf8
    bytes += String(number).utf8
    bytes += "\" s=\"\(style.rawValue)\"/>".utf8
    column += 1
  }

  /// How a pending date cell ends: the only cells written with the date format and no value.
  static let pendingSuffix = " s=\"\(CellStyle.date.rawValue)\"/>"

  /// Column letters, cached for the first 64 columns.
  private static let cachedNames = (0..<64).map(SpreadsheetXML.columnName)
  private static func columnNames(_ index: Int) -> String {
    index < cachedNames.count ? cachedNames[index] : SpreadsheetXML.columnName(index)
  }
}
