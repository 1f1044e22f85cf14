import Testing

@testable import ApportionmentModule
@testable import JointCredit

@Suite struct BinaryHeapTests {
  @Test func popsInOrderForEverySeed() {
    for seed in 0..<200 {
      var random = SplitMix64(seed: UInt64(seed))
      let values = (0..<Int.random(in: 0...60, using: &random)).map { _ in
        Int.random(in: -20...20, using: &random)
      }
      var heap = BinaryHeap(values, isFirst: >)
      var popped: [Int] = []
      while let top = heap.pop() { popped.append(top) }
      #expect(popped == values.sorted(by: >), "seed \(seed)")
      #expect(heap.isEmpty && heap.top == nil)
    }
  }

  /// The divisor methods give their last units to the items ranked first at the start: picking
  /// those must pick exactly the first `count` of the order, ties ranked by index.
  @Test func firstPicksTheFirstOfTheOrderForEverySeed() {
    for seed in 0..<300 {
      var random = SplitMix64(seed: UInt64(seed))
      let values = (0..<Int.random(in: 0...80, using: &random)).map { index in
        (Int.random(in: 0...9, using: &random), index)
      }
      let isFirst = { (a: (Int, Int), b: (Int, Int)) in a.0 != b.0 ? a.0 > b.0 : a.1 < b.1 }
      let count = Int.random(in: 0...values.count + 3, using: &random)
      let picked = BinaryHeap.first(count, of: values, isFirst: isFirst).sorted(by: isFirst)
      let expected = values.sorted(by: isFirst).prefix(count)
      #expect(picked.map(\.1) == expected.map(\.1), "seed \(seed)")
    }
  }

  @Test func pushesAndPopsLikeASortedList() {
    var random = SplitMix64(seed: 99)
    var heap = BinaryHeap([Int](), isFirst: <)
    var reference: [Int] = []
    for _ in 0..<2_000 {
      if Bool.random(using: &random) || reference.isEmpty {
        let value = Int.random(in: 0...100, using: &random)
        heap.push(value)
        reference.append(value)
      } else {
        reference.sort()
        #expect(heap.pop() == reference.removeFirst())
      }
      #expect(heap.top == reference.min())
    }
  }

  @Test func theOrderIsTheCallersIncludingTies() {
    // Pairs ordered by their first element only; ties come out, each, before any lesser value.
    let pairs = [(2, "a"), (3, "b"), (2, "c"), (1, "d"), (3, "e")]
    var heap = BinaryHeap(pairs) { $0.0 > $1.0 }
    var firsts: [Int] = []
    while let top = heap.pop() { firsts.append(top.0) }
    #expect(firsts == [3, 3, 2, 2, 1])
  }
}
