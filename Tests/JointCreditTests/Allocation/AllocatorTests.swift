import Testing

@testable import ApportionmentModule
@testable import JointCredit

@Suite struct AllocatorTests {
  @Test func eventModeByHand() throws {
    // Lot 10 t in 0.1 t steps over 8.0 t: 12.5 steps per tonne estimated.
    // Steps: 31.25, 5, 38.75, 17.5, 7.5 → floors 31, 5, 38, 17, 7 (98); 2 left:
    // .75 → 132012/E01; then .5 and .5 tie → larger estimate 132012/E02 (1.4 > 0.6).
    let purchase = try Purchase(lot: Quantity(tonnes: 10), unit: Fixtures.tonnes("0.1"))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let events = allocation.bodies.flatMap(\.events)
    #expect(events.map(\.allocated) == ["3.1", "0.5", "3.9", "1.8", "0.7"].map(Fixtures.tonnes))
    #expect(
      events.map { StatementNumbers.quotaText($0.quota) }
        == ["3.125000", "0.500000", "3.875000", "1.750000", "0.750000"])
    #expect(allocation.bodies.map(\.allocated) == ["3.6", "5.7", "0.7"].map(Fixtures.tonnes))
    #expect(
      allocation.ties == [
        TieDecision(
          level: .event, within: nil, method: .largestRemainder,
          unit: Fixtures.tonnes("0.1"), priority: Priority(1, over: 2),
          winners: [AllocationKey(body: Body.Code("132012"), event: Event.ID("E02"))],
          losers: [AllocationKey(body: Body.Code("133035"), event: Event.ID("E01"))])
      ])
  }

  @Test func bodyThenEventWithWholeTonnesPerBodyByHand() throws {
    // Bodies 2.9, 4.5, 0.6 t share 10 × 1 t: quotas 3.625, 5.625, 0.75 → 3, 5, 0; 2 left:
    // .75 → 133035; .625 = .625 → larger estimate 132012. Bodies get 3, 6, 1 t.
    // 131032: 30 steps × 2.5/2.9 = 25.86, × 0.4/2.9 = 4.14 → 25, 4; 1 left → E01.
    // 132012: 60 steps × 3.1/4.5 = 41.33, × 1.4/4.5 = 18.67 → 41, 18; 1 left → E02.
    let purchase = try Purchase(
      lot: Quantity(tonnes: 10), unit: Fixtures.tonnes("0.1"),
      bodyUnit: Quantity(tonnes: 1), mode: .bodyThenEvent)
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(allocation.bodies.map(\.allocated) == [3, 6, 1].map { Quantity(tonnes: $0) })
    #expect(
      allocation.bodies.flatMap(\.events).map(\.allocated)
        == ["2.6", "0.4", "4.1", "1.9", "1.0"].map(Fixtures.tonnes))
    #expect(allocation.ties.map(\.level) == [.body])
    #expect(allocation.ties.first?.winners == [AllocationKey(body: Body.Code("132012"))])
    #expect(allocation.ties.first?.losers == [AllocationKey(body: Body.Code("131032"))])
    // Event quotas are shares of the body's allocation: 3 t × 2.5/2.9 = 2.586207 t.
    #expect(StatementNumbers.quotaText(allocation.bodies[0].events[0].quota) == "2.586207")
    #expect(StatementNumbers.quotaText(allocation.bodies[0].quota) == "3.625000")
  }

  /// Bodies' events are shared on all cores in ranges of bodies, joined in body order: 300
  /// bodies of two 1 t events each get 1 t each, and each body's unit is a tie between its
  /// events that E1 wins (equal estimates, then the smaller id). The ties and bodies come in
  /// body order, as one loop gives them.
  @Test func bodiesSharedInRangesComeBackInBodyOrder() throws {
    let codes = (1...300).map { "X" + String(1000 + $0).dropFirst() }
    var text = Fixtures.header
    for code in codes.shuffled() {
      text += "\(code),会\(code),other,E1,a,,1\n\(code),会\(code),other,E2,b,,1\n"
    }
    let estimates = try Fixtures.read([("a.csv", text)]).value
    let purchase = try Purchase(
      lot: Quantity(tonnes: 300), unit: Quantity(tonnes: 1), bodyUnit: Quantity(tonnes: 1),
      mode: .bodyThenEvent)
    let allocation = try Allocator().allocate(purchase, among: estimates)
    #expect(allocation.bodies.map(\.body.code.rawValue) == codes)
    #expect(allocation.bodies.allSatisfy { $0.allocated == Quantity(tonnes: 1) })
    #expect(
      allocation.bodies.flatMap(\.events).map(\.allocated)
        == Array(repeating: [Quantity(tonnes: 1), .zero], count: 300).flatMap { $0 })
    #expect(allocation.ties.map(\.within?.rawValue) == codes)
    #expect(
      allocation.ties.map(\.winners)
        == codes.map { [AllocationKey(body: Body.Code($0), event: Event.ID("E1"))] })
    #expect(
      allocation.ties.map(\.losers)
        == codes.map { [AllocationKey(body: Body.Code($0), event: Event.ID("E2"))] })
  }

  @Test func zeroEstimatesGetZeroAndNoRate() throws {
    let estimates = try Fixtures.read([
      (
        "a.csv",
        Fixtures.header
          + "131032,港区,ward,E01,a,,1\n131032,港区,ward,E02,b,,0\n132012,八王子市,city,E01,c,,0\n"
      )
    ]).value
    for mode in AllocationMode.allCases {
      let allocation = try Allocator().allocate(
        try Purchase(lot: Quantity(tonnes: 5), mode: mode), among: estimates)
      #expect(allocation.bodies.map(\.allocated) == [Quantity(tonnes: 5), .zero])
      #expect(allocation.bodies[0].events[1].allocated == .zero)
      #expect(allocation.bodies[0].events[1].offsetRate == nil)
      #expect(allocation.bodies[1].offsetRate == nil)
    }
  }
}

