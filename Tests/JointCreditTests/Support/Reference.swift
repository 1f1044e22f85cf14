@testable import ApportionmentModule
@testable import JointCredit

/// Deliberately naive apportionment, one unit at a time, with its own exact arithmetic (small
/// numbers only): the reference that the fast core is checked against.
enum Reference {
  /// The divisor d(a) as numerator ÷ denominator; Huntington-Hill as its square.
  static func divisor(_ method: ApportionmentMethod, _ a: Int128) -> (Int128, Int128) {
    switch method {
    case .dhondt: (a + 1, 1)
    case .sainteLague: (2 * a + 1, 2)
    case .adams: (a, 1)
    case .dean: (2 * a * (a + 1), 2 * a + 1)
    case .huntingtonHill: (a * (a + 1), 1)
    case .largestRemainder: preconditionFailure()
    }
  }

  /// −1, 0, 1: the priority w₁ ÷ d(a₁) against w₂ ÷ d(a₂).
  static func compare(
    _ method: ApportionmentMethod, _ w1: Int64, _ a1: Int64, _ w2: Int64,
    _ a2: Int64
  ) -> Int {
    let (n1, m1) = divisor(method, Int128(a1)), (n2, m2) = divisor(method, Int128(a2))
    let squared = method == .huntingtonHill
    let (x1, x2) =
      squared ? (Int128(w1) * Int128(w1), Int128(w2) * Int128(w2)) : (Int128(w1), Int128(w2))
    // Zero weights first (no claim), then infinite priorities (zero divisor).
    if x1 == 0 || x2 == 0 { return x1 == x2 ? 0 : (x1 == 0 ? -1 : 1) }
    if n1 == 0 || n2 == 0 { return n1 == n2 ? 0 : (n1 == 0 ? 1 : -1) }
    let left = x1 * m1 * n2, right = x2 * m2 * n1
    return left == right ? 0 : (left < right ? -1 : 1)
  }

  /// The divisor method, unit by unit from the minimums, never above the caps; ties to the
  /// larger weight, then the lower index. `nil` when the bounds cannot be met.
  static func divisorMethod(
    _ method: ApportionmentMethod, _ weights: [Int64], _ total: Int64,
    lower: [Int64]? = nil, upper: [Int64]? = nil
  ) -> [Int64]? {
    var low = lower ?? weights.map { _ in 0 }
    let high = upper ?? weights.map { _ in Int64.max }
    if total == 0, low.allSatisfy({ $0 == 0 }) { return low }
    for i in weights.indices where method.firstDivisorIsZero && weights[i] > 0 && high[i] >= 1 {
      low[i] = max(low[i], 1)
    }
    var units = low
    var left = total - units.reduce(0, +)
    guard left >= 0 else { return nil }
    while left > 0 {
      var best: Int?
      for i in weights.indices where weights[i] > 0 && units[i] < high[i] {
        guard let b = best else { best = i; continue }
        let c = compare(method, weights[i], units[i], weights[b], units[b])
        if c > 0 || (c == 0 && weights[i] > weights[b]) { best = i }
      }
      guard let winner = best else { return nil }
      units[winner] += 1
      left -= 1
    }
    return units
  }

