import ApportionmentModule

/// One allocation being computed: the state ``Allocator`` builds up level by level.
struct AllocationRun {
  let purchase: Purchase
  let estimates: Estimates
  let explanations: Allocator.Explanations
  /// The language of the explanations.
  let explanationLanguage: StatementLanguage
  /// What each event keeps in a revision: at least its retired allocation.
  let kept: [AllocationKey: Quantity]
  var bodies: [BodyAllocation] = []
  var ties: [TieDecision] = []
  var reserve: ReserveAllocation?
  var notes: [AllocationNote] = []

  /// Every estimate, summed once (summing per item would make the run quadratic).
  private let total: Int128
  private let lot: Int128
  private let unit: Int64
  private let numbers: StatementNumbers

  init(
    purchase: Purchase, estimates: Estimates, explanations: Allocator.Explanations,
    explanationLanguage: StatementLanguage = .en, kept: [AllocationKey: Quantity] = [:]
  ) {
    self.explanationLanguage = explanationLanguage
    self.kept = kept
    self.purchase = purchase
    self.estimates = estimates
    self.explanations = explanations
    total = Int128(estimates.emissions.grams)
    lot = Int128(purchase.lot.grams)
    unit = purchase.unit.grams
    numbers = StatementNumbers(
      emissionDecimals: estimates.decimals,
      allocationDecimals: purchase.unit.significantDecimals)
  }

  // MARK: Event mode

  /// Stops with the figures when the floors need more than the lot.
  private func checkFloors() throws(AllocationError) {
    guard purchase.floor != nil,
      let shortage = FloorShortage.find(purchase: purchase, estimates: estimates)
    else { return }
    let step = purchase.mode == .event ? purchase.unit : purchase.bodyUnit
    var error = AllocationError(
      .minimumsExceedTotal(
        units: purchase.lot.grams / step.grams,
        needed: shortage.neededGrams / Int128(step.grams)),
      level: purchase.mode == .event ? .event : .body, unit: step,
      method: purchase.mode == .event ? purchase.method : purchase.bodyMethod)
    error.floors = shortage
    throw error
  }

  mutating func allocateEvents() throws(AllocationError) {
    try checkFloors()
    let submissions = estimates.submissions
    var weights: [Int64] = []
    weights.reserveCapacity(estimates.eventCount)
    for submission in submissions { weights += submission.events.map(\.emissions.grams) }
    let bounds = eventBounds(of: submissions)
    let units = try placeable(
      purchase.lot.grams / unit, weights: weights, bounds: bounds,
      step: purchase.unit)
    let result = try apportion(
      units, weights, bounds, level: .event, within: nil,
      method: purchase.method, step: purchase.unit)
    var next = 0
    var keys: [AllocationKey] = []
    for submission in submissions {
      for event in submission.events {
        keys.append(AllocationKey(body: submission.body.code, event: event.id))
      }
    }
    record(
      result.ties, level: .event, within: nil, method: purchase.method, step: purchase.unit,
      keys: keys)
    let context =
      explanations != .none
      ? ExplanationContext(
        result, weights: weights, keys: keys, step: purchase.unit,
        method: purchase.method, ties: ties, numbers: numbers,
        language: explanationLanguage) : nil
    for submission in submissions {
      let events = submission.events.map { event in
        defer { next += 1 }
        let allocated = Quantity(grams: result.units[next] * unit)
        let quota = Fraction(lot * Int128(event.emissions.grams), over: total)
        let explained = explanations.includes(keys[next])
        return EventAllocation(
          event: event, quota: quota, allocated: allocated,
          bound: result.bounds.isEmpty ? .free : result.bounds[next],
          explanation: explained
            ? context?.lines(
              for: next, name: event.name, estimate: event.emissions,
              quota: quota, allocated: allocated,
              share: nil, purchase: purchase, totalEmissions: total) : nil)
      }
      let emissions = submission.emissions
      bodies.append(
        BodyAllocation(
          body: submission.body, emissions: emissions,
          quota: Fraction(lot * Int128(emissions.grams), over: total),
          allocated: Quantity(grams: events.reduce(0) { $0 + $1.allocated.grams }), events: events))
    }
  }

  // MARK: Body-then-event mode

