/// The divisor methods, exact and fast: O(*n* log *n*) whatever the total.
///
/// A divisor method gives units one at a time to the item with the highest priority
/// wᵢ ÷ d(aᵢ). Doing that unit by unit costs O(total · log *n*). Instead: the items' shares at
/// the divisor that ``BoundedShares`` found are rounded by the method's own rule (up exactly when
/// the priority of the next unit beats that divisor); that is the method's result for a total
/// within *n* units of the one wanted, and a heap adds or removes the few units left, in priority
/// order. Bounds are respected throughout: an item never goes below its lower bound or above its
/// upper bound, which is the divisor method with minimums and caps.
enum DivisorApportionment {
  static func apportion(
    _ total: Int64, method: ApportionmentMethod, weights: [Int64], lower: [Int64],
    upper: [Int64], shares: BoundedShares, bounded: Bool
  ) -> Apportionment {
    // Start from the divisor at which the method's rounding of the free items' shares should add
    // up to their units: rounding down (D'Hondt) loses half a unit per item on average, rounding
    // up (Adams) gains one, the others round to about the nearest.
    let free = Int64(
      weights.indices.reduce(0) { count, index in
        count + (shares.states[index] == .free && weights[index] > 0 ? 1 : 0)
      })
    var pseudo = shares.units
    switch method {
    // Only a starting estimate: saturating keeps it one when the units are near Int64.max.
    case .dhondt:
      pseudo = pseudo.addingReportingOverflow(free / 2).overflow ? .max : pseudo + free / 2
    case .adams: pseudo = max(shares.units - free / 2, 1)
    default: break
    }
    var (units, sum) = rounded(
      at: pseudo, method: method, weights: weights, lower: lower, upper: upper, shares: shares)
    // Dean and Huntington–Hill round up a little more often than to the nearest (their
    // signposts sit below the half, by more the fewer units an item has): with many items of
    // few units each, that adds up to thousands of units to correct one by one. A second
    // estimate, from the units the first one missed by, lands near the total. Either is the
    // method's own rounding at a divisor, so the correction gives the same result from both.
    let missed = Int128(sum) - Int128(total)
    if shares.units > 0, missed.magnitude > UInt128(max(16, weights.count / 256)) {
      let adjusted = Int128(pseudo) - missed
      if adjusted >= 1, adjusted <= Int128(Int64.max) {
        let second = rounded(
          at: Int64(adjusted), method: method, weights: weights, lower: lower, upper: upper,
          shares: shares)
        if (Int128(second.sum) - Int128(total)).magnitude < missed.magnitude {
          (units, sum) = second
        }
      }
    }
    correct(
      &units, sum: sum, total: total, method: method, weights: weights, lower: lower,
      upper: upper)
    return finish(
      units, method: method, weights: weights, lower: lower, upper: upper,
      bounded: bounded)
  }

  /// Every item's units when the free items' shares at `pseudo` units are rounded by the method
  /// (an item at a bound keeps it), and their sum.
  private static func rounded(
    at pseudo: Int64, method: ApportionmentMethod, weights: [Int64], lower: [Int64],
    upper: [Int64], shares: BoundedShares
  ) -> (units: [Int64], sum: Int64) {
    var units = [Int64](repeating: 0, count: weights.count)
    var sum: Int64 = 0
    let divisor =
      shares.units > 0
      ? method.divisor(weightSum: UInt128(shares.weight), units: UInt128(pseudo)) : nil
    for (index, weight) in weights.enumerated() {
      var a: Int64
      switch shares.states[index] {
      case .lower: a = lower[index]
      case .upper: a = upper[index]
      case .free:
        a = lower[index]
        if let divisor, weight > 0 {
          let whole = Int64(Int128(pseudo) * Int128(weight) / shares.weight)
          // Round the share by the method: count the units whose priority beats the divisor.
          if method.priority(weight: weight, units: whole) > divisor {
            a = whole + 1
          } else if whole > 0, method.priority(weight: weight, units: whole - 1) > divisor {
            a = whole
          } else {
            a = max(whole - 1, 0)
          }
          a = min(max(a, lower[index]), upper[index])
        }
      }
      units[index] = a
      sum += a
    }
    return (units, sum)
  }

  /// An item's priority for its next unit (or its last), its weight and its index.
  private typealias Candidate = (Priority, Int64, Int)

  /// Tie rule for giving: higher priority, then larger weight, then lower index.
  private static func givesFirst(
    _ a: (Priority, Int64, Int), _ b: (Priority, Int64, Int)
  ) -> Bool {
    if a.0 != b.0 { return a.0 > b.0 }
    if a.1 != b.1 { return a.1 > b.1 }
    return a.2 < b.2
  }

