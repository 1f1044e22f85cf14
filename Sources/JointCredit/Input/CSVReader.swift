/// Reads CSV as RFC 4180 describes it, from UTF-8 bytes, one record at a time.
///
/// Fields may be quoted; a quoted field may hold commas, doubled quotes (`""` for `"`) and line
/// breaks. Records end with CRLF, LF or a lone CR. Problems (a stray quote, a quote never closed)
/// are collected in ``problems`` rather than thrown, so that one pass reports all of them; a record
/// with a problem is marked ``CSVRecord/isMalformed``.
///
/// A record only notes where its fields are; a field becomes a `String` when it is asked for,
/// so rows that repeat a value can be compared byte for byte without making strings.
///
/// ```swift
/// var reader = CSVReader(utf8: Array("id,name\nE01,\"Fair, autumn\"\n".utf8))
/// var record = CSVRecord()
/// while reader.next(into: &record) { print(record.fields) }
/// // ["id", "name"]
/// // ["E01", "Fair, autumn"]
/// ```
package struct CSVReader: Sendable {
  /// A problem found while reading, and where.
  package struct Problem: Hashable, Sendable {
    /// What is wrong.
    package var reason: InputError.Reason
    /// Where.
    package var position: TextPosition
  }

  /// The text being read.
  package let utf8: [UInt8]
  /// Problems found so far, in the order met.
  package private(set) var problems: [Problem] = []
  /// Where the next record starts.
  package private(set) var offset = 0
  /// Where the text read ends: the reader stops there as at the end of the text.
  private let end: Int
  /// Where the text's bytes are, which tells it from another text a record may hold.
  private let textAddress: Int
  /// The line the next record starts on.
  package private(set) var line = 1
  private var lineStart = 0
  /// The columns of problems are counted as they are found, which is in text order: `counted`
  /// is how far the UTF-8 continuation bytes of line `countedLine` have been counted, and
  /// `continuation` how many there were.
  private var countedLine = 0
  private var counted = 0
  private var continuation = 0

  /// Creates a reader over UTF-8 text (without a byte order mark).
  package init(utf8: [UInt8]) {
    self.utf8 = utf8
    self.end = utf8.count
    self.textAddress = Self.address(of: utf8)
  }

  /// Creates a reader over part of a text, from the start of a record to the end of one, whose
  /// first byte is on line `line`. Positions are those in the whole text.
  package init(utf8: [UInt8], records: Range<Int>, line: Int) {
    self.utf8 = utf8
    self.textAddress = Self.address(of: utf8)
    self.offset = records.lowerBound
    self.end = records.upperBound
    self.line = line
    self.lineStart = records.lowerBound
    self.countedLine = line
    self.counted = records.lowerBound
  }

  /// The address of a text's bytes: while a record holds a text, no other text is there.
  private static func address(of text: [UInt8]) -> Int {
    text.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
  }

  /// Reads the next record into `record`, reusing its storage.
  ///
  /// - Returns: `false` at the end of the text.
  /// - Complexity: O(*m*) for a record of *m* bytes.
  package mutating func next(into record: inout CSVRecord) -> Bool {
    let text = utf8
    return text.withUnsafeBufferPointer { next(into: &record, in: $0) }
  }

  /// Reads the next record into `record`, reading the text through `text`, a pointer to the
  /// bytes of ``utf8`` that the caller holds for all the records it reads.
  ///
  /// Readers on several cores share one text: a pointer taken once per part, rather than the
  /// array used for every byte, counts no reference on it per record.
  package mutating func next(
    into record: inout CSVRecord, in text: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    precondition(
      Int(bitPattern: text.baseAddress) == textAddress && text.count == utf8.count,
      "the pointer is to the reader's own text")
    record.spans.removeAll(keepingCapacity: true)
    record.isMalformed = false
    guard offset < end else { return false }
    // Records are read into one record again and again, by readers that may share their text
    // with readers on other cores: the text is set when it is another text, so that its
    // reference count is not written for every record.
    if record.textAddress != textAddress {
      record.text = utf8
      record.textAddress = textAddress
    }
    let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    let count = end
    while true {
      let start = CSVRecord.Place(line: line, lineStart: lineStart, offset: offset)
      if offset < count, text[offset] == quote {
        offset += 1
        let contentStart = offset
        var escaped = false
        var closed = false
        while offset < count {
          let byte = text[offset]
          if byte == quote {
            if offset + 1 < count, text[offset + 1] == quote {
              escaped = true
              offset += 2
              continue
            }
            closed = true
            break
          }
          if byte == lf || byte == cr { noteLineBreak(at: offset, in: text) }
          offset += 1
        }
        record.spans.append(
          CSVRecord.Span(
            start: start, contentStart: contentStart,
            contentEnd: offset, escaped: escaped))
        if !closed {
          problems.append(
            Problem(reason: .unterminatedQuote, position: problemPosition(start, in: text)))
          record.isMalformed = true
        } else {
          offset += 1  // the closing quote
          if offset < count, text[offset] != comma, text[offset] != cr, text[offset] != lf {
            // Text after the closing quote.
            problems.append(
              Problem(
                reason: .strayQuote, position: problemPosition(at: offset - 1, in: text)))
            record.isMalformed = true
            while offset < count, text[offset] != comma, text[offset] != cr, text[offset] != lf {
              offset += 1
            }
          }
        }
      } else {
        let (fieldEnd, firstQuote) = unquotedField(from: offset, in: text)
        if let firstQuote, !record.isMalformed {
          problems.append(
            Problem(reason: .strayQuote, position: problemPosition(at: firstQuote, in: text)))
          record.isMalformed = true
        }
        offset = fieldEnd
        record.spans.append(
          CSVRecord.Span(
            start: start, contentStart: start.offset,
            contentEnd: offset, escaped: false))
      }
      record.end = CSVRecord.Place(line: line, lineStart: lineStart, offset: offset)
      if offset >= count { return true }
      let byte = text[offset]
      offset += 1
      if byte == comma { continue }
      // A line break ends the record.
      if byte == cr, offset < count, text[offset] == lf { offset += 1 }
      line += 1
      lineStart = offset
      return true
    }
  }

  /// Where an unquoted field that starts at `start` ends (at a comma, a line break or the end),
  /// and its first quote, which does not belong there.
  private func unquotedField(from start: Int, in text: UnsafeBufferPointer<UInt8>)
    -> (end: Int, firstQuote: Int?)
  {
    var index = start
    var firstQuote: Int?
    while index < end {
      // The bytes that end a field or do not belong in it are all below U+002D, and most bytes
      // (letters, digits, every byte of a character beyond ASCII) are not: eight at a time, a
      // word with none below it is passed in one step, and in a word with one the bytes before
      // the first are too.
      if end - index >= 8, let base = text.baseAddress {
        let below = UTF8Bytes.flags(
          below: UInt8(ascii: "-"), in: UTF8Bytes.word(base, at: index))
        if below == 0 {
          index += 8
          continue
        }
        index += below.trailingZeroBitCount >> 3
      }
      let byte = text[index]
      if byte > UInt8(ascii: ",") {
        index += 1
        continue
      }
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        break
      }
      if byte == UInt8(ascii: "\""), firstQuote == nil { firstQuote = index }
      index += 1
    }
    return (index, firstQuote)
  }

  /// The position of a field of a record this reader returned.
  ///
  /// - Complexity: O(*n*) for the *n* bytes of its line before it: columns are counted when
  ///   asked for, as most fields' never are.
  package func position(ofField index: Int, in record: CSVRecord) -> TextPosition {
    position(of: record.spans[index].start)
  }

  /// The position just after the last character of a record this reader returned.
  package func endPosition(of record: CSVRecord) -> TextPosition { position(of: record.end) }

  private func position(of place: CSVRecord.Place) -> TextPosition {
    let continuation = utf8.withUnsafeBufferPointer {
      UTF8Bytes.continuationBytes(in: $0, place.lineStart..<place.offset)
    }
    return place.position(continuation: continuation)
  }

  /// The position of a problem found at `offset` on the current line.
  ///
  /// Problems are found in text order, and their columns are counted on from the last one's:
  /// every position costs what its bytes cost once, so reading stays linear however wide the
  /// line and however many problems it has.
  private mutating func problemPosition(at offset: Int, in text: UnsafeBufferPointer<UInt8>)
    -> TextPosition
  {
    problemPosition(
      CSVRecord.Place(line: line, lineStart: lineStart, offset: offset), in: text)
  }

  private mutating func problemPosition(
    _ place: CSVRecord.Place, in text: UnsafeBufferPointer<UInt8>
  ) -> TextPosition {
    if countedLine != place.line || counted < place.lineStart || counted > place.offset {
      countedLine = place.line
      counted = place.lineStart
      continuation = 0
    }
    continuation += UTF8Bytes.continuationBytes(in: text, counted..<place.offset)
    counted = place.offset
    return place.position(continuation: continuation)
  }

  /// Counts a line break inside a quoted field (CRLF once).
  private mutating func noteLineBreak(at index: Int, in text: UnsafeBufferPointer<UInt8>) {
    if text[index] == UInt8(ascii: "\r"), index + 1 < end, text[index + 1] == UInt8(ascii: "\n") {
      return  // the LF that follows counts
    }
    line += 1
    lineStart = index + 1
  }
}

