import ApportionmentModule
import Testing

@testable import JointCredit

@Suite struct OffsetRateTests {
  /// Rates worked out by hand: tenths of a percent, half up.
  @Test(
    arguments: [
      (1, 3, "33.3"), (2, 3, "66.7"), (1, 8, "12.5"), (1, 2_000, "0.1"), (1, 2_001, "0.0"),
      (3, 2, "150.0"), (0, 7, "0.0"), (1, 1, "100.0"), (999, 1_000, "99.9"),
      (19_999, 20_000, "100.0"), (158_000, 3_965_000, "4.0"), (1, 400, "0.3"),
      // Past 64 bits once multiplied by 1000: the 128-bit way, the same rounding.
      (Int64.max / 999, Int64.max / 1_998, "200.0"),
      (Int64.max, Int64.max, "100.0"), (Int64.max / 3, Int64.max, "33.3"),
    ] as [(Int64, Int64, String)])
  func percentIsTenthsRoundedHalfUp(allocated: Int64, emissions: Int64, text: String) {
    let rate = Fraction(Int128(allocated), over: Int128(emissions))
    #expect(OffsetRate.percent(rate)?.description == text)
  }

  /// A fraction of any size the type holds: its numerator times 100 or 1000 would not fit in
  /// 128 bits, and the rate is still found (by long division), not a crash.
  @Test func percentOfTheLargestFractions() {
    #expect(OffsetRate.percent(Fraction(Int128.max, over: Int128.max))?.description == "100.0")
    #expect(OffsetRate.percent(Fraction(Int128.max / 3, over: Int128.max))?.description == "33.3")
    #expect(OffsetRate.percent(Fraction(Int128.max, over: Int128.max / 2))?.description == "200.0")
  }

  @Test func noRateHasNoPercent() {
    #expect(OffsetRate.percent(nil) == nil)
    #expect(OffsetRate.of(Quantity(grams: 5), per: .zero) == nil)
  }

  /// Seeded quantities of every size: the tenths `t` printed satisfy
  /// `(t − ½) × emissions ≤ 1000 × allocated < (t + ½) × emissions`, checked in exact 128-bit
  /// arithmetic (doubled, to stay in whole numbers).
  @Test func percentIsTheNearestTenthHalfUp() throws {
    var rng = SplitMix64(seed: 1_000)
    for _ in 0..<20_000 {
      let emissions = Int64(bitPattern: rng.next() >> (1 + rng.next() % 63)) | 1
      let allocated = Int64(bitPattern: rng.next() >> (1 + rng.next() % 63))
      let percent = try #require(
        OffsetRate.percent(
          OffsetRate.of(Quantity(grams: allocated), per: Quantity(grams: emissions))))
      #expect(percent.decimals == 1)
      let tenths = percent.digits
      let scaled = 2_000 * Int128(allocated)
      #expect((2 * tenths - 1) * Int128(emissions) <= scaled, "\(allocated) / \(emissions)")
      #expect(scaled < (2 * tenths + 1) * Int128(emissions), "\(allocated) / \(emissions)")
    }
  }
}
