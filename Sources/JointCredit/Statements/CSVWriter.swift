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
  /// Where characters without a CP932 form are reported, when writing CP932.
  public let problems: EncodingProblems?

  /// Creates a writer; in CP932 without replacement, characters that have no CP932 form are
  /// reported to `problems` (and written as `?`, for the caller to discard the file).
  public init(format: CSVFormat, problems: EncodingProblems? = nil) {
    self.format = format
    self.problems = problems
  }

  /// Writes what comes before the first record: the byte order mark, if the format has one.
  ///
  /// CP932 has none.
  public func writeStart(to output: inout some ByteOutput) {
    if format.encoding == .utf8BOM { output.write([0xEF, 0xBB, 0xBF]) }
  }

  /// Writes one record and its line ending.
  public func writeRecord(_ cells: [Cell], to output: inout some ByteOutput) {
    writeRecord(to: &output) { record in
      for cell in cells {
        switch cell {
        case .number(let text): record.number(text)
        case .text(let text): record.text(text)
        case .decimal(let value): record.decimal(value)
        case .integer(let value): record.integer(value)
        case .date(let value): record.date(value)
        }
      }
    }
  }

  /// Writes one record, cell by cell, straight into the output: no array of cells, no strings
  /// for numbers. This is what statements with a million rows use.
  public func writeRecord(to output: inout some ByteOutput, _ cells: (inout Record) -> Void) {
    writeRecord(to: &output, headers: nil, cells)
  }

  private func writeRecord(
    to output: inout some ByteOutput, headers: [String]?, _ cells: (inout Record) -> Void
  ) {
    let crlf = format.lineEnding == .crlf
    let cp932 = format.encoding == .cp932
    output.writeBuffered { bytes in
      var record = Record()
      record.tracksCells = cp932
      let start = bytes.count
      StagedLine.staging(into: &bytes) { line in
        // Lend the line to the record and take it back, without copying it.
        swap(&record.bytes, &line)
        cells(&record)
        if !cp932 {
          if crlf { record.bytes.append(byte: 0x0D) }
          record.bytes.append(byte: 0x0A)
        }
        swap(&record.bytes, &line)
      }
      guard cp932 else { return }
      // The record was built in UTF-8; rewrite it, cell by cell, in CP932.
      let utf8 = Array(bytes[start...])
      bytes.removeSubrange(start...)
      var missing: [Int: CP932.Appended] = [:]
      let bounds = record.cellStarts.map { $0 - start } + [utf8.count]
      for cell in 0..<(bounds.count - 1) {
        let found = CP932.append(utf8: utf8[bounds[cell]..<bounds[cell + 1]], to: &bytes)
        if !found.missing.isEmpty || !found.replaced.isEmpty { missing[cell] = found }
      }
      problems?.record(missing, headers: headers)
      if crlf { bytes.append(0x0D) }
      bytes.append(0x0A)
    }
  }

  /// The cells of one record being written; each call adds a cell.
  public struct Record {
    /// Where the record's bytes go: the line being written, lent by the writer.
    var bytes = StagedLine()
    /// Where each cell starts in ``bytes`` (its separating comma included).
    var cellStarts: [Int] = []
    var tracksCells = false
    /// The language of words in typed cells (``StatementCell/total`` and the like).
    var language = StatementLanguage.en
    private var first = true

    private mutating func separate() {
      if let comma = startCell() { bytes.append(byte: comma) }
    }

    /// Starts a cell: the comma that separates it from the one before, if any, for the caller
    /// to write.
    private mutating func startCell() -> UInt8? {
      if tracksCells { cellStarts.append(bytes.count) }
      defer { first = false }
      return first ? nil : UInt8(ascii: ",")
    }

    /// Free text: guarded against formulas and quoted as needed.
    public mutating func text(_ value: String) {
      separate()
      CSVWriter.appendText(value, to: &bytes)
    }

    /// Two texts joined by an ASCII separator, as one text cell: `131032/E01`.
    public mutating func text(_ first: String, joinedBy separator: UInt8, _ second: String) {
      separate()
      CSVWriter.appendText(first, joinedBy: separator, second, to: &bytes)
    }

    /// A number already formatted.
    public mutating func number(_ value: String) {
      separate()
      UTF8Bytes.append(value, to: &bytes)
    }

    /// A decimal with fixed places; empty for `nil`.
    public mutating func decimal(_ value: FixedDecimal?) {
      guard let value else { return separate() }
      // The comma and the figure in one append.
      value.append(to: &bytes, after: startCell())
    }

    /// A whole number.
    public mutating func integer(_ value: some BinaryInteger) {
      separate()
      DecimalText.append(Int128(value), scale: 0, decimals: 0, to: &bytes)
    }

    /// A date as `YYYY-MM-DD`; empty for `nil`.
    public mutating func date(_ value: EventDate?) {
      guard let value else { return separate() }
      value.append(to: &bytes, after: startCell())
    }
  }

  /// Writes an empty line (between sections of a statement); it counts as a row.
  public func writeBlankLine(to output: inout some ByteOutput) {
    problems?.record([:])
    output.write(format.lineEnding.bytes)
  }

  /// Writes a header record of column names.
  public func writeHeader(_ names: [String], to output: inout some ByteOutput) {
    writeRecord(to: &output, headers: names) { record in
      for name in names { record.text(name) }
    }
  }

  static func appendText(
    _ text: String, joinedBy separator: UInt8? = nil, _ second: String = "",
    to bytes: inout some ByteAppender
  ) {
    // Most text is plain (no formula to guard, nothing to quote): checked and copied where it
    // is stored, one look at each string's storage.
    let start = bytes.count
    if !text.isEmpty, appendPlain(text, leading: true, to: &bytes) {
      guard let separator else { return }
      if !isSpecial(separator) {
        bytes.append(byte: separator)
        if appendPlain(second, leading: false, to: &bytes) { return }
      }
    }
    bytes.removeAll(after: start)
    let special = isSpecial
    let leading = text.utf8.first ?? separator ?? second.utf8.first
    let guarded = leading.map(startsFormula) ?? false
    let needsQuotes =
      UTF8Bytes.contains(text, where: special)
      || (separator.map(special) ?? false) || UTF8Bytes.contains(second, where: special)
    if !needsQuotes && !guarded {
      UTF8Bytes.append(text, to: &bytes)
      if let separator {
        bytes.append(byte: separator)
        UTF8Bytes.append(second, to: &bytes)
      }
      return
    }
    func escaped(_ part: some Sequence<UInt8>) {
      for byte in part {
        bytes.append(byte: byte)
        if byte == UInt8(ascii: "\"") { bytes.append(byte: byte) }
      }
    }
    if needsQuotes { bytes.append(byte: UInt8(ascii: "\"")) }
    if guarded { bytes.append(byte: UInt8(ascii: "'")) }
    escaped(text.utf8)
    if let separator {
      escaped(CollectionOfOne(separator))
      escaped(second.utf8)
    }
    if needsQuotes { bytes.append(byte: UInt8(ascii: "\"")) }
  }

  /// Every byte that ``isSpecial(_:)`` holds for is below this one (`,` is U+002C).
  private static let specialBound = UInt8(ascii: "-")

  /// Whether a byte makes a text cell need quotes.
  private static func isSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
  }

  /// Appends the text as it is, when it needs neither quotes nor (`leading`: it starts the
  /// cell) a guard; otherwise appends nothing and returns `false`.
  private static func appendPlain(
    _ text: String, leading: Bool, to bytes: inout some ByteAppender
  ) -> Bool {
    leading
      ? UTF8Bytes.append(
        text, ifNone: isSpecial, below: specialBound, norFirst: startsFormula, to: &bytes)
      : UTF8Bytes.append(text, ifNone: isSpecial, below: specialBound, to: &bytes)
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
