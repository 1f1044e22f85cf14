import Testing

@testable import JointCredit

@Suite struct DecimalTextTests {
  @Test(
    arguments: [
      (1_250_000, 6, 3, "1.250"), (50_000, 6, 3, "0.050"), (0, 6, 1, "0.0"), (5, 0, 2, "5.00"),
      (-1_500_000, 6, 1, "-1.5"), (123, 2, 2, "1.23"), (100_000_000, 6, 0, "100"),
      (7, 6, 6, "0.000007"), (-7, 6, 6, "-0.000007"), (-5, 1, 3, "-0.500"), (0, 0, 0, "0"),
      (5, 0, 0, "5"), (123_456, 3, 5, "123.45600"), (10, 1, 1, "1.0"), (9, 0, 6, "9.000000"),
    ] as [(Int, Int, Int, String)])
  func formatsScaledIntegers(value: Int, scale: Int, decimals: Int, expected: String) {
    #expect(DecimalText.format(Int128(value), scale: scale, decimals: decimals) == expected)
  }

  @Test func formatsTheExtremes() {
    #expect(DecimalText.format(Int128(Int64.min), scale: 6, decimals: 6) == "-9223372036854.775808")
    #expect(
      DecimalText.format(Int128.max / 1_000, scale: 0, decimals: 0)
        == String(Int128.max / 1_000))
    // 2^127 - 1 and -2^127, past 64 bits, with and without places.
    #expect(
      DecimalText.format(Int128.max, scale: 6, decimals: 6)
        == "170141183460469231731687303715884.105727")
    #expect(
      DecimalText.format(Int128.min, scale: 0, decimals: 0)
        == "-170141183460469231731687303715884105728")
    var bytes = Array("x=".utf8)
    DecimalText.append(-1_250_000, scale: 6, decimals: 3, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "x=-1.250")
    // More places than a 128-bit value has digits.
    #expect(
      DecimalText.format(-1, scale: 60, decimals: 60)
        == "-0." + String(repeating: "0", count: 59) + "1")
    #expect(
      DecimalText.format(Int128.min, scale: 0, decimals: 50)
        == "-170141183460469231731687303715884105728." + String(repeating: "0", count: 50))
  }
}
