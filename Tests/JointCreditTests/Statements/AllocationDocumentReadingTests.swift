import Foundation
import Testing

@testable import JointCredit

/// A change made to the quickstart's golden allocation.json, and the error reading it gives.
struct TamperCase: Sendable, CustomTestStringConvertible {
  var name: String
  /// The text replaced (once, and it must occur) and its replacement.
  var replacing: String
  var with: String
  var reason: InputError.Reason
  var line: Int
  var column: Int
  var testDescription: String { name }
}

@Suite struct AllocationDocumentReadingTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appendingPathComponent(path)))
  }

  /// The samples with an allocation.json among their golden statements.
  static let samples: [String] = {
    let folder = root.appendingPathComponent("Samples").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.sorted().filter {
      FileManager.default.fileExists(atPath: "\(folder)/\($0)/expected/allocation.json")
    }
  }()

  @Test func everySampleWithStatementsIsRead() {
    // The list above reads a folder; an empty or short list would make the next test vacuous.
    #expect(
      Self.samples == [
        "quickstart", "tokyo-2011", "tokyo-2011-capped", "tokyo-2011-full-offset",
        "tokyo-2011-ja", "tokyo-2011-revision", "tokyo-2011-three-blocks",
      ])
  }

  /// Each golden allocation.json, read back and allocated again, gives every golden statement
  /// of its sample byte for byte.
  @Test(arguments: samples)
  func aGoldenDocumentGivesItsStatementsAgain(_ name: String) throws {
    let sample = "Samples/\(name)"
    var arguments: [String] = []
    if FileManager.default.fileExists(
      atPath: Self.root.appendingPathComponent("\(sample)/args").path)
    {
      arguments = try String(
        contentsOf: Self.root.appendingPathComponent("\(sample)/args"), encoding: .utf8
      ).split(separator: "\n").map(String.init)
    }
    var set = StatementSet()
    var retired: RetiredAllocation?
    var index = 0
    while index < arguments.count {
      switch arguments[index] {
      case "--lang":
        index += 1
        set.language = try #require(StatementLanguage(rawValue: arguments[index]))
      case "--skip-body-statements": set.includesBodyStatements = false
      case "--skip-report": set.includesReport = false
      case "--skip-workbook": set.includesWorkbook = false
      case "--skip-certificates": set.includesCertificates = false
      case "--retired":
        index += 1
        retired = try RetiredAllocation.read(
          SubmissionFile(path: arguments[index], bytes: try Self.bytes(arguments[index])))
      case "--purchase": index += 1
      case let option where option.hasPrefix("--"):
        Issue.record("\(sample)/args: \(option) is not mapped to the statement set here")
      default: break  // an input
      }
      index += 1
    }
    let document = try Self.bytes("\(sample)/expected/allocation.json")
    let contents = try AllocationDocument.read(
      SubmissionFile(path: "allocation.json", bytes: document), revising: retired)
    let rendered = try set.render(
      contents.allocation, files: contents.files, warnings: contents.warnings)

    let expected = Self.root.appendingPathComponent("\(sample)/expected")
    let goldens = Set(
      (FileManager.default.subpaths(atPath: expected.path) ?? []).filter { path in
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(
          atPath: expected.appendingPathComponent(path).path, isDirectory: &isFolder)
        // The run's record of the output folder (.jointcredit-manifest) is the folder's, not a
        // statement.
        return exists && !isFolder.boolValue && !path.hasPrefix(".")
          && !["stdout.txt", "stderr.txt", "exit-status"].contains(path)
      })
    #expect(Set(rendered.keys) == goldens)
    for (path, bytes) in rendered.sorted(by: { $0.key < $1.key }) where goldens.contains(path) {
      #expect(bytes == (try Self.bytes("\(sample)/expected/\(path)")), "\(sample): \(path)")
    }
  }

  @Test func aRetiredDocumentIsReadWithItsRetirement() throws {
    let path = "Samples/tokyo-2011-revision/retired/allocation.json"
    let contents = try AllocationDocument.read(
      SubmissionFile(path: path, bytes: try Self.bytes(path)))
    // "retired": { "date": "2012-03-30", "reference": "JCR-2012-0042" }
    #expect(
      contents.retirement
        == RetirementRecord(
          date: try #require(EventDate(iso: "2012-03-30")), reference: "JCR-2012-0042"))
    #expect(contents.allocation.total == Quantity(tonnes: 100))
    #expect(contents.allocation.bodies.count == 36)
  }

  @Test func aRevisionNeedsTheAllocationItRevises() throws {
    let path = "Samples/tokyo-2011-revision/expected/allocation.json"
    let error = try #require(throws: InputErrors.self) {
      try AllocationDocument.read(SubmissionFile(path: path, bytes: try Self.bytes(path)))
    }
    let revises = try Self.position(of: "\"revises\": {", in: path, after: 11)
    #expect(
      error.errors == [
        InputError(
          .documentNeedsRetiredRecord("Samples/tokyo-2011-revision/retired/allocation.json"),
          at: InputLocation(path, revises))
      ])
  }

  /// Where a text begins in a file (plus `after` characters), found independently of the
  /// JSON parser.
  static func position(of text: String, in path: String, after: Int = 0) throws -> TextPosition {
    let lines = String(decoding: try bytes(path), as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    for (number, line) in lines.enumerated() {
      if let range = line.range(of: text) {
        let column = line.unicodeScalars.distance(
          from: line.unicodeScalars.startIndex, to: range.lowerBound)
        return TextPosition(line: number + 1, column: column + 1 + after)
      }
    }
    throw CocoaError(.fileReadCorruptFile)
  }

  // Positions below are those of the quickstart's golden allocation.json (line 48 is 131032/E01;
  // columns count characters, so 環境フェア is 5).
  static let tampered: [TamperCase] = [
    TamperCase(
      name: "an event's allocation", replacing: #""allocated_t": "3.1""#,
      with: #""allocated_t": "3.2""#,
      reason: .documentMismatch(
        path: "$.bodies[0].events[0].allocated_t", recorded: #""3.2""#, recomputed: #""3.1""#),
      line: 48, column: 141),
    TamperCase(
      name: "an estimate (every figure after it moves; the first is the total)",
      replacing: #""event_date": "2011-10-15", "emissions_t": "2.5""#,
      with: #""event_date": "2011-10-15", "emissions_t": "2.6""#,
      reason: .documentMismatch(
        path: "$.totals.emissions_t", recorded: #""8.0""#, recomputed: #""8.1""#),
      line: 25, column: 20),
    TamperCase(
      name: "the version", replacing: #""format_version": 3"#, with: #""format_version": 2"#,
      reason: .documentVersion("2"), line: 3, column: 21),
    TamperCase(
      name: "the lot removed", replacing: #""lot_t": "10.0","#, with: "",
      reason: .documentField(
        path: "$.purchase.lot_t", expected: "a value, but the member is missing"),
      line: 5, column: 15),
    TamperCase(
      name: "a tie's winner", replacing: #""winners": [ "132012/E02" ]"#,
      with: #""winners": [ "133035/E01" ]"#,
      reason: .documentMismatch(
        path: "$.ties[0].winners[0]", recorded: #""133035/E01""#, recomputed: #""132012/E02""#),
      line: 89, column: 20),
    TamperCase(
      name: "a member added", replacing: #"{ "event_id": "E01", "event_name": "環境フェア","#,
      with: #"{ "note": "x", "event_id": "E01", "event_name": "環境フェア","#,
      reason: .documentMismatch(
        path: "$.bodies[0].events[0].note", recorded: #""x""#, recomputed: nil),
      line: 48, column: 11),
    TamperCase(
      name: "an unknown method", replacing: #""method": "largest-remainder",\#n    "body_method""#,
      with: #""method": "fair",\#n    "body_method""#,
      reason: .documentField(
        path: "$.purchase.method",
        expected:
          #"one of "largest-remainder", "dhondt", "sainte-lague", "huntington-hill", "adams", "dean""#
      ),
      line: 11, column: 15),
  ]

  @Test(arguments: tampered)
  func aTamperedDocumentIsRefusedWhereItWasChanged(_ c: TamperCase) throws {
    let golden = String(
      decoding: try Self.bytes("Samples/quickstart/expected/allocation.json"), as: UTF8.self)
    #expect(golden.components(separatedBy: c.replacing).count == 2, "the text occurs once")
    let text = golden.replacingOccurrences(of: c.replacing, with: c.with)
    let error = try #require(throws: InputErrors.self) {
      try AllocationDocument.read(SubmissionFile(path: "allocation.json", text: text))
    }
    #expect(
      error.errors
        == [
          InputError(c.reason, at: InputLocation("allocation.json", line: c.line, column: c.column))
        ])
  }

  @Test func theGoldenQuickstartIsAcceptedAsWritten() throws {
    // The control for the table above: the same file, untouched, reads.
    let allocation = try Allocation(
      document: SubmissionFile(
        path: "allocation.json",
        bytes: try Self.bytes("Samples/quickstart/expected/allocation.json")))
    #expect(
      allocation.bodies.flatMap(\.events).map(\.allocated.grams) == [
        3_100_000, 500_000, 3_900_000, 1_800_000, 700_000,
      ])
  }

  @Test func messagesNameThePathInEnglishAndJapanese() {
    let error = InputError(
      .documentMismatch(
        path: "$.bodies[0].events[0].allocated_t", recorded: #""3.2""#, recomputed: #""3.1""#),
      at: InputLocation("allocation.json", line: 48, column: 141))
    #expect(
      error.description
        == #"allocation.json:48:141: $.bodies[0].events[0].allocated_t is "3.2" but the purchase "#
        + #"and estimates the document records give "3.1" when allocated again: the document was "#
        + "changed after it was written")
    #expect(
      error.description(.ja)
        == #"allocation.json:48:141: $.bodies[0].events[0].allocated_t は "3.2" ですが、"#
        + #"文書に記録された購入条件と見積りで配分し直すと "3.1" になります。"#
        + "文書は書き出された後に変更されています")
    #expect(
      InputError.Reason.documentVersion("2").message
        == "allocation.json has format_version 2; this release reads version 3: allocate again "
        + "with the release that wrote it")
  }

  @Test func aSerialPrefixEndingInDigitsReadsAsAShorterOneThatPrintsTheSame() throws {
    // Prefix "A1", serials 23 to 99 in 2 digits print A123 … A199; read back, the prefix is "A"
    // and the serials 123 to 199 in 3 digits, which print the same.
    let block = try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "A1", first: 23, last: 99, vintage: "2011",
      digits: 2)
    let purchase = try Purchase(
      lot: Quantity(tonnes: 77), unit: Quantity(tonnes: 1), creditBlocks: [block],
      secretariat: Body.Code("131032"))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let written = try StatementSet().render(allocation, files: [], warnings: [])
    let contents = try AllocationDocument.read(
      SubmissionFile(path: "allocation.json", bytes: try #require(written["allocation.json"])))
    let read = try #require(contents.allocation.purchase.creditBlocks.first)
    #expect(
      [read.serialPrefix, "\(read.first)", "\(read.last)", "\(read.digits)"]
        == ["A", "123", "199", "3"])
    #expect(try StatementSet().render(contents.allocation, files: [], warnings: []) == written)
  }
}

