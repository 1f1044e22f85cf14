import Foundation
import Testing

@testable import ApportionmentModule
@testable import JointCredit

@Suite struct FinanceTests {
  @Test func costsFollowTheAllocationsToTheYen() throws {
    // 10.0 t at 1,000 yen per tonne: 10,000 yen; each event's cost is 1,000 yen per tonne it got.
    var purchase = try Purchase(lot: Fixtures.tonnes("10"), unit: Fixtures.tonnes("0.1"))
    purchase.pricing = Pricing(.perTonne(1_000), taxIncluded: false)
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(allocation.invoiceTotal == 10_000)
    #expect(allocation.bodies.map(\.cost) == [3_600, 5_700, 700])
    #expect(allocation.bodies.flatMap(\.events).map(\.cost) == [3_100, 500, 3_900, 1_800, 700])
  }

  @Test func anInvoiceThatDoesNotDivideEvenlyIsSharedByTheRule() throws {
    // 10,001 yen over 3.6, 5.7 and 0.7 t: quotas 3600.36, 5700.57, 700.07 → 3600, 5700, 700
    // and the last yen to the largest remainder, .57.
    var purchase = try Purchase(lot: Fixtures.tonnes("10"), unit: Fixtures.tonnes("0.1"))
    purchase.pricing = Pricing(.invoiceTotal(10_001))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(allocation.bodies.map(\.cost) == [3_600, 5_701, 700])
  }

  @Test func inEventModeABodyMethodGivenIsIgnoredForCostsToo() throws {
    // 11 yen over 3.6, 5.7 and 0.7 t: quotas 3.96, 6.27 and 0.77 yen; the floors give 9 and the
    // two yen left go to the largest remainders, .96 and .77: 4, 6, 1. D'Hondt would give 4, 7,
    // 0 (divisor 0.8 t per yen). Event mode has no body level, so the body method is ignored
    // (the purchase reader warns so) and allocation.json records none.
    let purchase = try Purchase(
      lot: Fixtures.tonnes("10"), unit: Fixtures.tonnes("0.1"), bodyMethod: .dhondt,
      pricing: Pricing(.invoiceTotal(11)))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(allocation.bodies.map(\.cost) == [4, 6, 1])
  }

