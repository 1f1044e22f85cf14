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

/// The greatest common divisor, by Euclid's algorithm (0 when both are 0).
package func greatestCommonDivisor<Value: BinaryInteger>(_ a: Value, _ b: Value) -> Value {
  var (a, b) = (a, b)
  while b != 0 { (a, b) = (b, a % b) }
  return a
}