/// Random purchases and estimates → allocation.json → read back → the same allocation.
@Suite struct AllocationDocumentRoundTripTests {
  /// A purchase with what a document records drawn at random: pricing, minimums, floors, caps,
  /// reserve, credit blocks, secretariat, mix, issuer and dates.
  static func purchase(seed: Int, estimates: Estimates, using rng: inout SplitMix64) -> Purchase {
    var purchase = Generate.purchase(seed: seed, cappedEvery: 4, using: &rng)
    switch rng.next() % 4 {
    case 0: purchase.pricing = Pricing(.perTonne(Int64(rng.next() % 20_000) + 1), taxIncluded: true)
    case 1: purchase.pricing = Pricing(.invoiceTotal(Int64(rng.next() % 9_999_999) + 1))
    default: break
    }
    if purchase.pricing?.invoiceTotal(for: purchase.lot) == nil,
      case .perTonne = purchase.pricing?.basis
    {
      purchase.pricing = Pricing(.invoiceTotal(1_000_000), taxIncluded: false)
    }
    switch rng.next() % 5 {
    case 0: purchase.minimum = purchase.unit
    case 1: purchase.floor = .emissions
    case 2: purchase.floor = .rate(Quantity(grams: Int64(rng.next() % 150 + 1) * 1_000_000))
    default: break
    }
    if purchase.floor != nil || purchase.minimum != nil, rng.next() % 3 == 0 {
      purchase.surplus = .reserve
      purchase.reserve = purchase.reserve ?? estimates.submissions.last!.body.code
    }
    if purchase.lot.isMultiple(of: Quantity(tonnes: 1)), rng.next() % 2 == 0 {
      // One to three blocks of consecutive serials, the last maybe priced on its own.
      let tonnes = purchase.lot.grams / Quantity.gramsPerTonne
      var cuts = [0, tonnes]
      for _ in 0..<Int(rng.next() % 3) where tonnes > 1 {
        cuts.append(Int64(rng.next() % UInt64(tonnes - 1)) + 1)
      }
      cuts = Array(Set(cuts)).sorted()
      let priced = rng.next() % 3 == 0
      purchase.creditBlocks = zip(cuts, cuts.dropFirst()).enumerated().map { index, cut in
        try! CreditBlock(
          scheme: index == 2 ? "J-Credit" : "J-VER", project: "森林 \"\(index)\"",
          serialPrefix: "JV-\(index)-", first: cut.0 + 1, last: cut.1,
          // As a purchase file gives them: at least as many digits as the first serial has.
          vintage: "201\(index)",
          digits: max(String(cut.0 + 1).count, Int(rng.next() % 7) + 1),
          price: priced ? 10_000 + Int64(index) * 1_000 : nil)
      }
      if priced {
        purchase.pricing = Pricing(.blockPrices, taxIncluded: rng.next() % 2 == 0 ? nil : true)
      }
      if rng.next() % 2 == 0 { purchase.secretariat = estimates.submissions[0].body.code }
      if rng.next() % 2 == 0 { purchase.mix = rng.next() % 2 == 0 ? .sequential : .proportional }
      if rng.next() % 2 == 0 { purchase.purpose = "会議のオフセット\n(2012)" }
    }
    purchase.description = rng.next() % 2 == 0 ? "" : "J-VER \"forest\" \\ 2011"
    if rng.next() % 2 == 0 {
      purchase.issuer = "東京都"
      purchase.issuedOn = EventDate(year: 2012, month: 3, day: Int(rng.next() % 28) + 1)
    }
    // The generated fields fit together by construction; the test checks the model agrees.
    #expect(purchase.problems == [], "seed \(seed)")
    return purchase
  }

