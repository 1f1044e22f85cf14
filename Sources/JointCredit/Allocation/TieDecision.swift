import ApportionmentModule

/// Units that the tie rule decided, with everyone who was in the tie.
///
/// The rule: when items have equal priority (equal remainders, for largest remainder) and there
/// are fewer units than items, the item with the larger estimate goes first, then the one with
/// the smaller identifier (body code, then event id, compared as UTF-8 bytes). Input order never
/// matters.
public struct TieDecision: Hashable, Sendable {
  /// Which apportionment the tie was in.
  public enum Level: String, Hashable, Sendable {
    /// The lot shared among bodies (body-then-event mode).
    case body
    /// Shared among events: the whole lot in event mode, one body's share in body-then-event.
    case event
  }

  /// Which apportionment the tie was in.
  public var level: Level
  /// In body-then-event mode, the body whose share was being split among its events.
  public var within: Body.Code?
  /// The rule that was applied.
  public var method: ApportionmentMethod
  /// The size of each unit decided.
  public var unit: Quantity
  /// The priority everyone in the tie shared: for largest remainder, the remainder as a fraction
  /// of one unit; for a divisor method, grams of estimate per unit (weight ÷ divisor).
  public var priority: Priority
  /// Who got a unit, one each, in the rule's order.
  public var winners: [AllocationKey]
  /// Who had the same priority but got none, in the rule's order.
  public var losers: [AllocationKey]

  /// Creates a tie record.
  public init(
    level: Level, within: Body.Code?, method: ApportionmentMethod, unit: Quantity,
    priority: Priority, winners: [AllocationKey], losers: [AllocationKey]
  ) {
    self.level = level
    self.within = within
    self.method = method
    self.unit = unit
    self.priority = priority
    self.winners = winners
    self.losers = losers
  }
}

/// Names a body, or an event of a body: `131032` or `131032/E01`.
public struct AllocationKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The body.
  public var body: Body.Code
  /// The event, when the key names one.
  public var event: Event.ID?

  /// Creates a key.
  public init(body: Body.Code, event: Event.ID? = nil) {
    self.body = body
    self.event = event
  }

  public var description: String { event.map { "\(body)/\($0)" } ?? body.rawValue }

  public static func < (lhs: AllocationKey, rhs: AllocationKey) -> Bool {
    if lhs.body != rhs.body { return lhs.body < rhs.body }
    switch (lhs.event, rhs.event) {
    case (let l?, let r?): return l < r
    case (nil, _?): return true
    default: return false
    }
  }
}
