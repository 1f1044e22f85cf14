import Testing

@testable import JointCredit

/// The Japanese messages: what a clerk reads after `file:line:column: error: `.
@Suite struct InputErrorJapaneseTests {
  static let here = InputLocation("a.csv", line: 2, column: 16)

  @Test(
    arguments: [
      (
        InputError.Reason.invalidEstimate("12,5", .comma),
        "排出量 '12,5' は数値として読めません。小数点は '.' で、桁区切りは使わないでください（例: 1234.5）"
      ),
      (
        .wrongCheckDigit(code: "132013", expected: "132012"),
        "地方公共団体コード '132013' の検査数字が誤っています。132012 ではありませんか"
      ),
      (
        .invalidDate("2011-11-31"),
        "開催日 '2011-11-31' が正しくありません。2011-12-15 のように実在する日付を YYYY-MM-DD で書いてください"
      ),
      (
        .notAMultiple(field: "lot", value: "10.05", unitField: "unit", unit: "0.1"),
        "購入量 10.05 t が配分単位 0.1 t の整数倍になっていません"
      ),
      (
        .duplicateEvent(body: Body.Code("131032"), event: Event.ID("E01"), first: here),
        "団体 131032 のイベント 'E01' が2回あります（最初は a.csv:2:16）。イベントIDは団体の中で重複しないようにしてください"
      ),
      (
        .fieldCount(expected: 7, found: 6),
        "この行の項目数は 6 ですが、見出し行の項目数は 7 です"
      ),
      (
        .missingPurchaseValue(field: "lot_t", option: "--lot"),
        "lot_t が指定されていません。購入ファイルで 'lot_t' を指定してください"
      ),
      (
        .invalidEstimate("1.0000001", .tooManyDecimals(7)),
        "排出量 '1.0000001' は数値として読めません。小数点以下が 7 桁あります。小数点以下は 6 桁までです"
      ),
      (
        .jsonType(field: "events", expected: "an array of events"),
        "'events' はイベントの配列でなければなりません"
      ),
      (.unreadable("no such file or folder"), "読み込めません: ファイルまたはフォルダがありません"),
    ])
  func handWrittenJapanese(_ reason: InputError.Reason, _ expected: String) {
    #expect(reason.message(.ja) == expected)
    #expect(reason.message(.en) == reason.message)
  }

  @Test func aLocatedErrorKeepsItsPlaceInEveryLanguage() {
    let error = InputError(.negativeEstimate("-1.4"), at: Self.here)
    #expect(error.description(.ja) == "a.csv:2:16: 排出量 '-1.4' が負の値です。排出量は 0 トン以上にしてください")
    #expect(error.description == "a.csv:2:16: " + error.message)
    #expect(error.description(.en) == error.description)
  }