  /// Largest remainder with bounds, by brute force: try every breakpoint λ = bound ÷ weight for
  /// the clamped shares λ·wᵢ, find the segment where they sum to the total, then share what the
  /// free items have by largest remainder.
  static func largestRemainder(
    _ weights: [Int64], _ total: Int64, lower: [Int64]? = nil, upper: [Int64]? = nil
  ) -> [Int64]? {
    let n = weights.count
    let low = lower ?? Array(repeating: 0, count: n)
    var high = upper ?? Array(repeating: Int64.max, count: n)
    for i in 0..<n where weights[i] == 0 { high[i] = low[i] }
    guard low.reduce(0, +) <= total, high.reduce(Int128(0), { $0 + Int128($1) }) >= Int128(total)
    else { return nil }
    // f(λ) as a fraction, λ = p/q: Σ clamp(p·w/q, L, U).
    func share(_ p: Int128, _ q: Int128) -> (Int128, Int128) {  // numerator over q
      var sum: Int128 = 0
      for i in 0..<n {
        let x = p * Int128(weights[i])
        sum += min(max(x, Int128(low[i]) * q), Int128(high[i]) * q)
      }
      return (sum, q)
    }
    var points: [(Int128, Int128)] = [(0, 1)]
    for i in 0..<n where weights[i] > 0 {
      points.append((Int128(low[i]), Int128(weights[i])))
      if high[i] < .max { points.append((Int128(high[i]), Int128(weights[i]))) }
    }
    points.sort { $0.0 * $1.1 < $1.0 * $0.1 }
    // The first breakpoint where f reaches the total bounds λ from above.
    var lambda: (Int128, Int128)?
    for (index, point) in points.enumerated() {
      let (value, q) = share(point.0, point.1)
      if value >= Int128(total) * q {
        if value == Int128(total) * q || index == 0 {
          lambda = point
        } else {
          // Linear between the previous point and this one: free items are those strictly inside.
          let previous = points[index - 1]
          let mid = (previous.0 * point.1 + point.0 * previous.1, 2 * previous.1 * point.1)
          var fixed: Int128 = 0, slope: Int128 = 0
          for i in 0..<n {
            let x = mid.0 * Int128(weights[i])
            if x <= Int128(low[i]) * mid.1 {
              fixed += Int128(low[i])
            } else if x >= Int128(high[i]) * mid.1 {
              fixed += Int128(high[i])
            } else {
              slope += Int128(weights[i])
            }
          }
          lambda = (Int128(total) - fixed, slope)
        }
        break
      }
    }
    guard var (p, q) = lambda else {
      // Beyond the last breakpoint: only unbounded items are free.
      var fixed: Int128 = 0, slope: Int128 = 0
      for i in 0..<n {
        if weights[i] == 0 || high[i] < .max {
          fixed += Int128(weights[i] == 0 ? low[i] : high[i])
        } else {
          slope += Int128(weights[i])
        }
      }
      guard slope > 0 else { return high }
      return largestRemainder(
        weights, total, lower: low, upper: high, lambda: (Int128(total) - fixed, slope))
    }
    if q == 0 { (p, q) = (0, 1) }
    return largestRemainder(weights, total, lower: low, upper: high, lambda: (p, q))
  }

  private static func largestRemainder(
    _ weights: [Int64], _ total: Int64, lower: [Int64], upper: [Int64], lambda: (Int128, Int128)
  ) -> [Int64] {
    let (p, q) = lambda
    var units = [Int64](repeating: 0, count: weights.count)
    var free: [Int] = []
    for i in weights.indices {
      let x = p * Int128(weights[i])
      if weights[i] == 0 || x <= Int128(lower[i]) * q {
        units[i] = lower[i]
      } else if x >= Int128(upper[i]) * q {
        units[i] = upper[i]
      } else {
        free.append(i)
      }
    }
    let left = Int128(total) - units.reduce(Int128(0)) { $0 + Int128($1) }
    let weightSum = free.reduce(Int128(0)) { $0 + Int128(weights[$1]) }
    guard weightSum > 0 else { return units }
    var remainders: [(Int128, Int)] = []
    var given: Int128 = 0
    for i in free {
      let (whole, remainder) = (left * Int128(weights[i])).quotientAndRemainder(
        dividingBy: weightSum)
      units[i] += Int64(whole)
      given += whole
      remainders.append((remainder, i))
    }
    remainders.sort { a, b in
      a.0 != b.0
        ? a.0 > b.0 : (weights[a.1] != weights[b.1] ? weights[a.1] > weights[b.1] : a.1 < b.1)
    }
    for k in 0..<Int(left - given) { units[remainders[k].1] += 1 }
    return units
  }
}
