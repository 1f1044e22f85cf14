import Testing

@testable import JointCredit

/// Why a lot cannot be allocated, in Japanese: the same figures and the purchase fields to change.
@Suite struct AllocationErrorJapaneseTests {
  static func t(_ text: String) -> Quantity { Fixtures.tonnes(text) }

  @Test(
    arguments: [
      (
        try Purchase(lot: t("1"), unit: t("0.1"), minimum: t("0.5")),
        "最低配分量の合計は 2.5 t ですが、購入量 1.0 t では足りません。min_t を下げてください"
      ),
      (
        try Purchase(lot: t("0.3"), unit: t("0.1"), method: .huntingtonHill),
        "huntington-hill では排出量が正のすべてのイベントに少なくとも1単位（0.1 t）を配分するため 0.5 t "
          + "必要ですが、購入量 0.3 t では足りません。別の方式か、より小さい単位を選んでください"
      ),
      (
        try Purchase(lot: t("10"), unit: t("0.1"), cap: .emissions),
        "上限の範囲では購入量 10.0 t のうち 8.0 t しか配分できません。残りを受け取る団体を reserve に"
          + "指定するか、上限を引き上げてください"
      ),
      (
        try Purchase(lot: t("9"), floor: .emissions),
        "下限を満たすには 11 t 必要ですが、購入量は 9 t です。0.1 t 単位なら必要量は 8.0 t です。"
          + "その単位にするか、下限を下げるか、追加で購入してください"
      ),
    ] as [(Purchase, String)])
  func japaneseMessages(purchase: Purchase, expected: String) {
    do {
      _ = try Allocator().allocate(purchase, among: Fixtures.quickstart)
      Issue.record("allocated")
    } catch {
      #expect(error.message(.ja) == expected)
      #expect(error.message(.en) == error.description)
      #expect(!error.description.contains("--"))
    }
  }
}
