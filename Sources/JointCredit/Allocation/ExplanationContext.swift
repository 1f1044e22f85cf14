import ApportionmentModule

/// Writes the steps that produced each item's figure in one apportionment, for
/// `jointcredit explain` and `allocate --explain`.
struct ExplanationContext {
  let apportionment: Apportionment
  let weights: [Int64]
  let keys: [AllocationKey]
  let step: Quantity
  let method: ApportionmentMethod
  let ties: [TieDecision]
  let numbers: StatementNumbers
  /// How many items had a positive remainder (largest remainder only).
  let remainders: Int

  init(
    _ apportionment: Apportionment, weights: [Int64], keys: [AllocationKey], step: Quantity,
    method: ApportionmentMethod, ties: [TieDecision], numbers: StatementNumbers
  ) {
    self.numbers = numbers
    self.apportionment = apportionment
    self.weights = weights
    self.keys = keys
    self.step = step
    self.method = method
    self.ties = ties
    if case .largestRemainder(_, _, _, let ranks) = apportionment.detail {
      remainders = ranks.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
    } else {
      remainders = 0
    }
  }

  private func estimateText(_ quantity: Quantity) -> String { "\(numbers.emissions(quantity)) t" }
  private func tonnes(_ quantity: Quantity) -> String { "\(numbers.allocated(quantity)) t" }

  /// grams per unit, as tonnes with six decimals.
  private func perUnit(_ priority: Priority) -> String {
    guard let value = priority.roundedValue else { return "∞" }
    return FixedDecimal(digits: Int128(value), decimals: 6).description + " t per unit"
  }

  /// The lines explaining item `index`.
  ///
  /// - Parameter share: in body-then-event mode, the body's allocation and its estimate.
  func lines(
    for index: Int, name: String, estimate: Quantity, quota: Fraction, allocated: Quantity,
    share: (allocated: Quantity, emissions: Quantity)?, purchase: Purchase, totalEmissions: Int128
  ) -> [String] {
    var lines: [String] = []
    let key = keys[index]
    lines.append("\(key) \(name)".trimmingSuffixSpaces)
    let (base, whole) =
      share.map { ($0.allocated, $0.emissions) }
      ?? (purchase.lot, Quantity(grams: Int64(totalEmissions)))
    lines.append(
      "estimate: \(estimateText(estimate)) of "
        + (share == nil ? "\(estimateText(whole)) in all" : "the body's \(estimateText(whole))"))
    let quotaText = StatementNumbers.quotaText(quota)
    let units = FixedDecimal(
      rounding: Fraction(
        quota.numerator,
        over: quota.denominator
          * Int128(step.grams)), decimals: 6)
    lines.append(
      "quota: \(tonnes(base)) × \(numbers.emissions(estimate)) ÷ "
        + "\(numbers.emissions(whole)) = \(quotaText) t = \(units) units of \(step) t")
    let state = apportionment.bounds.isEmpty ? .free : apportionment.bounds[index]
    switch state {
    case .lower:
      if method.firstDivisorIsZero, apportionment.units[index] == 1,
        purchase.minimum.map({ $0 <= step }) ?? true
      {
        lines.append("first unit: \(method.title) gives every positive estimate at least one unit")
      } else if let floor = purchase.floor, allocated > (purchase.minimum ?? .zero) {
        lines.append(
          "floor: raised to \(tonnes(allocated)), \(floor.percent) % of its estimate rounded up to "
            + "\(step) t"
            + (purchase.surplus == .reserve
              ? "; the rest of the lot went to the "
                + "reserve \(purchase.reserve.map(\.rawValue) ?? "")" : ""))
      } else {
        lines.append(
          "minimum: raised to \(tonnes(allocated)) (the minimum per event is "
            + "\(purchase.minimum ?? .zero) t)")
      }
    case .upper:
      lines.append(
        "cap: held at \(tonnes(allocated)), the most its estimate allows (cap "
          + "\(purchase.cap?.description ?? "")); what it could not take went to the others by the "
          + "same rule" + (purchase.reserve.map { ", or to the reserve \($0)" } ?? ""))
    case .free:
      lines.append(ruleLine(index))
    }
    for tie in ties {
      if tie.winners.contains(key) || tie.losers.contains(key) {
        let won = tie.winners.contains(key)
        let others = (tie.winners + tie.losers).filter { $0 != key }.prefix(5)
          .map(\.description).joined(separator: ", ")
        lines.append(
          "tie: \(won ? "won" : "lost") a unit of \(tie.unit) t against "
            + "\(others) at equal \(tie.method.isDivisorMethod ? "priorities" : "remainders"); the "
            + "larger estimate goes first, then the smaller code or id")
      }
    }
    let rate = OffsetRate.percentText(OffsetRate.of(allocated, per: estimate))
    lines.append(
      "allocated: \(tonnes(allocated))" + (rate.isEmpty ? "" : " (offset rate \(rate) %)"))
    return lines
  }

  private func ruleLine(_ index: Int) -> String {
    let weight = weights[index]
    let units = apportionment.units[index]
    switch apportionment.detail {
    case .largestRemainder(let shared, let weightSum, let leftover, let ranks):
      guard weightSum > 0 else { return "largest remainder: nothing to share" }
      let exact = Int128(shared) * Int128(weight)
      let whole = exact / weightSum
      let remainder = FixedDecimal(
        rounding: Fraction(exact % weightSum, over: weightSum),
        decimals: 6)
      var text =
        "largest remainder: \(whole) whole unit\(whole == 1 ? "" : "s"), remainder "
        + "\(remainder) of a unit"
      let rank = Int(ranks[index])
      if rank == 0 {
        text += "; no remainder, so nothing more"
      } else {
        text +=
          ", ranked \(rank) of \(remainders) remainders; \(leftover) unit"
          + "\(leftover == 1 ? " was" : "s were") left over for ranks 1–\(leftover), so it "
          + (Int64(rank) <= leftover ? "received one more" : "received none")
      }
      return text
    case .divisor(let lowestWon, _):
      var text =
        "\(method.title): units go one at a time to the highest priority estimate ÷ "
        + "d(units held), d(a) = \(method.divisorFormula)"
      if units > 0 {
        text +=
          "; its last unit (number \(units)) was won at "
          + perUnit(method.priority(weight: weight, units: units - 1))
      }
      text += "; its next would need " + perUnit(method.priority(weight: weight, units: units))
      if let lowestWon {
        text += ", and the lowest priority that won a unit was " + perUnit(lowestWon)
      }
      return text
    }
  }
}

extension ApportionmentMethod {
  /// The divisor d(a) as a formula, for explanations.
  var divisorFormula: String {
    switch self {
    case .largestRemainder: "—"
    case .dhondt: "a + 1"
    case .sainteLague: "a + ½"
    case .huntingtonHill: "√(a(a + 1))"
    case .adams: "a"
    case .dean: "2a(a + 1) ÷ (2a + 1)"
    }
  }
}

extension String {
  var trimmingSuffixSpaces: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
