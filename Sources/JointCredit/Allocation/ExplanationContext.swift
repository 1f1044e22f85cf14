import ApportionmentModule

/// Writes the steps that produced each item's figure in one apportionment, for
/// `jointcredit explain` and `allocate --explain`, in English (as allocation.json records them)
/// or in Japanese.
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
  /// The language of the lines.
  let language: StatementLanguage

  init(
    _ apportionment: Apportionment, weights: [Int64], keys: [AllocationKey], step: Quantity,
    method: ApportionmentMethod, ties: [TieDecision], numbers: StatementNumbers,
    language: StatementLanguage = .en
  ) {
    self.language = language
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

  /// The English or the Japanese words; only the words asked for are built.
  private func pick(
    _ english: @autoclosure () -> String, _ japanese: @autoclosure () -> String
  ) -> String {
    language == .en ? english() : japanese()
  }

  /// What marks a body's steps among its event's: `body 131032: `.
  func bodyPrefix(_ code: Body.Code) -> String { pick("body \(code): ", "団体 \(code): ") }

  private func estimateText(_ quantity: Quantity) -> String { "\(numbers.emissions(quantity)) t" }
  private func tonnes(_ quantity: Quantity) -> String { "\(numbers.allocated(quantity)) t" }

  /// grams per unit, as tonnes with six decimals.
  private func perUnit(_ priority: Priority) -> String {
    guard let value = priority.roundedValue else { return "∞" }
    let tonnes = FixedDecimal(digits: Int128(value), decimals: 6).description
    return pick(tonnes + " t per unit", "1単位あたり " + tonnes + " t")
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
      pick(
        "estimate: \(estimateText(estimate)) of "
          + (share == nil ? "\(estimateText(whole)) in all" : "the body's \(estimateText(whole))"),
        "排出量見込み: \(estimateText(estimate))("
          + (share == nil ? "全体 \(estimateText(whole))" : "団体の \(estimateText(whole))") + " のうち)"))
    let quotaText = StatementNumbers.quotaText(quota)
    let units = FixedDecimal(
      rounding: Fraction(
        quota.numerator,
        over: quota.denominator
          * Int128(step.grams)), decimals: 6)
    let formula =
      "\(tonnes(base)) × \(numbers.emissions(estimate)) ÷ \(numbers.emissions(whole)) = \(quotaText) t"
    lines.append(
      pick(
        "quota: \(formula) = \(units) units of \(step) t",
        "按分量: \(formula) = \(step) t 単位で \(units) 単位"))
    let state = apportionment.bounds.isEmpty ? .free : apportionment.bounds[index]
    switch state {
    case .lower:
      if method.firstDivisorIsZero, apportionment.units[index] == 1,
        purchase.minimum.map({ $0 <= step }) ?? true
      {
        lines.append(
          pick(
            "first unit: \(method.title) gives every positive estimate at least one unit",
            "最初の単位: \(method.title)では、見込みが正のものすべてに少なくとも1単位が配分される"))
      } else if let floor = purchase.floor, allocated > (purchase.minimum ?? .zero) {
        let reserve = purchase.reserve.map(\.rawValue) ?? ""
        let toReserve = purchase.surplus == .reserve
        lines.append(
          pick(
            "floor: raised to \(tonnes(allocated)), \(floor.percent) % of its estimate rounded up to "
              + "\(step) t"
              + (toReserve ? "; the rest of the lot went to the reserve \(reserve)" : ""),
            "下限: 見込みの \(floor.percent) % を \(step) t 単位に切り上げた \(tonnes(allocated)) に"
              + "引き上げ" + (toReserve ? "。ロットの残りは留保 \(reserve) へ" : "")))
      } else {
        let minimum = purchase.minimum ?? .zero
        lines.append(
          pick(
            "minimum: raised to \(tonnes(allocated)) (the minimum per event is \(minimum) t)",
            "最低量: \(tonnes(allocated)) に引き上げ(イベントあたりの最低量 \(minimum) t)"))
      }
    case .upper:
      let cap = purchase.cap?.description ?? ""
      lines.append(
        pick(
          "cap: held at \(tonnes(allocated)), the most its estimate allows (cap \(cap)); what it "
            + "could not take went to the others by the same rule"
            + (purchase.reserve.map { ", or to the reserve \($0)" } ?? ""),
          "上限: 見込みが許す最大の \(tonnes(allocated)) で止めた(上限 \(cap))。受け取れない分は"
            + "同じ規則で他へ" + (purchase.reserve.map { "、または留保 \($0) へ" } ?? "")))
    case .free:
      lines.append(ruleLine(index))
    }
    for tie in ties {
      if tie.winners.contains(key) || tie.losers.contains(key) {
        let won = tie.winners.contains(key)
        let others = (tie.winners + tie.losers).filter { $0 != key }.prefix(5)
          .map(\.description).joined(separator: ", ")
        let divisor = tie.method.isDivisorMethod
        lines.append(
          pick(
            "tie: \(won ? "won" : "lost") a unit of \(tie.unit) t against "
              + "\(others) at equal \(divisor ? "priorities" : "remainders"); the "
              + "larger estimate goes first, then the smaller code or id",
            "同順位: \(divisor ? "優先度" : "剰余")の等しい \(others) に対し、\(tie.unit) t の1単位を"
              + "\(won ? "得た" : "逃した")。見込みの大きい方が先、次にコードまたはIDの小さい方"))
      }
    }
    let rate = OffsetRate.percentText(OffsetRate.of(allocated, per: estimate))
    lines.append(
      pick(
        "allocated: \(tonnes(allocated))" + (rate.isEmpty ? "" : " (offset rate \(rate) %)"),
        "配分量: \(tonnes(allocated))" + (rate.isEmpty ? "" : "(オフセット率 \(rate) %)")))
    return lines
  }

  private func ruleLine(_ index: Int) -> String {
    let weight = weights[index]
    let units = apportionment.units[index]
    switch apportionment.detail {
    case .largestRemainder(let shared, let weightSum, let leftover, let ranks):
      guard weightSum > 0 else {
        return pick("largest remainder: nothing to share", "最大剰余法: 配分するものなし")
      }
      let exact = Int128(shared) * Int128(weight)
      let whole = exact / weightSum
      let remainder = FixedDecimal(
        rounding: Fraction(exact % weightSum, over: weightSum),
        decimals: 6)
      var text = pick(
        "largest remainder: \(whole) whole unit\(whole == 1 ? "" : "s"), remainder "
          + "\(remainder) of a unit",
        "最大剰余法: 整数部 \(whole) 単位、剰余 \(remainder) 単位")
      let rank = Int(ranks[index])
      let more = Int64(rank) <= leftover
      if rank == 0 {
        text += pick("; no remainder, so nothing more", "。剰余がないため追加なし")
      } else {
        text += pick(
          ", ranked \(rank) of \(remainders) remainders; \(leftover) unit"
            + "\(leftover == 1 ? " was" : "s were") left over for ranks 1–\(leftover), so it "
            + (more ? "received one more" : "received none"),
          "、剰余 \(remainders) 件中 \(rank) 位。残り \(leftover) 単位は 1–\(leftover) 位へ配分され、"
            + (more ? "1単位を追加" : "追加なし"))
      }
      return text
    case .divisor(let lowestWon, _):
      var text = pick(
        "\(method.title): units go one at a time to the highest priority estimate ÷ "
          + "d(units held), d(a) = \(method.divisorFormula)",
        "\(method.title): 1単位ずつ、優先度 見込み ÷ d(保有単位数) が最も高いものへ。"
          + "d(a) = \(method.divisorFormula)")
      if units > 0 {
        let last = perUnit(method.priority(weight: weight, units: units - 1))
        text += pick(
          "; its last unit (number \(units)) was won at " + last,
          "。最後の単位(\(units) 番目)は " + last + " で獲得")
      }
      let next = perUnit(method.priority(weight: weight, units: units))
      text += pick("; its next would need " + next, "。次の単位には " + next + " が必要")
      if let lowestWon {
        text += pick(
          ", and the lowest priority that won a unit was " + perUnit(lowestWon),
          "。単位を得た最も低い優先度は " + perUnit(lowestWon))
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
