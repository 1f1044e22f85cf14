import Testing

@testable import JointCredit

@Suite struct DecimalTextTests {
  @Test(
    arguments: [
      (1_250_000, 6, 3, "1.250"), (50_000, 6, 3, "0.050"), (0, 6, 1, "0.0"), (5, 0, 2, "5.00"),
      (-1_500_000, 6, 1, "-1.5"), (123, 2, 2, "1.23"), (100_000_000, 6, 0, "100"),
      (7, 6, 6, "0.000007"),
    ] as [(Int, Int, Int, String)])
  func formatsScaledIntegers(value: Int, scale: Int, decimals: Int, expected: String) {
    #expect(DecimalText.format(Int128(value), scale: scale, decimals: decimals) == expected)
  }

  @Test func formatsTheExtremes() {
    #expect(DecimalText.format(Int128(Int64.min), scale: 6, decimals: 6) == "-9223372036854.775808")
    #expect(
      DecimalText.format(Int128.max / 1_000, scale: 0, decimals: 0)
        == String(Int128.max / 1_000))
  }
}
