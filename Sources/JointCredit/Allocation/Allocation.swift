import ApportionmentModule

/// A lot shared out: every body's and every event's exact quota and allocation.
///
/// Allocations add up to the lot exactly, and each body's to the sum of its events'.
public struct Allocation: Hashable, Sendable {
  /// The purchase that was shared.
  public var purchase: Purchase
  /// One entry per body, sorted by body code.
  public var bodies: [BodyAllocation]
  /// Every group of units that the tie rule decided.
  public var ties: [TieDecision]
  /// What caps left unplaced, given to the reserve body; `nil` when no reserve was named.
  public var reserve: ReserveAllocation?
  /// The decimals emissions are printed with: the most any estimate was written with.
  public var emissionDecimals: Int
  /// Notes on how constraints met (a minimum above an event's cap, say).
  public var notes: [AllocationNote]
  /// The invoice shared out, in yen, when a price was given.
  public var invoiceTotal: Int64?
  /// The serial ranges retired for each body, when credit blocks were given.
  public var retirement: [RetirementRange] = []
  /// The retired allocation this one revises, when it is a revision.
  public var revises: RevisedRecord?

  /// Creates an allocation.
  public init(
    purchase: Purchase, bodies: [BodyAllocation], ties: [TieDecision],
    reserve: ReserveAllocation? = nil, emissionDecimals: Int, notes: [AllocationNote] = []
  ) {
    self.purchase = purchase
    self.bodies = bodies
    self.ties = ties
    self.reserve = reserve
    self.emissionDecimals = emissionDecimals
    self.notes = notes
  }

  /// The sum of all estimates.
  public var emissions: Quantity { Quantity(grams: bodies.reduce(0) { $0 + $1.emissions.grams }) }

  /// The sum of the bodies' allocations: the lot, less what went to the reserve.
  public var allocated: Quantity { Quantity(grams: bodies.reduce(0) { $0 + $1.allocated.grams }) }

  /// What events fall short of their estimates, summed: zero when every event is offset in
  /// full.
  public var shortfall: Quantity {
    Quantity(grams: bodies.reduce(0) { $0 + $1.shortfall.grams })
  }

  /// Everything allocated, reserve included: always the lot.
  public var total: Quantity { Quantity(grams: allocated.grams + (reserve?.allocated.grams ?? 0)) }

  /// How many events there are in all.
  public var eventCount: Int { bodies.reduce(0) { $0 + $1.events.count } }

  /// The decimals allocations are printed with: those of the unit.
  public var allocationDecimals: Int { purchase.unit.significantDecimals }

  /// Subtotals per body kind, in kind order, for the kinds that occur.
  public var kinds: [KindTotal] {
    Body.Kind.allCases.compactMap { kind in
      let members = bodies.filter { $0.body.kind == kind }
      guard !members.isEmpty else { return nil }
      return KindTotal(
        kind: kind, bodies: members.count,
        events: members.reduce(0) { $0 + $1.events.count },
        emissions: Quantity(grams: members.reduce(0) { $0 + $1.emissions.grams }),
        allocated: Quantity(grams: members.reduce(0) { $0 + $1.allocated.grams }),
        shortfall: Quantity(grams: members.reduce(0) { $0 + $1.shortfall.grams }))
    }
  }
}

/// The retired allocation a revision revises.
public struct RevisedRecord: Hashable, Sendable {
  /// The `allocation.json` it was read from, as given.
  public var path: String
  /// The day it was retired.
  public var retired: EventDate
}

/// The purchase-wide figures of an allocation, summed once: statements repeat them on every
/// page, and summing per page would cost O(bodies²).
public struct AllocationTotals: Hashable, Sendable {
  /// How many bodies take part.
  public var bodies: Int
  /// How many events they have.
  public var events: Int
  /// All estimates.
  public var emissions: Quantity
  /// All allocations to bodies (the reserve apart).
  public var allocated: Quantity
  /// What the events fall short of their estimates, summed over every event.
  public var shortfall: Quantity

  /// Sums an allocation.
  public init(_ allocation: Allocation) {
    bodies = allocation.bodies.count
    events = allocation.eventCount
    emissions = allocation.emissions
    allocated = allocation.allocated
    shortfall = allocation.shortfall
  }

  /// Allocated ÷ emissions.
  public var offsetRate: Fraction? { OffsetRate.of(allocated, per: emissions) }
}

/// A body's share.
public struct BodyAllocation: Hashable, Sendable {
  /// The body.
  public var body: Body
  /// The sum of its events' estimates.
  public var emissions: Quantity
  /// Its exact pro-rata share of the lot, in grams: `lot × emissions ÷ total`.
  public var quota: Fraction
  /// What it was allocated: the sum of its events' allocations.
  public var allocated: Quantity
  /// Its events, sorted by id.
  public var events: [EventAllocation]
  /// Whether a bound decided its share (body-then-event mode: the sum of its events' minimums
  /// or caps).
  public var bound: Apportionment.BoundState
  /// How its share came about (body-then-event mode), when explanations were asked for.
  public var explanation: [String]?
  /// Its cost in whole yen, when a price was given; its events' costs add up to it.
  public var cost: Int64?
  /// What its events fall short of their estimates, summed (not its own estimate less its
  /// allocation: one event's surplus does not offset another's shortfall).
  ///
  /// Summed from ``events`` when the share is made, and stored like ``allocated``: body lines,
  /// kinds, totals and the summary all print it, and summing the events for each of them made
  /// about ten passes over a national run's million events.
  public var shortfall: Quantity