  mutating func allocateBodiesThenEvents() throws(AllocationError) {
    try checkFloors()
    let submissions = estimates.submissions
    let step = purchase.bodyUnit.grams / unit
    let bodyWeights = submissions.map(\.emissions.grams)
    // A body's bounds are the sums of its events' (with the first unit that a zero-first-divisor
    // method gives each positive estimate), in body units.
    let eventBounds = submissions.map { self.eventBounds(of: CollectionOfOne($0)) }
    let bodyBounds =
      eventBounds.contains(where: { $0 != nil }) || purchase.method.firstDivisorIsZero
      ? try self.bodyBounds(from: eventBounds, step: step) : nil
    let bodyUnits = try placeable(
      purchase.lot.grams / purchase.bodyUnit.grams,
      weights: bodyWeights, bounds: bodyBounds,
      step: purchase.bodyUnit)
    let bodyResult = try apportion(
      bodyUnits, bodyWeights, bodyBounds, level: .body, within: nil,
      method: purchase.bodyMethod, step: purchase.bodyUnit)
    let bodyKeys = submissions.map { AllocationKey(body: $0.body.code) }
    record(
      bodyResult.ties, level: .body, within: nil, method: purchase.bodyMethod,
      step: purchase.bodyUnit, keys: bodyKeys)
    let bodyContext =
      explanations != .none
      ? ExplanationContext(
        bodyResult, weights: bodyWeights, keys: bodyKeys,
        step: purchase.bodyUnit, method: purchase.bodyMethod, ties: ties,
        numbers: numbers, language: explanationLanguage) : nil

    // Each body's events are shared on their own, so bodies are shared among the cores in
    // ranges, each range into a copy of this run; the copies' bodies, ties and notes are then
    // joined in body order, as one loop would have made them. The first body that fails, in
    // body order, is the error, as in one loop.
    let shared = BodyShares(
      units: bodyResult.units, bounds: bodyResult.bounds, eventBounds: eventBounds,
      context: bodyContext)
    // A range of bodies is worth a core from 64 bodies.
    let ranges = CoreRanges.of(submissions.count, atMost: submissions.count / 64)
    var part = self
    (part.bodies, part.ties, part.notes) = ([], [], [])
    let template = part
    let results = CoreRanges.map(ranges.count) { range in
      Result { () throws(AllocationError) -> AllocationRun in
        var run = template
        run.bodies.reserveCapacity(ranges[range].count)
        for index in ranges[range] { try run.allocateEvents(ofBody: index, shared) }
        return run
      }
    }
    for result in results {
      let run = try result.get()
      bodies += run.bodies
      ties += run.ties
      notes += run.notes
    }
  }

  /// What the events of each body are shared from: the body level's result.
  private struct BodyShares: Sendable {
    var units: [Int64]
    var bounds: [Apportionment.BoundState]
    var eventBounds: [Bounds?]
    var context: ExplanationContext?
  }

  /// Shares a body's allocation among its events and appends the body.
  private mutating func allocateEvents(ofBody index: Int, _ shared: BodyShares)
    throws(AllocationError)
  {
    let submission = estimates.submissions[index]
    let bodyContext = shared.context
    let share = Quantity(grams: shared.units[index] * purchase.bodyUnit.grams)
    let emissions = submission.emissions
    // Each field read where the event is stored: a copy of each event (its texts counted
    // again) for a figure cost more than the figure, a million times.
    let events = submission.events
    let weights = events.map { $0.emissions.grams }
    let code = submission.body.code
    let result = try apportion(
      share.grams / unit, weights, shared.eventBounds[index], level: .event,
      within: code, method: purchase.method, step: purchase.unit)
    let touched = explanations.touches(code)
    // The events' keys, for ties and explanations, which most bodies have none of.
    let keys =
      result.ties.isEmpty && !touched ? [] : events.map { AllocationKey(body: code, event: $0.id) }
    let tiesBefore = ties.count
    record(
      result.ties, level: .event, within: code, method: purchase.method,
      step: purchase.unit, keys: keys)
    let bodyQuota = Fraction(lot * Int128(emissions.grams), over: total)
    let bodyLines =
      touched
      ? bodyContext?.lines(
        for: index, name: submission.body.name, estimate: emissions, quota: bodyQuota,
        allocated: share, share: nil, purchase: purchase, totalEmissions: total) : nil
    let context =
      touched
      ? ExplanationContext(
        result, weights: weights, keys: keys, step: purchase.unit,
        method: purchase.method, ties: Array(ties[tiesBefore...]),
        numbers: numbers, language: explanationLanguage) : nil
    let allocations = events.indices.map { e in
      let allocated = Quantity(grams: result.units[e] * unit)
      let quota =
        emissions > .zero
        ? Fraction(
          Int128(share.grams) * Int128(events[e].emissions.grams),
          over: Int128(emissions.grams))
        : Fraction(0, over: 1)
      return EventAllocation(
        event: events[e], quota: quota, allocated: allocated,
        bound: result.bounds.isEmpty ? .free : result.bounds[e],
        explanation: context.flatMap { context in
          guard explanations.includes(keys[e]) else { return nil }
          // The event's own steps, with its body's steps (prefixed) after the heading.
          let own = context.lines(
            for: e, name: events[e].name, estimate: events[e].emissions,
            quota: quota, allocated: allocated, share: (share, emissions),
            purchase: purchase, totalEmissions: total)
          let prefix = context.bodyPrefix(code)
          return [own[0]] + (bodyLines ?? []).dropFirst().map { prefix + $0 } + own.dropFirst()
        })
    }
    bodies.append(
      BodyAllocation(
        body: submission.body, emissions: emissions, quota: bodyQuota, allocated: share,
        events: allocations, bound: shared.bounds.isEmpty ? .free : shared.bounds[index],
        explanation: explanations.includes(AllocationKey(body: code)) ? bodyLines : nil))
  }

