import Testing

@testable import ApportionmentModule
@testable import JointCredit

/// Random inputs for property tests, built from a seeded generator.
enum Generate {
  /// Weights that often tie: drawn from a few small values, with zeros, or from a wide range.
  static func weights(count: Int, using rng: inout SplitMix64) -> [Int64] {
    switch rng.next() % 3 {
    case 0: return (0..<count).map { _ in Int64(rng.next() % 4) }
    case 1: return (0..<count).map { _ in Int64(rng.next() % 1_000) * 1_000 }
    default: return (0..<count).map { _ in Int64(rng.next() % 10_000_000_000) }
    }
  }

  /// An apportionment problem with at least one positive weight.
  static func apportionmentCase(using rng: inout SplitMix64) -> (total: Int64, weights: [Int64]) {
    let count = Int(rng.next() % 12) + 1
    var weights = weights(count: count, using: &rng)
    if weights.allSatisfy({ $0 == 0 }) { weights[Int(rng.next() % UInt64(count))] = 1 }
    let total = Int64(rng.next() % (rng.next() % 2 == 0 ? 20 : 5_000))
    return (total, weights)
  }

  /// Estimates of a few Tokyo municipalities (and sometimes the joint project) with a few events
  /// each, estimates in thousandths of a tonne.
  static func estimates(using rng: inout SplitMix64) -> Estimates {
    var bodies = Array(tokyoMunicipalities.shuffled(using: &rng).prefix(Int(rng.next() % 6) + 1))
      .map { Body(code: Body.Code($0.code), name: $0.name, kind: $0.kind) }
    if rng.next() % 3 == 0 {
      bodies.append(Body(code: Body.Code("ALL62"), name: "共同事業", kind: .other))
    }
    var submissions: [Submission] = []
    for body in bodies {
      let eventCount = Int(rng.next() % 5) + 1
      let small = rng.next() % 2 == 0
      let events = (0..<eventCount).map { e in
        let thousandths = Int64(rng.next() % (small ? 4 : 5_000))
        // Estimates are never negative here: a failure would be a bug in this generator.
        return try! Event(
          id: Event.ID("E\(e + 1)"), name: "Event \(e + 1)",
          emissions: Quantity(grams: thousandths * 1_000))
      }
      submissions.append(Submission(body: body, events: events))
    }
    if submissions.allSatisfy({ $0.emissions == .zero }) {
      submissions[0].events[0].emissions = Quantity(grams: 1_000)
    }
    // One submission per body, ids E1…: a failure would be a bug in this generator.
    return try! Estimates(submissions: submissions, decimals: 3)
  }

  /// A purchase that fits the estimates: a lot of up to 50 t in units of 1, 0.1 or 0.01 t.
  static func purchase(using rng: inout SplitMix64) -> Purchase {
    let units: [Int64] = [1_000_000, 100_000, 10_000]
    let unit = Quantity(grams: units[Int(rng.next() % 3)])
    let mode: AllocationMode = rng.next() % 2 == 0 ? .event : .bodyThenEvent
    let bodyUnit =
      mode == .bodyThenEvent && rng.next() % 2 == 0
      ? Quantity(grams: unit.grams * Int64(rng.next() % 5 + 1)) : unit
    let steps = Int64(rng.next() % 50) + 1
    let lot = Quantity(grams: bodyUnit.grams * steps * (rng.next() % 3 == 0 ? 10 : 1))
    // The lot is a multiple of the body unit, a multiple of the unit: a failure would be a bug
    // in this generator.
    return try! Purchase(lot: lot, unit: unit, bodyUnit: bodyUnit, mode: mode)
  }
}

extension Array {
  /// The elements in a seeded random order.
  func shuffled(seed: UInt64) -> [Element] {
    var rng = SplitMix64(seed: seed)
    return shuffled(using: &rng)
  }
}

extension Generate {
  /// A generated case with every method at both levels in turn: the seed picks the methods;
  /// every `cappedEvery`-th seed caps each event at its estimate, with a reserve body.
  static func purchase(seed: Int, cappedEvery: Int, using rng: inout SplitMix64) -> Purchase {
    var purchase = Generate.purchase(using: &rng)
    purchase.method = ApportionmentMethod.allCases[seed % 6]
    purchase.bodyMethod = ApportionmentMethod.allCases[(seed / 6) % 6]
    if seed % cappedEvery == 0 {
      purchase.cap = .emissions
      purchase.reserve = Body.Code("RESERVE")
    }
    return purchase
  }

  /// The allocation, or `nil` when the generated constraints cannot be met — too few units for a
  /// method that gives every positive estimate one, minimums above the lot — the only refusals a
  /// property test may skip. Any other error is recorded as a failure (and also gives `nil`).
  static func allocation(
    _ purchase: Purchase, among estimates: Estimates, explains: Bool = false, seed: Int
  ) -> Allocation? {
    do {
      return try Allocator(explains: explains).allocate(purchase, among: estimates)
    } catch {
      switch error.reason {
      case .tooFewUnits, .minimumsExceedTotal, .minimumsAboveCaps: break
      default: Issue.record("seed \(seed): \(error)")
      }
      return nil
    }
  }
}