  /// Creates a body's share; its ``shortfall`` is summed from `events`.
  public init(
    body: Body, emissions: Quantity, quota: Fraction, allocated: Quantity,
    events: [EventAllocation], bound: Apportionment.BoundState = .free,
    explanation: [String]? = nil
  ) {
    self.body = body
    self.emissions = emissions
    self.quota = quota
    self.allocated = allocated
    self.events = events
    self.bound = bound
    self.explanation = explanation
    shortfall = Quantity(grams: events.reduce(0) { $0 + $1.shortfall.grams })
  }

  /// Allocated ÷ emissions, or `nil` when the body estimated nothing.
  public var offsetRate: Fraction? { OffsetRate.of(allocated, per: emissions) }
}

/// An event's share.
public struct EventAllocation: Hashable, Sendable {
  /// The event.
  public var event: Event
  /// The exact quota the rounding rule was applied to, in grams. In event mode it is
  /// `lot × estimate ÷ total`; in body-then-event mode it is the event's share of its body's
  /// allocation, `body allocation × estimate ÷ body emissions`.
  public var quota: Fraction
  /// What it was allocated, a multiple of the unit.
  public var allocated: Quantity
  /// How its share came about, step by step, when explanations were asked for.
  public var explanation: [String]?
  /// Its cost in whole yen, when a price was given.
  public var cost: Int64?
  /// Whether a minimum or cap decided its share.
  ///
  /// Last, after the optional cost's tag byte: in this order a share takes 128 bytes, not 144
  /// (the quota's 128-bit integers align it to 16), which is 16 MB for a million events.
  public var bound: Apportionment.BoundState

  /// Creates an event's share.
  public init(
    event: Event, quota: Fraction, allocated: Quantity, bound: Apportionment.BoundState = .free,
    explanation: [String]? = nil
  ) {
    self.event = event
    self.quota = quota
    self.allocated = allocated
    self.bound = bound
    self.explanation = explanation
  }

  /// Allocated ÷ emissions, or `nil` for a zero estimate.
  public var offsetRate: Fraction? { OffsetRate.of(allocated, per: event.emissions) }

  /// The estimate less the allocation where the allocation is smaller, else zero: how far the
  /// event is from full offset.
  public var shortfall: Quantity {
    allocated < event.emissions ? event.emissions - allocated : .zero
  }
}

/// What went to the reserve body: the units that caps left unplaced.
public struct ReserveAllocation: Hashable, Sendable {

  /// The reserve body's code.
  public var code: Body.Code
  /// Its name, when it is also a participating body.
  public var name: String
  /// What it holds.
  public var allocated: Quantity
  /// Its cost in whole yen, when a price was given.
  public var cost: Int64?

  /// Creates a reserve line.
  public init(code: Body.Code, name: String = "", allocated: Quantity) {
    self.code = code
    self.name = name
    self.allocated = allocated
  }
}

/// The figures of one kind of body taken together.
public struct KindTotal: Hashable, Sendable {
  /// The kind.
  public var kind: Body.Kind
  /// How many bodies of this kind take part.
  public var bodies: Int
  /// How many events they have.
  public var events: Int
  /// Their estimates, summed.
  public var emissions: Quantity
  /// Their allocations, summed.
  public var allocated: Quantity
  /// What their events fall short of their estimates, summed.
  public var shortfall: Quantity = .zero

  /// Allocated ÷ emissions, or `nil` when they estimated nothing.
  public var offsetRate: Fraction? { OffsetRate.of(allocated, per: emissions) }
}

/// The offset rate (オフセット率): allocation ÷ emission estimate.
public enum OffsetRate {
  /// `allocated ÷ emissions` as an exact fraction (1 is 100 %), or `nil` when emissions are zero.
  public static func of(_ allocated: Quantity, per emissions: Quantity) -> Fraction? {
    emissions > .zero ? Fraction(Int128(allocated.grams), over: Int128(emissions.grams)) : nil
  }

  /// The rate as a percentage with one decimal, rounded half up (101.5), or `nil` for `nil`.
  public static func percent(_ rate: Fraction?) -> FixedDecimal? {
    // Tenths of a percent: the rate in thousandths.
    rate.map { FixedDecimal(digits: $0.scaledRoundedHalfUp(decimals: 3), decimals: 1) }
  }

  /// The rate as a percentage with one decimal, rounded half up: `"101.5"`; empty for `nil`.
  public static func percentText(_ rate: Fraction?) -> String { percent(rate)?.description ?? "" }
}
