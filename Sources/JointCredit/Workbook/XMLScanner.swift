/// A small scanner of the XML that workbooks hold: elements with their attributes and the text
/// between them, entities decoded. Enough for SpreadsheetML parts; no DTDs, no namespaces
/// resolved (prefixes are dropped from names).
struct XMLScanner {
  /// One thing found: an element opening (possibly self-closing), an element closing, or text.
  enum Token {
    case open(name: Substring, attributes: [(Substring, String)], selfClosing: Bool)
    case close(name: Substring)
    case text(String)
  }

  private let text: Substring.UTF8View
  private var index: Substring.UTF8View.Index

  init(_ bytes: [UInt8]) {
    let string = Substring(String(decoding: bytes, as: UTF8.self))
    text = string.utf8
    index = text.startIndex
  }

  /// The next token, or `nil` at the end.
  mutating func next() -> Token? {
    while index < text.endIndex {
      if text[index] != UInt8(ascii: "<") {
        let start = index
        while index < text.endIndex, text[index] != UInt8(ascii: "<") {
          text.formIndex(after: &index)
        }
        return .text(Self.decode(Substring(text[start..<index])))
      }
      let start = text.index(after: index)
      guard start < text.endIndex else { return nil }
      switch text[start] {
      case UInt8(ascii: "?"), UInt8(ascii: "!"):
        // A declaration, comment or CDATA: comments and declarations are skipped; CDATA is text.
        let rest = Substring(text[start...])
        if rest.hasPrefix("![CDATA["), let end = rest.firstRange(of: "]]>") {
          let content = rest[rest.index(rest.startIndex, offsetBy: 8)..<end.lowerBound]
          index = end.upperBound
          return .text(String(content))
        }
        let terminator = rest.hasPrefix("!--") ? "-->" : ">"
        guard let end = rest.firstRange(of: terminator) else { return nil }
        index = end.upperBound
        continue
      case UInt8(ascii: "/"):
        var end = start
        while end < text.endIndex, text[end] != UInt8(ascii: ">") { text.formIndex(after: &end) }
        let name = Self.localName(Substring(text[text.index(after: start)..<end]))
        index = end < text.endIndex ? text.index(after: end) : end
        return .close(name: name)
      default:
        var end = start
        var quote: UInt8?
        while end < text.endIndex {
          let byte = text[end]
          if let open = quote {
            if byte == open { quote = nil }
          } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            quote = byte
          } else if byte == UInt8(ascii: ">") {
            break
          }
          text.formIndex(after: &end)
        }
        guard end < text.endIndex else { return nil }
        var inside = Substring(text[start..<end])
        let selfClosing = inside.hasSuffix("/")
        if selfClosing { inside = inside.dropLast() }
        index = text.index(after: end)
        let nameEnd = inside.firstIndex { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        let name = Self.localName(inside[..<(nameEnd ?? inside.endIndex)])
        return .open(
          name: name, attributes: Self.attributes(inside[(nameEnd ?? inside.endIndex)...]),
          selfClosing: selfClosing)
      }
    }
    return nil
  }

  private static func localName(_ name: Substring) -> Substring {
    let trimmed = name.drop { $0 == " " }
    guard let colon = trimmed.lastIndex(of: ":") else { return trimmed }
    return trimmed[trimmed.index(after: colon)...]
  }

  private static func attributes(_ text: Substring) -> [(Substring, String)] {
    var result: [(Substring, String)] = []
    var rest = text
    while let equals = rest.firstIndex(of: "=") {
      let name = localName(rest[..<equals].filter { !" \n\t\r".contains($0) }[...])
      var after = rest[rest.index(after: equals)...].drop { $0 == " " || $0 == "\n" || $0 == "\t" }
      guard let quote = after.first, quote == "\"" || quote == "'" else { break }
      after = after.dropFirst()
      guard let close = after.firstIndex(of: quote) else { break }
      result.append((name, decode(after[..<close])))
      rest = after[after.index(after: close)...]
    }
    return result
  }

  /// Text with the five XML entities and numeric character references decoded.
  static func decode(_ text: Substring) -> String {
    guard text.contains("&") else { return String(text) }
    var result = ""
    var rest = text
    while let amp = rest.firstIndex(of: "&") {
      result += rest[..<amp]
      guard let semicolon = rest[amp...].firstIndex(of: ";") else {
        result += rest[amp...]
        return result
      }
      let entity = rest[rest.index(after: amp)..<semicolon]
      switch entity {
      case "amp": result += "&"
      case "lt": result += "<"
      case "gt": result += ">"
      case "quot": result += "\""
      case "apos": result += "'"
      default:
        let number: UInt32? =
          entity.hasPrefix("#x") || entity.hasPrefix("#X")
          ? UInt32(entity.dropFirst(2), radix: 16)
          : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
        if let number, let scalar = Unicode.Scalar(number) {
          result.unicodeScalars.append(scalar)
        } else {
          result += "&" + entity + ";"
        }
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return result + rest
  }
}
