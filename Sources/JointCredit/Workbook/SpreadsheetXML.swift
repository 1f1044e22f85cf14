/// Text as SpreadsheetML (ECMA-376) holds it: XML escapes, and the `_xHHHH_` escape for the
/// characters XML 1.0 cannot carry (C0 controls but tab, line feed and return; U+FFFE, U+FFFF).
enum SpreadsheetXML {
  /// Appends `text` escaped for element content or a double-quoted attribute.
  static func append(_ text: String, to bytes: inout [UInt8]) {
    if UTF8Bytes.append(text, ifNone: needsCare, to: &bytes) { return }
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "&": bytes += "&amp;".utf8
      case "<": bytes += "&lt;".utf8
      case ">": bytes += "&gt;".utf8
      case "\"": bytes += "&quot;".utf8
      case "\t", "\n", "\r": bytes += String(scalar).utf8
      case "_" where isEscapeLike(scalars, at: index):
        bytes += "_x005F_".utf8  // a literal `_x0041_` must not read as an escape
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          bytes += escape(scalar.value).utf8
        } else {
          bytes += String(scalar).utf8
        }
      }
    }
  }

  /// The escaped text.
  static func escaped(_ text: String) -> String {
    var bytes: [UInt8] = []
    append(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether a byte may need an escape: markup, a control, `_` (of `_xHHHH_`), or the lead
  /// byte of U+FFFE and U+FFFF.
  private static func needsCare(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
      || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "_")
      || byte == 0xEF
  }

  /// Appends a whole number in decimal.
  static func append(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      append(0 - value, to: &bytes)
      return
    }
    if value >= 10 { append(value / 10, to: &bytes) }
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  private static func escape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
  }

  /// Whether `_xHHHH_` starts at `index`.
  private static func isEscapeLike(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else {
      return false
    }
    return scalars[index + 2...index + 5].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  /// A position in a sheet (line = row, column = column, both from 1) as a cell reference:
  /// `G3`.
  static func cellReference(_ position: TextPosition) -> String {
    columnName(position.column - 1) + String(position.line)
  }

  /// The letters of a column, 0-based: A, B, …, Z, AA.
  static func columnName(_ index: Int) -> String {
    var index = index + 1
    var name: [Character] = []
    while index > 0 {
      let digit = (index - 1) % 26
      name.insert(Character(UnicodeScalar(UInt8(65 + digit))), at: 0)
      index = (index - 1) / 26
    }
    return String(name)
  }

  /// A date's serial number in the 1900 date system (days since 1899-12-30), or `nil` before
  /// 1900-03-01, where spreadsheets count a day that never was (1900-02-29).
  static func serial(_ date: EventDate) -> Int? {
    guard (date.year, date.month) >= (1900, 3) else { return nil }
    return daysFromCivil(date.year, date.month, date.day) - daysFromCivil(1899, 12, 30)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
  private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
