/// A whole number written with digits only, within a stated limit: how yen amounts and credit
/// serial numbers are read.
///
/// No sign, no spaces, no separators, no exponent: `+1`, `1e3`, `1,000` and `١٢` are not whole
/// numbers here, so that a serial or an amount means one thing only.
public enum WholeNumber {
  /// The largest yen amount accepted: 10^15 − 1, just under a quadrillion yen.
  public static let maximumYen: Int64 = 999_999_999_999_999
  /// The largest credit serial number accepted: 10^18 − 1 (18 digits).
  public static let maximumSerial: Int64 = 999_999_999_999_999_999

  /// Why a text is not a whole number within the limit.
  public enum ParseError: Error, Hashable, Sendable {
    /// Empty, or something other than the digits 0–9.
    case notDigits
    /// Larger than the limit.
    case tooLarge(limit: Int64)
  }

  /// A yen amount as prices and invoices take it: digits only, 1 to ``maximumYen``.
  static func yen(_ text: some StringProtocol) -> Int64? {
    guard case .success(let yen) = parse(text, limit: maximumYen), yen > 0 else { return nil }
    return yen
  }

  /// The number the digits spell, if it is at most `limit`.
  public static func parse(_ text: some StringProtocol, limit: Int64) -> Result<Int64, ParseError> {
    var value: Int64 = 0
    var any = false
    for byte in text.utf8 {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
        return .failure(.notDigits)
      }
      any = true
      let digit = Int64(byte - UInt8(ascii: "0"))
      // value * 10 + digit > limit, without overflow: value > (limit - digit) / 10.
      guard value <= (limit - digit) / 10 else { return .failure(.tooLarge(limit: limit)) }
      value = value * 10 + digit
    }
    return any ? .success(value) : .failure(.notDigits)
  }
}