  /// A body's bounds in body units: the sums of its events' bounds (with the first unit that a
  /// zero-first-divisor method gives each positive estimate), the minimums rounded up and the
  /// caps down to whole body units.
  ///
  /// - Throws: ``AllocationError`` when a body's minimums round above its caps, or when the
  ///   minimums add up past any lot.
  private func bodyBounds(from eventBounds: [Bounds?], step: Int64) throws(AllocationError)
    -> Bounds
  {
    let submissions = estimates.submissions
    var lower: [Int64] = [], upper: [Int64] = []
    // Sums in 128 bits: a body's events' minimums or caps can add up past Int64.max.
    var neededInAll: Int128 = 0
    for (index, submission) in submissions.enumerated() {
      var low: Int128 = 0, high: Int128 = 0, unbounded = false
      for (e, event) in submission.events.enumerated() {
        let eventLow = eventBounds[index]?.lower[e] ?? 0
        let eventHigh = eventBounds[index]?.upper[e] ?? .max
        let first: Int64 =
          purchase.method.firstDivisorIsZero && event.emissions > .zero
            && eventHigh >= 1 ? 1 : 0
        low += Int128(max(eventLow, first))
        if event.emissions > .zero {
          if eventHigh == .max { unbounded = true } else { high += Int128(eventHigh) }
        } else {
          // A zero estimate gets exactly its lower bound (what a revision keeps, say).
          high += Int128(eventLow)
        }
      }
      let bodyStep = Int128(step)
      let bodyLow = low / bodyStep + (low % bodyStep == 0 ? 0 : 1)
      let bodyHigh = unbounded ? Int128(Int64.max) : min(high / bodyStep, Int128(Int64.max))
      // In body units the minimums can round above the caps: then no share fits. (Without
      // caps, minimums past Int64.max units are past any lot: see below.)
      guard unbounded || bodyLow <= bodyHigh else {
        throw AllocationError(
          .minimumsAboveCaps(needed: bodyLow, capacity: bodyHigh),
          level: .body, within: submission.body.code,
          unit: purchase.bodyUnit, method: purchase.bodyMethod)
      }
      neededInAll += bodyLow
      lower.append(Int64(clamping: bodyLow))
      // With the surplus for the reserve, a body stands at its events' floors, rounded up to
      // the body unit; the rounding goes to its events by the method.
      upper.append(purchase.surplus == .reserve ? Int64(clamping: bodyLow) : Int64(bodyHigh))
    }
    // Minimums past Int64.max units are past any lot; said here, before they are cut to fit.
    let bodyLotUnits = purchase.lot.grams / purchase.bodyUnit.grams
    if neededInAll > Int128(Int64.max) {
      throw AllocationError(
        .minimumsExceedTotal(units: bodyLotUnits, needed: neededInAll), level: .body,
        unit: purchase.bodyUnit, method: purchase.bodyMethod)
    }
    return Bounds(lower: lower, upper: upper)
  }

  // MARK: Shared steps

  /// Per-item bounds in units, or `nil` for none.
  struct Bounds: Equatable {
    var lower: [Int64]
    var upper: [Int64]
  }