  /// One value of every reason, with the values from the input each message must quote.
  static let everyReason: [(InputError.Reason, [String])] = [
    (.unreadable("Permission denied"), ["Permission denied"]),
    (.noSubmissionFiles, [".csv", ".json"]),
    (.unsupportedFileType("xlsx"), [".xlsx"]),
    (.undecodable(byte: 0x81), ["0x81", "CSV UTF-8"]),
    (.utf16, ["UTF-16", "CSV UTF-8"]),
    (.emptyFile, ["body_code,body_name"]),
    (.noRows, []),
    (.unterminatedQuote, ["'\"'"]),
    (.strayQuote, ["'\"'", "'\"\"'"]),
    (.fieldCount(expected: 7, found: 9), ["7", "9"]),
    (
      .missingColumn("emissions_t", required: ["body_code", "emissions_t"]),
      ["body_code, emissions_t"]
    ),
    (.missingField("event_id"), ["event_id"]),
    (.duplicateColumn("event_id"), ["event_id"]),
    (.jsonSyntax("expected ',' or '}'"), ["expected ',' or '}'"]),
    (
      .jsonType(field: "tax_included", expected: "true or false"),
      ["'tax_included'", "true", "false"]
    ),
    (.duplicateKey("lot_t"), ["'lot_t'"]),
    (.missingValue("body_name"), ["body_name"]),
    (.invalidEstimate("1e3", .exponent), ["'1e3'"]),
    (.negativeEstimate("-2.5"), ["'-2.5'"]),
    (.invalidBodyCode("a b"), ["'a b'", "131032", "32", "'-'", "'_'"]),
    (.wrongCheckDigit(code: "131031", expected: "131032"), ["'131031'", "131032"]),
    (.codeNeedsKindOther(code: "X1", kind: .city), ["'X1'", "'city'", "'other'"]),
    (.unknownKind("ku"), ["'ku'", "ward", "village", "その他"]),
    (
      .kindDiffersFromReference(code: Body.Code("131032"), name: "港区", kind: .ward, given: .city),
      ["131032", "港区", "ward", "区", "'city'"]
    ),
    (.invalidDate("2011-02-30"), ["'2011-02-30'", "YYYY-MM-DD", "2011-12-15"]),
    (.invalidEventID("E\u{7}"), ["'E\\u{7}'"]),
    (.invalidWeight("x", .notANumber), ["'x'", "12.345"]),
    (.negativeWeight("-3"), ["'-3'"]),
    (.duplicateID("A7", first: here), ["'A7'", "a.csv:2:16"]),
    (.noPositiveWeight, []),
    (.weightsTooLarge, ["\(Quantity.max)"]),
    (
      .duplicateEvent(body: Body.Code("131032"), event: Event.ID("E09"), first: here),
      ["131032", "'E09'", "a.csv:2:16"]
    ),
    (
      .conflictingBody(
        body: Body.Code("131032"), column: .bodyName, value: "港区", other: "みなと区", first: here),
      ["131032", "body_name", "'港区'", "'みなと区'", "a.csv:2:16"]
    ),
    (.totalTooLarge, ["\(Quantity.max) t"]),
    (.repeatedBody(Body.Code("131032")), ["131032"]),
    (.repeatedEvent(body: Body.Code("131032"), event: Event.ID("E02")), ["131032", "'E02'"]),
    (.totalIsZero, []),
    (.missingPurchaseValue(field: "lot_t", option: "--lot"), ["lot_t", "'lot_t'"]),
    (.invalidPurchaseQuantity(field: "unit", text: "0,1", .comma), ["'0,1'", "'.'", "1234.5"]),
    (.notPositive(field: "lot", value: "0.0"), ["0.0"]),
    (.negativeValue(field: "minimum", value: "-0.5"), ["-0.5"]),
    (
      .notAMultiple(field: "body unit", value: "1.5", unitField: "unit", unit: "1"),
      ["1.5 t", "1 t"]
    ),
    (.unknownMode("bodies"), ["'bodies'", "event", "body-then-event"]),
    (.unknownMethod("dhondt"), ["'dhondt'", "largest-remainder", "sainte-lague"]),
    (.unknownCap("all"), ["'all'", "'emissions'", "100 %", "cap_rate_pct"]),
    (.conflictingCaps, ["cap", "cap_rate_pct"]),
    (.unknownFloor("some"), ["'some'", "0.1", "'emissions'", "min_rate_pct"]),
    (.conflictingFloors, ["min_t", "'emissions'", "min_rate_pct"]),
    (.unknownSurplus("rest"), ["'rest'", "'method'", "'reserve'"]),
    (.surplusNeedsReserve, ["'reserve'", "reserve"]),
    (.surplusNeedsFloor, ["'reserve'", "min_t 'emissions'", "min_rate_pct"]),
    (
      .invalidYen(field: "price_jpy_per_t", text: "12000.5"),
      ["price_jpy_per_t", "'12000.5'", "\(WholeNumber.maximumYen)", "450000"]
    ),
    (.conflictingPrices, ["price_jpy_per_t", "invoice_total_jpy"]),
    (.priceNotWholeYen(price: "12001", lot: "10.5"), ["12001", "10.5 t", "invoice_total_jpy"]),
    (
      .invoiceTooLarge(price: "99999999", lot: "1000"),
      ["99999999", "1000 t", "\(WholeNumber.maximumYen)"]
    ),
    (.blockWithoutPrice("JCL-0001"), ["JCL-0001", "price_jpy_per_t"]),
    (.blockPricesWithInvoice, ["price_jpy_per_t", "invoice_total_jpy"]),
    (.blockInvoiceTooLarge("123456789012"), ["123456789012", "\(WholeNumber.maximumYen)"]),
    (.unknownMix("random"), ["'random'", "'proportional'", "'sequential'"]),
    (.invalidRetiredRecord("was not retired"), ["was not retired"]),
    (.serialsNeedWholeTonnes(lot: "10.5"), ["10.5 t"]),
    (.serialsDoNotMatchLot(serials: "12", lot: "10"), ["12", "1 t", "10 t"]),
    (.overlappingBlocks("A-1..A-5", "A-3..A-9"), ["'A-1..A-5'", "'A-3..A-9'"]),
    (.invalidBlock("serial_from is missing"), ["serial_from is missing"]),
    (.unknownField("lots", expected: ["lot_t", "unit_t"]), ["'lots'", "lot_t, unit_t"]),
    (
      .nameDiffersFromReference(
        code: Body.Code("011002"), given: "函館市", reference: "札幌市", others: ["012025"]),
      ["011002", "札幌市", "'函館市'", "012025"]
    ),
    (.unknownLocalGovernmentCode(Body.Code("123455")), ["123455", "2026-07-09"]),
    (
      .leadingZeroRemoved(given: "11002", code: "011002", name: "札幌市"),
      ["'11002'", "011002", "札幌市"]
    ),
    (.dateWithoutYear("10月1日"), ["'10月1日'", "YYYY-MM-DD", "2011-10-01"]),
    (.ambiguousDate("1/10/2011"), ["'1/10/2011'", "YYYY-MM-DD"]),
    (
      .dateSerial("40817", date: EventDate(year: 2011, month: 10, day: 1)!),
      ["'40817'", "2011-10-01"]
    ),
    (.invalidWorkbook(.encrypted), []),
    (.invalidWorkbook(.notAnArchive), [".xlsx", "ZIP"]),
    (.invalidWorkbook(.missingPart("xl/workbook.xml")), ["xl/workbook.xml", ".xlsx"]),
    (.invalidWorkbook(.damagedPart("xl/styles.xml")), ["xl/styles.xml", ".xlsx"]),
    (.invalidWorkbook(.noSheet), []),
    (
      .invalidWorkbook(.tooLarge(part: "xl/worksheets/sheet1.xml", limit: 256 << 20)),
      ["xl/worksheets/sheet1.xml", "256 MiB"]
    ),
    (.documentVersion("2"), ["format_version", " 2", "3"]),
    (
      .documentField(path: "$.purchase.lot_t", expected: "a value"),
      ["$.purchase.lot_t", "a value", "jointcredit allocate"]
    ),
    (
      .documentMismatch(path: "$.totals.emissions_t", recorded: "\"8.0\"", recomputed: "\"8.1\""),
      ["$.totals.emissions_t", "\"8.0\"", "\"8.1\""]
    ),
    (.documentNotReproducible(notReproducible), ["min_t", "2.5 t", "1.0 t"]),
    (.documentNeedsRetiredRecord("old/allocation.json"), ["'old/allocation.json'"]),
  ]

