/// An exact non-negative rational number, used for quotas and offset rates.
///
/// JointCredit never divides before it has to: a quota is `lot × estimate ÷ total` kept as a
/// fraction, and only a statement rounds it, once, to the decimals it prints.
///
/// Two fractions are equal when their values are: `Fraction(1, over: 2) == Fraction(2, over: 4)`.
public struct Fraction: Hashable, Sendable {
  /// The numerator, at least zero.
  public var numerator: Int128
  /// The denominator, greater than zero.
  public var denominator: Int128

  /// Creates `numerator ÷ denominator`.
  ///
  /// - Precondition: `numerator >= 0` and `denominator > 0`.
  public init(_ numerator: Int128, over denominator: Int128) {
    precondition(numerator >= 0 && denominator > 0, "fraction must be non-negative")
    self.numerator = numerator
    self.denominator = denominator
  }

  /// The fraction rounded half up to a whole number (0.5 rounds to 1).
  public var roundedHalfUp: Int128 {
    // 128-bit division is slow; most quotas and rates fit in 64 bits.
    if numerator <= Int128(Int64.max), denominator <= Int128(Int64.max) {
      let (quotient, remainder) = Int64(numerator).quotientAndRemainder(
        dividingBy: Int64(denominator))
      return Int128(remainder >= Int64(denominator) - remainder ? quotient + 1 : quotient)
    }
    let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
    // Compare 2r ≥ d without forming 2r, which could overflow for huge denominators.
    return remainder >= denominator - remainder ? quotient + 1 : quotient
  }

  /// The same value in lowest terms.
  public var reduced: Fraction {
    let divisor = Swift.max(greatestCommonDivisor(numerator, denominator), 1)
    var result = self
    result.numerator /= divisor
    result.denominator /= divisor
    return result
  }

  public static func == (lhs: Fraction, rhs: Fraction) -> Bool {
    let (l, r) = (lhs.reduced, rhs.reduced)
    return l.numerator == r.numerator && l.denominator == r.denominator
  }

  public func hash(into hasher: inout Hasher) {
    let value = reduced
    hasher.combine(value.numerator)
    hasher.combine(value.denominator)
  }
}

extension Fraction {
  /// The value times `10^decimals`, rounded half up: the digits of a decimal with that many
  /// places.
  ///
  /// `Fraction(2, over: 3).scaledRoundedHalfUp(decimals: 2)` is 67 (0.67).
  ///
  /// - Precondition: the result fits in `Int128` (the value is below 10^(38 − decimals)); the
  ///   numerator and denominator may be as large as `Int128` holds.
  public func scaledRoundedHalfUp(decimals: Int) -> Int128 {
    let scale = DecimalText.powerOfTen(decimals)
    let (product, overflow) = numerator.multipliedReportingOverflow(by: scale)
    if !overflow { return Fraction(product, over: denominator).roundedHalfUp }
    // Long division, one decimal at a time: the whole part, then each digit of the remainder.
    // Ten additions of a remainder below the denominator stay below twice it, which fits in
    // 128 unsigned bits, so no product larger than the value itself is ever formed.
    let (whole, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
    let divisor = UInt128(denominator)
    var rest = UInt128(remainder)
    var digits = whole
    for _ in 0..<decimals {
      var sum: UInt128 = 0
      var digit: Int128 = 0
      for _ in 0..<10 {
        sum += rest
        if sum >= divisor {
          sum -= divisor
          digit += 1
        }
      }
      rest = sum
      digits = digits * 10 + digit
    }
    return rest >= divisor - rest ? digits + 1 : digits
  }

  /// The value as a decimal text with exactly `decimals` places, rounded half up.
  ///
  /// `Fraction(1, over: 3).formatted(decimals: 6)` is `"0.333333"`.
  public func formatted(decimals: Int) -> String {
    DecimalText.format(
      scaledRoundedHalfUp(decimals: decimals), scale: decimals,
      decimals: decimals)
  }
}

/// The greatest common divisor, by Euclid's algorithm (0 when both are 0).
func greatestCommonDivisor<Value: BinaryInteger>(_ a: Value, _ b: Value) -> Value {
  var (a, b) = (a, b)
  while b != 0 { (a, b) = (b, a % b) }
  return a
}
