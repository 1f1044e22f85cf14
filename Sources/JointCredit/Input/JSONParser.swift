/// Parses JSON (RFC 8259) from UTF-8 bytes into ``JSONNode``s that remember their positions.
///
/// Foundation's `JSONSerialization` turns numbers into binary floats; this parser keeps each number's
/// text so decimals stay exact. It rejects what RFC 8259 rejects (trailing commas, comments,
/// single quotes, leading zeros, control characters in strings) and duplicate keys in an object.
package struct JSONParser {
  private let bytes: [UInt8]
  private var offset = 0
  private var line = 1
  private var column = 1
  private var depth = 0

  /// The deepest nesting accepted; deeper documents are rejected rather than overflowing the stack.
  package static let maximumDepth = 512

  /// A syntax error and where it is.
  package struct SyntaxError: Error, Hashable, Sendable {
    /// What was wrong, such as "expected ',' or '}'".
    package var reason: InputError.Reason
    /// Where.
    package var position: TextPosition
  }

  /// Parses a whole document.
  ///
  /// - Parameter utf8: the text, without a byte order mark.
  /// - Returns: the top-level value.
  /// - Throws: ``SyntaxError`` at the first place that is not valid JSON.
  package static func parse(_ utf8: [UInt8]) throws(SyntaxError) -> JSONNode {
    var parser = JSONParser(bytes: utf8)
    parser.skipWhitespace()
    let node = try parser.parseValue()
    parser.skipWhitespace()
    if parser.offset < parser.bytes.count {
      throw parser.error("unexpected text after the end of the document")
    }
    return node
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private var here: TextPosition { TextPosition(line: line, column: column) }

  private func error(_ message: String, at position: TextPosition? = nil) -> SyntaxError {
    SyntaxError(reason: .jsonSyntax(message), position: position ?? here)
  }

  private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  private mutating func advance() {
    let byte = bytes[offset]
    offset += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private mutating func skipWhitespace() {
    while let byte = current,
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    {
      advance()
    }
  }

  private mutating func expect(_ literal: String, value: JSONValue) throws(SyntaxError) -> JSONValue
  {
    let start = here
    for expected in literal.utf8 {
      guard current == expected else { throw error("expected '\(literal)'", at: start) }
      advance()
    }
    return value
  }

  private mutating func parseValue() throws(SyntaxError) -> JSONNode {
    let start = here
    guard let byte = current else { throw error("unexpected end of text; expected a value") }
    switch byte {
    case UInt8(ascii: "{"): return JSONNode(try parseObject(), at: start)
    case UInt8(ascii: "["): return JSONNode(try parseArray(), at: start)
    case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), at: start)
    case UInt8(ascii: "t"): return JSONNode(try expect("true", value: .bool(true)), at: start)
    case UInt8(ascii: "f"): return JSONNode(try expect("false", value: .bool(false)), at: start)
    case UInt8(ascii: "n"): return JSONNode(try expect("null", value: .null), at: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(.number(try parseNumber()), at: start)
    default:
      throw error(
        "unexpected character; expected a value (object, array, string, number, "
          + "true, false or null)")
    }
  }

  private mutating func enter() throws(SyntaxError) {
    depth += 1
    if depth > Self.maximumDepth { throw error("nested more than \(Self.maximumDepth) deep") }
  }

  private mutating func parseObject() throws(SyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    advance()  // {
    var members: [JSONMember] = []
    var keys: Set<String> = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      advance()
      return .object(members)
    }
    while true {
      skipWhitespace()
      let keyPosition = here
      guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
      let key = try parseString()
      guard keys.insert(key).inserted else {
        throw SyntaxError(reason: .duplicateKey(key), position: keyPosition)
      }
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
      advance()
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): advance()
      case UInt8(ascii: "}"):
        advance()
        return .object(members)
      default: throw error("expected ',' or '}'")
      }
    }
  }

  private mutating func parseArray() throws(SyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    advance()  // [
    var elements: [JSONNode] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      advance()
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): advance()
      case UInt8(ascii: "]"):
        advance()
        return .array(elements)
      default: throw error("expected ',' or ']'")
      }
    }
  }

  private mutating func parseString() throws(SyntaxError) -> String {
    let start = here
    advance()  // opening quote
    var scalars = String.UnicodeScalarView()
    var runStart = offset
    func flush(_ parser: JSONParser, to end: Int, into scalars: inout String.UnicodeScalarView) {
      if end > runStart {
        scalars.append(
          contentsOf: String(decoding: parser.bytes[runStart..<end], as: UTF8.self)
            .unicodeScalars)
      }
    }
    while true {
      guard let byte = current else { throw error("string is never closed", at: start) }
      switch byte {
      case UInt8(ascii: "\""):
        flush(self, to: offset, into: &scalars)
        advance()
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush(self, to: offset, into: &scalars)
        advance()
        scalars.append(try parseEscape())
        runStart = offset
      case 0x00..<0x20:
        throw error("control character in a string; write it as an escape such as \\n")
      default:
        advance()
      }
    }
  }

  private mutating func parseEscape() throws(SyntaxError) -> Unicode.Scalar {
    guard let byte = current else { throw error("unexpected end of text in an escape") }
    advance()
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let first = try parseHex4()
      if (0xD800..<0xDC00).contains(first) {
        guard current == UInt8(ascii: "\\") else { throw error("lone surrogate in \\u escape") }
        advance()
        guard current == UInt8(ascii: "u") else { throw error("lone surrogate in \\u escape") }
        advance()
        let second = try parseHex4()
        guard (0xDC00..<0xE000).contains(second) else {
          throw error("lone surrogate in \\u escape")
        }
        return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
      }
      guard let scalar = Unicode.Scalar(first) else { throw error("lone surrogate in \\u escape") }
      return scalar
    default:
      throw error("unknown escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
    }
  }

  private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current else { throw error("expected four hex digits after \\u") }
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("expected four hex digits after \\u")
      }
      value = value << 4 | UInt32(digit)
      advance()
    }
    return value
  }

  private mutating func parseNumber() throws(SyntaxError) -> String {
    let start = offset
    func isDigit(_ byte: UInt8?) -> Bool {
      byte.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false
    }
    if current == UInt8(ascii: "-") { advance() }
    if current == UInt8(ascii: "0") {
      advance()
      if isDigit(current) { throw error("numbers must not have leading zeros") }
    } else if isDigit(current) {
      while isDigit(current) { advance() }
    } else {
      throw error("expected a digit")
    }
    if current == UInt8(ascii: ".") {
      advance()
      guard isDigit(current) else { throw error("expected a digit after '.'") }
      while isDigit(current) { advance() }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      advance()
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
      guard isDigit(current) else { throw error("expected a digit in the exponent") }
      while isDigit(current) { advance() }
    }
    return String(decoding: bytes[start..<offset], as: UTF8.self)
  }
}
