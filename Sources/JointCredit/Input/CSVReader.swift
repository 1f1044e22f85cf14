/// Reads CSV as RFC 4180 describes it, from UTF-8 bytes, one record at a time.
///
/// Fields may be quoted; a quoted field may hold commas, doubled quotes (`""` for `"`) and line
/// breaks. Records end with CRLF, LF or a lone CR. Problems (a stray quote, a quote never closed)
/// are collected in ``problems`` rather than thrown, so that one pass reports all of them; a record
/// with a problem is marked ``CSVRecord/isMalformed``.
///
/// ```swift
/// var reader = CSVReader(utf8: Array("id,name\nE01,\"Fair, autumn\"\n".utf8))
/// var record = CSVRecord()
/// while reader.next(into: &record) { print(record.fields) }
/// // ["id", "name"]
/// // ["E01", "Fair, autumn"]
/// ```
public struct CSVReader: Sendable {
  /// A problem found while reading, and where.
  public struct Problem: Hashable, Sendable {
    /// What is wrong.
    public var reason: InputError.Reason
    /// Where.
    public var position: TextPosition
  }

  /// The text being read.
  public let utf8: [UInt8]
  /// Problems found so far, in the order met.
  public private(set) var problems: [Problem] = []
  private var offset = 0
  private var line = 1
  private var lineStart = 0
  private var scratch: [UInt8] = []

  /// Creates a reader over UTF-8 text (without a byte order mark).
  public init(utf8: [UInt8]) {
    self.utf8 = utf8
  }

  /// Reads the next record into `record`, reusing its storage.
  ///
  /// - Returns: `false` at the end of the text.
  /// - Complexity: O(*m*) for a record of *m* bytes.
  public mutating func next(into record: inout CSVRecord) -> Bool {
    record.fields.removeAll(keepingCapacity: true)
    record.starts.removeAll(keepingCapacity: true)
    record.isMalformed = false
    guard offset < utf8.count else { return false }
    let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    let count = utf8.count
    while true {
      record.starts.append(CSVRecord.FieldStart(line: line, lineStart: lineStart, offset: offset))
      if offset < count, utf8[offset] == quote {
        let opening = position(line: line, lineStart: lineStart, offset: offset)
        offset += 1
        scratch.removeAll(keepingCapacity: true)
        var closed = false
        while offset < count {
          let byte = utf8[offset]
          if byte == quote {
            if offset + 1 < count, utf8[offset + 1] == quote {
              scratch.append(quote)
              offset += 2
              continue
            }
            offset += 1
            closed = true
            break
          }
          if byte == lf || byte == cr { noteLineBreak(at: offset) }
          scratch.append(byte)
          offset += 1
        }
        if !closed {
          problems.append(Problem(reason: .unterminatedQuote, position: opening))
          record.isMalformed = true
        } else if offset < count, utf8[offset] != comma, utf8[offset] != cr, utf8[offset] != lf {
          // Text after the closing quote: keep it, but say so.
          problems.append(Problem(reason: .strayQuote, position: position(
            line: line, lineStart: lineStart, offset: offset - 1)))
          record.isMalformed = true
          while offset < count, utf8[offset] != comma, utf8[offset] != cr, utf8[offset] != lf {
            scratch.append(utf8[offset])
            offset += 1
          }
        }
        record.fields.append(String(decoding: scratch, as: UTF8.self))
      } else {
        let start = offset
        while offset < count {
          let byte = utf8[offset]
          if byte == comma || byte == cr || byte == lf { break }
          if byte == quote, !record.isMalformed {
            problems.append(Problem(reason: .strayQuote, position: position(
              line: line, lineStart: lineStart, offset: offset)))
            record.isMalformed = true
          }
          offset += 1
        }
        record.fields.append(String(decoding: utf8[start..<offset], as: UTF8.self))
      }
      record.end = CSVRecord.FieldStart(line: line, lineStart: lineStart, offset: offset)
      if offset >= count { return true }
      let byte = utf8[offset]
      offset += 1
      if byte == comma { continue }
      // A line break ends the record.
      if byte == cr, offset < count, utf8[offset] == lf { offset += 1 }
      line += 1
      lineStart = offset
      return true
    }
  }

  /// The position of a field of a record this reader returned.
  public func position(ofField index: Int, in record: CSVRecord) -> TextPosition {
    let start = record.starts[index]
    return position(line: start.line, lineStart: start.lineStart, offset: start.offset)
  }

  /// The position just after the last character of a record this reader returned.
  public func endPosition(of record: CSVRecord) -> TextPosition {
    position(line: record.end.line, lineStart: record.end.lineStart, offset: record.end.offset)
  }

  private func position(line: Int, lineStart: Int, offset: Int) -> TextPosition {
    var column = 1
    for byte in utf8[lineStart..<offset] where byte & 0xC0 != 0x80 { column += 1 }
    return TextPosition(line: line, column: column)
  }

  /// Counts a line break inside a quoted field (CRLF once).
  private mutating func noteLineBreak(at index: Int) {
    if utf8[index] == UInt8(ascii: "\r"), index + 1 < utf8.count,
      utf8[index + 1] == UInt8(ascii: "\n")
    {
      return  // the LF that follows counts
    }
    line += 1
    lineStart = index + 1
  }
}

/// One CSV record: its fields and where each begins.
public struct CSVRecord: Sendable {
  /// Where a field begins, kept as offsets so that columns are counted only when needed.
  struct FieldStart: Hashable, Sendable {
    var line: Int
    var lineStart: Int
    var offset: Int
  }

  /// The fields, unquoted.
  public var fields: [String] = []
  /// Whether the reader found a problem in this record (see ``CSVReader/problems``).
  public var isMalformed = false
  var starts: [FieldStart] = []
  var end = FieldStart(line: 0, lineStart: 0, offset: 0)

  /// Creates an empty record to read into.
  public init() {}

  /// The line the record starts on.
  public var line: Int { starts.first?.line ?? 0 }

  /// Whether every field is empty, as in a blank line or a row of commas.
  public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
}
