/// Shares a purchase among the bodies and events of some estimates.
///
/// ```swift
/// let purchase = Purchase(lot: Quantity(tonnes: 100), unit: try Quantity.parse("0.1").quantity,
///                         mode: .bodyThenEvent)
/// let allocation = try Allocator().allocate(purchase, among: estimates)
/// allocation.allocated == purchase.lot   // always
/// ```
public struct Allocator: Sendable {
  /// Creates an allocator.
  public init() {}

  /// Allocates the lot.
  ///
  /// Both levels use the same ``Apportioner``; items are passed in identifier order, so the tie
  /// rule is "larger estimate, then smaller body code, then smaller event id".
  ///
  /// - Returns: the allocation, which adds up to the lot at every level.
  /// - Throws: ``ApportionmentError`` when the lot cannot be shared (no positive estimate).
  /// - Complexity: O(*n* log *n*) for *n* events.
  public func allocate(_ purchase: Purchase, among estimates: Estimates)
    throws(ApportionmentError) -> Allocation
  {
    let apportioner = Apportioner(method: purchase.method)
    var ties: [TieDecision] = []
    let bodies: [BodyAllocation]
    switch purchase.mode {
    case .event:
      bodies = try allocateEvents(purchase, estimates, apportioner, &ties)
    case .bodyThenEvent:
      bodies = try allocateBodiesThenEvents(purchase, estimates, apportioner, &ties)
    }
    return Allocation(purchase: purchase, bodies: bodies, ties: ties,
                      emissionDecimals: estimates.decimals)
  }

  private func allocateEvents(
    _ purchase: Purchase, _ estimates: Estimates, _ apportioner: Apportioner,
    _ ties: inout [TieDecision]
  ) throws(ApportionmentError) -> [BodyAllocation] {
    var weights: [Int64] = []
    var keys: [(body: Int, event: Int)] = []
    weights.reserveCapacity(estimates.eventCount)
    keys.reserveCapacity(estimates.eventCount)
    for (b, submission) in estimates.submissions.enumerated() {
      for (e, event) in submission.events.enumerated() {
        weights.append(event.emissions.grams)
        keys.append((b, e))
      }
    }
    let result = try apportioner.apportion(purchase.lot.grams / purchase.unit.grams, among: weights)
    let total = Int128(estimates.emissions.grams)
    let lot = Int128(purchase.lot.grams)
    func key(_ index: Int) -> AllocationKey {
      let (b, e) = keys[index]
      let submission = estimates.submissions[b]
      return AllocationKey(body: submission.body.code, event: submission.events[e].id)
    }
    ties += result.ties.map { tie in
      TieDecision(level: .event, within: nil, unit: purchase.unit, priority: tie.priority,
                  winners: tie.winners.map(key), losers: tie.losers.map(key))
    }
    var next = 0
    return estimates.submissions.map { submission in
      let events = submission.events.map { event in
        defer { next += 1 }
        return EventAllocation(
          event: event, quota: Fraction(lot * Int128(event.emissions.grams), over: total),
          allocated: Quantity(grams: result.units[next] * purchase.unit.grams))
      }
      let emissions = submission.emissions
      return BodyAllocation(
        body: submission.body, emissions: emissions,
        quota: Fraction(lot * Int128(emissions.grams), over: total),
        allocated: Quantity(grams: events.reduce(0) { $0 + $1.allocated.grams }),
        events: events)
    }
  }

  private func allocateBodiesThenEvents(
    _ purchase: Purchase, _ estimates: Estimates, _ apportioner: Apportioner,
    _ ties: inout [TieDecision]
  ) throws(ApportionmentError) -> [BodyAllocation] {
    let submissions = estimates.submissions
    let bodyEmissions = submissions.map(\.emissions)
    let bodyResult = try apportioner.apportion(
      purchase.lot.grams / purchase.bodyUnit.grams, among: bodyEmissions.map(\.grams))
    ties += bodyResult.ties.map { tie in
      TieDecision(
        level: .body, within: nil, unit: purchase.bodyUnit, priority: tie.priority,
        winners: tie.winners.map { AllocationKey(body: submissions[$0].body.code) },
        losers: tie.losers.map { AllocationKey(body: submissions[$0].body.code) })
    }
    let total = Int128(estimates.emissions.grams)
    let lot = Int128(purchase.lot.grams)
    var bodies: [BodyAllocation] = []
    bodies.reserveCapacity(submissions.count)
    for (index, submission) in submissions.enumerated() {
      let share = Quantity(grams: bodyResult.units[index] * purchase.bodyUnit.grams)
      let emissions = bodyEmissions[index]
      let result = try apportioner.apportion(share.grams / purchase.unit.grams,
                                             among: submission.events.map(\.emissions.grams))
      let code = submission.body.code
      ties += result.ties.map { tie in
        TieDecision(
          level: .event, within: code, unit: purchase.unit, priority: tie.priority,
          winners: tie.winners.map { AllocationKey(body: code, event: submission.events[$0].id) },
          losers: tie.losers.map { AllocationKey(body: code, event: submission.events[$0].id) })
      }
      let events = submission.events.enumerated().map { e, event in
        EventAllocation(
          event: event,
          quota: emissions > .zero
            ? Fraction(Int128(share.grams) * Int128(event.emissions.grams),
                       over: Int128(emissions.grams))
            : Fraction(0, over: 1),
          allocated: Quantity(grams: result.units[e] * purchase.unit.grams))
      }
      bodies.append(BodyAllocation(
        body: submission.body, emissions: emissions,
        quota: Fraction(lot * Int128(emissions.grams), over: total),
        allocated: share, events: events))
    }
    return bodies
  }
}
