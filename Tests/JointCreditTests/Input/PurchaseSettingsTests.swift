import Testing

@testable import JointCredit

@Suite struct PurchaseSettingsTests {
  typealias Setting = PurchaseSettings.Setting

  static func q(_ text: String, _ source: String = "--x") -> Setting<Quantity> {
    Setting(try! Quantity.parse(text).quantity, text: text, at: InputLocation(source))
  }

  static func errors(_ settings: PurchaseSettings) -> [String] {
    do {
      _ = try settings.resolved()
      return []
    } catch {
      return error.errors.map(\.description)
    }
  }

  @Test func defaultsAreUnitOneEventModeLargestRemainder() throws {
    let purchase = try PurchaseSettings(lot: Self.q("100")).resolved().value
    let expected = try Purchase(lot: Quantity(tonnes: 100))
    #expect(purchase == expected)
    #expect(purchase.unit == Quantity(tonnes: 1) && purchase.bodyUnit == purchase.unit)
    #expect(purchase.mode == .event && purchase.method == .largestRemainder)
  }

  @Test(
    arguments: [
      (PurchaseSettings(), ["no lot_t given; set 'lot_t' in the purchase file"]),
      (PurchaseSettings(lot: q("0", "--lot")), ["--lot: lot must be greater than zero, not 0"]),
      (
        PurchaseSettings(lot: q("-5", "p.json:2:10")),
        ["p.json:2:10: lot must be greater than zero, not -5"]
      ),
      (
        PurchaseSettings(lot: q("10"), unit: q("0", "--unit")),
        ["--unit: unit must be greater than zero, not 0"]
      ),
      (
        PurchaseSettings(lot: q("100.05", "--lot"), unit: q("0.1")),
        ["--lot: lot 100.05 t is not a whole multiple of the unit 0.1 t"]
      ),
      (
        PurchaseSettings(
          lot: q("100"), unit: q("0.1"), bodyUnit: q("0.25", "--body-unit"),
          mode: Setting(.bodyThenEvent, text: "body-then-event", at: InputLocation("m"))),
        ["--body-unit: body unit 0.25 t is not a whole multiple of the unit 0.1 t"]
      ),
      (
        PurchaseSettings(
          lot: q("100.5", "--lot"), unit: q("0.1"), bodyUnit: q("1"),
          mode: Setting(.bodyThenEvent, text: "body-then-event", at: InputLocation("m"))),
        ["--lot: lot 100.5 t is not a whole multiple of the body unit 1 t"]
      ),
    ] as [(PurchaseSettings, [String])])
  func rejectsInconsistentParameters(settings: PurchaseSettings, expected: [String]) {
    #expect(Self.errors(settings) == expected)
  }

