/// Japan's local government codes (全国地方公共団体コード): five digits and a check digit.
///
/// The check digit weighs the first five digits by 6, 5, 4, 3, 2 and is
/// `(11 − sum mod 11) mod 10`. For 港区, 13103 → 6·1 + 5·3 + 4·1 + 3·0 + 2·3 = 31, 31 mod 11 = 9,
/// 11 − 9 = 2, so the full code is 131032.
public enum LocalGovernmentCode {
  /// The check digit for the first five digits of a code.
  ///
  /// - Parameter digits: exactly five decimal digits, e.g. `"13103"`.
  /// - Returns: the check digit, 0...9, or `nil` when `digits` is not five ASCII digits.
  public static func checkDigit(for digits: String) -> Int? {
    let values = digits.utf8.map { Int($0) - Int(UInt8(ascii: "0")) }
    guard values.count == 5, values.allSatisfy({ (0...9).contains($0) }) else { return nil }
    let sum = zip(values, [6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
    return (11 - sum % 11) % 10
  }

  /// Whether `code` is six digits whose last digit is the check digit of the first five.
  public static func isValid(_ code: String) -> Bool {
    guard code.utf8.count == 6, let expected = checkDigit(for: String(code.prefix(5))) else {
      return false
    }
    return code.utf8.last.map { Int($0) - Int(UInt8(ascii: "0")) } == expected
  }

  /// The six-digit code for a five-digit one, with its check digit appended.
  ///
  /// `completing("13103")` is `"131032"`; `nil` when the text is not five digits.
  public static func completing(_ fiveDigits: String) -> String? {
    checkDigit(for: fiveDigits).map { fiveDigits + String($0) }
  }
}
