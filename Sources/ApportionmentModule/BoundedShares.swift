/// Which items a total leaves at their bounds, found by one sweep over the bounds.
///
/// Scaling every weight by λ gives a continuous share λ·wᵢ; clamped to an item's bounds
/// [Lᵢ, Uᵢ] and summed, it grows with λ from ΣL to ΣU. The sweep finds the λ at which it reaches
/// the total: items whose share λ·wᵢ falls below Lᵢ stay at Lᵢ, items above Uᵢ at Uᵢ, and the
/// rest are free and share what is left, `units`, in proportion to their weights (`weight`).
/// Every breakpoint Lᵢ/wᵢ, Uᵢ/wᵢ is an exact fraction; nothing is rounded.
struct BoundedShares {
  var states: [Apportionment.BoundState]
  /// Units left for the free items.
  var units: Int64
  /// The free items' weights, summed.
  var weight: Int128

  /// - Precondition: ΣL ≤ total ≤ capacity (Σ of Uᵢ over positive weights, Lᵢ over zero ones).
  /// - Parameter shortcut: whether breakpoints that all share one lower bound and no upper bound
  ///   (the first unit of Adams, Dean and Huntington–Hill) are sorted by weight alone; `false`
  ///   only to test that the result is the same.
  init(total: Int64, weights: [Int64], lower: [Int64], upper: [Int64], shortcut: Bool = true) {
    var states = [Apportionment.BoundState](repeating: .lower, count: weights.count)
    var fixed: Int128 = 0
    var slope: Int128 = 0
    // Breakpoints: (bound, weight, index, entering): at λ = bound ÷ weight an item enters the
    // free set (its lower bound) or leaves it for its upper bound.
    var points: [(bound: Int64, weight: Int64, index: Int, entering: Bool)] = []
    for (index, weight) in weights.enumerated() {
      fixed += Int128(lower[index])
      guard weight > 0 else {
        states[index] = lower[index] > 0 ? .lower : .free
        continue
      }
      points.append((lower[index], weight, index, true))
      if upper[index] < Int64.max { points.append((upper[index], weight, index, false)) }
    }
    let target = Int128(total)
    // By λ = bound ÷ weight, entering before leaving at the same λ. When every point enters at
    // one positive bound L, L ÷ w orders as w does, the other way round: the weights alone are
    // sorted, as plain integers, and the sweep finds the weight it stops at. (Points at the same
    // λ are all taken or none: the sweep stops before a λ, and taking a point at λ leaves the
    // sum at λ as it was.)
    if shortcut, let bound = points.first?.bound, bound > 0,
      points.allSatisfy({ $0.entering && $0.bound == bound })
    {
      var sorted = points.map(\.weight)
      RadixSort.sort(&sorted)  // ascending; weights are positive
      var stop: Int64?
      for weight in sorted.reversed() {
        if fixed * Int128(weight) + Int128(bound) * slope >= target * Int128(weight) {
          stop = weight
          break
        }
        fixed -= Int128(bound)
        slope += Int128(weight)
      }
      for point in points where stop.map({ point.weight > $0 }) ?? true {
        states[point.index] = .free
      }
    } else {
      points.sort { a, b in
        let (x, y) = (Int128(a.bound) * Int128(b.weight), Int128(b.bound) * Int128(a.weight))
        return x != y ? x < y : (a.entering && !b.entering)
      }
      for point in points {
        // f(b) = fixed + b·slope; stop before the breakpoint once it reaches the total.
        let value = fixed * Int128(point.weight) + Int128(point.bound) * slope
        if value >= target * Int128(point.weight) { break }
        if point.entering {
          fixed -= Int128(point.bound)
          slope += Int128(point.weight)
          states[point.index] = .free
        } else {
          fixed += Int128(point.bound)
          slope -= Int128(point.weight)
          states[point.index] = .upper
        }
      }
    }
    // An item whose share lands exactly on a bound is at that bound: say so. Taking it out of
    // the free set leaves λ = (total − fixed) ÷ slope unchanged.
    let (free, freeWeight) = (target - fixed, slope)
    if freeWeight > 0 {
      for (index, weight) in weights.enumerated() where states[index] == .free && weight > 0 {
        let share = free * Int128(weight)
        if share == Int128(upper[index]) * freeWeight, upper[index] < Int64.max {
          states[index] = .upper
        } else if share == Int128(lower[index]) * freeWeight, lower[index] > 0 {
          states[index] = .lower
        } else {
          continue
        }
        fixed += share / freeWeight
        slope -= Int128(weight)
      }
    }
    self.states = states
    self.units = Int64(target - fixed)
    self.weight = slope
  }
}
