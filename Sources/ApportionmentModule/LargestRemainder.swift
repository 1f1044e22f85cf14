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
    var remainders = [Int128](repeating: 0, count: weights.count)
    var given: Int128 = 0
    var candidates: [Int] = []
    for index in items {
      let (whole, remainder) = (total * Int128(weights[index])).quotientAndRemainder(
        dividingBy: weightSum)
      allocation[index] += Int64(whole)
      remainders[index] = remainder
      given += whole
      if remainder > 0 { candidates.append(index) }
    }
    // Σ remainders = leftover × Σw with each remainder < Σw, so more than `leftover` items have a
    // positive remainder: a zero weight never receives a leftover unit.
    let leftover = Int(total - given)
    guard leftover > 0 else { return ([], 0, ranks) }
    candidates.sort { a, b in
      if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
      if weights[a] != weights[b] { return weights[a] > weights[b] }
      return a < b
    }
    for (rank, index) in candidates.enumerated() { ranks[index] = Int32(rank + 1) }
    for index in candidates[..<leftover] { allocation[index] += 1 }

    // A tie decided units when the cut falls inside a run of equal remainders.
    var ties: [Apportionment.Tie] = []
    if leftover < candidates.count,
      remainders[candidates[leftover - 1]] == remainders[candidates[leftover]]
    {
      let shared = remainders[candidates[leftover]]
      var first = leftover - 1
      while first > 0, remainders[candidates[first - 1]] == shared { first -= 1 }
      var end = leftover + 1
      while end < candidates.count, remainders[candidates[end]] == shared { end += 1 }
      ties.append(
        Apportionment.Tie(
          winners: Array(candidates[first..<leftover]), losers: Array(candidates[leftover..<end]),
          priority: Priority(UInt128(shared), over: UInt128(weightSum))))
    }
    return (ties, Int64(leftover), ranks)
  }
}