  /// What allocating 1 t among the quickstart's five events with a minimum of 0.5 t each says.
  static let notReproducible: AllocationError = {
    do {
      _ = try Allocator().allocate(
        try Purchase(
          lot: Fixtures.tonnes("1"), unit: Fixtures.tonnes("0.1"), minimum: Fixtures.tonnes("0.5")),
        among: Fixtures.quickstart)
    } catch let error as AllocationError {
      return error
    } catch {}
    preconditionFailure("1 t cannot meet five minimums of 0.5 t")
  }()

  /// Every reason, by an exhaustive switch: a new reason does not compile until it is listed.
  static func index(_ reason: InputError.Reason) -> Int {
    switch reason {
    case .unreadable: 0
    case .noSubmissionFiles: 1
    case .unsupportedFileType: 2
    case .undecodable: 3
    case .utf16: 4
    case .emptyFile: 5
    case .noRows: 6
    case .unterminatedQuote: 7
    case .strayQuote: 8
    case .fieldCount: 9
    case .missingColumn: 10
    case .missingField: 11
    case .duplicateColumn: 12
    case .jsonSyntax: 13
    case .jsonType: 14
    case .duplicateKey: 15
    case .missingValue: 16
    case .invalidEstimate: 17
    case .negativeEstimate: 18
    case .invalidBodyCode: 19
    case .wrongCheckDigit: 20
    case .codeNeedsKindOther: 21
    case .unknownKind: 22
    case .kindDiffersFromReference: 23
    case .invalidDate: 24
    case .invalidEventID: 25
    case .invalidWeight: 26
    case .negativeWeight: 27
    case .duplicateID: 28
    case .noPositiveWeight: 29
    case .weightsTooLarge: 30
    case .duplicateEvent: 31
    case .conflictingBody: 32
    case .totalTooLarge: 33
    case .repeatedBody: 34
    case .repeatedEvent: 35
    case .totalIsZero: 36
    case .missingPurchaseValue: 37
    case .invalidPurchaseQuantity: 38
    case .notPositive: 39
    case .negativeValue: 40
    case .notAMultiple: 41
    case .unknownMode: 42
    case .unknownMethod: 43
    case .unknownCap: 44
    case .conflictingCaps: 45
    case .unknownFloor: 46
    case .conflictingFloors: 47
    case .unknownSurplus: 48
    case .surplusNeedsReserve: 49
    case .surplusNeedsFloor: 50
    case .invalidYen: 51
    case .conflictingPrices: 52
    case .priceNotWholeYen: 53
    case .invoiceTooLarge: 54
    case .blockWithoutPrice: 55
    case .blockPricesWithInvoice: 56
    case .blockInvoiceTooLarge: 57
    case .unknownMix: 58
    case .invalidRetiredRecord: 59
    case .serialsNeedWholeTonnes: 60
    case .serialsDoNotMatchLot: 61
    case .overlappingBlocks: 62
    case .invalidBlock: 63
    case .unknownField: 64
    case .nameDiffersFromReference: 65
    case .unknownLocalGovernmentCode: 66
    case .leadingZeroRemoved: 67
    case .dateWithoutYear: 68
    case .ambiguousDate: 69
    case .dateSerial: 70
    case .invalidWorkbook: 71
    case .documentVersion: 72
    case .documentField: 73
    case .documentMismatch: 74
    case .documentNotReproducible: 75
    case .documentNeedsRetiredRecord: 76
    }
  }