  /// Adds or removes units one at a time, in priority order, until the sum is the total.
  private static func correct(
    _ units: inout [Int64], sum: Int64, total: Int64, method: ApportionmentMethod,
    weights: [Int64], lower: [Int64], upper: [Int64]
  ) {
    var sum = sum
    // Only the items ranked first can take part: the k-th unit given (or taken back) goes to an
    // item among the k ranked first at the start, as each of those ranks above any other.
    // Selecting them costs a comparison an item; a heap of all the items, a few.
    let steps = Int(min(total > sum ? total - sum : sum - total, Int64(weights.count)))
    let start = units
    if sum < total {
      let first = BinaryHeap<Candidate>.first(
        steps,
        of: weights.indices.lazy.compactMap { i -> Candidate? in
          guard weights[i] > 0, start[i] < upper[i] else { return nil }
          return (method.priority(weight: weights[i], units: start[i]), weights[i], i)
        }, isFirst: givesFirst)
      var heap = BinaryHeap<Candidate>(first, isFirst: givesFirst)
      while sum < total, let (_, weight, index) = heap.pop() {
        units[index] += 1
        sum += 1
        if units[index] < upper[index] {
          heap.push((method.priority(weight: weight, units: units[index]), weight, index))
        }
      }
    } else if sum > total {
      // Take back the unit that was given last: the lowest priority, and among equals the one
      // the tie rule ranks last.
      let takesFirst = { (a: Candidate, b: Candidate) in givesFirst(b, a) }
      let first = BinaryHeap<Candidate>.first(
        steps,
        of: weights.indices.lazy.compactMap { i -> Candidate? in
          guard weights[i] > 0, start[i] > lower[i] else { return nil }
          return (method.priority(weight: weights[i], units: start[i] - 1), weights[i], i)
        }, isFirst: takesFirst)
      var heap = BinaryHeap<Candidate>(first, isFirst: takesFirst)
      while sum > total, let (_, weight, index) = heap.pop() {
        units[index] -= 1
        sum -= 1
        if units[index] > lower[index] {
          heap.push((method.priority(weight: weight, units: units[index] - 1), weight, index))
        }
      }
    }
  }

  /// Finds the cut: the lowest priority at which a unit was won and the highest at which one was
  /// not; when they are equal, the units at that priority were decided by the tie rule. An item
  /// is at a bound when the cut would have given it less (a minimum) or more (a cap).
  private static func finish(
    _ units: [Int64], method: ApportionmentMethod, weights: [Int64], lower: [Int64],
    upper: [Int64], bounded: Bool
  ) -> Apportionment {
    var lowestWon: Priority?
    var highestLost: Priority?
    for (index, weight) in weights.enumerated() where weight > 0 {
      if units[index] > lower[index] {
        let won = method.priority(weight: weight, units: units[index] - 1)
        if lowestWon.map({ won < $0 }) ?? true { lowestWon = won }
      }
      if units[index] < upper[index] {
        let lost = method.priority(weight: weight, units: units[index])
        if highestLost.map({ lost > $0 }) ?? true { highestLost = lost }
      }
    }
    var ties: [Apportionment.Tie] = []
    if let cut = lowestWon, let lost = highestLost, cut == lost {
      var winners: [Int] = [], losers: [Int] = []
      for (index, weight) in weights.enumerated() where weight > 0 {
        if units[index] > lower[index],
          method.priority(weight: weight, units: units[index] - 1) == cut
        {
          winners.append(index)
        }
        if units[index] < upper[index], method.priority(weight: weight, units: units[index]) == cut
        {
          losers.append(index)
        }
      }
      let rank = { (a: Int, b: Int) in weights[a] != weights[b] ? weights[a] > weights[b] : a < b }
      ties.append(
        Apportionment.Tie(
          winners: winners.sorted(by: rank),
          losers: losers.sorted(by: rank), priority: cut))
    }
    var states: [Apportionment.BoundState] = []
    if bounded {
      states = weights.indices.map { index in
        let (weight, a) = (weights[index], units[index])
        guard weight > 0 else { return a > 0 ? .lower : .free }
        // Raised to a minimum: its last unit would not have been won at the cut.
        let raised =
          a == lower[index] && a > 0
          && (lowestWon.map { method.priority(weight: weight, units: a - 1) < $0 } ?? true)
        // Held at a cap: its next unit would have been won.
        let capped =
          a == upper[index] && upper[index] < Int64.max
          && (lowestWon.map { method.priority(weight: weight, units: a) >= $0 } ?? true)
        return raised ? .lower : capped ? .upper : .free
      }
    }
    return Apportionment(
      units: units, ties: ties, bounds: states,
      detail: .divisor(lowestWon: lowestWon, highestLost: highestLost))
  }
}
