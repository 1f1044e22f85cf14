/// An exact amount of tonnes of CO2, held as a whole number of grams.
///
/// One gram is 0.000001 t, so a `Quantity` is a fixed-point decimal with six decimal places and
/// no rounding anywhere: estimates are parsed into it exactly, sums are exact, and statements print
/// it exactly. There is deliberately no conversion from or to binary floating point.
///
/// ```swift
/// let estimate = try Quantity(parsing: "1.25")   // 1_250_000 g
/// estimate.formatted(decimals: 3)                 // "1.250"
/// ```
public struct Quantity: Hashable, Comparable, Sendable {
  /// Decimal places a quantity carries: tonnes with six decimals, i.e. grams.
  public static let scale = 6

  /// Grams in one tonne.
  public static let gramsPerTonne: Int64 = 1_000_000

  /// The amount in grams of CO2.
  public var grams: Int64

  /// Creates a quantity of the given number of grams.
  public init(grams: Int64) {
    self.grams = grams
  }

  /// Creates a quantity of whole tonnes.
  ///
  /// - Precondition: the amount fits: at most about 9.2 billion tonnes.
  public init(tonnes: Int64) {
    let (grams, overflow) = tonnes.multipliedReportingOverflow(by: Self.gramsPerTonne)
    precondition(!overflow, "\(tonnes) t does not fit in a Quantity")
    self.grams = grams
  }

  /// No CO2 at all.
  public static let zero = Quantity(grams: 0)

  /// The largest quantity that can be represented: 9223372036854.775807 t.
  public static let max = Quantity(grams: .max)

  public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.grams < rhs.grams }

  /// Whether this quantity is a whole multiple of `unit` (zero is a multiple of everything).
  ///
  /// - Precondition: `unit` is positive.
  public func isMultiple(of unit: Quantity) -> Bool {
    precondition(unit.grams > 0, "unit must be positive")
    return grams % unit.grams == 0
  }

  /// The fewest decimal places that print this quantity without loss (0...6).
  ///
  /// `1.25 t` needs 2, `3 t` needs 0, `0.000001 t` needs 6.
  public var significantDecimals: Int {
    var places = Self.scale
    var rest = grams
    while places > 0, rest % 10 == 0 {
      rest /= 10
      places -= 1
    }
    return places
  }
}

extension Quantity: CustomStringConvertible {
  /// The quantity in tonnes with as many decimals as it needs, e.g. `"12.5"`.
  public var description: String { formatted(decimals: significantDecimals) }
}
