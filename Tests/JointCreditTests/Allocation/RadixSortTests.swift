import Testing

@testable import ApportionmentModule

/// Adams, Dean and Huntington–Hill sort a million weights by their bytes: the result must be
/// the comparison sort's, whatever the values share.
@Suite struct RadixSortTests {
  /// Both ways of sorting: by bytes (every count of values), by comparisons (every count), and
  /// the default (comparisons below ``RadixSort/comparisonBelow``).
  static let ways = [0, Int.max, RadixSort.comparisonBelow]

  @Test(arguments: ways)
  func sortsAsTheComparisonSortDoesForEverySeed(comparisonBelow: Int) {
    for seed in 0..<300 {
      var random = SplitMix64(seed: UInt64(seed))
      let count = Int.random(in: 0...(seed % 10 == 0 ? 3_000 : 200), using: &random)
      // Small values (high bytes shared), repeats, and values across all eight bytes.
      let range: ClosedRange<Int64> =
        [0...9, 0...70_000, 0...Int64.max][Int.random(in: 0...2, using: &random)]
      var values = (0..<count).map { _ in Int64.random(in: range, using: &random) }
      let expected = values.sorted()
      RadixSort.sort(&values, comparisonBelow: comparisonBelow)
      #expect(values == expected, "seed \(seed)")
    }
  }

  @Test(arguments: ways)
  func theExtremes(comparisonBelow: Int) {
    var values: [Int64] = [Int64.max, 0, 256, 255, 1 << 56, Int64.max - 1, 0, 65_536]
    RadixSort.sort(&values, comparisonBelow: comparisonBelow)
    #expect(values == [0, 0, 255, 256, 65_536, 1 << 56, Int64.max - 1, Int64.max])
  }

  /// Largest remainder sorts (remainder, index) pairs by a key: equal keys keep their order.
  @Test(arguments: ways)
  func sortsByAKeyKeepingTheOrderOfEqualKeys(comparisonBelow: Int) {
    var random = SplitMix64(seed: 7)
    var pairs = (0..<500).map { index in (key: UInt64.random(in: 0...20, using: &random), index) }
    // Stable by hand: by key descending, then by index.
    let expected = pairs.sorted { $0.key != $1.key ? $0.key > $1.key : $0.1 < $1.1 }
    RadixSort.sort(&pairs, by: { ~$0.key }, comparisonBelow: comparisonBelow)
    #expect(pairs.map(\.1) == expected.map(\.1))
  }
}
