extension Purchase {
  /// A share of an event's own estimate: all of it (``emissions``, 100 %) or a percentage.
  /// A ``Cap`` holds an event at most at it (rounded down to the unit), a ``Floor`` raises it at
  /// least to it (rounded up).
  public enum EstimateShare: Hashable, Sendable, CustomStringConvertible {
    /// 100 % of the estimate.
    case emissions
    /// This percentage of the estimate (a decimal, such as 150).
    case rate(Quantity)

    /// The percentage, as an exact decimal (100 for ``emissions``).
    public var percent: Quantity {
      switch self {
      case .emissions: Quantity(tonnes: 100)
      case .rate(let percent): percent
      }
    }

    /// `emissions` or `150 %`.
    public var description: String {
      switch self {
      case .emissions: "emissions"
      case .rate(let percent): "\(percent) %"
      }
    }

    /// The least an estimate of `grams` receives, in units of `unit` grams: the estimate times
    /// the percentage, rounded up. Zero for a zero estimate; at most `Int64.max`.
    func units(forGrams grams: Int64, unit: Int64) -> Int64 {
      guard grams > 0 else { return 0 }
      // grams × percent ÷ 100, the percent held in millionths: ÷ (100 × 10⁶) per unit. Both
      // factors are below 2⁶³, so the product fits in 128 bits.
      let divisor = 100 * 1_000_000 * Int128(unit)
      let product = Int128(grams) * Int128(percent.grams)
      return Int64(clamping: (product + divisor - 1) / divisor)
    }
  }

  /// A floor on an event's allocation relative to its own estimate — full offset: every event
  /// with a positive estimate receives at least this share of it, rounded **up** to the unit, so
  /// that its offset rate is at least the percentage. ``EstimateShare/emissions`` (100 %) says
  /// "every event offset in full": 0.650 t at 0.1 t steps gets at least 0.7 t.
  public typealias Floor = EstimateShare

  /// Where the lot goes beyond the events' floors.
  public enum Surplus: String, CaseIterable, Hashable, Sendable {
    /// By the rounding rule, like the rest of the lot (the default).
    case method
    /// To the reserve body: every event stands at its floor, and the reserve holds the rest.
    case reserve
  }
}
