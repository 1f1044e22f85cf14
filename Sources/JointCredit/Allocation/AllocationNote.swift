/// Something an allocation met on its way that its reader should know: a fact with its figures,
/// rendered in each language by ``text(_:)``.
public enum AllocationNote: Hashable, Sendable, CustomStringConvertible {
  /// An event's minimum is above its cap; the cap applied.
  case minimumAboveCap(
    event: AllocationKey, minimum: Quantity, cap: FixedDecimal, rule: Purchase.Cap,
    estimate: FixedDecimal)

  /// The note in a language.
  public func text(_ language: StatementLanguage) -> String {
    switch (self, language) {
    case (.minimumAboveCap(let event, let minimum, let cap, let rule, let estimate), .en):
      "\(event): the minimum \(minimum) t is above its cap of \(cap) t (\(rule) of \(estimate) t); "
        + "the cap applies"
    case (.minimumAboveCap(let event, let minimum, let cap, let rule, let estimate), .ja):
      "\(event): 最低配分量 \(minimum) t が上限 \(cap) t（\(estimate) t の"
        + "\(rule == .emissions ? "100 %" : "\(rule.percent) %")）を超えるため、上限を適用しました"
    }
  }

  /// The note in English.
  public var description: String { text(.en) }
}