  /// The minimum (or floor) and cap of each event, in units of the event step; with the surplus
  /// for the reserve, every event's cap is its floor (body-then-event mode caps bodies instead).
  ///
  /// Events are read where their submissions hold them: most runs have no bounds, and a
  /// national one has a million events, each of whose copies would count references to its
  /// texts.
  private mutating func eventBounds(of submissions: some Sequence<Submission>) -> Bounds? {
    guard purchase.isConstrained || !kept.isEmpty else { return nil }
    let standAtFloor = purchase.surplus == .reserve && purchase.mode == .event
    var lower: [Int64] = [], upper: [Int64] = []
    for submission in submissions {
      for index in submission.events.indices {
        let emissions = submission.events[index].emissions
        var (low, high) = Self.bounds(of: emissions.grams, unit: unit, purchase: purchase)
        if low > high {
          notes.append(
            .minimumAboveCap(
              event: AllocationKey(body: submission.body.code, event: submission.events[index].id),
              minimum: Quantity(grams: Int64(clamping: Int128(low) * Int128(unit))),
              cap: FixedDecimal(
                Quantity(grams: high * unit), decimals: purchase.unit.significantDecimals),
              rule: purchase.cap!, estimate: numbers.emissions(emissions)))
          low = high
        }
        // A revision never takes back what an event had: neither a cap nor a floor lowers it.
        if !kept.isEmpty,
          let held = kept[
            AllocationKey(body: submission.body.code, event: submission.events[index].id)]
        {
          low = max(low, held.grams / unit)
          high = max(high, low)
        }
        lower.append(low)
        upper.append(standAtFloor && emissions > .zero ? low : high)
      }
    }
    return Bounds(lower: lower, upper: upper)
  }

  /// An estimate's bounds in units of `unit` grams: the larger of the minimum and the floor
  /// (rounded up), and the cap (rounded down). The low bound may be above the high one.
  static func bounds(of grams: Int64, unit: Int64, purchase: Purchase) -> (low: Int64, high: Int64)
  {
    var high = Int64.max
    if let cap = purchase.cap {
      // grams × percent ÷ 100, with the percent held in millionths: ÷ (100 × 10⁶) per unit.
      // A cap beyond Int64.max units is beyond any lot: no cap.
      high = Int64(
        clamping: Int128(grams) * Int128(cap.percent.grams) / (100 * 1_000_000 * Int128(unit)))
    }
    guard grams > 0 else { return (0, high) }
    var low = (purchase.minimum?.grams ?? 0) / unit
    if let floor = purchase.floor { low = max(low, floor.units(forGrams: grams, unit: unit)) }
    return (low, high)
  }

  /// The units the items can take: the total, less what caps leave for the reserve.
  private mutating func placeable(
    _ units: Int64, weights: [Int64], bounds: Bounds?, step: Quantity
  ) throws(AllocationError) -> Int64 {
    var surplus: Int64 = 0
    if let bounds, purchase.cap != nil || purchase.surplus == .reserve {
      var capacity: Int128 = 0
      for (index, weight) in weights.enumerated() {
        capacity += Int128(weight > 0 ? bounds.upper[index] : bounds.lower[index])
      }
      if capacity < Int128(units) { surplus = units - Int64(capacity) }
    }
    if let code = purchase.reserve {
      let name = estimates.submissions.first { $0.body.code == code }?.body.name ?? ""
      reserve = ReserveAllocation(
        code: code, name: name,
        allocated: Quantity(grams: surplus * step.grams))
      return units - surplus
    }
    return units
  }

  private func apportion(
    _ units: Int64, _ weights: [Int64], _ bounds: Bounds?, level: TieDecision.Level,
    within: Body.Code?, method: ApportionmentMethod, step: Quantity
  ) throws(AllocationError) -> Apportionment {
    do {
      return try Apportioner(method: method).apportion(
        units, among: weights, lower: bounds?.lower, upper: bounds?.upper)
    } catch {
      throw AllocationError(error, level: level, within: within, unit: step, method: method)
    }
  }

  private mutating func record(
    _ found: [Apportionment.Tie], level: TieDecision.Level, within: Body.Code?,
    method: ApportionmentMethod, step: Quantity, keys: [AllocationKey]
  ) {
    ties += found.map { tie in
      TieDecision(
        level: level, within: within, method: method, unit: step,
        priority: tie.priority, winners: tie.winners.map { keys[$0] },
        losers: tie.losers.map { keys[$0] })
    }
  }
}
