import Foundation
import Testing

@testable import JointCredit

/// `jointcredit retire`: the applications dated, the record in allocation.json, the folder closed.
@Suite struct RetirementRecordTests {
  static func t(_ text: String) -> Quantity { Fixtures.tonnes(text) }

  /// Quickstart, 10 t at 0.1 t, capped at the estimates with 2 t to the reserve ALL62, serials
  /// JV-001 to JV-010.
  static func allocation() throws -> Allocation {
    let block = try CreditBlock(
      scheme: "J-VER", project: "P", serialPrefix: "JV-", first: 1, last: 10, vintage: "2011",
      digits: 3)
    let purchase = try Purchase(
      lot: Self.t("10"), unit: Self.t("0.1"), cap: .emissions, reserve: Body.Code("ALL62"),
      creditBlocks: [block])
    return try Allocator().allocate(purchase, among: Fixtures.quickstart)
  }

  static func folder() -> String {
    FileManager.default.temporaryDirectory.path + "/jc-retire-\(UUID().uuidString)"
  }

  static func text(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  @Test func recordingDatesEveryApplicationButTheReservesAndClosesTheFolder() throws {
    let directory = Self.folder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let set = StatementSet(csvFormat: CSVFormat(encoding: .utf8, lineEnding: .lf))
    let allocation = try Self.allocation()
    _ = try set.write(allocation, files: [], warnings: [], to: directory)
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: directory + "/notes.txt"))
    let before = try Self.text(directory + "/allocation.csv")
    #expect(
      try Self.text(directory + "/certificates/131032/E01.html").contains(
        CertificatePage.pendingMarker + "not yet retired"))

    let written = try RetirementRecord(
      date: try #require(EventDate(iso: "2012-03-30")), reference: "JCR-1"
    ).record(in: directory)
    #expect(written.contains(directory + "/.jointcredit-retired"))

    // Capped: 2.5 → 2 t, 3.1 → 3 t, 1.4 → 1 t whole; 131032's fractions 0.5 + 0.4 make none,
    // 132012's 0.1 + 0.4 none; the reserve's 2 t is application 4; the pool (0.9 + 0.5 + 0.6)
    // 2 t is application 5. Every application but the reserve's is dated.
    let applications = try Self.text(directory + "/retirement-application.csv")
      .split(separator: "\n").dropFirst()
    #expect(applications.count == 5)
    for row in applications {
      #expect(row.hasPrefix("4,") ? row.hasSuffix(",") : row.hasSuffix(",2012-03-30"), "\(row)")
    }
    let document = try Self.text(directory + "/allocation.json")
    #expect(
      document.hasSuffix(#""retired": { "date": "2012-03-30", "reference": "JCR-1" }"# + "\n}\n"))
    #expect(SchemaConformanceTests.violations(Array(document.utf8)).isEmpty)
    let body = try Self.text(directory + "/statements/131032.json")
    #expect(SchemaConformanceTests.violations(Array(body.utf8)).isEmpty)
    #expect(body.contains(#""retirement_date": "2012-03-30""#))
    #expect(try Self.text(directory + "/statements/131032.csv").hasSuffix(",2,2012-03-30\n"))
    // Pages: the notice's and each certificate's retirement line, in the page's language.
    let dated =
      #"<span class="retirement"><span class="nb">2012-03-30</span> (reference JCR-1)</span>"#
    for page in ["/statements/131032.html", "/certificates/131032/E01.html"] {
      let html = try Self.text(directory + page)
      #expect(html.contains(dated), "\(page)")
      #expect(!html.contains(CertificatePage.pendingMarker), "\(page)")
    }
    // The workbook: every pending retirement date (2012-03-30 is serial 40998), the reserve's
    // application (4) left empty, as in the CSV.
    let workbook = try ZIPReader(
      Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/allocation.xlsx"))))
    let names = try String(
      decoding: workbook.data(of: workbook.entry("xl/workbook.xml")!), as: UTF8.self)
    #expect(names.contains(#"<sheet name="Applications" sheetId="5" r:id="rId5"/>"#))
    let sheet = try String(
      decoding: workbook.data(of: workbook.entry("xl/worksheets/sheet5.xml")!), as: UTF8.self)
    #expect(!sheet.contains(SheetRow.pendingSuffix))
    #expect(sheet.components(separatedBy: #" s="3"><v>40998</v></c>"#).count - 1 == 4)
    #expect(sheet.contains(#"<c r="A5" s="4"><v>4</v></c>"#))
    // The rest is as it was, foreign files included.
    #expect(try Self.text(directory + "/allocation.csv") == before)
    #expect(try Self.text(directory + "/notes.txt") == "mine\n")

    // Closed: no allocation rewrites it, no second retirement.
    #expect(throws: StatementError.self) {
      try set.write(allocation, files: [], warnings: [], to: directory)
    }
    let again = #expect(throws: OutputError.self) {
      try RetirementRecord(date: try #require(EventDate(iso: "2012-04-01"))).record(in: directory)
    }
    #expect(again?.reason == "was already retired on 2012-03-30; a retirement is final")
    #expect(try Self.text(directory + "/allocation.json") == document)
  }

  @Test func aJapaneseCP932StatementIsDatedToo() throws {
    let directory = Self.folder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let set = StatementSet(
      csvFormat: CSVFormat(encoding: .cp932, lineEnding: .crlf), language: .ja,
      includesReport: false)
    _ = try set.write(try Self.allocation(), files: [], warnings: [], to: directory)
    _ = try RetirementRecord(date: try #require(EventDate(iso: "2012-03-30")))
      .record(in: directory)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/statements/132012.csv"))
    #expect(Data(bytes.suffix(13)) == Data(",2012-03-30\r\n".utf8))
  }

  @Test func aFolderWithoutSerialsOrAllocationCannotBeRetired() throws {
    let directory = Self.folder()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let unblocked = try Allocator().allocate(
      try Purchase(lot: Self.t("10"), unit: Self.t("0.1")), among: Fixtures.quickstart)
    _ = try StatementSet().write(unblocked, files: [], warnings: [], to: directory)
    let date = try #require(EventDate(iso: "2012-03-30"))
    let none = #expect(throws: OutputError.self) {
      try RetirementRecord(date: date).record(in: directory)
    }
    #expect(none?.reason.hasPrefix("lists no credit blocks") == true)
    #expect(!FileManager.default.fileExists(atPath: directory + "/.jointcredit-retired"))

    let empty = Self.folder()
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let nothing = #expect(throws: OutputError.self) {
      try RetirementRecord(date: date).record(in: empty)
    }
    #expect(nothing?.reason.hasPrefix("holds no allocation.json") == true)
  }
}
