import Testing

@testable import JointCredit

struct QuantityParseCase: Sendable, CustomTestStringConvertible {
  var text: String
  var grams: Int64?
  var decimals: Int = 0
  var error: Quantity.ParseError?
  var testDescription: String { "'\(text)'" }

  static func ok(_ text: String, _ grams: Int64, decimals: Int) -> QuantityParseCase {
    QuantityParseCase(text: text, grams: grams, decimals: decimals)
  }

  static func bad(_ text: String, _ error: Quantity.ParseError) -> QuantityParseCase {
    QuantityParseCase(text: text, grams: nil, error: error)
  }
}

@Suite struct QuantityTests {
  static let cases: [QuantityParseCase] = [
    .ok("0", 0, decimals: 0),
    .ok("12", 12_000_000, decimals: 0),
    .ok("12.5", 12_500_000, decimals: 1),
    .ok("0.050", 50_000, decimals: 3),
    .ok("1.250", 1_250_000, decimals: 3),
    .ok("0.000001", 1, decimals: 6),
    .ok("-3.125", -3_125_000, decimals: 3),
    .ok("007.5", 7_500_000, decimals: 1),
    .ok("9223372036854.775807", .max, decimals: 6),
    .bad("", .empty),
    .bad("1,5", .comma),
    .bad("1,000", .comma),
    .bad("1e3", .exponent),
    .bad("1.5E-2", .exponent),
    .bad("NaN", .notANumber),
    .bad("-inf", .notANumber),
    .bad("--1", .malformed),
    .bad("+1", .malformed),
    .bad("abc", .malformed),
    .bad(".5", .malformed),
    .bad("5.", .malformed),
    .bad("1.2.3", .malformed),
    .bad("1 000", .malformed),
    .bad("-", .malformed),
    .bad("1.2345678", .tooManyDecimals(7)),
    .bad("9223372036854.775808", .tooLarge),
    .bad("10000000000000", .tooLarge),
    .bad("99999999999999999999999", .tooLarge),
  ]

  @Test(arguments: cases)
  func parsesExactlyOrSaysWhy(_ c: QuantityParseCase) {
    if let grams = c.grams {
      #expect(throws: Never.self) {
        let parsed = try Quantity.parse(c.text)
        #expect(parsed.quantity.grams == grams)
        #expect(parsed.writtenDecimals == c.decimals)
      }
    } else {
      #expect(throws: c.error!) { try Quantity.parse(c.text) }
    }
  }

  @Test func formatsWithFixedDecimalsWithoutRounding() {
    let quantity = Quantity(grams: 1_250_000)
    #expect(quantity.formatted(decimals: 2) == "1.25")
    #expect(quantity.formatted(decimals: 3) == "1.250")
    #expect(quantity.formatted(decimals: 6) == "1.250000")
    #expect(Quantity(grams: 50_000).formatted(decimals: 3) == "0.050")
    #expect(Quantity(grams: -50_000).formatted(decimals: 2) == "-0.05")
    #expect(Quantity(tonnes: 100).formatted(decimals: 0) == "100")
    #expect(Quantity(tonnes: 100).formatted(decimals: 1) == "100.0")
    #expect(Quantity.zero.formatted(decimals: 1) == "0.0")
    #expect(Quantity.max.description == "9223372036854.775807")
  }

  @Test func significantDecimalsAreTheFewestThatPrintExactly() {
    #expect(Quantity(grams: 1_250_000).significantDecimals == 2)
    #expect(Quantity(tonnes: 3).significantDecimals == 0)
    #expect(Quantity(grams: 1).significantDecimals == 6)
    #expect(Quantity(grams: 100_000).significantDecimals == 1)
    #expect(Quantity.zero.significantDecimals == 0)
  }

  @Test func everyPrintedQuantityParsesBackToItself() throws {
    var rng = SplitMix64(seed: 7)
    for _ in 0..<2_000 {
      let grams = Int64(bitPattern: rng.next()) / Int64(rng.next() % 1_000_000 + 1)
      let quantity = Quantity(grams: grams)
      let decimals = quantity.significantDecimals + Int(rng.next() % 2)
      let text = quantity.formatted(decimals: min(decimals, 6))
      #expect(try Quantity.parse(text).quantity == quantity, "\(text)")
    }
  }

  @Test func multiplesOfAUnit() {
    let unit = Quantity(grams: 100_000)
    #expect(Quantity(tonnes: 100).isMultiple(of: unit))
    #expect(Quantity.zero.isMultiple(of: unit))
    #expect(!Quantity(grams: 150_000).isMultiple(of: unit))
  }
}
