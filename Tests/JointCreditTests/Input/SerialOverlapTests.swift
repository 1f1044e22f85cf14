import Testing

@testable import JointCredit

@Suite struct SerialOverlapTests {
  /// Every printed serial of a block, by brute force.
  static func printed(_ block: CreditBlock) -> Set<String> {
    Set((block.first...block.last).map(block.serial))
  }

  /// Against brute force over many seeded sets of small blocks whose prefixes end in digits,
  /// whose widths differ and whose numbers outgrow their widths.
  @Test func findsExactlyTheBlocksWhosePrintedSerialsMeet() throws {
    let prefixes = ["A-", "A-1", "A-12", "A-0", "A-01", "B-", ""]
    var checked = 0, colliding = 0
    for seed in 0..<400 {
      var random = SplitMix64(seed: UInt64(seed))
      let blocks = try (0..<Int.random(in: 1...5, using: &random)).map { _ in
        let first = Int64.random(in: 0...150, using: &random)
        return try CreditBlock(
          scheme: "J", project: "p", serialPrefix: prefixes.randomElement(using: &random)!,
          first: first, last: first + Int64.random(in: 0...120, using: &random), vintage: "2011",
          digits: Int.random(in: 1...3, using: &random))
      }
      let serials = blocks.map(Self.printed)
      let expected = blocks.indices.filter { later in
        (0..<later).contains { !serials[$0].isDisjoint(with: serials[later]) }
      }
      let found = SerialOverlap.collisions(in: blocks)
      #expect(found.map(\.later) == expected, "seed \(seed)")
      for pair in found {
        #expect(pair.earlier < pair.later)
        #expect(!serials[pair.earlier].isDisjoint(with: serials[pair.later]), "seed \(seed)")
      }
      checked += 1
      colliding += expected.isEmpty ? 0 : 1
    }
    // Both outcomes were tried many times.
    #expect(checked == 400)
    #expect(colliding > 50 && colliding < 350, "\(colliding) of 400 seeds collide")
  }

  @Test func blocksNearTheLimitAreComparedWithoutOverflow() throws {
    let top = WholeNumber.maximumSerial
    let blocks = [
      try CreditBlock(
        scheme: "J", project: "p", serialPrefix: "X-", first: top - 9, last: top, vintage: "",
        digits: 18),
      try CreditBlock(
        scheme: "J", project: "p", serialPrefix: "X-9", first: 99_999_999_999_999_995,
        last: 99_999_999_999_999_999, vintage: "", digits: 17),
    ]
    #expect(SerialOverlap.collisions(in: blocks).map(\.later) == [1])
  }
}

@Suite struct WholeNumberTests {
  @Test(arguments: [
    ("0", Int64(0)), ("000123", 123), ("999999999999999", WholeNumber.maximumYen),
  ])
  func digitsAreANumber(_ text: String, _ value: Int64) {
    #expect(WholeNumber.parse(text, limit: WholeNumber.maximumYen) == .success(value))
  }

  @Test(arguments: ["", "+1", "-1", " 1", "1 ", "1e3", "1,000", "1.0", "١٢", "０"])
  func anythingButDigitsIsNot(_ text: String) {
    #expect(WholeNumber.parse(text, limit: WholeNumber.maximumYen) == .failure(.notDigits))
  }

  @Test(arguments: ["1000000000000000", "9223372036854775807", "99999999999999999999999"])
  func aNumberPastTheLimitIsTooLarge(_ text: String) {
    #expect(
      WholeNumber.parse(text, limit: WholeNumber.maximumYen)
        == .failure(.tooLarge(limit: WholeNumber.maximumYen)))
  }
}
