/// Shares a whole number of units among items in proportion to their weights, exactly.
///
/// This is the one apportionment core that every level of an allocation and the
/// `jointcredit apportion` command use. Weights are non-negative integers (grams of CO2, say); the
/// quota of item *i* is `total × wᵢ ÷ Σw`, a fraction that is never rounded to a float: quotas and
/// priorities are compared exactly with 128-bit integers.
///
/// Ties are broken by a rule that never depends on input order by accident: **larger weight
/// first, then lower index**. Callers that want "smaller identifier first" pass the items sorted by
/// identifier, as ``Allocator`` does.
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
  ///   - weights: one non-negative weight per item, in tie-break order.
  /// - Returns: the units per item, which add up to `total`, and the ties that decided any unit.
  /// - Throws: ``ApportionmentError/noPositiveWeight(units:)`` when `total > 0` but no weight is.
  /// - Complexity: O(*n* log *n*) for *n* weights, whatever the total.
  public func apportion(_ total: Int64, among weights: [Int64]) throws(ApportionmentError)
    -> Apportionment
  {
    precondition(total >= 0, "cannot apportion a negative total")
    precondition(weights.allSatisfy { $0 >= 0 }, "weights must not be negative")
    if total == 0 { return Apportionment(units: Array(repeating: 0, count: weights.count)) }
    let weightSum = weights.reduce(Int128(0)) { $0 + Int128($1) }
    guard weightSum > 0 else { throw .noPositiveWeight(units: total) }
    switch method {
    case .largestRemainder:
      return LargestRemainder.apportion(total, among: weights, weightSum: weightSum)
    }
  }
}
