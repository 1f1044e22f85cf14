import Testing

@testable import ApportionmentModule
@testable import JointCredit

struct MethodCase: Sendable, CustomTestStringConvertible {
  var method: ApportionmentMethod
  var total: Int64
  var weights: [Int64]
  var expected: [Int64]
  var tie: (winners: [Int], losers: [Int])? = nil
  var testDescription: String { "\(method.rawValue) \(weights) → \(total)" }
}

@Suite struct DivisorMethodTests {
  // Worked by hand from the priority sequences (weight ÷ divisor), highest first.
  static let textbook: [MethodCase] = [
    // D'Hondt, divisors 1, 2, 3…: 60 30 25 20 15 12.5 12 10 10 8.57 → A7 B2 C1 D0.
    MethodCase(method: .dhondt, total: 10, weights: [60, 25, 10, 5], expected: [7, 2, 1, 0]),
    // Sainte-Laguë, divisors 1, 3, 5… (×½): 60 25 20 12 10 8.57 8.33 6.67 5.45, then 5 (B) and
    // 5 (D) tie for the tenth: the larger weight, B.
    MethodCase(
      method: .sainteLague, total: 10, weights: [60, 25, 10, 5], expected: [6, 3, 1, 0],
      tie: ([1], [3])),
    // Huntington-Hill, divisors 0, √2, √6, √12…: ∞ ∞ ∞ ∞, then 42.4 24.5 17.7 17.3 13.4 11.0
    // (A: 60/√2, 60/√6, B 25/√2, A 60/√12, A 60/√20, A 60/√30).
    MethodCase(
      method: .huntingtonHill, total: 10, weights: [60, 25, 10, 5],
      expected: [6, 2, 1, 1]),
    // Adams, divisors 0, 1, 2…: ∞ ×4, then 60 30 25 20 15 12.5 → A5 B3 C1 D1.
    MethodCase(method: .adams, total: 10, weights: [60, 25, 10, 5], expected: [5, 3, 1, 1]),
    // Dean, divisors 0, 4/3, 12/5, 24/7, 40/9, 60/11…: ∞ ×4, then 45 25 18.75 17.5 13.5 11
    // (A 60·3/4, A 60·5/12, B 25·3/4, A 60·7/24, A 60·9/40, A 60·11/60).
    MethodCase(method: .dean, total: 10, weights: [60, 25, 10, 5], expected: [6, 2, 1, 1]),
    // D'Hondt 6, 3, 1 → 5: 6, then 3 (A) and 3 (B) both win; 2 (A); then 1.5 (A) and 1.5 (B) tie
    // for the last unit: the larger weight, A.
    MethodCase(
      method: .dhondt, total: 5, weights: [6, 3, 1], expected: [4, 1, 0],
      tie: ([0], [1])),
    // Sainte-Laguë 6, 3, 1 → 5: 12 6 4 2.4, then 2 (B) and 2 (C) tie: B.
    MethodCase(
      method: .sainteLague, total: 5, weights: [6, 3, 1], expected: [3, 2, 0],
      tie: ([1], [2])),
    // Adams 6, 3, 1 → 5: ∞ ∞ ∞, 6 (A), then 3 (A) and 3 (B) tie: A.
    MethodCase(
      method: .adams, total: 5, weights: [6, 3, 1], expected: [3, 1, 1], tie: ([0], [1])),
    // Zero weights get nothing, even where the first divisor is zero.
    MethodCase(method: .dean, total: 4, weights: [5, 0, 5], expected: [2, 0, 2]),
    MethodCase(method: .huntingtonHill, total: 3, weights: [0, 3, 1], expected: [0, 2, 1]),
    // D'Hondt 3, 1 → 3 with a zero: 3 1.5 1 (A) vs 1 (C): A by weight.
    MethodCase(
      method: .dhondt, total: 3, weights: [0, 3, 1], expected: [0, 3, 0],
      tie: ([1], [2])),
    // One item takes all; nothing to share gives zeros.
    MethodCase(method: .sainteLague, total: 5, weights: [7], expected: [5]),
    MethodCase(method: .adams, total: 0, weights: [1, 2], expected: [0, 0]),
    // Huntington-Hill favours the small: 100, 1 → 3: ∞ ∞, then 100/√2.
    MethodCase(method: .huntingtonHill, total: 3, weights: [100, 1], expected: [2, 1]),
    MethodCase(method: .sainteLague, total: 3, weights: [100, 1], expected: [3, 0]),
  ]

