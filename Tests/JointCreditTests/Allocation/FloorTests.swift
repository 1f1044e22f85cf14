import Testing

@testable import JointCredit

/// Full-offset floors: every event with a positive estimate gets at least its estimate (or a
/// percentage of it) rounded up to the unit; the rest by the method or to the reserve.
@Suite struct FloorTests {
  static func t(_ text: String) -> Quantity { Fixtures.tonnes(text) }
  static let reserve = Body.Code("ALL62")

  @Test func floorsRaiseEventsToTheirEstimatesRoundedUp() throws {
    // Quickstart: 2.5, 0.4, 3.1, 1.4, 0.6 t; lot 12 t in whole tonnes; floors 3, 1, 4, 2, 1.
    // Quotas 12 × e ÷ 8 = 3.75, 0.6, 4.65, 2.1, 0.9: 131032/E02 and 133035/E01 are held at 1;
    // 10 t left for 2.5 : 3.1 : 1.4 → 3.571, 4.429, 2.000 (exactly its floor, held there);
    // 8 t for 2.5 : 3.1 → 3.571, 4.429 → 3, 4 and the last to the larger remainder: 4, 4.
    let purchase = try Purchase(lot: Self.t("12"), floor: .emissions)
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let events = allocation.bodies.flatMap(\.events)
    #expect(events.map(\.allocated) == ["4", "1", "4", "2", "1"].map(Self.t))
    #expect(events.map(\.bound) == [.free, .lower, .free, .lower, .lower])
    #expect(events.allSatisfy { $0.shortfall == .zero })
    #expect(allocation.shortfall == .zero)
    #expect(allocation.total == purchase.lot)
  }

  @Test func withTheSurplusForTheReserveEveryEventStandsAtItsFloor() throws {
    let purchase = try Purchase(
      lot: Self.t("12"), floor: .emissions, surplus: .reserve, reserve: Self.reserve)
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(
      allocation.bodies.flatMap(\.events).map(\.allocated) == ["3", "1", "4", "2", "1"].map(Self.t))
    #expect(allocation.reserve?.allocated == Self.t("1"))
    #expect(allocation.total == purchase.lot)
  }

