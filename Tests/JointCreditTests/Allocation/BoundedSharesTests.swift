import Testing

@testable import ApportionmentModule

/// Breakpoints that all share one lower bound and no upper bound (the first unit of Adams, Dean
/// and Huntington–Hill) are sorted by weight alone; the sweep must find what it finds with the
/// exact comparison of bound ÷ weight.
@Suite struct BoundedSharesTests {
  @Test func sortingByWeightFindsWhatTheExactComparisonFinds() {
    var random = SplitMix64(seed: 12)
    var someLeftAtTheBound = 0
    for _ in 0..<500 {
      let count = Int.random(in: 1...60, using: &random)
      let bound = Int64.random(in: 1...3, using: &random)
      // Repeated weights and zeros, so that points share a λ.
      let weights = (0..<count).map { _ in Int64.random(in: 0...12, using: &random) }
      let lower = weights.map { $0 > 0 || Bool.random(using: &random) ? bound : 0 }
      let upper = [Int64](repeating: .max, count: count)
      let least = lower.reduce(0, +)
      let total = least + Int64.random(in: 0...(4 * Int64(count)), using: &random)
      let quick = BoundedShares(total: total, weights: weights, lower: lower, upper: upper)
      let exact = BoundedShares(
        total: total, weights: weights, lower: lower, upper: upper, shortcut: false)
      #expect(quick.states == exact.states)
      #expect(quick.units == exact.units)
      #expect(quick.weight == exact.weight)
      if exact.states.contains(.lower), exact.states.contains(.free) { someLeftAtTheBound += 1 }
    }
    // The cases that matter, where the sweep stops between breakpoints, came up.
    #expect(someLeftAtTheBound >= 100)
  }
}