  @Test(arguments: textbook)
  func textbookCasesByHand(_ c: MethodCase) throws {
    let result = try Apportioner(method: c.method).apportion(c.total, among: c.weights)
    #expect(result.units == c.expected)
    #expect(result.ties.map(\.winners) == (c.tie.map { [$0.winners] } ?? []))
    #expect(result.ties.map(\.losers) == (c.tie.map { [$0.losers] } ?? []))
    #expect(Reference.divisorMethod(c.method, c.weights, c.total) == c.expected)
  }

  @Test(arguments: [ApportionmentMethod.huntingtonHill, .adams, .dean])
  func zeroFirstDivisorNeedsAUnitPerPositiveWeight(_ method: ApportionmentMethod) {
    #expect(throws: ApportionmentError.tooFewUnits(units: 2, needed: 4)) {
      try Apportioner(method: method).apportion(2, among: [1, 1, 5, 1, 0])
    }
  }

  @Test func namesAndAliases() {
    for (name, method) in [
      ("jefferson", ApportionmentMethod.dhondt), ("webster", .sainteLague),
      ("equal-proportions", .huntingtonHill), ("smallest-divisors", .adams),
      ("harmonic-mean", .dean), ("hamilton", .largestRemainder),
    ] {
      #expect(ApportionmentMethod(name: name) == method)
      #expect(ApportionmentMethod(name: method.rawValue) == method)
    }
  }

  @Test func prioritiesCompareExactlyWithoutSquareRoots() {
    // 60/√2 ≈ 42.43 against 25/√(0.35)… compare 60²/2 = 1800 with 42²: above; with 43²: below.
    let priority = ApportionmentMethod.huntingtonHill.priority(weight: 60, units: 1)
    #expect(priority > Priority(42 * 42, over: 1, squared: true))
    #expect(priority < Priority(43 * 43, over: 1, squared: true))
    #expect(priority.roundedValue == 42)
    #expect(ApportionmentMethod.adams.priority(weight: 5, units: 0).isInfinite)
    #expect(ApportionmentMethod.dean.priority(weight: 0, units: 0).isZero)
    // Dean: 60 ÷ (2·1·2/3) = 45 exactly.
    #expect(ApportionmentMethod.dean.priority(weight: 60, units: 1) == Priority(45, over: 1))
    #expect(
      Priority.integerSquareRoot(UInt128(UInt64.max) * UInt128(UInt64.max)) == UInt128(UInt64.max))
  }
}

/// Properties of every method over generated and exhaustive small inputs, against the naive
/// reference.
@Suite struct MethodPropertyTests {
  static let divisorMethods = ApportionmentMethod.allCases.filter(\.isDivisorMethod)

