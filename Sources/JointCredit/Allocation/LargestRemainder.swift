/// Hamilton's largest remainder method, exact.
enum LargestRemainder {
  /// See ``Apportioner/apportion(_:among:)``; `weightSum` is positive.
  static func apportion(_ total: Int64, among weights: [Int64], weightSum: Int128)
    -> Apportionment
  {
    let units = Int128(total)
    var allocation = [Int64](repeating: 0, count: weights.count)
    // Every remainder shares the denominator Σw, so comparing numerators compares remainders.
    var remainders = [Int128](repeating: 0, count: weights.count)
    var given: Int128 = 0
    var candidates: [Int] = []
    for (index, weight) in weights.enumerated() {
      let (whole, remainder) = (units * Int128(weight)).quotientAndRemainder(dividingBy: weightSum)
      allocation[index] = Int64(whole)
      remainders[index] = remainder
      given += whole
      if remainder > 0 { candidates.append(index) }
    }
    // Σ remainders = leftover × Σw with each remainder < Σw, so more than `leftover` items have a
    // positive remainder: a zero weight never receives a leftover unit.
    let leftover = Int(units - given)
    guard leftover > 0 else { return Apportionment(units: allocation) }
    candidates.sort { a, b in
      if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
      if weights[a] != weights[b] { return weights[a] > weights[b] }
      return a < b
    }
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
          winners: Array(candidates[first..<leftover]),
          losers: Array(candidates[leftover..<end]),
          priority: Fraction(shared, over: weightSum)))
    }
    return Apportionment(units: allocation, ties: ties)
  }
}
