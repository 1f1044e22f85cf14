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

  /// The text made digit by digit, 64 bits or 128, is the integer's own decimal text with the
  /// point put in: checked on both sides of 64 bits and of 18 places.
  @Test func agreesWithTheIntegersOwnText() {
    var rng = SplitMix64(seed: 64)
    var values: [Int128] = [
      0, 1, -1, Int128(UInt64.max), -Int128(UInt64.max), Int128(UInt64.max) + 1,
      Int128(Int64.min), Int128.max, Int128.min + 1,
    ]
    for _ in 0..<2_000 {
      let magnitude = Int128(rng.next() >> (rng.next() % 64)) << (rng.next() % 3 == 0 ? 40 : 0)
      values.append(rng.next() % 2 == 0 ? magnitude : -magnitude)
    }
    for value in values {
      for decimals in [0, 1, 3, 6, 18, 19, 25] {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -decimals)
        let expected =
          (value < 0 ? "-" : "") + padded[..<point] + (decimals > 0 ? "." : "")
          + padded[point...]
        #expect(DecimalText.format(value, scale: decimals, decimals: decimals) == expected)
      }
    }
    #expect(
      DecimalText.format(Int128(UInt64.max), scale: 18, decimals: 18) == "18.446744073709551615")
  }

  /// The eight digits of a number below 10^8, made at once, are its own text with leading
  /// zeros: every number below 10^5 (every carry between the parts), each power of ten and its
  /// neighbours, and seeded numbers up to 10^8 − 1.
  @Test func eightDigitsAtOnceAreTheNumbersOwnDigits() {
    var rng = SplitMix64(seed: 8)
    var values = Array(UInt64(0)..<100_000)
    for power in 1...8 {
      let ten = (0..<power).reduce(UInt64(1)) { value, _ in value * 10 }
      values += [ten - 1, ten, ten + 1].filter { $0 < 100_000_000 }
    }
    values += (0..<100_000).map { _ in rng.next() % 100_000_000 }
    for value in values {
      let digits = DecimalText.eightDigits(value)
      let text = String(
        decoding: (0..<8).map { UInt8(truncatingIfNeeded: digits >> ($0 * 8)) + 48 },
        as: UTF8.self)
      #expect(
        text == String(repeating: "0", count: 8 - String(value).count) + String(value),
        "\(value)")
    }
  }

  @Test(
    arguments: [
      (1_250, 3, UInt8(ascii: "\""), UInt8(ascii: "\""), "\"1.250\""),
      (-5, 3, UInt8(ascii: ","), nil, ",-0.005"), (7, 0, nil, UInt8(ascii: ";"), "7;"),
      (Int(Int64.max), 0, UInt8(ascii: "["), UInt8(ascii: "]"), "[9223372036854775807]"),
    ] as [(Int, Int, UInt8?, UInt8?, String)])
  func appendsBetweenAPrefixAndASuffix(
    value: Int, decimals: Int, prefix: UInt8?, suffix: UInt8?, expected: String
  ) {
    for scale in [decimals, decimals + 2] {
      var bytes = Array("x".utf8)
      let scaled = Int128(value) * (scale == decimals ? 1 : 100)
      DecimalText.append(
        scaled, scale: scale, decimals: decimals, to: &bytes, prefix: prefix, suffix: suffix)
      #expect(String(decoding: bytes, as: UTF8.self) == "x" + expected)
    }
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

  /// Seeded values of every size (a few digits, 64 bits, past 64 bits), scales and places,
  /// against the standard library's digits of the magnitude with the point put in by hand.
  @Test func formatsLikeTheStandardLibrarysDigits() {
    var rng = SplitMix64(seed: 34)
    for _ in 0..<5_000 {
      let scale = Int(rng.next() % 9)
      let decimals = Int(rng.next() % 9)
      let size = rng.next() % 3
      var value =
        size == 0
        ? Int128(rng.next() % 100_000)
        : size == 1 ? Int128(Int64(bitPattern: rng.next()) / 1_000) : Int128(rng.next()) << 30
      if rng.next() % 2 == 0 { value = -value }
      // Places dropped must be zeros: the value is a whole number of the places printed.
      for _ in decimals..<max(scale, decimals) { value *= 10 }
      var digits = String(value.magnitude)
      if decimals >= scale {
        digits += String(repeating: "0", count: decimals - scale)
      } else {
        digits.removeLast(scale - decimals)
      }
      if digits.count <= decimals {
        digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
      }
      if decimals > 0 { digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals)) }
      let expected = (value < 0 ? "-" : "") + digits
      #expect(
        DecimalText.format(value, scale: scale, decimals: decimals) == expected,
        "\(value) scale \(scale) decimals \(decimals)")
    }
  }

  /// A quantity's figure, at every number of places it can be shown with.
  @Test func fixedDecimalsOfQuantitiesKeepTheirValue() {
    var rng = SplitMix64(seed: 35)
    for _ in 0..<2_000 {
      let places = Int(rng.next() % 7)
      var grams = Int64(bitPattern: rng.next()) / 1_000_000
      for _ in places..<Quantity.scale { grams = grams / 10 * 10 }
      let quantity = Quantity(grams: grams)
      for decimals in max(places, quantity.significantDecimals)...9 {
        let fixed = FixedDecimal(quantity, decimals: decimals)
        #expect(fixed.decimals == decimals)
        // digits ÷ 10^decimals == grams ÷ 10^6, cross-multiplied.
        #expect(
          fixed.digits * DecimalText.powerOfTen(Quantity.scale)
            == Int128(grams) * DecimalText.powerOfTen(decimals), "\(grams) at \(decimals)")
      }
    }
  }

  /// A figure with at least so many places: more when the quantity has more, never rounded.
  @Test(arguments: [
    (grams: Int64(1_250_000), atLeast: 3, text: "1.250"),
    (1_234_500, 3, "1.2345"),
    (1_234_567, 3, "1.234567"),
    (0, 3, "0.000"),
    (0, 0, "0"),
    (3_000_000, 0, "3"),
    (1, 0, "0.000001"),
    (-500_000, 1, "-0.5"),
    (-1_234_500, 2, "-1.2345"),
    (1_250_000, 6, "1.250000"),
    (1_250_000, 8, "1.25000000"),
    (Int64.max, 3, "9223372036854.775807"),
    (Int64.min, 0, "-9223372036854.775808"),
    (-9_000_000_000_000, 1, "-9000000.0"),
  ])
  func figuresWithAtLeastSoManyPlaces(grams: Int64, atLeast: Int, text: String) {
    #expect(FixedDecimal(Quantity(grams: grams), atLeast: atLeast).description == text)
  }

  /// At least so many places is the quantity at the larger of those and its own places.
  @Test func atLeastIsTheLargerOfThePlaces() {
    var rng = SplitMix64(seed: 36)
    for _ in 0..<2_000 {
      var grams = Int64(bitPattern: rng.next()) >> Int(rng.next() % 60)
      for _ in 0..<Int(rng.next() % 7) { grams = grams / 10 * 10 }
      let quantity = Quantity(grams: grams)
      for places in 0...8 {
        #expect(
          FixedDecimal(quantity, atLeast: places)
            == FixedDecimal(quantity, decimals: max(places, quantity.significantDecimals)),
          "\(grams) at least \(places)")
      }
    }
  }
}
