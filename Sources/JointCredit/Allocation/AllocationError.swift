import ApportionmentModule

/// Why a lot cannot be allocated under the purchase's rules and constraints.
public struct AllocationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What the apportionment core could not do.
  public var reason: ApportionmentError
  /// Which level failed.
  public var level: TieDecision.Level
  /// In body-then-event mode, the body whose share was being split.
  public var within: Body.Code?
  /// The step of that level.
  public var unit: Quantity
  /// The rule of that level.
  public var method: ApportionmentMethod
  /// Whether the units shared were yen (the costs) rather than credits.
  public var isCost = false
  /// When floors (full offset) need more than the lot: what they need and what would work.
  public var floors: FloorShortage?

  /// Creates an error.
  public init(
    _ reason: ApportionmentError, level: TieDecision.Level, within: Body.Code? = nil,
    unit: Quantity, method: ApportionmentMethod
  ) {
    self.reason = reason
    self.level = level
    self.within = within
    self.unit = unit
    self.method = method
  }

  /// One sentence saying what cannot be done and what to change (English).
  public var description: String { message(.en) }

  /// One sentence in a language saying what cannot be done and what to change; the settings
  /// to change are named as in the purchase file (`min_t`, `reserve`).
  public func message(_ language: StatementLanguage) -> String {
    switch language {
    case .en: englishMessage
    case .ja: japaneseMessage
    }
  }

  private var englishMessage: String {
    if let floors { return floors.description }
    if isCost {
      return "the invoice cannot be shared in whole yen by \(method.rawValue), which gives every "
        + "positive share at least one yen: give a larger invoice or another method"
    }
    if case .minimumsAboveCaps = reason, let within {
      return "body \(within): "
        + reason.message(
          items: "events", weights: "estimate", scope: "", unit: unit, method: method)
    }
    return reason.message(
      items: level == .body ? "bodies" : "events", weights: "estimate",
      scope: within.map { "body \($0)'s share of " } ?? "the lot of ",
      unit: unit, method: method)
  }
}

extension ApportionmentError {
  /// One sentence saying what cannot be done and what to change.
  ///
  /// - Parameters:
  ///   - items: what was shared among, plural: "events", "ids".
  ///   - weights: what the weights are, singular: "estimate", "weight".
  ///   - scope: what was being shared, before its size: "the lot of ".
  ///   - unit: the step, for sizes in tonnes.
  ///   - method: the rule.
  public func message(
    items: String, weights: String, scope: String, unit: Quantity, method: ApportionmentMethod
  ) -> String {
    // Each unit counted here is at most a quantity's worth of grams, so a sum of them times the
    // unit fits in 128 bits.
    func tonnes(_ units: some BinaryInteger) -> String {
      DecimalText.format(
        Int128(units) * Int128(unit.grams), scale: Quantity.scale,
        decimals: unit.significantDecimals) + " t"
    }
    switch self {
    case .noPositiveWeight(let units):
      return "\(scope)\(tonnes(units)) cannot be shared: every \(weights) is zero"
    case .tooFewUnits(let units, let needed):
      return "\(method.rawValue) gives every one of the \(items) with a positive \(weights) at "
        + "least one unit of \(unit) t, which needs \(tonnes(needed)), but \(scope)\(tonnes(units)) "
        + "is less; choose another method or a smaller unit"
    case .minimumsExceedTotal(let units, let needed):
      return "the minimums need \(tonnes(needed)) but \(scope)\(tonnes(units)) is less; lower min_t"
    case .minimumsAboveCaps(let needed, let capacity):
      return "the minimums need \(tonnes(needed)) but the caps allow only \(tonnes(capacity)) in "
        + "steps of \(unit) t; use a finer body_unit_t, or lower min_t"
    case .capacityBelowTotal(let units, let capacity):
      return "the caps allow only \(tonnes(capacity)) of \(scope)\(tonnes(units)); name a body to "
        + "take the rest as reserve, or raise the cap"
    }
  }
}
