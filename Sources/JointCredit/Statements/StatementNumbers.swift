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

  /// An estimate, e.g. `1.250`.
  public func emissions(_ quantity: Quantity) -> String {
    quantity.formatted(decimals: max(emissionDecimals, quantity.significantDecimals))
  }

  /// An allocation, e.g. `1.3`.
  public func allocated(_ quantity: Quantity) -> String {
    quantity.formatted(decimals: max(allocationDecimals, quantity.significantDecimals))
  }

  /// A quota in grams, printed in tonnes with six decimals: `0.333333`.
  public func quota(_ grams: Fraction) -> String { Self.quotaText(grams) }

  /// A quota in grams, printed in tonnes with six decimals.
  public static func quotaText(_ grams: Fraction) -> String {
    DecimalText.format(grams.roundedHalfUp, scale: Quantity.scale, decimals: quotaDecimals)
  }

  /// An offset rate in percent with one decimal, or empty when there is no rate.
  public func rate(_ rate: Fraction?) -> String { OffsetRate.percentText(rate) }
}
