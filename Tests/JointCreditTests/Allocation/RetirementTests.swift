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
    // In sequence, 3 t for 131032/E01 from a first block of 2 serials: 1–2 there, 100 in the
    // second.
    let first = try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "A-", first: 1, last: 2, vintage: "2010")
    let second = try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "B-", first: 100, last: 107, vintage: "2011")
    let purchase = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), creditBlocks: [first, second], mix: .sequential)
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let head = allocation.retirement.prefix(2).map {
      "\($0.event?.id.rawValue ?? "") \($0.block.serial($0.first))-\($0.block.serial($0.last))"
    }
    #expect(head == ["E01 A-1-A-2", "E01 B-100-B-100"])
    #expect(allocation.retirement.last?.body == Body.Code("secretariat"))
  }

  @Test func everyHolderFilesOneApplicationWithThePurchasesPurpose() throws {
    // The ranges of the first test: one application per holder, numbered in their order.
    let block = try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "JV-", first: 1, last: 10, vintage: "2011",
      digits: 3)
    let purchase = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), creditBlocks: [block],
      secretariat: Body.Code("ALL62"), purpose: "会議のオフセット")
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    var csv: [UInt8] = []
    ApplicationStatement.write(
      allocation, format: CSVFormat(encoding: .utf8, lineEnding: .lf), to: &csv)
    #expect(
      String(decoding: csv, as: UTF8.self) == """
        application,credit_user,purpose,purpose_detail,scheme,project,vintage,serial_from,serial_to,quantity_t,retirement_date
        1,港区,会議のオフセット,"港区: 環境フェア (E01, 2011-10-15)",J-VER,P,2011,JV-001,JV-003,3,
        2,八王子市,会議のオフセット,"八王子市: エコフェスタ (E01, 2011-10-01)",J-VER,P,2011,JV-004,JV-006,3,
        3,八王子市,会議のオフセット,"八王子市: 打ち水大作戦 (E02, 2011-07-23)",J-VER,P,2011,JV-007,JV-007,1,
        4,八王子市,会議のオフセット,"八王子市: its events' fractions of a tonne, together",J-VER,P,2011,JV-008,JV-008,1,
        5,ALL62,会議のオフセット,"every body's remaining fractions of a tonne, pooled and retired by ALL62",J-VER,P,2011,JV-009,JV-010,2,

        """)
    var ja: [UInt8] = []
    ApplicationStatement.write(
      allocation, format: CSVFormat(encoding: .utf8, lineEnding: .lf), language: .ja, to: &ja)
    let lines = String(decoding: ja, as: UTF8.self).split(separator: "\n")
    #expect(lines[0].hasPrefix("申請番号,クレジット使用者,無効化目的,目的の詳細,"))
    #expect(lines[1].contains(",港区: 環境フェア（E01、2011-10-15開催）,"))
    #expect(lines[5].contains(",各団体の端数の合計（ALL62が一括して償却）,"))
  }

  @Test func aReserveHasAnApplicationOfItsOwn() throws {
    // Capped at the estimates, 10 t over 8.0 t leave 2 t to the reserve: its own application,
    // before the pooled fractions.
    let block = try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "JV-", first: 1, last: 10, vintage: "2011")
    let purchase = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), cap: .emissions, reserve: Body.Code("ALL62"),
      creditBlocks: [block])
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let reserve = try #require(allocation.retirement.first { $0.basis == .reserve })
    #expect(reserve.quantity == Self.t("2"))
    #expect(
      StatementLanguage.en.purposeDetail(reserve.purposeDetail) == "the reserve held by ALL62")
    #expect(allocation.retirement.last?.basis == .fractions)
    #expect(Set(allocation.retirement.map(\.application)).count == allocation.retirement.count)
    #expect(reserve.purpose == Purchase.defaultPurpose)
  }

  @Test func aMixTooLargeToComputeIsHandedOutInOrderWithANote() throws {
    func block(_ first: Int64, _ last: Int64, _ vintage: String) throws -> CreditBlock {
      try CreditBlock(
        scheme: "J-VER", project: "P", serialPrefix: "S-", first: first, last: last,
        vintage: vintage)
    }
    let purchase = try Purchase(
      lot: 10, unit: Self.t("0.1"),
      creditBlocks: [try block(1, 5, "2010"), try block(6, 10, "2011")])
    var allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(allocation.notes.isEmpty)
    let proportional = allocation.retirement
    allocation.retirement = []
    // Five holders (two events of 3 t, one of 1 t, 132012's fractions, the pool) over two
    // blocks are ten cells: above a limit of nine, so in order: 1–3, 4–5 and 6, 7, 8, 9–10.
    let plan = RetirementPlan.ranges(for: allocation, maximumCells: 9)
    #expect(plan.note == .mixTooLarge(holders: 5, blocks: 2))
    #expect(plan.ranges != proportional)
    #expect(plan.ranges.map(\.first) == [1, 4, 6, 7, 8, 9])
    #expect(plan.note?.text(.en).hasPrefix("a proportional mix of 5 holders over 2 blocks") == true)
  }
}