  @Test func costsAddUpToTheInvoiceForEveryMethodAndMode() throws {
    var checked = 0
    for seed in 0..<400 {
      var rng = SplitMix64(seed: UInt64(seed) &+ 4_242)
      let estimates = Generate.estimates(using: &rng)
      var purchase = Generate.purchase(seed: seed, cappedEvery: 5, using: &rng)
      purchase.pricing = Pricing(.invoiceTotal(Int64(rng.next() % 1_000_000_000) + 10_000))
      guard
        let allocation = Generate.allocation(
          purchase, among: estimates, explains: false, seed: seed)
      else { continue }
      let invoice = try #require(allocation.invoiceTotal)
      let bodyCosts = allocation.bodies.compactMap(\.cost) + [allocation.reserve?.cost ?? 0]
      #expect(bodyCosts.reduce(0, +) == invoice, "seed \(seed)")
      for body in allocation.bodies {
        #expect(body.events.compactMap(\.cost).reduce(0, +) == body.cost, "seed \(seed)")
        if body.allocated == .zero { #expect(body.cost == 0, "seed \(seed)") }
      }
      checked += 1
    }
    // Most seeds reach the checks: the generator gives enough units for every method.
    #expect(checked >= 300, "only \(checked) of 400 seeds were checked")
  }

  @Test func blocksWithTheirOwnPricesMakeTheInvoice() throws {
    // 4 t at 12,000 yen, 3 t at 13,000, 3 t at 9,600: 48,000 + 39,000 + 28,800 = 115,800 yen,
    // 11,580 yen per tonne on average.
    func block(_ first: Int64, _ last: Int64, _ vintage: String, _ price: Int64?) throws
      -> CreditBlock
    {
      try CreditBlock(
        scheme: "J-VER", project: "P", serialPrefix: "S-", first: first, last: last,
        vintage: vintage, price: price)
    }
    let blocks = [
      try block(1, 4, "2010", 12_000), try block(5, 7, "2011", 13_000),
      try block(8, 10, "2012", 9_600),
    ]
    let purchase = try Purchase(lot: 10, unit: Fixtures.tonnes("0.1"), creditBlocks: blocks)
    #expect(purchase.invoiceTotal == 115_800)
    #expect(purchase.averagePrice == Fraction(11_580, over: 1))
    #expect(purchase.effectiveMix == .proportional)
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    #expect(allocation.invoiceTotal == 115_800)
    #expect(allocation.bodies.reduce(0) { $0 + ($1.cost ?? 0) } == 115_800)

    // One block without a price and no price per tonne; block prices beside an invoice.
    let unpriced = [try block(1, 4, "2010", 12_000), try block(5, 10, "2011", nil)]
    #expect(throws: InputErrors([InputError(.blockWithoutPrice("S-5–S-10"))])) {
      try Purchase(lot: 10, creditBlocks: unpriced)
    }
    let fallback = try Purchase(
      lot: 10, pricing: Pricing(.perTonne(10_000)), creditBlocks: unpriced)
    #expect(fallback.invoiceTotal == Int64(108_000))  // 4 × 12,000 + 6 × 10,000
    #expect(throws: InputErrors([InputError(.blockPricesWithInvoice)])) {
      try Purchase(lot: 10, pricing: Pricing(.invoiceTotal(100_000)), creditBlocks: blocks)
    }
  }

  @Test(arguments: 0..<300)
  func everySerialIsRetiredExactlyOnce(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) &+ 777)
    let estimates = Generate.estimates(using: &rng)
    let lotTonnes = Int64(rng.next() % 40) + 1
    var purchase = try Purchase(
      lot: Quantity(tonnes: lotTonnes), unit: Fixtures.tonnes("0.1"),
      mode: seed % 2 == 0 ? .event : .bodyThenEvent)
    // Split the lot into 1 to 3 blocks with gaps between their serial numbers.
    var blocks: [CreditBlock] = []
    var left = lotTonnes, start: Int64 = Int64(rng.next() % 100)
    while left > 0 {
      let size = blocks.count == 2 ? left : min(left, Int64(rng.next() % UInt64(left)) + 1)
      blocks.append(
        try CreditBlock(
          scheme: "J-VER", project: "P", serialPrefix: "S-", first: start,
          last: start + size - 1, vintage: seed % 2 == 0 ? "2011" : "\(2010 + blocks.count)",
          digits: 6))
      start += size + Int64(rng.next() % 10)
      left -= size
    }
    purchase.creditBlocks = blocks
    let allocation = try Allocator().allocate(purchase, among: estimates)
    var retired: [String: Int] = [:]
    for range in allocation.retirement {
      #expect(
        range.first <= range.last && range.block.first <= range.first
          && range.last <= range.block.last)
      for number in range.first...range.last {
        retired[range.block.serial(number), default: 0] += 1
      }
    }
    let bought = blocks.flatMap { block in (block.first...block.last).map { block.serial($0) } }
    #expect(retired.count == bought.count && Set(retired.keys) == Set(bought))
    #expect(retired.values.allSatisfy { $0 == 1 })
    // Each event retires the whole tonnes of its allocation; each body the whole tonnes its
    // events' fractions add up to; what is left of those goes to the secretariat.
    let tonne = Quantity.gramsPerTonne
    for body in allocation.bodies {
      let ranges = allocation.retirement.filter { $0.body == body.body.code }
      for event in body.events {
        let whole = ranges.filter { $0.basis == .event && $0.event?.id == event.event.id }
          .reduce(0) { $0 + $1.quantity.grams }
        #expect(whole == event.allocated.grams / tonne * tonne)
      }
      let fractions = body.events.reduce(0) { $0 + $1.allocated.grams % tonne }
      let pooled = ranges.filter { $0.basis == .eventFractions }.reduce(0) {
        $0 + $1.quantity.grams
      }
      #expect(pooled == fractions / tonne * tonne)
    }
    // One range per holder and block: a holder's serials in a block are consecutive.
    let holders = Dictionary(
      grouping: allocation.retirement,
      by: { "\($0.body)|\($0.basis)|\($0.event?.id.rawValue ?? "")|\($0.block.first)" })
    #expect(holders.values.allSatisfy { $0.count == 1 }, "seed \(seed)")
    // Under the proportional mix (blocks of different vintages), each holder's part of each
    // block is the floor or ceiling of its share: holder tonnes × block tonnes ÷ lot.
    // Odd seeds give each block its own vintage, so two or more blocks always mix.
    #expect((purchase.effectiveMix == .proportional) == (seed % 2 == 1 && blocks.count > 1))
    guard purchase.effectiveMix == .proportional else { return }
    let byHolder = Dictionary(
      grouping: allocation.retirement,
      by: { "\($0.body)|\($0.basis)|\($0.event?.id.rawValue ?? "")" })
    for ranges in byHolder.values {
      let tonnes = ranges.reduce(Int64(0)) { $0 + ($1.last - $1.first + 1) }
      for block in blocks {
        let part = ranges.filter { $0.block == block }.reduce(Int64(0)) {
          $0 + ($1.last - $1.first + 1)
        }
        let share = tonnes * block.count
        #expect(
          part == share / lotTonnes || part == (share + lotTonnes - 1) / lotTonnes,
          "seed \(seed): \(part) of \(block.count) for \(tonnes) of \(lotTonnes)")
      }
    }
  }
}

