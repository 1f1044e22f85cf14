/// One worksheet's XML, written row by row straight into a DEFLATE stream.
struct SheetWriter {
  /// Made when the first 64 KiB are written, or at the end for a smaller sheet (sized to it).
  private var encoder: DeflateEncoder?
  private var buffer: [UInt8] = []
  /// The row number's digits, kept between rows so that a row allocates nothing.
  private var digits: [UInt8] = []
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
    digits.removeAll(keepingCapacity: true)
    SpreadsheetXML.append(rowNumber, to: &digits)
    var row = SheetRow(bytes: buffer, digits: digits)
    buffer = []
    digits = []
    row.bytes += "<row r=\"".utf8
    row.bytes += row.digits
    row.bytes += "\">".utf8
    body(&row)
    row.bytes += "</row>".utf8
    buffer = row.bytes
    digits = row.digits
    rowNumber += 1
    if buffer.count >= Self.flushSize {
      if encoder == nil { encoder = DeflateEncoder() }
      encoder!.write(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// Ends the sheet, `trailer` after its rows; the encoder holds it compressed.
  consuming func finish(trailer: String = "") -> DeflateEncoder {
    buffer += "</sheetData>".utf8
    buffer += trailer.utf8
    buffer += "</worksheet>".utf8
    var encoder = encoder ?? DeflateEncoder(expectedSize: buffer.count)
    encoder.write(buffer)
    return encoder
  }
}

/// The cells of one row being written, left to right; an empty cell is skipped, not written.
struct SheetRow {
  fileprivate var bytes: [UInt8]
  private var column = 0
  /// The row's number in decimal, written into every cell's reference.
  fileprivate var digits: [UInt8]
  /// The statement column of the cell written next, and the language of words, for cells
  /// written as a ``StatementCellSink``.
  var statementColumn = StatementColumn.key
  var language = StatementLanguage.en

  fileprivate init(bytes: [UInt8], digits: [UInt8]) {
    self.bytes = bytes
    self.digits = digits
  }

  private mutating func open(_ style: CellStyle, inline: Bool) {
    reference(style)
    if inline { append(" t=\"inlineStr\"") }
    bytes.append(UInt8(ascii: ">"))
  }

  /// `<c r="B7" s="3"`: the cell's reference and style; the next cell moves one column on.
  /// Written from static text and digits, so that a cell holds no reference to count.
  private mutating func reference(_ style: CellStyle) {
    append("<c r=\"")
    if column < 26 {
      bytes.append(UInt8(ascii: "A") + UInt8(column))
    } else {
      bytes += SpreadsheetXML.columnName(column).utf8
    }
    bytes += digits
    bytes.append(UInt8(ascii: "\""))
    if style != .general {
      append(" s=\"")
      SpreadsheetXML.append(style.rawValue, to: &bytes)
      bytes.append(UInt8(ascii: "\""))
    }
    column += 1
  }

  /// Appends static text, its bytes as compiled.
  private mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// A text cell (an inline string); an empty text is an empty cell.
  mutating func text(_ text: String, style: CellStyle = .text) {
    guard !text.isEmpty else { return empty() }
    open(style, inline: true)
    let preserves = Self.hasOuterSpace(text.utf8)
    if preserves { append("<is><t xml:space=\"preserve\">") } else { append("<is><t>") }
    SpreadsheetXML.append(text, to: &bytes)
    append("</t></is></c>")
  }

  /// A text cell of two texts joined by an ASCII separator (`131016/E01`), written without
  /// making the joined string.
  mutating func text(_ first: String, _ separator: UInt8, _ second: String) {
    open(.text, inline: true)
    // The joined text starts as `first` does (or with the separator) and ends as `second` does.
    let preserves =
      (first.isEmpty ? Self.isSpace(separator) : Self.startsWithSpace(first.utf8))
      || (second.isEmpty ? Self.isSpace(separator) : Self.endsWithSpace(second.utf8))
    if preserves { append("<is><t xml:space=\"preserve\">") } else { append("<is><t>") }
    SpreadsheetXML.append(first, to: &bytes)
    SpreadsheetXML.append(String(UnicodeScalar(separator)), to: &bytes)
    SpreadsheetXML.append(second, to: &bytes)
    append("</t></is></c>")
  }

  /// Whether a text starts or ends with white space (ASCII, or the ideographic space U+3000),
  /// which a spreadsheet keeps only when told to.
  private static func hasOuterSpace(_ utf8: String.UTF8View) -> Bool {
    startsWithSpace(utf8) || endsWithSpace(utf8)
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Whether a text starts with white space; U+3000 is E3 80 80.
  private static func startsWithSpace(_ utf8: String.UTF8View) -> Bool {
    guard let first = utf8.first else { return false }
    if isSpace(first) { return true }
    var bytes = utf8.makeIterator()
    return bytes.next() == 0xE3 && bytes.next() == 0x80 && bytes.next() == 0x80
  }

  /// Whether a text ends with white space.
  private static func endsWithSpace(_ utf8: String.UTF8View) -> Bool {
    guard let last = utf8.last else { return false }
    if isSpace(last) { return true }
    var bytes = utf8.reversed().makeIterator()
    return bytes.next() == 0x80 && bytes.next() == 0x80 && bytes.next() == 0xE3
  }

  /// A decimal, shown with its own decimals.
  mutating func number(_ value: FixedDecimal) {
    open(.decimals(value.decimals), inline: false)
    append("<v>")
    value.append(to: &bytes)
    append("</v></c>")
  }

  /// A whole number.
  mutating func number(_ value: Int64, style: CellStyle) {
    open(style, inline: false)
    append("<v>")
    SpreadsheetXML.append(Int(value), to: &bytes)
    append("</v></c>")
  }

  /// An empty cell: nothing is written; the next cell moves one column on.
  mutating func empty() { column += 1 }

  /// An empty cell with a format: what is typed in it takes the format (`<c r="D2" s="2"/>`
  /// makes an id typed there text); with the date format, a date still to come, which
  /// `jointcredit retire` fills in (see ``pendingSuffix``).
  mutating func styled(_ style: CellStyle) {
    reference(style)
    bytes += "/>".utf8
  }

  /// How a pending date cell ends: the only cells written with the date format and no value.
  static let pendingSuffix = " s=\"\(CellStyle.date.rawValue)\"/>"
}
