/// A rule that rounds exact pro-rata quotas to whole units so that they add up to the total.
///
/// Rounding each quota on its own does not add up (three equal weights sharing 10 units give
/// 3.333… each; rounding gives 9). An apportionment method decides who gets the leftover units.
/// There are two families: the largest remainder method, and the divisor methods, which give
/// units one at a time to the highest priority *weight* ÷ *d*(*units held*) and differ only in
/// the divisor *d*. [docs/rounding-rules.md] compares them.
///
/// Weights 60, 25, 10, 5 sharing 10 units (quotas 6, 2.5, 1, 0.5), and 6, 3, 1 sharing 5
/// (quotas 3, 1.5, 0.5):
///
/// | method | divisor *d*(*a*) | 60, 25, 10, 5 → 10 | 6, 3, 1 → 5 |
/// |--------|------------------|--------------------|-------------|
/// | largest remainder | — | 6, 3, 1, 0 | 3, 2, 0 |
/// | D'Hondt | *a* + 1 | 7, 2, 1, 0 | 4, 1, 0 |
/// | Sainte-Laguë | *a* + ½ | 6, 3, 1, 0 | 3, 2, 0 |
/// | Huntington-Hill | √(*a*(*a*+1)) | 6, 2, 1, 1 | 3, 1, 1 |
/// | Adams | *a* | 5, 3, 1, 1 | 3, 1, 1 |
/// | Dean | 2*a*(*a*+1) ÷ (2*a*+1) | 6, 2, 1, 1 | 3, 1, 1 |
public enum ApportionmentMethod: String, CaseIterable, Hashable, Sendable {
  /// Hamilton's method: everyone gets the whole part of their quota, and the units left over go
  /// one each to the largest remainders. Every allocation is within one unit of its quota; it can
  /// show the Alabama paradox (raising the total takes a unit from someone).
  case largestRemainder = "largest-remainder"
  /// D'Hondt (Jefferson): divisors 1, 2, 3, … Never below the lower quota; favours large weights.
  case dhondt
  /// Sainte-Laguë (Webster): divisors ½, 1½, 2½, … — rounds quotas to the nearest; unbiased.
  case sainteLague = "sainte-lague"
  /// Huntington-Hill (equal proportions): divisors √(a(a+1)): 0, √2, √6, … Every positive weight
  /// gets at least one unit; slightly favours small weights.
  case huntingtonHill = "huntington-hill"
  /// Adams (smallest divisors): divisors 0, 1, 2, … Never above the upper quota; favours small
  /// weights; every positive weight gets a unit.
  case adams
  /// Dean (harmonic mean): divisors 2a(a+1)/(2a+1): 0, 4/3, 12/5, … Every positive weight gets a
  /// unit; favours small weights.
  case dean

  /// Other spellings accepted on the command line and in purchase files.
  public static let aliases: [String: ApportionmentMethod] = [
    "hamilton": .largestRemainder, "jefferson": .dhondt, "webster": .sainteLague,
    "equal-proportions": .huntingtonHill, "smallest-divisors": .adams, "harmonic-mean": .dean,
  ]

  /// Reads a method name or alias, e.g. `sainte-lague` or `webster`.
  public init?(name: String) {
    if let method = ApportionmentMethod(rawValue: name) ?? Self.aliases[name] {
      self = method
    } else {
      return nil
    }
  }

  /// The name and its alias, for help texts: `sainte-lague (webster)`.
  public var nameWithAlias: String {
    let alias = Self.aliases.first { $0.value == self }?.key
    return alias.map { "\(rawValue) (\($0))" } ?? rawValue
  }

  /// The method's name for people: `Sainte-Laguë`.
  public var title: String {
    switch self {
    case .largestRemainder: "largest remainder (Hamilton)"
    case .dhondt: "D'Hondt (Jefferson)"
    case .sainteLague: "Sainte-Laguë (Webster)"
    case .huntingtonHill: "Huntington-Hill (equal proportions)"
    case .adams: "Adams (smallest divisors)"
    case .dean: "Dean (harmonic mean)"
    }
  }

  /// Whether the method is a divisor method (every method but largest remainder).
  public var isDivisorMethod: Bool { self != .largestRemainder }

  /// Whether the first divisor is zero, so that every positive weight gets at least one unit.
  public var firstDivisorIsZero: Bool { self == .huntingtonHill || self == .adams || self == .dean }

  /// The priority for the next unit of an item of weight `weight` that holds `units`:
  /// `weight ÷ d(units)`, exactly.
  ///
  /// - Precondition: a divisor method; `weight >= 0`; `units >= 0`.
  @inline(__always)
  public func priority(weight: Int64, units: Int64) -> Priority {
    let w = UInt128(weight), a = UInt128(units)
    switch self {
    case .dhondt: return Priority(w, over: a + 1)
    case .sainteLague: return Priority(2 * w, over: 2 * a + 1)
    case .adams: return Priority(w, over: a)
    case .dean: return Priority(w * (2 * a + 1), over: 2 * a * (a + 1))
    case .huntingtonHill: return Priority(w * w, over: a * (a + 1), squared: true)
    case .largestRemainder: preconditionFailure("largest remainder has no divisor")
    }
  }

  /// The divisor `weightSum ÷ units` as a priority, comparable with ``priority(weight:units:)``.
  func divisor(weightSum: UInt128, units: UInt128) -> Priority {
    self == .huntingtonHill
      ? Priority(weightSum * weightSum, over: units * units, squared: true)
      : Priority(weightSum, over: units)
  }
}