/// One CSV record: where its fields are in the text, turned into strings on demand.
package struct CSVRecord: Sendable {
  /// A place in the text: a line, where that line starts, and an offset. Its column, in
  /// characters (Unicode scalars), is counted by the reader when asked for.
  struct Place: Hashable, Sendable {
    var line: Int
    var lineStart: Int
    var offset: Int

    /// The place's position, given how many of its line's bytes before it continue a
    /// character: its column is one more than the characters before it.
    func position(continuation: Int) -> TextPosition {
      TextPosition(line: line, column: offset - lineStart - continuation + 1)
    }
  }

  /// A field: where it starts (at its opening quote, if quoted) and its content's bytes.
  struct Span: Hashable, Sendable {
    var start: Place
    var contentStart: Int
    var contentEnd: Int
    /// Whether the content holds doubled quotes to undo.
    var escaped: Bool
  }

  /// Whether the reader found a problem in this record (see ``CSVReader/problems``).
  package var isMalformed = false
  var text: [UInt8] = []
  /// The address of ``text``'s bytes, or 0 before a reader set it.
  var textAddress = 0
  var spans: [Span] = []
  var end = Place(line: 0, lineStart: 0, offset: 0)

  /// Creates an empty record to read into.
  package init() {}

  /// How many fields the record has.
  package var count: Int { spans.count }

  /// The line the record starts on.
  package var line: Int { spans.first?.start.line ?? 0 }

  /// A field's text, unquoted.
  package func field(_ index: Int) -> String {
    let span = spans[index]
    let content = text[span.contentStart..<span.contentEnd]
    guard span.escaped else { return String(decoding: content, as: UTF8.self) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(content.count)
    var skip = false
    for byte in content {
      if skip {
        skip = false
        continue
      }
      bytes.append(byte)
      skip = byte == UInt8(ascii: "\"")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Every field's text.
  package var fields: [String] { spans.indices.map(field) }

  /// Whether a field is empty.
  package func isEmpty(_ index: Int) -> Bool {
    spans[index].contentStart == spans[index].contentEnd
  }

  /// Whether every field is empty, as in a blank line or a row of commas.
  package var isBlank: Bool {
    for span in spans where span.contentStart != span.contentEnd { return false }
    return true
  }

  /// A field's bytes when they are its text as they stand (no doubled quotes to undo), in
  /// `text`, the bytes of the text the record was read from.
  ///
  /// The row loops read fields through one pointer to the text, taken for all of its records:
  /// a slice of ``text`` would count a reference on the one array that the readers of every
  /// core share, once per field.
  private func unescaped(_ index: Int, in text: UnsafeBufferPointer<UInt8>)
    -> UnsafeBufferPointer<UInt8>?
  {
    spans[index].escaped ? nil : rawField(index, in: text)
  }

  /// A field's text, unquoted, read from `text` (see ``unescaped(_:in:)``).
  func field(_ index: Int, in text: UnsafeBufferPointer<UInt8>) -> String {
    guard let bytes = unescaped(index, in: text) else { return field(index) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A field's date when it is written plainly, `YYYY-MM-DD`, read from its bytes without making
  /// its text (normalising such text gives the text itself); `nil` for anything else, which is
  /// then read as text.
  func plainDate(_ index: Int, in text: UnsafeBufferPointer<UInt8>) -> EventDate? {
    unescaped(index, in: text).flatMap { EventDate(isoBytes: $0) }
  }

  /// A field's bytes when they are the text ``TextNormalization/trimmed(_:)`` reads from them
  /// (no doubled quotes to undo, no space at an end, composed), for the caller to keep without
  /// making the text; `nil` for anything else, which is then read as text.
  func plainText(_ index: Int, in text: UnsafeBufferPointer<UInt8>)
    -> UnsafeBufferPointer<UInt8>?
  {
    guard let bytes = unescaped(index, in: text), TextNormalization.isTrimmedQuickly(bytes)
    else { return nil }
    return bytes
  }

  /// Whether a field is printable ASCII with no space and no doubled quotes: its text is what
  /// ``TextNormalization/normalized(_:)`` makes of it, and holds no control character.
  func isPrintableASCII(_ index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let bytes = unescaped(index, in: text), !bytes.isEmpty else { return false }
    for byte in bytes where byte <= 0x20 || byte >= 0x7F { return false }
    return true
  }

  /// A field's decimal when it is written plainly, digits and at most one point, read from its
  /// bytes; `nil` for anything else (a sign, a space, a comma...), which is then read as text.
  ///
  /// ``Quantity/parse(bytes:)`` accepts a leading `-` and otherwise only digits and one point,
  /// so the sign is the one thing to refuse before it.
  func plainDecimal(_ index: Int, in text: UnsafeBufferPointer<UInt8>) -> Quantity.Parsed? {
    guard let bytes = unescaped(index, in: text), bytes.first != UInt8(ascii: "-"),
      case .success(let parsed) = Quantity.parse(bytes: bytes)
    else { return nil }
    return parsed
  }

  /// A field's bytes as written (quotes doubled as in the text), in `text`.
  func rawField(_ index: Int, in text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    let span = spans[index]
    return UnsafeBufferPointer(rebasing: text[span.contentStart..<span.contentEnd])
  }
}
