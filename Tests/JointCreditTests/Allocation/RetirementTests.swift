import Testing

@testable import JointCredit

/// Serials retired per event, per body for its events' fractions, for the reserve and for the
/// secretariat's pooled fractions.
@Suite struct RetirementTests {
  static func t(_ text: String) -> Quantity { Fixtures.tonnes(text) }

  @Test func eachEventRetiresItsWholeTonnesAndTheFractionsArePooled() throws {
    // Quickstart at 0.1 t: 3.1, 0.5 | 3.9, 1.8 | 0.7 t. 131032/E01 retires 3 t (1–3), E02 none;
    // 131032's fractions 0.1 + 0.5 = 0.6 t make no tonne. 132012/E01 3 t (4–6), E02 1 t (7);
    // its fractions 0.9 + 0.8 = 1.7 t make 1 t (8) and leave 0.7 t. 133035 leaves 0.7 t. The
    // pool, 0.6 + 0.7 + 0.7 = 2 t, goes to the secretariat (9–10).
    let block = try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "JV-", first: 1, last: 10, vintage: "2011",
      digits: 3)
    let purchase = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), creditBlocks: [block],
      secretariat: Body.Code("ALL62"))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let rows = allocation.retirement.map { range in
      [
        range.body.rawValue, range.event?.id.rawValue ?? "", range.basis.rawValue,
        block.serial(range.first), block.serial(range.last),
      ].joined(separator: " ")
    }
    #expect(
      rows == [
        "131032 E01 event JV-001 JV-003",
        "132012 E01 event JV-004 JV-006",
        "132012 E02 event JV-007 JV-007",
        "132012  event-fractions JV-008 JV-008",
        "ALL62  fractions JV-009 JV-010",
      ])
  }

  @Test func aHolderSpanningTwoBlocksGetsOneRangeInEach() throws {
    // 3 t for 131032/E01 from a first block of 2 serials: 1–2 there, 100 in the second.
    let first = try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "A-", first: 1, last: 2, vintage: "2010")
    let second = try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "B-", first: 100, last: 107, vintage: "2011")
    let purchase = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), creditBlocks: [first, second])
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let head = allocation.retirement.prefix(2).map {
      "\($0.event?.id.rawValue ?? "") \($0.block.serial($0.first))-\($0.block.serial($0.last))"
    }
    #expect(head == ["E01 A-1-A-2", "E01 B-100-B-100"])
    #expect(allocation.retirement.last?.body == Body.Code("secretariat"))
  }
}
