import Testing

@testable import ApportionmentModule
@testable import JointCredit

/// `==` is an equivalence and `hash` agrees with it, over priorities written with other terms.
@Suite struct PriorityLawTests {
  static let priorities: [Priority] = [
    Priority(0, over: 1), Priority(0, over: 7), Priority(0, over: 0),
    Priority(1, over: 0), Priority(5, over: 0), Priority(4, over: 0, squared: true),
    Priority(1, over: 2), Priority(2, over: 4), Priority(50, over: 100),
    Priority(1, over: 2, squared: true), Priority(3, over: 6, squared: true),
    Priority(3, over: 1), Priority(9, over: 1, squared: true), Priority(UInt128.max, over: 1),
    Priority(UInt128.max, over: UInt128.max), Priority(1, over: 1),
  ]

  @Test func equalityIsAnEquivalenceAndHashingAgrees() {
    let all = Self.priorities
    for a in all {
      #expect(a == a)
      for b in all {
        #expect((a == b) == (b == a))
        if a == b { #expect(a.hashValue == b.hashValue, "\(a) \(b)") }
        for c in all where a == b && b == c { #expect(a == c) }
      }
    }
  }

  /// (a, b, equal) by hand: the same value in other terms is equal; another kind is not.
  @Test func sameValuesInOtherTermsAreEqual() {
    #expect(Priority(1, over: 2) == Priority(50, over: 100))
    #expect(Priority(0, over: 1) == Priority(0, over: 0))
    #expect(Priority(1, over: 0) == Priority(4, over: 0, squared: true))
    #expect(Priority(3, over: 1) != Priority(9, over: 1, squared: true))
    #expect(Priority(1, over: 2) != Priority(1, over: 3))
    #expect(Priority(UInt128.max, over: UInt128.max) == Priority(1, over: 1))
  }

  @Test func orderingIsTotalWithinAMethod() {
    let plain = Self.priorities.filter { !$0.isSquared || $0.isZero || $0.isInfinite }
    for a in plain {
      for b in plain {
        // Exactly one of <, ==, > holds.
        let relations = [a < b, a == b, b < a].filter { $0 }
        #expect(relations.count == 1, "\(a) \(b)")
      }
    }
  }
}
