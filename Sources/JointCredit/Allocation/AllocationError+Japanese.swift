import ApportionmentModule

extension AllocationError {
  /// The Japanese sentence: the same figures and settings to change as the English one.
  var japaneseMessage: String {
    if let floors { return floors.japaneseDescription }
    if isCost {
      return "\(method.rawValue) では正の配分ごとに少なくとも1円を割り当てるため、請求額を円単位で"
        + "按分できません。請求額を大きくするか、別の方式を選んでください"
    }
    if case .minimumsAboveCaps = reason, let within {
      return "団体 \(within): "
        + reason.japaneseMessage(
          items: "イベント", weights: "排出量", scope: "", unit: unit, method: method)
    }
    return reason.japaneseMessage(
      items: level == .body ? "団体" : "イベント", weights: "排出量",
      scope: within.map { "団体 \($0) への配分 " } ?? "購入量 ", unit: unit, method: method)
  }
}

extension ApportionmentError {
  /// One sentence in Japanese saying what cannot be done and what to change.
  ///
  /// - Parameters:
  ///   - items: what was shared among: "イベント", "ID".
  ///   - weights: what the weights are: "排出量", "重み".
  ///   - scope: what was being shared, before its size: "購入量 ".
  ///   - unit: the step, for sizes in tonnes.
  ///   - method: the rule.
  public func japaneseMessage(
    items: String, weights: String, scope: String, unit: Quantity, method: ApportionmentMethod
  ) -> String {
    // As in the English message: a sum of units times the unit fits in 128 bits.
    func tonnes(_ units: some BinaryInteger) -> String {
      DecimalText.format(
        Int128(units) * Int128(unit.grams), scale: Quantity.scale,
        decimals: unit.significantDecimals) + " t"
    }
    switch self {
    case .noPositiveWeight(let units):
      return "\(scope)\(tonnes(units)) を按分できません。\(weights)がすべてゼロです"
    case .tooFewUnits(let units, let needed):
      return "\(method.rawValue) では\(weights)が正のすべての\(items)に少なくとも1単位（\(unit) t）を"
        + "配分するため \(tonnes(needed)) 必要ですが、\(scope)\(tonnes(units)) では足りません。"
        + "別の方式か、より小さい単位を選んでください"
    case .minimumsExceedTotal(let units, let needed):
      return "最低配分量の合計は \(tonnes(needed)) ですが、\(scope)\(tonnes(units)) では足りません。"
        + "min_t を下げてください"
    case .minimumsAboveCaps(let needed, let capacity):
      return "最低配分量の合計は \(tonnes(needed)) ですが、上限の範囲では \(unit) t 単位で "
        + "\(tonnes(capacity)) しか配分できません。より細かい body_unit_t にするか、min_t を"
        + "下げてください"
    case .capacityBelowTotal(let units, let capacity):
      return "上限の範囲では\(scope)\(tonnes(units)) のうち \(tonnes(capacity)) しか配分できません。"
        + "残りを受け取る団体を reserve に指定するか、上限を引き上げてください"
    }
  }
}

extension FloorShortage {
  /// One sentence in Japanese: what the floors need, and what would work.
  public var japaneseDescription: String {
    func tonnes(_ grams: Int128, _ step: Quantity) -> String {
      DecimalText.format(grams, scale: Quantity.scale, decimals: step.significantDecimals) + " t"
    }
    func steps(_ finer: Finer) -> String {
      "\(finer.unit) t 単位" + (finer.bodyUnit.map { "（団体は \($0) t 単位）" } ?? "")
    }
    let head = "下限を満たすには \(tonnes(neededGrams, unit)) 必要ですが、購入量は \(lot) t です"
    if let finer {
      return head + "。\(steps(finer))なら必要量は \(tonnes(finer.neededGrams, finer.unit)) です。"
        + "その単位にするか、下限を下げるか、追加で購入してください"
    }
    return head
      + "。\(steps(finest))でも \(tonnes(finest.neededGrams, finest.unit)) 必要です。"
      + "下限の割合を下げるか、追加で購入してください"
  }
}
