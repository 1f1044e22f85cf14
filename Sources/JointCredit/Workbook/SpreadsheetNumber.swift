/// Numbers as spreadsheets store them (`1.25`, `1E-3`, `0.30000000000000004`), turned into the
/// decimal a person sees, with exact decimal arithmetic on the digits: no binary floating point.
enum SpreadsheetNumber {
  /// The number formats built into every spreadsheet that show dates (ECMA-376 part 1, 18.8.30,
  /// with the East Asian ones).
  static let builtInDateFormats: Set<Int> = Set(14...17).union(22...22).union(27...36)
    .union(50...58)

  /// Whether a custom number format shows a date: it has a year, day or era code (`y`, `d`,
  /// `e`, `g`) outside quoted text and brackets; `General` and an exponent (`E+`) are not.
  static func isDateFormat(_ code: String) -> Bool {
    let characters = Array(code.lowercased().replacingOccurrences(of: "general", with: ""))
    var quoted = false, bracket = false, escaped = false
    for (index, character) in characters.enumerated() {
      if escaped {
        escaped = false
        continue
      }
      switch character {
      case "\\": escaped = true
      case "\"": quoted.toggle()
      case "[": bracket = true
      case "]": bracket = false
      case "e" where index + 1 < characters.count && "+-".contains(characters[index + 1]):
        break  // an exponent, as in 0.00E+00
      case "y", "d", "e", "g": if !quoted && !bracket { return true }
      default: break
      }
    }
    return false
  }

  /// A stored number as plain decimal text, rounded half up to 15 significant digits (what a
  /// spreadsheet shows) with no exponent and no trailing zeros after the point; `nil` when the
  /// text is not a number or its exponent is beyond any quantity.
  static func text(_ stored: String) -> String? {
    var utf8 = Substring(stored).utf8[...]
    var negative = false
    if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      utf8 = utf8.dropFirst()
    }
    var digits: [UInt8] = []  // 0...9
    var pointPosition: Int?
    var exponent = 0
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        digits.append(byte - UInt8(ascii: "0"))
      } else if byte == UInt8(ascii: "."), pointPosition == nil {
        pointPosition = digits.count
      } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        guard let value = Int(String(Substring(utf8[utf8.index(after: index)...]))),
          abs(value) <= 40
        else { return nil }
        exponent = value
        break
      } else {
        return nil
      }
      utf8.formIndex(after: &index)
    }
    guard !digits.isEmpty else { return nil }
    // value = 0.digits × 10^point
    var point = (pointPosition ?? digits.count) + exponent
    let zeros = min(digits.prefix { $0 == 0 }.count, digits.count - 1)
    digits.removeFirst(zeros)
    point -= zeros
    if digits.count > 15 {
      let roundUp = digits[15] >= 5
      digits.removeLast(digits.count - 15)
      if roundUp {
        var position = 14
        while position >= 0 {
          if digits[position] == 9 {
            digits[position] = 0
            position -= 1
          } else {
            digits[position] += 1
            break
          }
        }
        if position < 0 {
          digits.insert(1, at: 0)
          digits.removeLast()
          point += 1
        }
      }
    }
    while digits.count > max(point, 1), digits.last == 0 { digits.removeLast() }
    if digits.allSatisfy({ $0 == 0 }) { return "0" }
    var text = negative ? "-" : ""
    if point <= 0 {
      text += "0." + String(repeating: "0", count: -point)
      text += digits.map { String($0) }.joined()
    } else if point >= digits.count {
      text +=
        digits.map { String($0) }.joined() + String(repeating: "0", count: point - digits.count)
    } else {
      text +=
        digits[..<point].map { String($0) }.joined() + "."
        + digits[point...].map { String($0) }.joined()
    }
    return text
  }

  /// How many decimals a number format shows: the zeros after its point (`0.000` shows 3);
  /// none for a percentage or a format without a point.
  static func decimals(ofFormat code: String) -> Int {
    guard !code.contains("%"), let point = code.firstIndex(of: ".") else { return 0 }
    return code[code.index(after: point)...].prefix { $0 == "0" }.count
  }

  /// Decimal text with trailing zeros added up to `decimals` places: `0.65` → `0.650`; never
  /// fewer places than it has.
  static func padded(_ text: String, decimals: Int) -> String {
    guard decimals > 0 else { return text }
    let places =
      text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
    guard places < decimals else { return text }
    return text + (places == 0 ? "." : "") + String(repeating: "0", count: decimals - places)
  }

  /// A date serial number (the 1900 date system; a time of day after the point is dropped) as
  /// `YYYY-MM-DD`, or `nil` when it is not a whole-day serial of a real day.
  static func date(serial text: String) -> String? {
    let whole = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
    return Int(whole).flatMap(eventDate(serial:))?.description
  }

  /// The day of a date serial number: 1 is 1900-01-01; 60, the 1900-02-29 spreadsheets count
  /// though it never was, is none; 2,958,465 is 9999-12-31.
  static func eventDate(serial: Int) -> EventDate? {
    guard serial >= 1, serial <= 2_958_465, serial != 60 else { return nil }
    // Days since 1970-01-01, which is serial 25569 (one less before the day that never was).
    let days = serial < 60 ? serial - 25_568 : serial - 25_569
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPart = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
    let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
    return EventDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }
}
