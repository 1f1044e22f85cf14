/// Shares a whole number of units among items in proportion to their weights, exactly.
///
/// This is the one apportionment core that every level of an allocation and the
/// `jointcredit apportion` command use. Weights are non-negative integers (grams of CO2, say); the
/// quota of item *i* is `total × wᵢ ÷ Σw`, a fraction that is never rounded to a float: quotas,
/// remainders and divisor priorities are compared exactly with 128- and 256-bit integers.
///
/// Items may have bounds: a lower bound (a minimum) and an upper bound (a cap). Items whose
/// share falls outside their bounds are held at them, and the rest is apportioned among the
/// others by the same rule.
///
/// Ties are broken by a rule that never depends on input order by accident: **larger weight
/// first, then lower index**. Callers that want "smaller identifier first" pass the items sorted by
/// identifier, as JointCredit's `Allocator` does.
///
/// ```swift
/// let result = try Apportioner(method: .largestRemainder).apportion(7, among: [5, 3, 2])
/// result.units   // [4, 2, 1]
/// ```
public struct Apportioner: Sendable {
  /// The rounding rule.
  public var method: ApportionmentMethod

  /// Creates an apportioner for a method.
  public init(method: ApportionmentMethod = .largestRemainder) {
    self.method = method
  }

  /// Apportions `total` units among `weights`.
  ///
  /// - Parameters:
  ///   - total: how many units to give, at least zero.
  ///   - weights: one non-negative weight per item, in tie-break order; they add up to at most
  ///     `Int64.max`.
  ///   - lower: each item's minimum, if any; a zero weight gets exactly its minimum.
  ///   - upper: each item's cap, if any (at least its minimum).
  /// - Returns: the units per item, which add up to `total`, and the ties that decided any unit.
  /// - Throws: ``ApportionmentError`` when no apportionment fits: no positive weight, fewer
  ///   units than positive weights for a method whose first divisor is zero, minimums above the
  ///   total or caps below it.
  /// - Complexity: O(*n* log *n*) for *n* weights, whatever the total.
  public func apportion(
    _ total: Int64, among weights: [Int64], lower: [Int64]? = nil, upper: [Int64]? = nil
  ) throws(ApportionmentError) -> Apportionment {
    precondition(total >= 0, "cannot apportion a negative total")
    precondition(weights.allSatisfy { $0 >= 0 }, "weights must not be negative")
    precondition(lower.map { $0.count == weights.count } ?? true, "one lower bound per weight")
    precondition(upper.map { $0.count == weights.count } ?? true, "one upper bound per weight")
    let weightSum = weights.reduce(Int128(0)) { $0 + Int128($1) }
    precondition(weightSum <= Int128(Int64.max), "weights must add up to at most Int64.max")
    let bounded = lower != nil || upper != nil

    // Effective bounds: a zero weight takes no unit beyond its minimum; under Adams, Dean and
    // Huntington-Hill every positive weight that may have a unit gets one.
    var low = lower ?? Array(repeating: 0, count: weights.count)
    var high = upper ?? Array(repeating: Int64.max, count: weights.count)
    // Sums of bounds in 128 bits: a million minimums near Int64.max add up without overflow.
    var needed: Int128 = 0, asked: Int128 = 0, capacity: Int128 = 0
    for index in weights.indices {
      precondition(low[index] >= 0 && low[index] <= high[index], "bounds must be ordered")
      asked += Int128(low[index])
      if weights[index] == 0 {
        high[index] = low[index]
      } else if method.firstDivisorIsZero, high[index] >= 1 {
        low[index] = max(low[index], 1)
      }
      needed += Int128(low[index])
      capacity += Int128(high[index])
    }
    if total > 0, weightSum == 0, asked < Int128(total) { throw .noPositiveWeight(units: total) }
    if asked > Int128(total) { throw .minimumsExceedTotal(units: total, needed: asked) }
    // Nothing to share is nothing to share, whatever the method's first divisor.
    if total == 0 {
      return Apportionment(
        units: Array(repeating: 0, count: weights.count),
        bounds: bounded ? Array(repeating: .free, count: weights.count) : [],
        detail: method.isDivisorMethod
          ? .divisor(lowestWon: nil, highestLost: nil)
          : .largestRemainder(
            units: 0, weight: weightSum, leftover: 0,
            ranks: Array(repeating: 0, count: weights.count)))
    }
    if needed > Int128(total) { throw .tooFewUnits(units: total, needed: needed) }
    if capacity < Int128(total) { throw .capacityBelowTotal(units: total, capacity: capacity) }

    let shares = BoundedShares(total: total, weights: weights, lower: low, upper: high)
    switch method {
    case .largestRemainder:
      var units = weights.indices.map { index in
        switch shares.states[index] {
        case .lower: low[index]
        case .upper: high[index]
        case .free: Int64(0)
        }
      }
      let free = weights.indices.filter { shares.states[$0] == .free }
      let result = LargestRemainder.apportion(
        shares.units, among: weights, items: free, weightSum: shares.weight, into: &units)
      return Apportionment(
        units: units, ties: result.ties, bounds: bounded ? shares.states : [],
        detail: .largestRemainder(
          units: shares.units, weight: shares.weight,
          leftover: result.leftover, ranks: result.ranks))
    default:
      return DivisorApportionment.apportion(
        total, method: method, weights: weights, lower: low, upper: high, shares: shares,
        bounded: bounded)
    }
  }
}