  /// What the document states where the purchase left a value to its default or gave one that
  /// changes nothing: the secretariat (else the reserve, else `secretariat`, as RetirementPlan
  /// documents) and the effective mix with blocks, none of them or a purpose without; in event
  /// mode the body unit and method are the unit and method.
  static func stated(_ purchase: Purchase) -> Purchase {
    var stated = purchase
    if purchase.creditBlocks.isEmpty {
      stated.secretariat = nil
      stated.mix = nil
      stated.purpose = Purchase.defaultPurpose
    } else {
      stated.secretariat = purchase.secretariat ?? purchase.reserve ?? Body.Code("secretariat")
      stated.mix = purchase.effectiveMix
    }
    if purchase.mode == .event {
      stated.bodyUnit = purchase.unit
      stated.bodyMethod = purchase.method
    }
    return stated
  }

  @Test func documentsOfRandomAllocationsReadBackToTheSameAllocation() throws {
    var checked = 0
    for seed in 0..<300 {
      var rng = SplitMix64(seed: UInt64(seed) &+ 80_808)
      var estimates = Generate.estimates(using: &rng)
      if rng.next() % 2 == 0 {
        // Estimates written with more decimals than they need are printed so, and read so.
        estimates.decimals = 5
      }
      if rng.next() % 2 == 0 {
        estimates.submissions[0].events[0].date = EventDate(year: 2011, month: 10, day: 15)
        estimates.submissions[0].events[0].calculation = "活動量 × 排出係数, \"環境省\""
        estimates.submissions[0].events[0].name = "line\nbreak, \"quoted\""
      }
      let purchase = Self.purchase(seed: seed, estimates: estimates, using: &rng)
      let explains = seed % 7 == 0
      guard
        let allocation = Generate.allocation(
          purchase, among: estimates, explains: explains, seed: seed)
      else { continue }
      let files = [
        InputFile(path: "a b.csv", format: .csv, encoding: .shiftJIS, events: 3),
        InputFile(path: "z.xlsx", format: .xlsx, encoding: .utf8, events: 2),
      ]
      let warnings = [
        InputWarning(.unknownColumn("note"), at: InputLocation("a b.csv", line: 1, column: 74)),
        InputWarning(.bodyUnitUnused),
        InputWarning(
          .unknownColumn("x"),
          at: InputLocation("z.xlsx", TextPosition(line: 2, column: 3), sheet: "提出")),
      ]
      let set = StatementSet(includesWorkbook: seed % 5 == 0)
      let written = try set.render(allocation, files: files, warnings: warnings)
      let document = try #require(written[AllocationDocument.fileName])
      let contents = try AllocationDocument.read(
        SubmissionFile(path: "allocation.json", bytes: document))

      var expected = allocation
      expected.purchase = Self.stated(allocation.purchase)
      #expect(contents.allocation == expected, "seed \(seed)")

      #expect(contents.files == files, "seed \(seed)")
      #expect(contents.warnings.map(\.location) == warnings.map(\.location), "seed \(seed)")
      #expect(contents.warnings.map(\.message) == warnings.map(\.message), "seed \(seed)")
      #expect(contents.retirement == nil)
      let again = try set.render(
        contents.allocation, files: contents.files, warnings: contents.warnings)
      #expect(again == written, "seed \(seed): the statements of the allocation read back")
      checked += 1
    }
    // Refusals are only the generated cases no allocation fits; most seeds reach the checks.
    #expect(checked >= 200)
  }
}
