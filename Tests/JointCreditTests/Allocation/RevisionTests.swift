import Testing

@testable import JointCredit

/// Revisions of a retired allocation: no retired range moves, no event gets less, the top-up and
/// late events are placed by the rule.
@Suite struct RevisionTests {
  static func t(_ text: String) -> Quantity { Fixtures.tonnes(text) }
  static let date = EventDate(iso: "2012-03-30")!

  /// What `jointcredit retire` leaves of an allocation: every range but the reserve's retired.
  static func retired(_ allocation: Allocation) -> RetiredAllocation {
    var allocations: [AllocationKey: Quantity] = [:]
    for body in allocation.bodies {
      for event in body.events {
        allocations[AllocationKey(body: body.body.code, event: event.event.id)] = event.allocated
      }
    }
    let ranges = allocation.retirement.filter { $0.basis != .reserve }.map { range in
      RetiredAllocation.Range(
        body: range.body, basis: range.basis, event: range.event?.id,
        serialFrom: range.block.serial(range.first), serialTo: range.block.serial(range.last),
        quantity: range.last - range.first + 1, application: range.application)
    }
    return RetiredAllocation(
      source: "old/allocation.json", date: date, allocations: allocations, ranges: ranges)
  }

  static func block(_ first: Int64, _ last: Int64) throws -> CreditBlock {
    try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "JV-", first: first, last: last,
      vintage: "2011", digits: 3)
  }

  static func estimates(_ rows: String) throws -> Estimates {
    try Fixtures.read([("e.csv", Fixtures.header + rows)]).value
  }

  @Test func aLateEventAndATopUpAreCoveredWithoutMovingARetiredSerial() throws {
    // Retired: quickstart at 0.1 t, 10 t, serials JV-001…JV-010 (ranges of RetirementTests).
    let old = try Allocator().allocate(
      try Purchase(lot: Self.t("10"), unit: Self.t("0.1"), creditBlocks: [try Self.block(1, 10)]),
      among: Fixtures.quickstart)
    // Revised: 瑞穂町 adds E02 of 1.0 t; 2 t more (JV-011, JV-012).
    let revised = try Self.estimates(
      """
      131032,港区,ward,E01,環境フェア,2011-10-15,2.5
      131032,港区,ward,E02,省エネ講座,2011-11-20,0.4
      132012,八王子市,city,E01,エコフェスタ,2011-10-01,3.1
      132012,八王子市,city,E02,打ち水大作戦,2011-07-23,1.4
      133035,瑞穂町,town,E01,環境講演会,,0.6
      133035,瑞穂町,town,E02,森の講座,,1.0

      """)
    let purchase = try Purchase(
      lot: Self.t("12"), unit: Self.t("0.1"),
      creditBlocks: [try Self.block(1, 10), try Self.block(11, 12)])
    let revision = try Revision(purchase, estimates: revised, retired: Self.retired(old))
    let allocation = try Allocator().allocate(revision)
    // Old allocations 31, 5, 39, 18, 7 units are lower bounds; quotas 120 × e ÷ 9.0 = 33.33,
    // 5.33, 41.33, 18.67, 8.00, 13.33 units are all above them, so the rule alone decides:
    // floors 33, 5, 41, 18, 8, 13 (118) and the two left to the largest remainders, .67
    // (132012/E02), then the tie at .33 to the largest estimate (132012/E01, 3.1 t).
    let events = allocation.bodies.flatMap(\.events)
    #expect(
      events.map(\.allocated) == ["3.3", "0.5", "4.2", "1.9", "0.8", "1.3"].map(Self.t))
    let before = old.bodies.flatMap(\.events).map(\.allocated)
    for (event, had) in zip(events, before) { #expect(event.allocated >= had) }
    #expect(allocation.total == purchase.lot)
    // Every retired range is in the revision, with its holder and application, dated.
    for range in old.retirement {
      #expect(
        allocation.retirement.contains {
          $0.body == range.body && $0.basis == range.basis && $0.event?.id == range.event?.id
            && $0.first == range.first && $0.last == range.last
            && $0.application == range.application && $0.retirementDate == Self.date
        }, "\(range)")
    }
    // The new serials JV-011 and JV-012 go to new applications, numbered after the old five.
    let new = allocation.retirement.filter { $0.retirementDate == nil }
    #expect(new.reduce(0) { $0 + $1.last - $1.first + 1 } == 2)
    #expect(new.allSatisfy { $0.first >= 11 && $0.application > 5 })
    #expect(allocation.revises == RevisedRecord(path: "old/allocation.json", retired: Self.date))
  }

  @Test func aRevisionThatWouldLoseARetiredCreditIsRefused() throws {
    let old = try Allocator().allocate(
      try Purchase(lot: Self.t("10"), unit: Self.t("0.1"), creditBlocks: [try Self.block(1, 10)]),
      among: Fixtures.quickstart)
    let retired = Self.retired(old)
    // 133035/E01 (0.7 t) missing; the block gone; a unit that does not divide 0.7 t.
    let missing = try Self.estimates(
      """
      131032,港区,ward,E01,環境フェア,2011-10-15,2.5
      131032,港区,ward,E02,省エネ講座,2011-11-20,0.4
      132012,八王子市,city,E01,エコフェスタ,2011-10-01,3.1
      132012,八王子市,city,E02,打ち水大作戦,2011-07-23,1.4

      """)
    let error = #expect(throws: InputErrors.self) {
      try Revision(
        try Purchase(lot: Self.t("10"), unit: Self.t("0.1"), creditBlocks: [try Self.block(1, 10)]),
        estimates: missing, retired: retired)
    }
    #expect(
      error?.errors.map(\.message) == [
        "event 133035/E01 holds 0.7 t in the retired allocation but is not in the revised "
          + "submissions; keep it (an estimate of 0 keeps what it had)"
      ])
    let moved = #expect(throws: InputErrors.self) {
      try Revision(
        try Purchase(
          lot: Self.t("10"), unit: Self.t("0.5"), creditBlocks: [try Self.block(11, 20)]),
        estimates: Fixtures.quickstart, retired: retired)
    }
    // A record that retires JV-001–JV-003 twice.
    var twice = retired
    twice.ranges.append(twice.ranges[0])
    let shared = #expect(throws: InputErrors.self) {
      try Revision(
        try Purchase(lot: Self.t("10"), unit: Self.t("0.1"), creditBlocks: [try Self.block(1, 10)]),
        estimates: Fixtures.quickstart, retired: twice)
    }
    #expect(
      shared?.errors.map(\.message) == [
        "retired ranges 'JV-001'– and 'JV-001'– share serial 'JV-001'; each serial is retired once"
      ])
    // 3.1, 3.9, 1.8 and 0.7 t are off the 0.5 t grid (0.5 t is on it); five ranges are gone.
    #expect(moved?.errors.count == 4 + 5)
  }

  @Test(arguments: 0..<4)
  func retiredRangesStayAndNoEventIsLowered(part: Int) throws {
    var revised = 0
    for seed in (part * 100)..<((part + 1) * 100) {
      var rng = SplitMix64(seed: UInt64(seed) &+ 4242)
      let estimates = Generate.estimates(using: &rng)
      let lotTonnes = Int64(rng.next() % 30) + 1
      let mode: AllocationMode = seed % 2 == 0 ? .event : .bodyThenEvent
      let old = try Allocator().allocate(
        try Purchase(
          lot: Quantity(tonnes: lotTonnes), unit: Self.t("0.1"), mode: mode,
          creditBlocks: [try Self.block(1, lotTonnes)]),
        among: estimates)
      // Revise: each estimate scaled by 0–2 (some to zero), a top-up of 0–5 t.
      var submissions = estimates.submissions
      for s in submissions.indices {
        for e in submissions[s].events.indices {
          let grams = submissions[s].events[e].emissions.grams
          submissions[s].events[e].emissions = Quantity(
            grams: grams * Int64(rng.next() % 3) / 1_000 * 1_000)
        }
      }
      if submissions.allSatisfy({ $0.emissions == .zero }) {
        submissions[0].events[0].emissions = Quantity(grams: 1_000)
      }
      let topUp = Int64(rng.next() % 6)
      let blocks =
        [try Self.block(1, lotTonnes)]
        + (topUp > 0 ? [try Self.block(lotTonnes + 1, lotTonnes + topUp)] : [])
      let purchase = try Purchase(
        lot: Quantity(tonnes: lotTonnes + topUp), unit: Self.t("0.1"), mode: mode,
        creditBlocks: blocks)
      let revision = try Revision(
        purchase, estimates: try Estimates(submissions: submissions, decimals: 3),
        retired: Self.retired(old))
      let allocation: Allocation
      do {
        allocation = try Allocator().allocate(revision)
      } catch {
        Issue.record("seed \(seed): \(error)")
        continue
      }
      #expect(allocation.total == purchase.lot, "seed \(seed)")
      for (body, had) in zip(allocation.bodies, old.bodies) {
        for (event, before) in zip(body.events, had.events) {
          #expect(event.allocated >= before.allocated, "seed \(seed)")
        }
      }
      for range in old.retirement {
        #expect(
          allocation.retirement.contains {
            $0.body == range.body && $0.basis == range.basis && $0.event?.id == range.event?.id
              && $0.first == range.first && $0.last == range.last
          }, "seed \(seed): \(range) moved")
      }
      var serials: [Int64] = []
      for range in allocation.retirement { serials += Array(range.first...range.last) }
      #expect(serials.sorted() == Array(1...(lotTonnes + topUp)), "seed \(seed)")
      revised += 1
    }
    #expect(revised == 100)
  }
}
