import Testing

@testable import ApportionmentModule
@testable import JointCredit

@Suite struct FractionTests {
  @Test(
    arguments: [
      (1, 2, 1), (1, 3, 0), (2, 3, 1), (5, 2, 3), (7, 2, 4), (0, 5, 0), (10, 5, 2), (149, 100, 1),
      (150, 100, 2),
    ] as [(Int, Int, Int)])
  func roundsHalfUp(numerator: Int, denominator: Int, expected: Int) {
    #expect(
      Fraction(Int128(numerator), over: Int128(denominator)).roundedHalfUp == Int128(expected))
  }

  @Test func roundsHugeFractionsWithoutOverflow() {
    let big = Int128.max / 2
    #expect(Fraction(big, over: big).roundedHalfUp == 1)
    #expect(Fraction(big / 2 + 1, over: big).roundedHalfUp == 1)
    #expect(Fraction(big / 2 - 1, over: big).roundedHalfUp == 0)
  }

  @Test func formatsToFixedDecimals() {
    #expect(Fraction(1, over: 3).formatted(decimals: 6) == "0.333333")
    #expect(Fraction(2, over: 3).formatted(decimals: 6) == "0.666667")
    #expect(Fraction(2, over: 3).formatted(decimals: 0) == "1")
    #expect(Fraction(1_015, over: 10).formatted(decimals: 1) == "101.5")
    #expect(Fraction(20_300, over: 200).formatted(decimals: 1) == "101.5")
    #expect(Fraction(1, over: 20).formatted(decimals: 1) == "0.1")
  }

  @Test func reducesToLowestTerms() {
    #expect(Fraction(50, over: 100).reduced.numerator == 1)
    #expect(Fraction(50, over: 100).reduced.denominator == 2)
    #expect(Priority(50, over: 100).fractionText == "1/2")
    #expect(Priority(6, over: 3).fractionText == "2")
    #expect(Priority(0, over: 7).fractionText == "0")
    #expect(Priority(7, over: 13).fractionText == "7/13")
  }

  @Test func equalityIsByValue() {
    #expect(Fraction(1, over: 2) == Fraction(3, over: 6))
    #expect(Fraction(1, over: 2) != Fraction(3, over: 5))
    #expect(Fraction(0, over: 2) == Fraction(0, over: 9))
    #expect(Set([Fraction(1, over: 2), Fraction(2, over: 4), Fraction(5, over: 10)]).count == 1)
  }
}

/// Rounding to decimals when the numerator times 10^decimals does not fit in 128 bits.
@Suite struct FractionLongDivisionTests {
  /// (numerator, denominator, decimals, expected digits), worked by hand: the numerator is huge,
  /// the value is not. (A table in the test: Int128 arguments crash Swift Testing on Linux.)
  @Test func roundsExactlyWithoutOverflow() {
    let ten = Int128(10)
    let cases: [(Int128, Int128, Int, Int128)] = [
      // (10^37 + 5·10^30) / 10^37 = 1.0000005 → 6 places, half up: 1.000001
      (ten.power(37) + 5 * ten.power(30), ten.power(37), 6, 1_000_001),
      // (10^37 − 1) / (3·10^36) = 3.3333333… → 3.333333
      (ten.power(37) - 1, 3 * ten.power(36), 6, 3_333_333),
      // 2·10^37 / (8·10^36) = 2.5 exactly → 2.5000000000
      (2 * ten.power(37), 8 * ten.power(36), 10, 25_000_000_000),
      // Int128.max / Int128.max = 1 → 1.000000
      (Int128.max, Int128.max, 6, 1_000_000),
      // (Int128.max − 1) / Int128.max is just below 1 → 1.000000 (rounded up)
      (Int128.max - 1, Int128.max, 6, 1_000_000),
    ]
    for (numerator, denominator, decimals, expected) in cases {
      #expect(
        Fraction(numerator, over: denominator).scaledRoundedHalfUp(decimals: decimals)
          == expected, "\(numerator) / \(denominator)")
    }
  }

  /// Where the product fits, the paths agree: a value whose scaled numerator fits in 64 bits,
  /// or in 128, against the same value with both terms scaled up by 10^18, which takes the
  /// long division. Numerators of every size, so that each path is taken often.
  @Test func agreesWithTheProductWhereItFits() {
    var random = SplitMix64(seed: 7)
    for _ in 0..<2_000 {
      let numerator = Int128(
        Int64.random(in: 0...Int64.max, using: &random) >> Int.random(in: 0...62, using: &random))
      let denominator = Int128(Int64.random(in: 1...Int64.max, using: &random))
      let decimals = Int.random(in: 0...6, using: &random)
      // The same value with both terms scaled up by 10^18 takes the long-division path.
      let scale = Int128(10).power(18)
      let small = Fraction(numerator, over: denominator).scaledRoundedHalfUp(decimals: decimals)
      let large = Fraction(numerator * scale, over: denominator * scale)
        .scaledRoundedHalfUp(decimals: decimals)
      #expect(small == large)
    }
  }
}

extension Int128 {
  fileprivate func power(_ exponent: Int) -> Int128 {
    (0..<exponent).reduce(1) { value, _ in value * self }
  }
}
