/// The words of an event's certificate, in each language.
struct CertificateText {
  let language: StatementLanguage

  private func pick(_ en: String, _ ja: String) -> String { language == .en ? en : ja }

  var title: String { pick("Carbon offset certificate", "カーボン・オフセット証明書") }
  var who: String { pick("Who offsets", "オフセットの主体") }
  var event: String { pick("Event", "対象イベント") }
  var eventName: String { pick("Event", "イベント名") }
  var eventID: String { pick("Event id", "イベントID") }
  var period: String { pick("Held on", "開催日") }
  var emissions: String { pick("Emissions", "排出量") }
  var estimate: String { pick("Estimated emissions", "排出量（見込み）") }
  var calculation: String { pick("How estimated", "算定方法") }
  var notStated: String { pick("not stated in the submission", "提出書類に記載なし") }
  var offset: String { pick("Offset", "オフセット") }
  var offsetAmount: String { pick("Offset amount", "オフセット量") }
  var offsetRate: String { pick("Offset rate", "オフセット率") }
  var shortfall: String { pick("Short of the estimate by", "見込み排出量に対する不足") }
  var credits: String { pick("Credits", "使用したクレジット") }
  var creditType: String { pick("Credit type", "クレジットの種類") }
  var retirement: String { pick("Retirement", "無効化") }
  var creditUser: String { pick("Retired in the name of", "クレジット使用者") }
  var purpose: String { pick("Purpose", "無効化目的") }
  var retiredOn: String { pick("Retired on", "無効化日") }
  var notYetRetired: String {
    pick("not yet retired (stated here once the credits are retired)", "未了（無効化後に記載）")
  }
  var purchase: String { pick("Joint purchase", "共同購入") }
  func pooled(_ tonnes: String) -> String {
    pick(
      "\(tonnes) t of this allocation, below a whole tonne, is retired together with other "
        + "events' fractions, as the body's statement lists.",
      "このうち1トン未満の\(tonnes) tは、他のイベントの端数とあわせて無効化します（団体の通知書を参照）。")
  }
  var noCredits: String {
    pick(
      "No serials are listed for this purchase.", "この購入にはシリアル番号の記載がありません。")
  }
  /// What follows the retirement date: the registry's reference, when given.
  func reference(_ reference: String?) -> String {
    guard let reference else { return "" }
    return pick(" (reference \(reference))", "（参照番号 \(reference)）")
  }
}
