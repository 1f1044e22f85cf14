import ApportionmentModule

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
    // In 64 bits when the scaled numerator and the denominator fit (a statement's rates and
    // shares do, a million a statement): one product and one division, where 128 bits cost
    // several times as much.
    if let numerator = Int64(exactly: numerator), let denominator = Int64(exactly: denominator),
      let scale = Int64(exactly: scale)
    {
      let (product, overflow) = numerator.multipliedReportingOverflow(by: scale)
      if !overflow {
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: denominator)
        return Int128(remainder >= denominator - remainder ? quotient + 1 : quotient)
      }
    }
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
