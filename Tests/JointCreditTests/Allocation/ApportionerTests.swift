import Testing

@testable import ApportionmentModule
@testable import JointCredit

struct ApportionCase: Sendable, CustomTestStringConvertible {
  var name: String
  var total: Int64
  var weights: [Int64]
  var expected: [Int64]
  var ties: [Apportionment.Tie] = []
  var testDescription: String { name }
}

@Suite struct ApportionerTests {
  // Every expectation below is worked by hand in its comment.
  static let largestRemainder: [ApportionCase] = [
    // quotas 3.5, 2.1, 1.4 → floors 3, 2, 1 (6); 1 left → largest remainder .5
    ApportionCase(
      name: "leftover goes to the largest remainder", total: 7, weights: [5, 3, 2],
      expected: [4, 2, 1]),
    // quotas 3⅓ each → floors 9; 1 left, remainders equal → first in order
    ApportionCase(
      name: "equal weights tie: first in order wins", total: 10, weights: [1, 1, 1],
      expected: [4, 3, 3],
      ties: [.init(winners: [0], losers: [1, 2], priority: Priority(1, over: 3))]),
    // quotas 0.5, 1.5 (remainders both ½); floors 0, 1; 1 left → larger weight
    ApportionCase(
      name: "equal remainders: larger weight wins over earlier index", total: 2,
      weights: [1, 3], expected: [0, 2],
      ties: [.init(winners: [1], losers: [0], priority: Priority(2, over: 4))]),
    // quotas ½ each; 2 left among 4 equal → first two
    ApportionCase(
      name: "two units decided in one tie", total: 2, weights: [1, 1, 1, 1],
      expected: [1, 1, 0, 0],
      ties: [.init(winners: [0, 1], losers: [2, 3], priority: Priority(4, over: 8))]),
    // quotas 0, 2.25, 0.75 → floors 0, 2, 0; 1 left → .75
    ApportionCase(
      name: "zero weight gets zero", total: 3, weights: [0, 3, 1], expected: [0, 2, 1]),
    ApportionCase(name: "one item takes everything", total: 5, weights: [7], expected: [5]),
    ApportionCase(name: "total zero gives zeros", total: 0, weights: [1, 2], expected: [0, 0]),
    ApportionCase(
      name: "exact quotas leave nothing to decide", total: 4, weights: [1, 1],
      expected: [2, 2]),
    // quotas 4.29, 4.29, 1.43 → 4, 4, 1; 1 left → 1.43
    ApportionCase(
      name: "Alabama paradox, total 10", total: 10, weights: [6, 6, 2],
      expected: [4, 4, 2]),
    // quotas 4.71, 4.71, 1.57 → 4, 4, 1; 2 left → the two .71s: the third loses a unit
    ApportionCase(
      name: "Alabama paradox, total 11", total: 11, weights: [6, 6, 2],
      expected: [5, 5, 1]),
    // quotas 0.2 each: no floors, 1 unit among 5 equal
    ApportionCase(
      name: "fewer units than items", total: 1, weights: [2, 2, 2, 2, 2],
      expected: [1, 0, 0, 0, 0],
      ties: [.init(winners: [0], losers: [1, 2, 3, 4], priority: Priority(2, over: 10))]),
  ]

  @Test(arguments: largestRemainder)
  func largestRemainderByHand(_ c: ApportionCase) throws {
    let result = try Apportioner(method: .largestRemainder).apportion(c.total, among: c.weights)
    #expect(result.units == c.expected)
    #expect(result.ties == c.ties)
  }

  @Test func noPositiveWeightIsAnError() {
    #expect(throws: ApportionmentError.noPositiveWeight(units: 3)) {
      try Apportioner().apportion(3, among: [0, 0])
    }
    #expect(throws: ApportionmentError.noPositiveWeight(units: 1)) {
      try Apportioner().apportion(1, among: [])
    }
  }

  @Test func hugeWeightsAndTotalsStayExact() throws {
    // The weights add up to just under Int64.max, the most the core accepts.
    let weights: [Int64] = [.max / 3, .max / 3, 1, .max / 4]
    let result = try Apportioner().apportion(.max, among: weights)
    #expect(result.units.reduce(Int128(0)) { $0 + Int128($1) } == Int128(Int64.max))
    #expect(result.units[2] == 0 || result.units[2] == 1)
    // Equal weights: equal shares, or the first one unit ahead by the tie rule.
    #expect(result.units[0] - result.units[1] == 0 || result.units[0] - result.units[1] == 1)
  }

  @Test func namesAndAliases() {
    #expect(ApportionmentMethod(name: "largest-remainder") == .largestRemainder)
    #expect(ApportionmentMethod(name: "hamilton") == .largestRemainder)
    #expect(ApportionmentMethod(name: "lr") == nil)
  }
}