/// Properties of whole allocations over thousands of generated purchases and estimates.
@Suite struct AllocatorPropertyTests {
  @Test(arguments: 0..<1_500)
  func sumsAndQuotaBoundsHoldAtEveryLevel(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed))
    let estimates = Generate.estimates(using: &rng)
    let purchase = Generate.purchase(using: &rng)
    let allocation = try Allocator().allocate(purchase, among: estimates)

    #expect(allocation.allocated == purchase.lot)
    #expect(allocation.kinds.reduce(0) { $0 + $1.allocated.grams } == purchase.lot.grams)
    let total = Int128(estimates.emissions.grams)
    for body in allocation.bodies {
      #expect(body.events.reduce(0) { $0 + $1.allocated.grams } == body.allocated.grams)
      // Body quota is always the plain pro-rata share of the lot.
      #expect(
        body.quota
          == Fraction(
            Int128(purchase.lot.grams) * Int128(body.emissions.grams),
            over: total))
      if purchase.mode == .bodyThenEvent {
        #expect(body.allocated.isMultiple(of: purchase.bodyUnit))
        #expect(Self.withinOneStep(body.allocated, of: body.quota, step: purchase.bodyUnit))
      }
      for share in body.events {
        #expect(share.allocated.isMultiple(of: purchase.unit))
        #expect(Self.withinOneStep(share.allocated, of: share.quota, step: purchase.unit))
        if share.event.emissions == .zero { #expect(share.allocated == .zero) }
      }
    }
    #expect(try Allocator().allocate(purchase, among: estimates) == allocation)
  }

  /// `|allocated − quota| < step`, exactly.
  static func withinOneStep(_ allocated: Quantity, of quota: Fraction, step: Quantity) -> Bool {
    let difference = Int128(allocated.grams) * quota.denominator - quota.numerator
    return difference.magnitude < UInt128(Int128(step.grams) * quota.denominator)
  }

  @Test(arguments: 0..<200)
  func statementsDoNotDependOnTheOrderOfFilesOrRows(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 77)
    let estimates = Generate.estimates(using: &rng)
    var purchase = Generate.purchase(using: &rng)
    // Every method, with a minimum and a cap now and then: order must never matter.
    purchase.method = ApportionmentMethod.allCases[seed % 6]
    purchase.bodyMethod = ApportionmentMethod.allCases[(seed / 6) % 6]
    if seed % 3 == 0 { purchase.minimum = purchase.unit }
    if seed % 4 == 0 { purchase.cap = .rate(Quantity(tonnes: 150)) }
    purchase.reserve = Body.Code("RESERVE")
    let rows = estimates.submissions.flatMap { submission in
      submission.events.map { event in
        "\(submission.body.code),\(submission.body.name),\(submission.body.kind),\(event.id),"
          + "\(event.name),,\(event.emissions.formatted(decimals: 3))\n"
      }
    }
    func statements(_ rows: [String], filesOf size: Int) throws -> [[UInt8]] {
      let files = stride(from: 0, to: rows.count, by: size).map { start in
        SubmissionFile(
          path: "in/\(start / size).csv",
          text: Fixtures.header + rows[start..<min(start + size, rows.count)].joined())
      }
      let read = try SubmissionReader(directory: .empty).read(files.shuffled(seed: UInt64(seed)))
      let allocation = try Allocator(explains: true).allocate(purchase, among: read.value)
      return Fixtures.statementBytes(allocation)
    }
    let reference: [[UInt8]]
    do {
      reference = try statements(rows, filesOf: rows.count)
    } catch is AllocationError {
      return  // minimums or first units beyond the lot: nothing to compare
    }
    let shuffled = rows.shuffled(seed: UInt64(seed) &* 31)
    #expect(try statements(shuffled, filesOf: Int(rng.next() % 4) + 1) == reference)
  }
}