@Suite struct CP932Tests {
  static func tokyo() throws -> Allocation {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let files = try SubmissionFiles.read([
      root.appendingPathComponent("Samples/tokyo-2011/submissions").path
    ])
    let estimates = try SubmissionReader().read(files).value
    return try Allocator().allocate(
      try Purchase(lot: Quantity(tonnes: 100), unit: Fixtures.tonnes("0.1"), mode: .bodyThenEvent),
      among: estimates)
  }

  @Test func theTokyoSampleRoundTripsThroughCP932() throws {
    let allocation = try Self.tokyo()
    for language in StatementLanguage.allCases {
      var utf8: [UInt8] = [], cp932: [UInt8] = []
      AllocationStatement.write(
        allocation, format: CSVFormat(encoding: .utf8), language: language,
        to: &utf8)
      let problems = EncodingProblems(file: "allocation.csv")
      AllocationStatement.write(
        allocation,
        writer: CSVWriter(
          format: CSVFormat(encoding: .cp932),
          problems: problems),
        language: language, to: &cp932)
      #expect(problems.problems.isEmpty)
      #expect(cp932 != utf8)
      let decoded = try #require(String(data: Data(cp932), encoding: .shiftJIS))
      #expect(decoded == String(decoding: utf8, as: UTF8.self))
    }
  }

