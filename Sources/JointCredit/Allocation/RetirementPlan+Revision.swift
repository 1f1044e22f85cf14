extension RetirementPlan {
  /// The ranges of a revision: every retired range as it was, with its holder, application and
  /// date; then the serials not yet retired, in block order, to what each holder gained.
  ///
  /// A holder's claim is worked out afresh from the revised allocation; it retires the part of
  /// it not already retired. A pool can have retired more than the revision claims for it (the
  /// fractions it pooled became whole tonnes of events); those tonnes are retired already, so
  /// the excess is taken from the body's own events' needs first, then from the pools, then from
  /// any event.
  ///
  /// Every serial is handed out exactly once: the holders' claims add up to the lot, the
  /// retired ranges lie in the blocks without sharing a serial (``Revision`` checks both), so the
  /// free serials are what the holders still need, and what the pools retired beyond their
  /// claims is at most that.
  static func revised(_ allocation: Allocation, keeping revision: Revision) -> [RetirementRange] {
    let blocks = allocation.purchase.creditBlocks
    guard !blocks.isEmpty else { return [] }
    struct Holder: Hashable {
      var body: Body.Code
      var basis: RetirementRange.Basis
      var event: Event.ID?
    }
    let claims = claims(for: allocation)
    var retiredBy: [Holder: Int64] = [:]
    for placed in revision.placed {
      let range = placed.range
      retiredBy[Holder(body: range.body, basis: range.basis, event: range.event), default: 0] +=
        range.quantity
    }
    var needs = claims.map { claim in
      claim.tonnes
        - (retiredBy[Holder(body: claim.body, basis: claim.basis, event: claim.event?.id)] ?? 0)
    }
    // A pool retired before can hold more than the revision claims for it: the fractions it
    // pooled have become whole tonnes of events. Those tonnes are already retired, so they are
    // not retired again: a body's excess is taken from its own events' needs, what is left
    // and the secretariat's excess from the pools, then from any event.
    var bodyExcess: [Body.Code: Int64] = [:]
    var poolExcess: Int64 = 0
    let claimed = Set(claims.map { Holder(body: $0.body, basis: $0.basis, event: $0.event?.id) })
    for (holder, tonnes) in retiredBy where !claimed.contains(holder) {
      if holder.basis == .eventFractions {
        bodyExcess[holder.body, default: 0] += tonnes
      } else {
        poolExcess += tonnes
      }
    }
    for index in needs.indices where needs[index] < 0 {
      if claims[index].basis == .eventFractions {
        bodyExcess[claims[index].body, default: 0] -= needs[index]
      } else {
        poolExcess -= needs[index]
      }
      needs[index] = 0
    }
    func absorb(_ excess: inout Int64, from indices: some Sequence<Int>) {
      for index in indices where excess > 0 {
        let take = min(excess, needs[index])
        needs[index] -= take
        excess -= take
      }
    }
    for (body, excess) in bodyExcess.sorted(by: { $0.key < $1.key }) {
      var left = excess
      absorb(
        &left,
        from: claims.indices.reversed().filter {
          claims[$0].body == body && claims[$0].basis == .event
        })
      poolExcess += left
    }
    absorb(&poolExcess, from: claims.indices.filter { claims[$0].basis == .fractions })
    absorb(
      &poolExcess, from: claims.indices.reversed().filter { claims[$0].basis == .eventFractions })
    absorb(&poolExcess, from: claims.indices.reversed().filter { claims[$0].basis == .event })
    absorb(&poolExcess, from: claims.indices.filter { claims[$0].basis == .reserve })
    precondition(poolExcess == 0, "the needs add up to the lot less what was retired, plus it")

    // The serials not retired, in block order.
    var free: [Piece] = []
    for (b, block) in blocks.enumerated() {
      let taken = revision.placed.filter { $0.block == b }.sorted { $0.first < $1.first }
      var next = block.first
      for placed in taken {
        if placed.first > next {
          free.append(Piece(block: block, first: next, last: placed.first - 1))
        }
        next = max(next, placed.last + 1)
      }
      if next <= block.last { free.append(Piece(block: block, first: next, last: block.last)) }
    }
    precondition(
      free.reduce(Int64(0), { $0 + ($1.last - $1.first + 1) }) == needs.reduce(0, +),
      "the free serials are what the holders still need")

    // Retired ranges first, as they were.
    let names = Dictionary(
      allocation.bodies.map { ($0.body.code, $0.body.name) }, uniquingKeysWith: { a, _ in a })
    var events: [AllocationKey: Event] = [:]
    for body in allocation.bodies {
      for event in body.events {
        events[AllocationKey(body: body.body.code, event: event.event.id)] = event.event
      }
    }
    let ranges: [RetirementRange] = revision.placed.map { placed in
      let range = placed.range
      var kept = RetirementRange(
        body: range.body, name: names[range.body] ?? "", basis: range.basis,
        event: range.event.flatMap { events[AllocationKey(body: range.body, event: $0)] },
        block: blocks[placed.block], first: placed.first, last: placed.last,
        application: range.application, purpose: allocation.purchase.purpose)
      kept.retirementDate = revision.retired.date
      return kept
    }
    // New serials, in new applications numbered after the old ones.
    var application = revision.retired.ranges.map(\.application).max() ?? 0
    var gains: [RetirementClaim] = []
    for index in claims.indices where needs[index] > 0 {
      application += 1
      var gain = claims[index]
      gain.tonnes = needs[index]
      gain.application = application
      gains.append(gain)
    }
    return ranges + sequential(gains, pieces: free)
  }
}