  @Test func everyReasonIsListed() {
    #expect(Set(Self.everyReason.map { Self.index($0.0) }) == Set(0...76))
  }

  @Test(arguments: everyReason.indices)
  func everyReasonHasItsOwnJapaneseWithTheSameValues(_ index: Int) throws {
    let (reason, values) = Self.everyReason[index]
    let english = reason.message(.en)
    let japanese = reason.message(.ja)
    #expect(!japanese.isEmpty)
    #expect(japanese != english)
    #expect(
      japanese.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }, "\(japanese)")
    for value in values {
      #expect(english.contains(value), "en lacks \(value): \(english)")
      #expect(japanese.contains(value), "ja lacks \(value): \(japanese)")
    }
    // Every figure of the English sentence is in the Japanese one.
    for match in english.matches(of: try Regex("[0-9]+(\\.[0-9]+)?")) {
      let figure = String(english[match.range])
      #expect(japanese.contains(figure), "ja lacks \(figure): \(japanese)")
    }
  }

  @Test(arguments: [
    InputWarning.Reason.unknownColumn("note"), .unknownField("notes"),
    .nameDiffersFromReference(code: Body.Code("131032"), given: "みなと区", reference: "港区"),
    .bodyUnitUnused, .bodyMethodUnused, .reserveUnused, .taxUnused, .secretariatUnused,
    .unknownLocalGovernmentCode(Body.Code("123455")), .idInScientificNotation("1E5"),
    .recorded("unknown column 'note' is ignored"),
  ])
  func everyWarningHasItsOwnJapanese(_ reason: InputWarning.Reason) {
    let japanese = reason.message(.ja)
    #expect(!japanese.isEmpty && japanese != reason.message)
    for quoted in [
      "'note'", "'notes'", "'みなと区'", "'港区'", "emissions_t", "tax_included", "123455",
      "2026-07-09", "'1E5'",
    ]
    where reason.message.contains(quoted) {
      #expect(japanese.contains(quoted), "\(japanese)")
    }
  }
}
