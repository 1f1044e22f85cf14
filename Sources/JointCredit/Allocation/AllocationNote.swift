/// Something an allocation met on its way that its reader should know: a fact with its figures,
/// rendered in each language by ``text(_:)``.
public enum AllocationNote: Hashable, Sendable, CustomStringConvertible {
  /// An event's minimum is above its cap; the cap applied.
  case minimumAboveCap(
    event: AllocationKey, minimum: Quantity, cap: FixedDecimal, rule: Purchase.Cap,
    estimate: FixedDecimal)

  /// A proportional mix would need more cells (holders × blocks) than the 10,000,000 the
  /// retirement plan builds; the serials were handed out in order instead.
  case mixTooLarge(holders: Int, blocks: Int)

  /// The note in a language.
  public func text(_ language: StatementLanguage) -> String {
    switch (self, language) {
    case (.minimumAboveCap(let event, let minimum, let cap, let rule, let estimate), .en):
      "\(event): the minimum \(minimum) t is above its cap of \(cap) t (\(rule) of \(estimate) t); "
        + "the cap applies"
    case (.minimumAboveCap(let event, let minimum, let cap, let rule, let estimate), .ja):
      "\(event): 最低配分量 \(minimum) t が上限 \(cap) t（\(estimate) t の"
        + "\(rule == .emissions ? "100 %" : "\(rule.percent) %")）を超えるため、上限を適用しました"
    case (.mixTooLarge(let holders, let blocks), .en):
      "a proportional mix of \(holders) holders over \(blocks) blocks is more than "
        + "\(RetirementPlan.maximumCells) cells; serials were handed out block by block in order "
        + "(mix 'sequential')"
    case (.mixTooLarge(let holders, let blocks), .ja):
      "\(holders)件の償却先と\(blocks)ブロックの按分は\(RetirementPlan.maximumCells)セルを超えるため、"
        + "ブロック順に割り当てました（mix 'sequential'）"
    }
  }

  /// The note in English.
  public var description: String { text(.en) }
}
