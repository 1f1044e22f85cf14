import Testing

@testable import JointCredit

/// The library's model is checked where it is made: what once ended the process is now an error.
@Suite struct PurchaseTests {
  static func t(_ text: String) -> Quantity { Fixtures.tonnes(text) }

  /// Parameters that do not fit together, and every problem the initialiser names.
  @Test func parametersThatDoNotFitThrowEveryProblem() {
    let cases: [(String, () throws(InputErrors) -> Purchase, [String])] = [
      (
        "negative lot", { () throws(InputErrors) in try Purchase(lot: Self.t("-1")) },
        ["lot must be greater than zero, not -1"]
      ),
      (
        "unit above the lot",
        { () throws(InputErrors) in
          try Purchase(lot: Self.t("1"), unit: Self.t("2"))
        },
        ["lot 1 t is not a whole multiple of the unit 2 t"]
      ),
      (
        "zero unit", { () throws(InputErrors) in try Purchase(lot: Self.t("1"), unit: .zero) },
        ["unit must be greater than zero, not 0"]
      ),
      (
        "body unit not a multiple",
        { () throws(InputErrors) in
          try Purchase(
            lot: Self.t("3"), unit: Self.t("0.2"), bodyUnit: Self.t("0.3"), mode: .bodyThenEvent)
        },
        ["body unit 0.3 t is not a whole multiple of the unit 0.2 t"]
      ),
      (
        "lot not a multiple of the body unit",
        { () throws(InputErrors) in
          try Purchase(
            lot: Self.t("3"), unit: Self.t("0.1"), bodyUnit: Self.t("0.7"), mode: .bodyThenEvent)
        },
        ["lot 3 t is not a whole multiple of the body unit 0.7 t"]
      ),
      (
        "negative minimum and cap",
        { () throws(InputErrors) in
          try Purchase(lot: Self.t("1"), minimum: Self.t("-1"), cap: .rate(.zero))
        },
        // Listed in message order, as every list of problems is.
        ["cap rate must be greater than zero, not 0", "minimum must not be negative, not -1"]
      ),
      (
        "negative price",
        { () throws(InputErrors) in
          try Purchase(lot: Self.t("1"), pricing: Pricing(.perTonne(-5)))
        },
        [
          "invalid price_jpy_per_t '-5': expected a whole number of yen greater than zero and at most 999999999999999, written with digits only, such as 450000"
        ]
      ),
      (
        "blocks short of the lot",
        { () throws(InputErrors) in
          try Purchase(
            lot: Self.t("3"),
            creditBlocks: [
              try! CreditBlock(
                scheme: "J", project: "p", serialPrefix: "X-", first: 1, last: 2, vintage: "")
            ])
        },
        [
          "the credit blocks hold 2 serials (1 serial = 1 t) but the lot is 3 t; every serial bought must be assigned exactly once"
        ]
      ),
    ]
    for (name, make, expected) in cases {
      #expect(throws: InputErrors.self, "\(name)") { try make() }
      do {
        _ = try make()
      } catch {
        #expect(error.errors.map(\.message) == expected, "\(name)")
      }
    }
  }

  @Test func aNegativeEstimateOrABackwardBlockThrows() {
    #expect(throws: InputError(.negativeEstimate("-0.5"))) {
      try Event(id: Event.ID("E1"), name: "", emissions: Self.t("-0.5"))
    }
    #expect(throws: InputError.self) {
      try CreditBlock(scheme: "J", project: "p", serialPrefix: "", first: 5, last: 4, vintage: "")
    }
    #expect(throws: InputError.self) {
      try CreditBlock(
        scheme: "J", project: "p", serialPrefix: "", first: 0, last: .max, vintage: "")
    }
  }

  @Test func everyFieldCanBeGivenAtOnce() throws {
    let purchase = try Purchase(
      lot: Quantity(tonnes: 100), unit: Self.t("0.1"), mode: .bodyThenEvent,
      method: .sainteLague, minimum: Self.t("0.1"), cap: .emissions, reserve: Body.Code("ALL62"),
      pricing: Pricing(.perTonne(12_000), taxIncluded: true),
      creditBlocks: [
        try CreditBlock(
          scheme: "J-VER", project: "p", serialPrefix: "JV-", first: 1, last: 100,
          vintage: "2011", digits: 6)
      ], secretariat: Body.Code("ALL62"), description: "J-VER")
    #expect(purchase.creditBlocks.map(\.count) == [100])
    #expect(purchase.pricing?.invoiceTotal(for: purchase.lot) == 1_200_000)
    #expect(purchase.secretariat == Body.Code("ALL62"))
  }
}
