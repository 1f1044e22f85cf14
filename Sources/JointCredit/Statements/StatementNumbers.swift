import ApportionmentModule

/// How a statement prints its numbers: fixed decimals per column, `'.'` as the point, no
/// thousands separators.
///
/// Emissions print at the scale of the data (the most decimals any estimate was written with),
/// allocations at the scale of the unit, quotas with six decimals and offset rates as
/// percentages with one decimal, rounded half up.
public struct StatementNumbers: Hashable, Sendable {
  /// Decimals for emissions.
  public var emissionDecimals: Int
  /// Decimals for allocations.
  public var allocationDecimals: Int
  /// Decimals for quotas.
  public static let quotaDecimals = 6
  /// Decimals for offset rates, in percent.
  public static let rateDecimals = 1

  /// The scales of an allocation.
  public init(_ allocation: Allocation) {
    emissionDecimals = allocation.emissionDecimals
    allocationDecimals = allocation.allocationDecimals
  }

  /// The scales of estimates and a purchase, before anything is allocated.
  public init(emissionDecimals: Int, allocationDecimals: Int) {
    self.emissionDecimals = emissionDecimals
    self.allocationDecimals = allocationDecimals
  }

  /// An estimate, e.g. `1.250`.
  public func emissions(_ quantity: Quantity) -> FixedDecimal {
    FixedDecimal(quantity, atLeast: emissionDecimals)
  }

  /// An allocation, e.g. `1.3`.
  public func allocated(_ quantity: Quantity) -> FixedDecimal {
    FixedDecimal(quantity, atLeast: allocationDecimals)
  }

  /// A shortfall (estimate less allocation), with the decimals of both: `0.050`.
  public func shortfall(_ quantity: Quantity) -> FixedDecimal {
    FixedDecimal(quantity, atLeast: max(emissionDecimals, allocationDecimals))
  }

  /// A quota in grams, printed in tonnes with six decimals: `0.333333`.
  public func quota(_ grams: Fraction) -> FixedDecimal { Self.quotaDecimal(grams) }

  /// A quota in grams, in tonnes with six decimals.
  public static func quotaDecimal(_ grams: Fraction) -> FixedDecimal {
    FixedDecimal(digits: grams.roundedHalfUp, decimals: quotaDecimals)
  }

  /// A quota in grams, printed in tonnes with six decimals.
  public static func quotaText(_ grams: Fraction) -> String { quotaDecimal(grams).description }

  /// An offset rate in percent with one decimal, or `nil` when there is no rate.
  public func rate(_ rate: Fraction?) -> FixedDecimal? { OffsetRate.percent(rate) }
}

extension FixedDecimal {
  /// A decimal from its digits: `FixedDecimal(digits: 125, decimals: 1)` is 12.5.
  public init(digits: Int128, decimals: Int) {
    self.digits = digits
    self.decimals = decimals
  }
}
