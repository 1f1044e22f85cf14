/// Dates and ids as a spreadsheet rewrites them when a CSV is opened and saved again: read where
/// the meaning is certain, named with their likely cause where it is not.
enum SpreadsheetText {
  /// What a date that is not `YYYY-MM-DD` was read as.
  enum DateReading: Equatable {
    /// An unambiguous form: `2011/10/1`, `2011/10/01`, `2011年10月1日`.
    case date(EventDate)
    /// A form whose date cannot be known, with the reason to report.
    case problem(InputError.Reason)
  }

  /// Reads a normalised date text that is not `YYYY-MM-DD`.
  ///
  /// | text | reading |
  /// |------|---------|
  /// | `2011/10/1`, `2011/10/01`, `2011年10月1日` | 2011-10-01 |
  /// | `10/1`, `10月1日` | no year |
  /// | `1/10/2011`, `10/1/2011` | day and month order unknown |
  /// | `40817` | a date serial (2011-10-01) |
  ///
  /// - Returns: the reading, or `nil` when the text looks like no spreadsheet date (or names a
  ///   day that does not exist, such as `2011/2/30`): then it is an invalid date.
  static func date(_ text: String) -> DateReading? {
    let scalars = Array(text.unicodeScalars)
    guard !scalars.isEmpty else { return nil }
    // Split into runs of ASCII digits and the separators between them.
    var numbers: [(value: Int, digits: Int)] = []
    var separators: [String] = []
    var current: (value: Int, digits: Int)?
    var separator = ""
    for scalar in scalars {
      if ("0"..."9").contains(scalar) {
        if current == nil {
          if !numbers.isEmpty || !separator.isEmpty { separators.append(separator) }
          separator = ""
          current = (0, 0)
        }
        guard current!.digits < 9 else { return nil }
        current = (current!.value * 10 + Int(scalar.value - 48), current!.digits + 1)
      } else {
        if let number = current { numbers.append(number) }
        current = nil
        separator.unicodeScalars.append(scalar)
      }
    }
    if let number = current { numbers.append(number) }
    let trailing = separator
    // Every form starts with a number, and has one between each two separators.
    guard numbers.count == separators.count + 1, ("0"..."9").contains(scalars[0]) else {
      return nil
    }
    let digits = numbers.map(\.digits)
    switch (separators, trailing) {
    case ([], ""):
      // A whole number of five digits: a date serial from 1927-05-18 to 2173-10-14.
      guard digits == [5], let date = serialDate(numbers[0].value) else { return nil }
      return .problem(.dateSerial(text, date: date))
    case (["/", "/"], "") where digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2,
      (["年", "月"], "日") where digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2:
      return EventDate(year: numbers[0].value, month: numbers[1].value, day: numbers[2].value)
        .map { .date($0) }
    case (["/"], "") where digits[0] <= 2 && digits[1] <= 2,
      (["月"], "日") where digits[0] <= 2 && digits[1] <= 2:
      guard (1...12).contains(numbers[0].value), (1...31).contains(numbers[1].value) else {
        return nil
      }
      return .problem(.dateWithoutYear(text))
    case (["/", "/"], "") where digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4:
      return .problem(.ambiguousDate(text))
    default:
      return nil
    }
  }

  /// The date a spreadsheet's serial number stands for (day 1 is 1900-01-01; Excel's day 60,
  /// the 29th of February 1900 that never was, is left out by starting after it).
  static func serialDate(_ serial: Int) -> EventDate? {
    guard (61...2_958_465).contains(serial) else { return nil }
    return SpreadsheetNumber.eventDate(serial: serial)
  }

  /// Whether an id reads as a number in scientific notation (`1E5`, `1.23457E+11`), as a
  /// spreadsheet writes a long number it was given as an id.
  static func isScientificNotation(_ id: String) -> Bool {
    // Read where the bytes are stored, by index: ids are checked on every row.
    UTF8Bytes.withBytes(id) { bytes in
      var index = 0
      func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
          index += 1
        }
        return index - start
      }
      func skip(_ accepts: (UInt8) -> Bool) -> Bool {
        guard index < bytes.count, accepts(bytes[index]) else { return false }
        index += 1
        return true
      }
      guard digits() >= 1 else { return false }
      if skip({ $0 == UInt8(ascii: ".") }), digits() == 0 { return false }
      guard skip({ $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) else { return false }
      _ = skip { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
      return digits() >= 1 && index == bytes.count
    }
  }
}
