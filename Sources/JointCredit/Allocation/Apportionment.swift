/// The outcome of apportioning a whole number of units among weights.
public struct Apportionment: Hashable, Sendable {
  /// Units given to each item, in the order of the weights. They add up to the total.
  public var units: [Int64]
  /// Every group of equal priorities that the tie rule had to split, in the order the units went.
  public var ties: [Tie]

  /// Creates an apportionment.
  public init(units: [Int64], ties: [Tie] = []) {
    self.units = units
    self.ties = ties
  }
}

extension Apportionment {
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
    /// The priority they shared. For the largest remainder method, the remainder as a fraction
    /// of one unit.
    public var priority: Fraction

    /// Creates a tie record.
    public init(winners: [Int], losers: [Int], priority: Fraction) {
      self.winners = winners
      self.losers = losers
      self.priority = priority
    }
  }
}

/// Why a total cannot be apportioned.
public enum ApportionmentError: Error, Hashable, Sendable {
  /// There are units to give but every weight is zero (or there are no items).
  case noPositiveWeight(units: Int64)
}
