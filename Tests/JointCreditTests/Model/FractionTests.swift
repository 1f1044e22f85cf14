import Testing

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
