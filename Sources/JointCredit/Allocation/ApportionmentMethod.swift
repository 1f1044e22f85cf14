/// A rule that rounds exact pro-rata quotas to whole units so that they add up to the total.
///
/// Rounding each quota on its own does not add up (three equal weights sharing 10 units give
/// 3.333… each; rounding gives 9). An apportionment method decides who gets the leftover units.
public enum ApportionmentMethod: String, CaseIterable, Hashable, Sendable {
  /// Hamilton's method: everyone gets the whole part of their quota, and the units left over go
  /// one each to the largest remainders.
  ///
  /// Every allocation is within one unit of its quota (the quota rule). It can show the Alabama
  /// paradox: raising the total may take a unit away from someone.
  ///
  /// | weights | total | quotas | allocations |
  /// |---------|-------|--------|-------------|
  /// | 5, 3, 2 | 7 | 3.5, 2.1, 1.4 | 4, 2, 1 |
  /// | 1, 1, 1 | 10 | 3.33… each | 4, 3, 3 (a tie, decided by the tie rule) |
  case largestRemainder = "largest-remainder"

  /// Other spellings accepted on the command line and in purchase files.
  public static let aliases: [String: ApportionmentMethod] = [
    "hamilton": .largestRemainder
  ]

  /// Reads a method name or alias, e.g. `largest-remainder` or `hamilton`.
  public init?(name: String) {
    if let method = ApportionmentMethod(rawValue: name) ?? Self.aliases[name] {
      self = method
    } else {
      return nil
    }
  }
}
