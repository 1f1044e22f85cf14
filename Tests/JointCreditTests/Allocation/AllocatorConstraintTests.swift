import Testing

@testable import ApportionmentModule
@testable import JointCredit

@Suite struct AllocatorConstraintTests {
  static func t(_ text: String) -> Quantity { Fixtures.tonnes(text) }
  static let reserve = Body.Code("ALL62")

  @Test func minimumsRaiseSmallEventsAndTheRestIsSharedByTheRule() throws {
    // Lot 5 t = 50 steps of 0.1 t over 8.0 t: quotas 15.625, 2.5, 19.375, 8.75, 3.75 steps.
    // 131032/E02 and 133035/E01 fall below the minimum of 5 steps and are raised to it; the other
    // three share 40 steps by 2.5 : 3.1 : 1.4 → 14.29, 17.71, 8.0 → 14, 17, 8 and the one left
    // goes to the largest remainder (.71): 14, 18, 8.
    let purchase = try Purchase(lot: Self.t("5"), unit: Self.t("0.1"), minimum: Self.t("0.5"))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let events = allocation.bodies.flatMap(\.events)
    #expect(events.map(\.allocated) == ["1.4", "0.5", "1.8", "0.8", "0.5"].map(Self.t))
    #expect(events.map(\.bound) == [.free, .lower, .free, .free, .lower])
    #expect(allocation.total == purchase.lot)
  }