  @Test func charactersWithoutACP932FormAreRejectedWhereTheyAre() throws {
    let text =
      Fixtures.header + "131032,港区,ward,E01,講演会 🌲 森と水,2011-10-15,1\n"
      + "131032,港区,ward,E02,打ち水 〜 芝公園 — 報告,,1\n"
    let estimates = try Fixtures.read([("a.csv", text)]).value
    let allocation = try Allocator().allocate(
      try Purchase(lot: Quantity(tonnes: 2)), among: estimates)
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("jointcredit-cp932-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let strict = StatementSet(csvFormat: CSVFormat(encoding: .cp932))
    do {
      _ = try strict.write(allocation, files: [], warnings: [], to: directory.path)
      Issue.record("expected an error")
    } catch {
      guard case .unmappable(let problems) = error else { Issue.record("\(error)"); return }
      #expect(
        problems.map(\.description).contains(
          "allocation.csv row 2, column 5 (event_name): '🌲' (U+1F332) has no Shift_JIS (CP932) form; change the text, write the CSV files as utf8-bom, or write '?' instead"
        ))
      // 〜 and — of row 3 have look-alikes: not errors.
      #expect(!problems.contains { $0.row == 3 })
    }
    // Nothing was written.
    #expect(!FileManager.default.fileExists(atPath: directory.path))

    let lenient = StatementSet(csvFormat: CSVFormat(encoding: .cp932, replacesUnmappable: true))
    let written = try lenient.writeReporting(
      allocation, files: [], warnings: [], to: directory.path)
    let bytes = try Data(contentsOf: directory.appendingPathComponent("allocation.csv"))
    let decoded = try #require(String(data: bytes, encoding: .shiftJIS))
    #expect(decoded.contains("講演会 ? 森と水"))
    #expect(decoded.contains("打ち水 ～ 芝公園 ― 報告"))
    // Each look-alike is reported where it was written, in every CSV that has the name.
    let inAllocation = written.lookAlikes.filter { $0.file == "allocation.csv" }
    #expect(
      inAllocation.map(\.description) == [
        "allocation.csv row 3, column 5 (event_name): '〜' (U+301C) has no Shift_JIS (CP932) form; written as its look-alike '～' (U+FF5E)",
        "allocation.csv row 3, column 5 (event_name): '—' (U+2014) has no Shift_JIS (CP932) form; written as its look-alike '―' (U+2015)",
      ])
    #expect(
      Set(written.lookAlikes.map(\.file)).isSuperset(of: [
        "offset-rates.csv", "statements/131032.csv",
      ]))
    // The files are named as in the set, the main statements first; each path is the folder's
    // and the name.
    let main = lenient.fileNames(for: allocation)
    #expect(Array(written.names.prefix(main.count)) == main)
    #expect(
      written.names.dropFirst(main.count).allSatisfy {
        $0.hasPrefix("statements/") || $0.hasPrefix("certificates/")
      })
    #expect(written.names.contains("statements/131032.csv"))
    #expect(written.paths == written.names.map { directory.path + "/" + $0 })
  }

  @Test func everyLookAlikeIsTheCP932CharacterItStandsFor() throws {
    // 〜 − — ‖ ¢ £ ¬ ¦ and the characters Windows' best fit writes for them.
    let pairs: [(String, String)] = [
      ("〜", "～"), ("−", "－"), ("—", "―"), ("‖", "∥"), ("¢", "￠"), ("£", "￡"), ("¬", "￢"),
      ("¦", "￤"),
    ]
    for (typed, alike) in pairs {
      var bytes: [UInt8] = []
      let result = CP932.append(utf8: Array(typed.utf8), to: &bytes)
      #expect(result.missing.isEmpty && result.replaced.map(String.init) == [typed])
      #expect(bytes == Array(try #require(alike.data(using: .shiftJIS))), "\(typed)")
    }
  }
}

/// The per-body statements add up to the invoice, the reserve's body included.
@Suite struct BodyStatementSumTests {
  @Test func theBodiesStatementsAddUpToTheInvoice() throws {
    // Tokyo capped at the estimates with 0.1 t minimums, 12,000 yen a tonne: 1,200,000 yen, of
    // which the reserve ALL62 holds 4.7 t (56,400 yen) beside its own events.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let files = try SubmissionFiles.read([
      root.appendingPathComponent("Samples/tokyo-2011/submissions").path
    ])
    let estimates = try SubmissionReader().read(files).value
    let purchase = try Purchase(
      lot: 100, unit: Fixtures.tonnes("0.1"), mode: .bodyThenEvent,
      method: .sainteLague, bodyMethod: .largestRemainder, minimum: Fixtures.tonnes("0.1"),
      cap: .emissions, reserve: Body.Code("ALL62"), pricing: Pricing(.perTonne(12_000)))
    let allocation = try Allocator().allocate(purchase, among: estimates)
    let rendered = try StatementSet(csvFormat: CSVFormat(encoding: .utf8, lineEnding: .lf))
      .render(allocation, files: [], warnings: [])
    var yen = 0, tonnes = Quantity.zero, reserveRows = 0
    for (name, bytes) in rendered where name.hasPrefix("statements/") && name.hasSuffix(".csv") {
      for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        guard cells.first == "total" || cells.first == "reserve" else { continue }
        if cells.first == "reserve" { reserveRows += 1 }
        yen += Int(cells.last!)!
        tonnes += try Quantity(parsing: String(cells[5]))
      }
    }
    #expect(reserveRows == 1)
    #expect(yen == 1_200_000)
    #expect(tonnes == 100)
    let reserve = String(decoding: rendered["statements/ALL62.csv"]!, as: UTF8.self)
    #expect(reserve.contains("\nreserve,,,,,4.7,,,56400\n"))
  }
}
