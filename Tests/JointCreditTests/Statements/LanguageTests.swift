import Testing

@testable import ApportionmentModule
@testable import JointCredit

/// Notes, ties and the summary are facts rendered in each language.
@Suite struct LanguageTests {
  @Test func aNoteIsAFactWithItsFiguresInEitherLanguage() throws {
    let estimates = try SubmissionReader().read([
      SubmissionFile(
        path: "a.csv",
        text: Fixtures.header + "131032,港区,ward,E01,a,,0.05\n131032,港区,ward,E02,b,,5\n")
    ]).value
    let purchase = try Purchase(
      lot: 5, unit: Fixtures.tonnes("0.1"), minimum: Fixtures.tonnes("0.1"), cap: .emissions,
      reserve: Body.Code("ALL62"))
    let allocation = try Allocator().allocate(purchase, among: estimates)
    #expect(
      allocation.notes == [
        .minimumAboveCap(
          event: AllocationKey(body: Body.Code("131032"), event: Event.ID("E01")),
          minimum: Fixtures.tonnes("0.1"), cap: FixedDecimal(digits: 0, decimals: 1),
          rule: .emissions, estimate: FixedDecimal(digits: 5, decimals: 2))
      ])
    #expect(
      allocation.notes.map { $0.text(.en) } == [
        "131032/E01: the minimum 0.1 t is above its cap of 0.0 t (emissions of 0.05 t); the cap applies"
      ])
    #expect(
      allocation.notes.map { $0.text(.ja) } == [
        "131032/E01: 最低配分量 0.1 t が上限 0.0 t（0.05 t の100 %）を超えるため、上限を適用しました"
      ])
  }

  @Test func aTieIsOneLineInEitherLanguage() {
    let tie = TieDecision(
      level: .event, within: Body.Code("131032"), method: .largestRemainder,
      unit: Fixtures.tonnes("0.1"), priority: Priority(1, over: 2),
      winners: [AllocationKey(body: Body.Code("131032"), event: Event.ID("E02"))],
      losers: [AllocationKey(body: Body.Code("131032"), event: Event.ID("E01"))])
    #expect(
      tie.summary(.en)
        == "1 unit of 0.1 t among the events of 131032 went to 131032/E02 over 131032/E01 by the tie rule (equal remainders of 0.050000 t)"
    )
    #expect(
      tie.summary(.ja)
        == "131032のイベント間の1単位（1単位 0.1 t）は同順位規則により131032/E02に配分し、131032/E01には配分しませんでした（端数がいずれも 0.050000 t）"
    )
  }

  @Test func theSummaryTableIsAlignedForATerminal() throws {
    let allocation = try Allocator().allocate(
      try Purchase(lot: 10, unit: Fixtures.tonnes("0.1")), among: Fixtures.quickstart)
    let lines = AllocationSummary.text(allocation, language: .ja).split(separator: "\n")
    #expect(lines.first == "10.0 t を最大剰余法(ヘア式)で配分しました（イベントごとに直接配分、配分単位 0.1 t）。")
    // Every row of the table ends in the same terminal column (Japanese is two columns wide).
    let table = lines.filter { $0.hasPrefix("  ") }
    #expect(table.count == 5)
    #expect(Set(table.map { AllocationSummary.width(String($0)) }).count == 1)
    #expect(AllocationSummary.width("区分") == 4 && AllocationSummary.width("total") == 5)
  }
}