  @Test(arguments: ApportionmentMethod.allCases)
  func everySmallCaseMatchesTheReference(_ method: ApportionmentMethod) throws {
    var vectors: [[Int64]] = [[]]
    for _ in 1...3 {
      vectors = vectors.flatMap { vector in (0...4).map { vector + [Int64($0)] } }
      for weights in vectors where weights.contains(where: { $0 > 0 }) {
        for total in Int64(0)...9 {
          let expected =
            method.isDivisorMethod
            ? Reference.divisorMethod(method, weights, total)
            : Reference.largestRemainder(weights, total)
          let positive = Int64(weights.filter { $0 > 0 }.count)
          if method.firstDivisorIsZero, total > 0, total < positive {
            #expect(throws: ApportionmentError.self) {
              try Apportioner(method: method).apportion(total, among: weights)
            }
            continue
          }
          let result = try Apportioner(method: method).apportion(total, among: weights)
          #expect(result.units == expected, "\(weights) → \(total)")
        }
      }
    }
  }

  /// Hundreds of items of one or two units each, with many equal weights: Dean and
  /// Huntington–Hill round up more often than to the nearest there, so their first estimate
  /// misses the total by more than a few units and a second estimate is made. The result is the
  /// reference's, ties included, whichever estimate the correction starts from.
  @Test(arguments: 0..<4)
  func manyItemsOfFewUnitsMatchTheReference(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 900)
    let count = 400 + Int(rng.next() % 200)
    let weights = (0..<count).map { _ in
      seed % 2 == 0 ? Int64(rng.next() % 5 + 1) : Int64(rng.next() % 1_000 + 1)
    }
    let total = Int64(count) + Int64(rng.next() % UInt64(count / 2))
    for method in Self.divisorMethods {
      let result = try Apportioner(method: method).apportion(total, among: weights)
      #expect(result.units == Reference.divisorMethod(method, weights, total), "\(method)")
    }
  }

  @Test(arguments: 0..<300)
  func generatedCasesMatchTheReferenceAndAreConsistentWithADivisor(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 500)
    let count = Int(rng.next() % 9) + 1
    var weights = Generate.weights(count: count, using: &rng).map { $0 % 100_000 }
    if weights.allSatisfy({ $0 == 0 }) { weights[0] = 7 }
    let total = Int64(weights.filter { $0 > 0 }.count) + Int64(rng.next() % 60)
    for method in Self.divisorMethods {
      let result = try Apportioner(method: method).apportion(total, among: weights)
      #expect(result.units.reduce(0, +) == total)
      #expect(result.units == Reference.divisorMethod(method, weights, total), "\(method)")
      // Consistent with a divisor: no unit given has a lower priority than one not given.
      for i in weights.indices where result.units[i] > 0 {
        for j in weights.indices where weights[j] > 0 {
          #expect(
            Reference.compare(
              method, weights[i], result.units[i] - 1, weights[j],
              result.units[j]) >= 0)
        }
      }
      // House monotonicity: one more unit to share never takes a unit from anyone.
      let more = try Apportioner(method: method).apportion(total + 1, among: weights)
      #expect(zip(more.units, result.units).allSatisfy { $0 >= $1 }, "\(method) Alabama")
    }
  }

  @Test(arguments: 0..<300)
  func boundsAreRespectedAndMatchTheReference(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 9_000)
    let count = Int(rng.next() % 7) + 1
    let weights = (0..<count).map { _ in Int64(rng.next() % 6 == 0 ? 0 : rng.next() % 50 + 1) }
    let lower = weights.map { _ in Int64(rng.next() % 3) }
    let upper = lower.map { $0 + Int64(rng.next() % 6) + (rng.next() % 4 == 0 ? 1_000 : 0) }
    let total = Int64(rng.next() % 30)
    for method in ApportionmentMethod.allCases {
      let expected =
        method.isDivisorMethod
        ? Reference.divisorMethod(method, weights, total, lower: lower, upper: upper)
        : Reference.largestRemainder(weights, total, lower: lower, upper: upper)
      do {
        let result = try Apportioner(method: method).apportion(
          total, among: weights, lower: lower, upper: upper)
        #expect(result.units == expected, "\(method) \(weights) \(lower) \(upper) → \(total)")
        #expect(result.units.reduce(0, +) == total)
        for i in weights.indices {
          #expect(result.units[i] >= lower[i])
          #expect(result.units[i] <= (weights[i] == 0 ? lower[i] : upper[i]))
        }
      } catch {
        #expect(expected == nil, "\(method) \(weights) \(lower) \(upper) → \(total): \(error)")
      }
    }
  }

  @Test(arguments: ApportionmentMethod.allCases)
  func permutingItemsWithTheirTieOrderChangesNothing(_ method: ApportionmentMethod) throws {
    // Distinct weights, so no tie depends on index: the result follows the items.
    var rng = SplitMix64(seed: 42)
    for _ in 0..<100 {
      // Sorted, so that the order does not depend on the process's hash seed.
      let weights = Array(Set((0..<8).map { _ in Int64(rng.next() % 1_000 + 1) })).sorted()
      let total = Int64(weights.count) + Int64(rng.next() % 100)
      let result = try Apportioner(method: method).apportion(total, among: weights)
      let order = Array(weights.indices).shuffled(using: &rng)
      let shuffled = try Apportioner(method: method).apportion(
        total, among: order.map { weights[$0] })
      #expect(order.map { result.units[$0] } == shuffled.units)
    }
  }
}
