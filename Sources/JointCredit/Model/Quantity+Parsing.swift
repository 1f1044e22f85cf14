extension Quantity {
  /// Why a text is not an exact decimal quantity.
  public enum ParseError: Error, Hashable, Sendable {
    /// Nothing was written.
    case empty
    /// A `,` was used, as a decimal comma or a thousands separator (`1,5`, `1,000`).
    case comma
    /// Exponent notation such as `1e3`.
    case exponent
    /// `NaN`, `inf` and the like.
    case notANumber
    /// More decimal places than a quantity carries (six).
    case tooManyDecimals(Int)
    /// The value does not fit in a quantity.
    case tooLarge
    /// Anything else that is not `-?digits(.digits)?`.
    case malformed
  }

  /// A quantity as written in a text, with the number of decimal places written.
  public struct Parsed: Hashable, Sendable {
    /// The exact value.
    public var quantity: Quantity
    /// Decimal places as written: `"1.250"` has 3, even though 2 would do.
    public var writtenDecimals: Int
  }

  /// Parses a decimal such as `12`, `0.05` or `-3.125` exactly.
  ///
  /// The grammar is strict so that nothing is guessed: an optional `-`, one or more digits, and
  /// optionally a `.` followed by one to six digits. Surrounding spaces are not accepted here;
  /// callers normalise full-width characters and trim first (see ``TextNormalization``).
  ///
  /// | text | result |
  /// |------|--------|
  /// | `12.5` | 12.5 t, 1 decimal written |
  /// | `0.050` | 0.05 t, 3 decimals written |
  /// | `1,5` | ``ParseError/comma`` |
  /// | `1e3` | ``ParseError/exponent`` |
  /// | `1.2345678` | ``ParseError/tooManyDecimals(_:)`` |
  ///
  /// - Parameter text: the decimal, in tonnes.
  /// - Returns: the exact quantity and its written decimals.
  /// - Throws: ``ParseError`` saying what is wrong with the text.
  public static func parse(_ text: String) throws(ParseError) -> Parsed {
    let result = text.utf8.withContiguousStorageIfAvailable { parse(bytes: $0) }
    return try (result ?? parse(bytes: Array(text.utf8))).get()
  }

  /// Creates the quantity a decimal text spells, exactly; see ``parse(_:)`` for the grammar.
  ///
  /// ```swift
  /// let estimate = try Quantity(parsing: "1.25")   // 1_250_000 g
  /// ```
  ///
  /// - Throws: ``ParseError`` saying what is wrong with the text.
  public init(parsing text: String) throws(ParseError) {
    self = try Self.parse(text).quantity
  }

  /// Parses a quantity from UTF-8 bytes; see ``parse(_:)``.
  static func parse(bytes: some Collection<UInt8>) -> Result<Parsed, ParseError> {
    if bytes.isEmpty { return .failure(.empty) }
    var negative = false
    var integer: Int64 = 0
    var fraction: Int64 = 0
    var fractionDigits = 0
    var integerDigits = 0
    var seenPoint = false
    var overflow = false
    var index = bytes.startIndex
    if bytes[index] == UInt8(ascii: "-") {
      negative = true
      index = bytes.index(after: index)
    }
    while index != bytes.endIndex {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let digit = Int64(byte &- UInt8(ascii: "0"))
        if seenPoint {
          fractionDigits += 1
          if fractionDigits <= scale { fraction = fraction * 10 + digit }
        } else {
          integerDigits += 1
          let (times10, o1) = integer.multipliedReportingOverflow(by: 10)
          let (sum, o2) = times10.addingReportingOverflow(digit)
          if o1 || o2 { overflow = true } else { integer = sum }
        }
      case UInt8(ascii: "."):
        if seenPoint || integerDigits == 0 { return .failure(classify(bytes)) }
        seenPoint = true
      default:
        return .failure(classify(bytes))
      }
      index = bytes.index(after: index)
    }
    if integerDigits == 0 || (seenPoint && fractionDigits == 0) {
      return .failure(classify(bytes))
    }
    if fractionDigits > scale { return .failure(.tooManyDecimals(fractionDigits)) }
    if overflow { return .failure(.tooLarge) }
    for _ in fractionDigits..<scale { fraction *= 10 }
    let (whole, o1) = integer.multipliedReportingOverflow(by: gramsPerTonne)
    let (grams, o2) = whole.addingReportingOverflow(fraction)
    if o1 || o2 { return .failure(.tooLarge) }
    return .success(
      Parsed(
        quantity: Quantity(grams: negative ? -grams : grams),
        writtenDecimals: fractionDigits))
  }

  /// Picks the most helpful explanation for a text that is not a plain decimal.
  private static func classify(_ bytes: some Collection<UInt8>) -> ParseError {
    let lower = String(decoding: bytes, as: UTF8.self).lowercased()
    if lower.contains(",") { return .comma }
    let unsigned = lower.trimmingPrefix { $0 == "-" || $0 == "+" }
    if ["nan", "inf", "infinity"].contains(String(unsigned)) { return .notANumber }
    let isExponent =
      unsigned.contains("e")
      && unsigned.allSatisfy {
        $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "-" || $0 == "+")
      }
    if isExponent, unsigned.first?.isNumber == true || unsigned.first == "." { return .exponent }
    return .malformed
  }
}