  @Test func capsSendWhatCannotBePlacedToTheReserve() throws {
    // Capped at 100 % of 8.0 t of estimates, 2.0 t of the 10 t cannot be placed.
    let capped = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), cap: .emissions,
      reserve: Self.reserve)
    let allocation = try Allocator().allocate(capped, among: Fixtures.quickstart)
    #expect(
      allocation.bodies.flatMap(\.events).map(\.allocated)
        == ["2.5", "0.4", "3.1", "1.4", "0.6"].map(Self.t))
    #expect(allocation.reserve == ReserveAllocation(code: Self.reserve, allocated: Self.t("2")))
    #expect(allocation.allocated == Self.t("8") && allocation.total == Self.t("10"))

    let noReserve = try Purchase(lot: Self.t("10"), unit: Self.t("0.1"), cap: .emissions)
    #expect(
      throws: AllocationError(
        .capacityBelowTotal(units: 100, capacity: 80), level: .event,
        unit: Self.t("0.1"), method: .largestRemainder)
    ) {
      try Allocator().allocate(noReserve, among: Fixtures.quickstart)
    }
  }

  @Test func bodyThenEventCapsAreTheSumsOfTheEventsCapsInBodyUnits() throws {
    // Body caps in whole tonnes: ⌊2.9⌋ = 2, ⌊4.5⌋ = 4, ⌊0.6⌋ = 0; 6 t placed, 4 t to the reserve.
    // 131032: 20 steps by 2.5 : 0.4 → 17.24, 2.76 → 17, 2, the last to .76 (E02): 1.7, 0.3.
    // 132012: 40 steps by 3.1 : 1.4 → 27.56, 12.44 → 27, 12, the last to .56 (E01): 2.8, 1.2.
    let purchase = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), bodyUnit: Self.t("1"),
      mode: .bodyThenEvent, cap: .emissions, reserve: Self.reserve)
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(allocation.bodies.map(\.allocated) == ["2", "4", "0"].map(Self.t))
    #expect(allocation.bodies.map(\.bound) == [.upper, .upper, .upper])
    #expect(
      allocation.bodies.flatMap(\.events).map(\.allocated)
        == ["1.7", "0.3", "2.8", "1.2", "0"].map(Self.t))
    #expect(allocation.reserve?.allocated == Self.t("4"))
  }

  @Test func aRateCapRoundsDownToTheUnit() throws {
    // 150 % of 0.4 t is 0.6 t; of 0.6 t, 0.9 t; of 2.5 t, 3.75 t → 3.7 t in steps of 0.1 t.
    let purchase = try Purchase(lot: Self.t("10"), unit: Self.t("0.1"), cap: .rate(Self.t("150")))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    for share in allocation.bodies.flatMap(\.events) {
      #expect(share.allocated.grams * 100 <= share.event.emissions.grams * 150)
    }
    #expect(allocation.total == Self.t("10"))
  }

  @Test func aMinimumAboveACapIsClippedWithANote() throws {
    let purchase = try Purchase(
      lot: Self.t("8"), unit: Self.t("0.1"), minimum: Self.t("0.5"),
      cap: .emissions)
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(
      allocation.notes.map(\.description) == [
        "131032/E02: the minimum 0.5 t is above its cap of 0.4 t (emissions of 0.4 t); the cap applies"
      ])
    #expect(allocation.bodies[0].events[1].allocated == Self.t("0.4"))
  }

  @Test(
    arguments: [
      (
        try Purchase(
          lot: Fixtures.tonnes("1"), unit: Fixtures.tonnes("0.1"), minimum: Fixtures.tonnes("0.5")),
        "the minimums need 2.5 t but the lot of 1.0 t is less; lower min_t"
      ),
      (
        try Purchase(
          lot: Fixtures.tonnes("0.3"), unit: Fixtures.tonnes("0.1"), method: .huntingtonHill),
        "huntington-hill gives every one of the events with a positive estimate at least one unit of 0.1 t, which needs 0.5 t, but the lot of 0.3 t is less; choose another method or a smaller unit"
      ),
      (
        try Purchase(lot: Fixtures.tonnes("10"), unit: Fixtures.tonnes("0.1"), cap: .emissions),
        "the caps allow only 8.0 t of the lot of 10.0 t; name a body to take the rest as reserve, or raise the cap"
      ),
    ] as [(Purchase, String)])
  func impossibleConstraintsAreClearErrors(purchase: Purchase, message: String) {
    do {
      _ = try Allocator().allocate(purchase, among: Fixtures.quickstart)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test(arguments: 0..<400)
  func constraintsHoldForEveryMethodAndMode(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 31_337)
    let estimates = Generate.estimates(using: &rng)
    var purchase = Generate.purchase(using: &rng)
    purchase.method = ApportionmentMethod.allCases[Int(rng.next() % 6)]
    purchase.bodyMethod = ApportionmentMethod.allCases[Int(rng.next() % 6)]
    if rng.next() % 2 == 0 {
      purchase.minimum = Quantity(grams: purchase.unit.grams * Int64(rng.next() % 3))
    }
    switch rng.next() % 3 {
    case 0: purchase.cap = .emissions
    case 1: purchase.cap = .rate(Quantity(tonnes: Int64(rng.next() % 300) + 50))
    default: break
    }
    purchase.reserve = Body.Code("RESERVE")
    let allocation: Allocation
    do {
      allocation = try Allocator().allocate(purchase, among: estimates)
    } catch {
      // Only a real impossibility may fail: minimums or first units beyond the lot.
      switch error.reason {
      case .minimumsExceedTotal, .tooFewUnits, .minimumsAboveCaps: return
      default: Issue.record("unexpected \(error)"); return
      }
    }
    #expect(allocation.total == purchase.lot)
    for body in allocation.bodies {
      #expect(body.events.reduce(0) { $0 + $1.allocated.grams } == body.allocated.grams)
      for share in body.events {
        #expect(share.allocated.isMultiple(of: purchase.unit))
        let estimate = share.event.emissions
        if let cap = purchase.cap {
          #expect(
            Int128(share.allocated.grams) * 100 * 1_000_000
              <= Int128(estimate.grams) * Int128(cap.percent.grams), "cap")
        }
        if let minimum = purchase.minimum, estimate > .zero, share.bound != .upper {
          let capUnits = purchase.cap.map { cap in
            Int128(estimate.grams) * Int128(cap.percent.grams)
              / (100 * 1_000_000 * Int128(purchase.unit.grams))
          }
          let floor = min(
            Int128(minimum.grams), (capUnits ?? Int128(Int64.max)) * Int128(purchase.unit.grams))
          #expect(Int128(share.allocated.grams) >= floor, "minimum")
        }
        if estimate == .zero { #expect(share.allocated == .zero) }
      }
    }
  }
}
