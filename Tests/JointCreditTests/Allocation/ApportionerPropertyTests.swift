import Testing

@testable import ApportionmentModule
@testable import JointCredit

/// Properties of the apportionment core over many generated and all small inputs.
@Suite struct ApportionerPropertyTests {
  /// A deliberately naive largest remainder: hand out leftover units one at a time to the best
  /// remaining item, comparing remainders as fractions by cross-multiplication.
  static func reference(_ total: Int64, _ weights: [Int64]) -> [Int64] {
    let sum = weights.reduce(Int128(0)) { $0 + Int128($1) }
    var units = weights.map { Int64(Int128(total) * Int128($0) / sum) }
    var remainders = weights.map { Fraction(Int128(total) * Int128($0) % sum, over: sum) }
    var left = Int(Int128(total) - units.reduce(Int128(0)) { $0 + Int128($1) })
    var taken = Set<Int>()
    while left > 0 {
      var best: Int?
      for index in weights.indices where !taken.contains(index) {
        guard let current = best else {
          best = index
          continue
        }
        let a = remainders[index].numerator, b = remainders[current].numerator
        if a > b || (a == b && weights[index] > weights[current]) { best = index }
      }
      units[best!] += 1
      taken.insert(best!)
      remainders[best!] = Fraction(0, over: 1)
      left -= 1
    }
    return units
  }

  static func checkInvariants(_ total: Int64, _ weights: [Int64], _ units: [Int64]) {
    let sum = weights.reduce(Int128(0)) { $0 + Int128($1) }
    #expect(units.reduce(0, +) == total, "sum")
    for (index, weight) in weights.enumerated() {
      let numerator = Int128(total) * Int128(weight)
      let floor = numerator / sum
      let ceiling = numerator % sum == 0 ? floor : floor + 1
      // The quota rule: every allocation is its quota rounded down or up.
      #expect(Int128(units[index]) >= floor && Int128(units[index]) <= ceiling, "quota rule")
      if weight == 0 { #expect(units[index] == 0, "zero weight") }
    }
    // A larger weight never gets less.
    for i in weights.indices {
      for j in weights.indices where weights[i] > weights[j] {
        #expect(units[i] >= units[j], "weight monotonicity")
      }
    }
  }

  @Test(arguments: 0..<2_000)
  func generatedCasesKeepEveryInvariant(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed))
    let (total, weights) = Generate.apportionmentCase(using: &rng)
    let result = try Apportioner().apportion(total, among: weights)
    Self.checkInvariants(total, weights, result.units)
    #expect(result.units == Self.reference(total, weights))
  }

  @Test func everySmallCaseMatchesTheReference() throws {
    // All weight vectors of 1 to 4 items with weights 0...3, totals 0...7.
    var vectors: [[Int64]] = [[]]
    var checked = 0
    for _ in 1...4 {
      vectors = vectors.flatMap { vector in (0...3).map { vector + [Int64($0)] } }
      for weights in vectors where weights.contains(where: { $0 > 0 }) {
        for total in Int64(0)...7 {
          let result = try Apportioner().apportion(total, among: weights)
          Self.checkInvariants(total, weights, result.units)
          #expect(result.units == Self.reference(total, weights), "\(weights) \(total)")
          checked += 1
        }
      }
    }
    #expect(checked == 8 * (3 + 15 + 63 + 255))
  }

  @Test(arguments: 0..<500)
  func tiesListExactlyTheUnitsTheRuleDecided(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 10_000)
    let (total, weights) = Generate.apportionmentCase(using: &rng)
    let result = try Apportioner().apportion(total, among: weights)
    let sum = weights.reduce(Int128(0)) { $0 + Int128($1) }
    func remainder(_ index: Int) -> Int128 { Int128(total) * Int128(weights[index]) % sum }
    for tie in result.ties {
      let members = tie.winners + tie.losers
      #expect(!tie.winners.isEmpty && !tie.losers.isEmpty)
      // Everyone in a tie had the same remainder, the one recorded.
      #expect(
        members.allSatisfy { Priority(UInt128(remainder($0)), over: UInt128(sum)) == tie.priority })
      // Winners got their quota rounded up, losers rounded down.
      for index in tie.winners {
        #expect(Int128(result.units[index]) == Int128(total) * Int128(weights[index]) / sum + 1)
      }
      for index in tie.losers {
        #expect(Int128(result.units[index]) == Int128(total) * Int128(weights[index]) / sum)
      }
      // The rule ranked them: larger weight first, then smaller index.
      let ranked = members.sorted {
        weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1
      }
      #expect(ranked == members)
    }
    // Without a recorded tie, no two items with equal remainders were split.
    if result.ties.isEmpty {
      for i in weights.indices {
        for j in weights.indices where remainder(i) == remainder(j) && remainder(i) > 0 {
          let roundedUpI = Int128(result.units[i]) * sum > Int128(total) * Int128(weights[i])
          let roundedUpJ = Int128(result.units[j]) * sum > Int128(total) * Int128(weights[j])
          #expect(roundedUpI == roundedUpJ)
        }
      }
    }
  }
}
