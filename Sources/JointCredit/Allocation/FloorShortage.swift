/// Why the floors of a purchase cannot all be met, with the figures a secretariat needs to
/// decide: what they need at the purchase's steps, and the coarsest finer step at which they fit.
///
/// Floors are rounded **up** to the unit, so a coarse unit can need more than the lot even when
/// the lot exceeds the estimates: 62 bodies' events at 0.1 t steps round up by about 0.05 t each.
public struct FloorShortage: Hashable, Sendable {
  /// The lot.
  public var lot: Quantity
  /// The step events are allocated in, and the one bodies are (body-then-event mode).
  public var unit: Quantity
  /// The body unit, in body-then-event mode.
  public var bodyUnit: Quantity?
  /// What the floors need at those steps, in grams (it can exceed what a quantity holds).
  public var neededGrams: Int128
  /// The coarsest finer steps (a tenth, a hundredth … of the unit, down to 0.000001 t) at which
  /// the floors fit in the lot, with what they need there; `nil` when none does.
  public var finer: Finer?
  /// The finest step tried, with what the floors need there, when no step fits.
  public var finest: Finer

  /// Steps at which floors were measured.
  public struct Finer: Hashable, Sendable {
    /// The event step.
    public var unit: Quantity
    /// The body step, in body-then-event mode.
    public var bodyUnit: Quantity?
    /// What the floors need at these steps, in grams.
    public var neededGrams: Int128
  }

  /// One sentence: what the floors need, and what would work.
  public var description: String {
    func tonnes(_ grams: Int128, _ step: Quantity) -> String {
      DecimalText.format(grams, scale: Quantity.scale, decimals: step.significantDecimals) + " t"
    }
    func steps(_ finer: Finer) -> String {
      "\(finer.unit) t steps"
        + (finer.bodyUnit.map { " (bodies in \($0) t)" } ?? "")
    }
    let head = "the floors need \(tonnes(neededGrams, unit)), the lot is \(lot) t"
    if let finer {
      return head + "; at \(steps(finer)) they need \(tonnes(finer.neededGrams, finer.unit)): "
        + "choose that unit, lower the floor, or buy more"
    }
    return head
      + "; even at \(steps(finest)) they need \(tonnes(finest.neededGrams, finest.unit)): "
      + "lower the floor rate or buy more"
  }

  /// Nothing when the floors fit in the lot; otherwise the shortage, found by measuring the
  /// floors at the purchase's steps, then at each tenth of them.
  static func find(purchase: Purchase, estimates: Estimates) -> FloorShortage? {
    let bodyUnit = purchase.mode == .bodyThenEvent ? purchase.bodyUnit.grams : nil
    let lot = Int128(purchase.lot.grams)
    let needed = need(purchase, estimates, unit: purchase.unit.grams, bodyUnit: bodyUnit)
    guard needed > lot else { return nil }
    var shortage = FloorShortage(
      lot: purchase.lot, unit: purchase.unit, bodyUnit: bodyUnit.map { Quantity(grams: $0) },
      neededGrams: needed, finer: nil,
      finest: Finer(unit: purchase.unit, bodyUnit: nil, neededGrams: needed))
    var divisor: Int64 = 10
    while purchase.unit.grams % divisor == 0 {
      let unit = purchase.unit.grams / divisor
      let body = bodyUnit.map { $0 / divisor }
      let grams = need(purchase, estimates, unit: unit, bodyUnit: body)
      let measured = Finer(
        unit: Quantity(grams: unit), bodyUnit: body.map { Quantity(grams: $0) },
        neededGrams: grams)
      shortage.finest = measured
      if grams <= lot {
        shortage.finer = measured
        break
      }
      guard divisor <= Int64.max / 10 else { break }
      divisor *= 10
    }
    return shortage
  }

  /// What the floors (with minimums, caps and a method's first unit) need at these steps.
  private static func need(
    _ purchase: Purchase, _ estimates: Estimates, unit: Int64, bodyUnit: Int64?
  ) -> Int128 {
    let firstUnit = purchase.method.firstDivisorIsZero
    var total: Int128 = 0
    for submission in estimates.submissions {
      var body: Int128 = 0
      for event in submission.events {
        let grams = event.emissions.grams
        let (low, high) = AllocationRun.bounds(of: grams, unit: unit, purchase: purchase)
        var units = min(low, high)
        if firstUnit, grams > 0, high >= 1 { units = max(units, 1) }
        body += Int128(units) * Int128(unit)
      }
      if let bodyUnit {
        let step = Int128(bodyUnit)
        body = (body + step - 1) / step * step
      }
      total += body
    }
    return total
  }
}