  @Test func bodyThenEventFloorsAreTheEventsFloorsRoundedUpToTheBodyUnit() throws {
    // Event floors at 0.1 t: 131032 2.5 + 0.4 = 2.9 → 3 t; 132012 3.1 + 1.4 = 4.5 → 5 t;
    // 133035 0.6 → 1 t. Body quotas 10 × e ÷ 8 = 3.625, 5.625, 0.75: 133035 held at 1; 9 t for
    // 2.9 : 4.5 → 3.527, 5.473 → 3, 5 and the last to .527: 4, 5. Within 131032, 40 units by
    // 2.5 : 0.4 → 34.48, 5.52 → 34, 5, +1 to .52: 3.4, 0.6. Within 132012, 50 units by
    // 3.1 : 1.4 → 34.44, 15.56 → 34, 15, +1 to .56: 3.4, 1.6.
    let purchase = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), bodyUnit: Self.t("1"), mode: .bodyThenEvent,
      floor: .emissions)
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(allocation.bodies.map(\.allocated) == ["4", "5", "1"].map(Self.t))
    #expect(allocation.bodies.map(\.bound) == [.free, .free, .lower])
    #expect(
      allocation.bodies.flatMap(\.events).map(\.allocated)
        == ["3.4", "0.6", "3.4", "1.6", "1.0"].map(Self.t))

    // With the surplus for the reserve, bodies stand at 3, 5, 1 and the reserve holds 1 t; the
    // rounding up to whole tonnes goes to the body's events by the rule: within 131032, 30 units
    // by 2.5 : 0.4 → 25.86, 3.10, below E02's floor of 4, so 26, 4.
    let reserved = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), bodyUnit: Self.t("1"), mode: .bodyThenEvent,
      floor: .emissions, surplus: .reserve, reserve: Self.reserve)
    let held = try Allocator().allocate(reserved, among: Fixtures.quickstart)
    #expect(held.bodies.map(\.allocated) == ["3", "5", "1"].map(Self.t))
    #expect(held.reserve?.allocated == Self.t("1"))
    #expect(
      held.bodies.flatMap(\.events).map(\.allocated)
        == ["2.6", "0.4", "3.4", "1.6", "1.0"].map(Self.t))
  }

  @Test func floorsAboveTheLotAreRefusedWithWhatTheyNeedAndAFinerStepThatFits() throws {
    // Whole tonnes: 3 + 1 + 4 + 2 + 1 = 11 t for a lot of 9 t; at 0.1 t steps exactly 8.0 t.
    let coarse = try Purchase(lot: Self.t("9"), floor: .emissions)
    let error = #expect(throws: AllocationError.self) {
      try Allocator().allocate(coarse, among: Fixtures.quickstart)
    }
    #expect(
      error?.description
        == "the floors need 11 t, the lot is 9 t; at 0.1 t steps they need 8.0 t: choose that "
        + "unit, lower the floor, or buy more")
    #expect(error?.reason == .minimumsExceedTotal(units: 9, needed: 11))

    // 50 %: ⌈1.25⌉ + ⌈0.2⌉ + ⌈1.55⌉ + ⌈0.7⌉ + ⌈0.3⌉ = 7 t for 5 t; at 0.1 t, 1.3 + 0.2 + 1.6 +
    // 0.7 + 0.3 = 4.1 t.
    let half = try Purchase(lot: Self.t("5"), floor: .rate(Self.t("50")))
    let halfError = #expect(throws: AllocationError.self) {
      try Allocator().allocate(half, among: Fixtures.quickstart)
    }
    #expect(halfError?.floors?.neededGrams == 7_000_000)
    #expect(halfError?.floors?.finer?.neededGrams == 4_100_000)
    #expect(halfError?.floors?.finer?.unit == Self.t("0.1"))

    // 200 % of 8 t is 16 t: no step fits a lot of 10 t. In whole tonnes ⌈5⌉ + ⌈0.8⌉ + ⌈6.2⌉ +
    // ⌈2.8⌉ + ⌈1.2⌉ = 18 t.
    let double = try Purchase(lot: Self.t("10"), floor: .rate(Self.t("200")))
    let doubleError = #expect(throws: AllocationError.self) {
      try Allocator().allocate(double, among: Fixtures.quickstart)
    }
    #expect(doubleError?.floors?.finer == nil)
    #expect(doubleError?.floors?.finest.unit == Self.t("0.000001"))
    #expect(
      doubleError?.description
        == "the floors need 18 t, the lot is 10 t; even at 0.000001 t steps they need "
        + "16.000000 t: lower the floor rate or buy more")
  }

  @Test func theSurplusForTheReserveNeedsAReserveAndAFloor() {
    #expect(throws: InputErrors([InputError(.surplusNeedsReserve)])) {
      try Purchase(lot: Self.t("10"), floor: .emissions, surplus: .reserve)
    }
    #expect(throws: InputErrors([InputError(.surplusNeedsFloor)])) {
      try Purchase(lot: Self.t("10"), surplus: .reserve, reserve: Self.reserve)
    }
    #expect(throws: InputErrors([InputError(.notPositive(field: "floor rate", value: "0"))])) {
      try Purchase(lot: Self.t("10"), floor: .rate(.zero))
    }
  }

  @Test func shortfallIsTheEstimateLessTheAllocationWherePositive() throws {
    // Without a floor, 5 t in whole tonnes over 8 t: quotas 1.5625, 0.25, 1.9375, 0.875,
    // 0.375 → 1, 0, 1, 0, 0 and 3 by remainders (.9375, .875, .5625): 2, 0, 2, 1, 0.
    let purchase = try Purchase(lot: Self.t("5"))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let events = allocation.bodies.flatMap(\.events)
    #expect(events.map(\.allocated) == ["2", "0", "2", "1", "0"].map(Self.t))
    #expect(events.map(\.shortfall) == ["0.5", "0.4", "1.1", "0.4", "0.6"].map(Self.t))
    #expect(allocation.bodies.map(\.shortfall) == ["0.9", "1.5", "0.6"].map(Self.t))
    #expect(allocation.shortfall == Self.t("3"))
    #expect(allocation.kinds.map(\.shortfall) == ["0.9", "1.5", "0.6"].map(Self.t))
  }

  // MARK: Properties

  /// The floor of an estimate in units, as the issue defines it: ⌈grams × percent ÷ 100 ÷ unit⌉.
  static func floorUnits(_ grams: Int64, percent: Quantity, unit: Int64) -> Int64 {
    guard grams > 0 else { return 0 }
    let numerator = Int128(grams) * Int128(percent.grams)
    let denominator = Int128(100) * 1_000_000 * Int128(unit)
    return Int64((numerator + denominator - 1) / denominator)
  }

  /// What the floors need in grams at these steps, computed directly.
  static func need(_ estimates: Estimates, percent: Quantity, unit: Int64, bodyUnit: Int64?)
    -> Int128
  {
    estimates.submissions.reduce(Int128(0)) { sum, submission in
      let events = submission.events.reduce(Int128(0)) {
        $0 + Int128(floorUnits($1.emissions.grams, percent: percent, unit: unit)) * Int128(unit)
      }
      guard let bodyUnit else { return sum + events }
      let step = Int128(bodyUnit)
      return sum + (events + step - 1) / step * step
    }
  }

  @Test(arguments: 0..<4)
  func everyEventGetsAtLeastItsFloorAndTheLotIsSharedExactly(part: Int) throws {
    let rates = ["50", "90", "100", "100", "110", "150"].map(Self.t)
    var met = 0, refused = 0
    for seed in (part * 750)..<((part + 1) * 750) {
      var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
      let estimates = Generate.estimates(using: &rng)
      var purchase = Generate.purchase(seed: seed, cappedEvery: .max, using: &rng)
      purchase.cap = nil
      purchase.reserve = nil
      let percent = rates[Int(rng.next() % UInt64(rates.count))]
      purchase.floor = percent == Self.t("100") ? .emissions : .rate(percent)
      let toReserve = rng.next() % 3 == 0
      if toReserve {
        purchase.surplus = .reserve
        purchase.reserve = Self.reserve
      }
      let unit = purchase.unit.grams
      let bodyUnit = purchase.mode == .bodyThenEvent ? purchase.bodyUnit.grams : nil
      let needed = Self.need(estimates, percent: percent, unit: unit, bodyUnit: bodyUnit)
      do {
        let allocation = try Allocator().allocate(purchase, among: estimates)
        #expect(needed <= Int128(purchase.lot.grams), "seed \(seed)")
        #expect(allocation.total == purchase.lot, "seed \(seed)")
        for body in allocation.bodies {
          #expect(
            body.allocated.grams == body.events.reduce(0) { $0 + $1.allocated.grams },
            "seed \(seed)")
          var floors: Int64 = 0
          for event in body.events {
            let floor = Self.floorUnits(event.event.emissions.grams, percent: percent, unit: unit)
            floors += floor * unit
            #expect(event.allocated.grams >= floor * unit, "seed \(seed)")
            #expect(event.allocated.grams % unit == 0, "seed \(seed)")
            if toReserve, bodyUnit == nil, event.event.emissions > .zero {
              #expect(event.allocated.grams == floor * unit, "seed \(seed): at its floor")
            }
          }
          if toReserve, let bodyUnit {
            let step = bodyUnit
            #expect(
              body.allocated.grams == (floors + step - 1) / step * step, "seed \(seed): body")
          }
        }
        if toReserve {
          // Events (in body-then-event mode, bodies) stand exactly at their floors.
          #expect(Int128(allocation.allocated.grams) == needed, "seed \(seed)")
          #expect(allocation.reserve?.allocated == purchase.lot - allocation.allocated)
        }
        met += 1
      } catch {
        // The only refusal: floors past the lot.
        guard let floors = error.floors else {
          Issue.record("seed \(seed): \(error)")
          continue
        }
        #expect(needed > Int128(purchase.lot.grams), "seed \(seed)")
        #expect(floors.neededGrams == needed, "seed \(seed)")
        if let finer = floors.finer {
          let there = Self.need(
            estimates, percent: percent, unit: finer.unit.grams,
            bodyUnit: finer.bodyUnit?.grams)
          #expect(there == finer.neededGrams && there <= Int128(purchase.lot.grams))
          #expect(unit % finer.unit.grams == 0 && unit / finer.unit.grams % 10 == 0)
        }
        refused += 1
      }
    }
    #expect(met > 200 && refused > 50, "\(met) met, \(refused) refused")
  }

  @Test func floorsDoNotDependOnTheOrderOfSubmissions() throws {
    var compared = 0
    for seed in 0..<300 {
      var rng = SplitMix64(seed: UInt64(seed) &+ 99)
      let estimates = Generate.estimates(using: &rng)
      var purchase = Generate.purchase(seed: seed, cappedEvery: .max, using: &rng)
      (purchase.cap, purchase.reserve, purchase.floor) = (nil, nil, .emissions)
      let first: Allocation
      do {
        first = try Allocator().allocate(purchase, among: estimates)
      } catch {
        #expect(error.floors != nil, "seed \(seed): \(error)")
        continue
      }
      let shuffled = try Estimates(
        submissions: estimates.submissions.shuffled(seed: UInt64(seed)).map { submission in
          Submission(body: submission.body, events: submission.events.shuffled(seed: 3))
        }, decimals: estimates.decimals)
      let second = try Allocator().allocate(purchase, among: shuffled)
      #expect(Fixtures.statementBytes(first) == Fixtures.statementBytes(second), "seed \(seed)")
      compared += 1
    }
    #expect(compared > 100, "\(compared) compared")
  }
}
