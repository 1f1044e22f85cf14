/// Writes CSV records (RFC 4180) to a ``ByteOutput``.
///
/// Text cells are quoted when they hold a comma, quote or line break, and guarded against formula
/// injection: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`
/// so that a spreadsheet shows it as text instead of running it. Number cells are written as
/// they are, never altered.
///
/// ```swift
/// var bytes: [UInt8] = []
/// let csv = CSVWriter(format: CSVFormat(encoding: .utf8, lineEnding: .lf))
/// csv.writeRecord([.text("=SUM(A1)"), .number("1.5"), .text("a, b")], to: &bytes)
/// // '=SUM(A1),1.5,"a, b"
/// ```
public struct CSVWriter: Sendable {
  /// A cell: text, which is guarded and quoted as needed, or a number, which is written as is.
  public enum Cell: Hashable, Sendable {
    /// Free text, such as a name.
    case text(String)
    /// A number already formatted, such as `12.500`; empty for "no value".
    case number(String)
    /// A decimal with fixed places; empty for `nil`.
    case decimal(FixedDecimal?)
    /// A whole number.
    case integer(Int)
    /// A date as `YYYY-MM-DD`; empty for `nil`.
    case date(EventDate?)
  }

  /// The encoding and line ending.
  public let format: CSVFormat

  /// Creates a writer.
  public init(format: CSVFormat) {
    self.format = format
  }

  /// Writes what comes before the first record: the byte order mark, if the format has one.
  public func writeStart(to output: inout some ByteOutput) {
    if format.encoding == .utf8BOM { output.write([0xEF, 0xBB, 0xBF]) }
  }

  /// Writes one record and its line ending.
  public func writeRecord(_ cells: [Cell], to output: inout some ByteOutput) {
    let crlf = format.lineEnding == .crlf
    output.writeBuffered { bytes in
      for (index, cell) in cells.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        switch cell {
        case .number(let text): UTF8Bytes.append(text, to: &bytes)
        case .text(let text): Self.appendText(text, to: &bytes)
        case .decimal(let value): value?.append(to: &bytes)
        case .integer(let value): DecimalText.append(Int128(value), scale: 0, decimals: 0, to: &bytes)
        case .date(let value): value?.append(to: &bytes)
        }
      }
      if crlf { bytes.append(0x0D) }
      bytes.append(0x0A)
    }
  }

  /// Writes a header record of column names.
  public func writeHeader(_ names: [String], to output: inout some ByteOutput) {
    writeRecord(names.map(Cell.text), to: &output)
  }

  private static func appendText(_ text: String, to bytes: inout [UInt8]) {
    let utf8 = text.utf8
    let guarded = utf8.first.map(startsFormula) ?? false
    let needsQuotes = UTF8Bytes.contains(text) { byte in
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }
    if !needsQuotes && !guarded { return UTF8Bytes.append(text, to: &bytes) }
    if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
    if guarded { bytes.append(UInt8(ascii: "'")) }
    for byte in utf8 {
      bytes.append(byte)
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
    }
    if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
  }

  /// Whether a cell starting with this byte could be taken for a formula by a spreadsheet.
  static func startsFormula(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
      true
    default: false
    }
  }
}
