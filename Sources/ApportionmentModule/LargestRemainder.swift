/// Hamilton's largest remainder method, exact, over the items a ``BoundedShares`` left free.
enum LargestRemainder {
  /// Apportions `units` among the items in `items` by their weights (summing to `weightSum`),
  /// adding to `allocation`.
  ///
  /// - Returns: the ties, the leftover units, and each item's remainder rank (0 for none).
  static func apportion(
    _ units: Int64, among weights: [Int64], items: [Int], weightSum: Int128,
    into allocation: inout [Int64]
  ) -> (ties: [Apportionment.Tie], leftover: Int64, ranks: [Int32]) {
    var ranks = [Int32](repeating: 0, count: weights.count)
    guard units > 0, weightSum > 0 else { return ([], 0, ranks) }
    let total = Int128(units)
    // Every remainder shares the denominator Σw, so comparing numerators compares remainders.
    // Each is below Σw, at most Int64.max (the ``Apportioner``'s precondition), so 64 bits hold
    // it, kept next to its candidate: sorting indices by looking remainders up (a million
    // random reads per pass) cost more than the divisions.
    var given: Int128 = 0
    var candidates: [(remainder: UInt64, index: Int)] = []
    for index in items {
      let (whole, remainder) = (total * Int128(weights[index])).quotientAndRemainder(
        dividingBy: weightSum)
      allocation[index] += Int64(whole)
      given += whole
      if remainder > 0 { candidates.append((UInt64(remainder), index)) }
    }
    // Σ remainders = leftover × Σw with each remainder < Σw, so more than `leftover` items have a
    // positive remainder: a zero weight never receives a leftover unit.
    let leftover = Int(total - given)
    guard leftover > 0 else { return ([], 0, ranks) }
    // Larger remainder first, by the remainders' bytes; then, among equal remainders (a few),
    // larger weight first, then the item first in order.
    RadixSort.sort(&candidates) { ~$0.remainder }
    var run = 0
    while run < candidates.count {
      var end = run + 1
      while end < candidates.count, candidates[end].remainder == candidates[run].remainder {
        end += 1
      }
      if end - run > 1 {
        candidates[run..<end].sort { a, b in
          weights[a.index] != weights[b.index]
            ? weights[a.index] > weights[b.index] : a.index < b.index
        }
      }
      run = end
    }
    for (rank, candidate) in candidates.enumerated() { ranks[candidate.index] = Int32(rank + 1) }
    for candidate in candidates[..<leftover] { allocation[candidate.index] += 1 }

    // A tie decided units when the cut falls inside a run of equal remainders.
    var ties: [Apportionment.Tie] = []
    if leftover < candidates.count,
      candidates[leftover - 1].remainder == candidates[leftover].remainder
    {
      let shared = candidates[leftover].remainder
      var first = leftover - 1
      while first > 0, candidates[first - 1].remainder == shared { first -= 1 }
      var end = leftover + 1
      while end < candidates.count, candidates[end].remainder == shared { end += 1 }
      ties.append(
        Apportionment.Tie(
          winners: candidates[first..<leftover].map(\.index),
          losers: candidates[leftover..<end].map(\.index),
          priority: Priority(UInt128(shared), over: UInt128(weightSum))))
    }
    return (ties, Int64(leftover), ranks)
  }
}