  @Test func bodyUnitInEventModeIsAWarning() throws {
    let resolved = try PurchaseSettings(lot: Self.q("100"), bodyUnit: Self.q("1", "--body-unit"))
      .resolved()
    #expect(
      resolved.warnings.map(\.description) == [
        "--body-unit: body unit is ignored in event mode, where events are apportioned directly"
      ])
  }

  @Test func optionsOverrideTheFile() {
    let file = PurchaseSettings(lot: Self.q("100", "p.json"), unit: Self.q("0.1", "p.json"))
    let merged = file.overridden(by: PurchaseSettings(lot: Self.q("50", "--lot")))
    #expect(merged.lot?.value == Quantity(tonnes: 50))
    #expect(merged.unit?.location == InputLocation("p.json"))
  }

  @Test func readsAPurchaseFile() throws {
    let text = """
      {"description": "J-VER", "lot_t": "100", "unit_t": 0.1, "body_unit_t": "1",
       "mode": "body-then-event", "method": "hamilton"}
      """
    let reading = PurchaseFile.read(SubmissionFile(path: "p.json", text: text))
    #expect(reading.errors.isEmpty)
    let settings = reading.settings
    let purchase = try settings.resolved().value
    let expected = try Purchase(
      lot: Quantity(tonnes: 100), unit: Quantity(grams: 100_000),
      bodyUnit: Quantity(tonnes: 1), mode: .bodyThenEvent,
      method: .largestRemainder, description: "J-VER")
    #expect(purchase == expected)
    #expect(settings.unit?.location == InputLocation("p.json", line: 1, column: 52))
  }

  @Test func reportsEveryProblemInAPurchaseFile() {
    let text = """
      {"lot_t": "1,000", "unit": "0.1", "mode": "bodies", "method": "dhondt-ish",
       "description": 5}
      """
    #expect(
      PurchaseFile.read(SubmissionFile(path: "p.json", text: text)).errors == [
        InputError(
          .invalidPurchaseQuantity(field: "lot", text: "1,000", .comma),
          at: InputLocation("p.json", line: 1, column: 11)),
        InputError(
          .unknownField("unit", expected: PurchaseFile.fields),
          at: InputLocation("p.json", line: 1, column: 20)),
        InputError(.unknownMode("bodies"), at: InputLocation("p.json", line: 1, column: 43)),
        InputError(.unknownMethod("dhondt-ish"), at: InputLocation("p.json", line: 1, column: 63)),
        InputError(
          .jsonType(field: "description", expected: "a string"),
          at: InputLocation("p.json", line: 2, column: 17)),
      ])
  }

  @Test func aFieldThatCannotBeReadRaisesNoFollowUpProblems() {
    // The unit cannot be read; the lot of 10.5 t must not then be checked against a unit of 1 t.
    let text = #"{"lot_t": "10.5", "unit_t": "0,1", "mode": "events", "body_unit_t": "1"}"#
    let reading = PurchaseFile.read(SubmissionFile(path: "p.json", text: text))
    #expect(
      reading.errors.map(\.description) == [
        "p.json:1:29: invalid unit '0,1': use '.' as the decimal point and no thousands separators, as in 1234.5",
        "p.json:1:44: unknown mode 'events'; expected one of event, body-then-event",
      ])
    #expect(reading.settings.invalidFields == ["unit_t", "mode"])
    #expect(throws: InputErrors([])) { try reading.settings.resolved() }
  }

  @Test func readsPricesAndCreditBlocks() throws {
    let text = """
      {"lot_t": 100, "invoice_total_jpy": 1234567, "tax_included": true, "secretariat": "ALL62",
       "credit_blocks": [
         {"scheme": "J-VER", "project": "Tohoku forest", "serial_prefix": "JV-", "first": "000001",
          "last": "000060", "vintage": "2011"},
         {"scheme": "J-VER", "project": "Tohoku forest", "serial_prefix": "JV-", "first": "000101",
          "last": "000140", "vintage": "2011"}]}
      """
    let reading = PurchaseFile.read(SubmissionFile(path: "p.json", text: text))
    #expect(reading.errors.isEmpty)
    let purchase = try reading.settings.resolved().value
    #expect(purchase.pricing == Pricing(.invoiceTotal(1_234_567), taxIncluded: true))
    #expect(purchase.creditBlocks.map(\.count) == [60, 40])
    #expect(purchase.creditBlocks[1].serial(101) == "JV-000101")
    #expect(purchase.secretariat == Body.Code("ALL62"))
  }

  @Test func checksBlocksAndPricesAgainstTheLot() {
    let text = """
      {"lot_t": "100.5", "unit_t": "0.5", "price_jpy_per_t": 3333, "credit_blocks": [
         {"scheme": "J-VER", "project": "p", "first": 1, "last": 60, "vintage": "2011"},
         {"scheme": "J-VER", "project": "p", "first": 50, "last": 90, "vintage": "2011"}]}
      """
    let reading = PurchaseFile.read(SubmissionFile(path: "p.json", text: text))
    #expect(reading.errors.isEmpty)
    do {
      _ = try reading.settings.resolved()
      Issue.record("expected errors")
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "p.json:1:11: credit serials are whole tonnes, so the lot must be too, not 100.5 t",
          "p.json:1:56: 3333 yen per tonne times the lot of 100.5 t is not a whole number of yen; give invoice_total_jpy instead",
          "p.json:1:79: credit blocks overlap: the block '50–90' prints serials that the block '1–60' prints too; every serial must be in one block only",
        ])
    }
  }

  /// Credit blocks and what is wrong with them, or `nil` when they are fine. Each block is
  /// (prefix, first, last); the lot is the number of serials in all.
  static let blockCases: [(String, [(String, String, String)], String?)] = [
    ("disjoint", [("JV-", "1", "5"), ("JV-", "6", "9")], nil),
    ("other prefixes", [("JV-", "1", "5"), ("JX-", "1", "5")], nil),
    (
      "prefix digits make the same serials", [("JV-", "10", "14"), ("JV-1", "0", "4")],
      "credit blocks overlap: the block 'JV-10–JV-14' prints serials that the block 'JV-10–JV-14' prints too; every serial must be in one block only"
    ),
    (
      "padding makes the same serials", [("JV-", "000010", "000014"), ("JV-0000", "10", "14")],
      "credit blocks overlap: the block 'JV-000010–JV-000014' prints serials that the block 'JV-000010–JV-000014' prints too; every serial must be in one block only"
    ),
    ("padding tells them apart", [("JV-", "01", "05"), ("JV-", "1", "5")], nil),
    (
      "numbers outgrow their width", [("JV-", "95", "105"), ("JV-1", "00", "05")],
      "credit blocks overlap: the block 'JV-100–JV-105' prints serials that the block 'JV-95–JV-105' prints too; every serial must be in one block only"
    ),
    (
      "a plus sign", [("JV-", "+1", "5")],
      "invalid credit block: first serial '+1' is not a serial number: write 1 to 18 digits, without sign or spaces, at most 999999999999999999"
    ),
    (
      "an exponent", [("JV-", "1", "1e3")],
      "invalid credit block: last serial '1e3' is not a serial number at least the first: write 1 to 18 digits, without sign or spaces, at most 999999999999999999"
    ),
    (
      "beyond 18 digits", [("JV-", "1", "9223372036854775807")],
      "invalid credit block: last serial '9223372036854775807' is not a serial number at least the first: write 1 to 18 digits, without sign or spaces, at most 999999999999999999"
    ),
    (
      "other leading zeros", [("JV-", "001", "0010")],
      "invalid credit block: last serial '0010' is written with leading zeros to another width than the first serial '001'; write both with the same number of digits"
    ),
  ]

  @Test(arguments: blockCases.indices)
  func creditBlocksMustPrintDistinctDigitSerials(_ index: Int) throws {
    let (name, blocks, expected) = Self.blockCases[index]
    let lot = blocks.reduce(0) { sum, block in
      sum + ((Int(block.2) ?? 0) - (Int(block.1) ?? 0) + 1)
    }
    let listed = blocks.map { block in
      "{\"scheme\": \"J-VER\", \"project\": \"p\", \"serial_prefix\": \"\(block.0)\", "
        + "\"first\": \"\(block.1)\", \"last\": \"\(block.2)\", \"vintage\": \"2011\"}"
    }
    let text =
      "{\"lot_t\": \"\(min(max(lot, 1), 1_000_000))\", \"credit_blocks\": [\(listed.joined(separator: ", "))]}"
    let messages = Self.messages(reading: text)
    #expect(messages == (expected.map { [$0] } ?? []), "\(name)")
  }

  @Test(arguments: [
    ("+5", "invalid price_jpy_per_t '+5'"), ("1e3", "invalid price_jpy_per_t '1e3'"),
    ("1000000000000000", "invalid price_jpy_per_t '1000000000000000'"),
    ("999999999999999", "999999999999999 yen per tonne times the lot of 2 t is more than"),
  ])
  func yenAreDigitsWithinTheLimit(_ price: String, _ start: String) {
    let text = "{\"lot_t\": 2, \"price_jpy_per_t\": \"\(price)\"}"
    let messages = Self.messages(reading: text)
    #expect(messages.count == 1)
    #expect(messages.first?.hasPrefix(start) == true, "\(messages)")
  }

  /// The problems of a purchase file: those reading it finds, else those resolving it finds.
  static func messages(reading text: String) -> [String] {
    let reading = PurchaseFile.read(SubmissionFile(path: "p.json", text: text))
    guard reading.errors.isEmpty else { return reading.errors.map(\.message) }
    do {
      _ = try reading.settings.resolved()
      return []
    } catch {
      return error.errors.map(\.message)
    }
  }
}
