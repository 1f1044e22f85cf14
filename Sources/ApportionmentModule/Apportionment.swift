/// The outcome of apportioning a whole number of units among weights.
public struct Apportionment: Hashable, Sendable {
  /// Units given to each item, in the order of the weights. They add up to the total.
  public var units: [Int64]
  /// Every group of equal priorities that the tie rule had to split.
  public var ties: [Tie]
  /// For each item, whether a bound decided its units; empty when there were no bounds.
  public var bounds: [BoundState]
  /// How the method reached the result, for explanations.
  public var detail: Detail

  /// Creates an apportionment.
  public init(units: [Int64], ties: [Tie] = [], bounds: [BoundState] = [], detail: Detail) {
    self.units = units
    self.ties = ties
    self.bounds = bounds
    self.detail = detail
  }

  /// Whether a bound decided an item's units.
  public enum BoundState: UInt8, Hashable, Sendable {
    /// The rule decided.
    case free
    /// The item was raised to its lower bound (a minimum, or the first unit of a method whose
    /// first divisor is zero).
    case lower
    /// The item was held to its upper bound (a cap).
    case upper
  }

  /// What the method did, in numbers an explanation can quote.
  public enum Detail: Hashable, Sendable {
    /// Largest remainder: `units` shared among the free items' `weight` (their whole parts
    /// first, then `leftover` units by remainder); `ranks[i]` is item *i*'s place among the
    /// positive remainders (1 is the largest), or 0.
    case largestRemainder(units: Int64, weight: Int128, leftover: Int64, ranks: [Int32])
    /// A divisor method: the lowest priority at which a unit was won and the highest at which
    /// one was not (`nil` when there was none); any divisor between them gives this result.
    case divisor(lowestWon: Priority?, highestLost: Priority?)
  }

  /// Units that were decided by the tie rule rather than by the method's priorities.
  ///
  /// The items in ``winners`` and ``losers`` all had the same ``priority``; there were fewer
  /// units to give than items, so the rule (larger weight first, then the item that comes first
  /// in the caller's order) picked the winners, one unit each.
  public struct Tie: Hashable, Sendable {
    /// Items that got a unit from the tie, in the order the rule ranked them.
    public var winners: [Int]
    /// Items with the same priority that did not get one, in the rule's order.
    public var losers: [Int]
    /// The priority they shared: for largest remainder the remainder as a fraction of a unit;
    /// for a divisor method weight ÷ divisor.
    public var priority: Priority

    /// Creates a tie record.
    public init(winners: [Int], losers: [Int], priority: Priority) {
      self.winners = winners
      self.losers = losers
      self.priority = priority
    }
  }
}

/// Why a total cannot be apportioned.
///
/// Units are counted in `Int64`; what several items need together is an `Int128`, which holds
/// the sum of any number of `Int64` values a computer can list.
public enum ApportionmentError: Error, Hashable, Sendable {
  /// There are units to give but every weight is zero (or there are no items).
  case noPositiveWeight(units: Int64)
  /// A method whose first divisor is zero gives every positive weight a unit, and there are
  /// fewer units than positive weights.
  case tooFewUnits(units: Int64, needed: Int128)
  /// The lower bounds (minimums) add up to more than the total.
  case minimumsExceedTotal(units: Int64, needed: Int128)
  /// The upper bounds (caps) add up to less than the total.
  case capacityBelowTotal(units: Int64, capacity: Int128)
  /// A body's events need more for their minimums than their caps let the body take, in whole
  /// body units.
  case minimumsAboveCaps(needed: Int128, capacity: Int128)
}
