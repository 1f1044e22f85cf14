import Foundation
import Testing

@testable import JointCredit

@Suite struct StatementTests {
  static let allocation = try! Allocator().allocate(
    try Purchase(lot: Quantity(tonnes: 10), unit: Fixtures.tonnes("0.1"), description: "J-VER"),
    among: Fixtures.quickstart)

  static func text(_ write: (inout [UInt8]) -> Void) -> String {
    var bytes: [UInt8] = []
    write(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func allocationCSVHasOneRowPerEventExcelReady() {
    let text = Self.text { AllocationStatement.write(Self.allocation, format: .excel, to: &$0) }
    #expect(
      text == "\u{FEFF}"
        + [
          "body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t,quota_t,allocated_t,offset_rate_pct,shortfall_t",
          "131032,港区,ward,E01,環境フェア,2011-10-15,2.5,3.125000,3.1,124.0,0.0",
          "131032,港区,ward,E02,省エネ講座,2011-11-20,0.4,0.500000,0.5,125.0,0.0",
          "132012,八王子市,city,E01,エコフェスタ,2011-10-01,3.1,3.875000,3.9,125.8,0.0",
          "132012,八王子市,city,E02,打ち水大作戦,2011-07-23,1.4,1.750000,1.8,128.6,0.0",
          "133035,瑞穂町,town,E01,環境講演会,,0.6,0.750000,0.7,116.7,0.0",
        ].map { $0 + "\r\n" }.joined())
  }

  @Test func bodiesCSVHasOneRowPerBody() {
    let format = CSVFormat(encoding: .utf8, lineEnding: .lf)
    let text = Self.text { BodyStatement.write(Self.allocation, format: format, to: &$0) }
    #expect(
      text == """
        body_code,body_name,body_kind,events,emissions_t,quota_t,allocated_t,offset_rate_pct,shortfall_t
        131032,港区,ward,2,2.9,3.625000,3.6,124.1,0.0
        132012,八王子市,city,2,4.5,5.625000,5.7,126.7,0.0
        133035,瑞穂町,town,1,0.6,0.750000,0.7,116.7,0.0

        """)
  }

  @Test func offsetRatesAtEveryLevel() {
    let format = CSVFormat(encoding: .utf8, lineEnding: .lf)
    let text = Self.text { OffsetRateStatement.write(Self.allocation, format: format, to: &$0) }
    #expect(
      text == """
        level,key,name,emissions_t,allocated_t,offset_rate_pct,shortfall_t
        event,131032/E01,環境フェア,2.5,3.1,124.0,0.0
        event,131032/E02,省エネ講座,0.4,0.5,125.0,0.0
        event,132012/E01,エコフェスタ,3.1,3.9,125.8,0.0
        event,132012/E02,打ち水大作戦,1.4,1.8,128.6,0.0
        event,133035/E01,環境講演会,0.6,0.7,116.7,0.0
        body,131032,港区,2.9,3.6,124.1,0.0
        body,132012,八王子市,4.5,5.7,126.7,0.0
        body,133035,瑞穂町,0.6,0.7,116.7,0.0
        kind,ward,ward,2.9,3.6,124.1,0.0
        kind,city,city,4.5,5.7,126.7,0.0
        kind,town,town,0.6,0.7,116.7,0.0
        total,total,total,8.0,10.0,125.0,0.0

        """)
  }

  @Test func jsonCarriesDecimalsAsStringsAndListsTheTie() throws {
    var bytes: [UInt8] = []
    AllocationDocument.write(Self.allocation, files: [], warnings: [], to: &bytes)
    let root = try JSONParser.parse(bytes)
    guard case .object(let members) = root.value else { Issue.record("not an object"); return }
    func member(_ key: String, in members: [JSONMember]) -> JSONValue? {
      members.first { $0.key == key }?.value.value
    }
    guard case .object(let totals)? = member("totals", in: members),
      case .array(let ties)? = member("ties", in: members),
      case .object(let tie)? = ties.first?.value
    else { Issue.record("missing totals or ties"); return }
    #expect(member("allocated_t", in: totals) == .string("10.0"))
    #expect(member("offset_rate_pct", in: totals) == .string("125.0"))
    #expect(member("remainder_t", in: tie) == .string("0.050000"))
    #expect(member("remainder_of_unit", in: tie) == .string("1/2"))
    guard case .array(let winners)? = member("winners", in: tie) else {
      Issue.record("no winners")
      return
    }
    #expect(winners.map(\.value) == [.string("132012/E02")])
  }

  @Test func injectionGuardAppliesToTextCellsOnly() {
    let writer = CSVWriter(format: CSVFormat(encoding: .utf8, lineEnding: .lf))
    let text = Self.text { bytes in
      writer.writeRecord(
        [
          .text("=1+1"), .text("+81"), .text("-x"), .text("@a"), .text("\tt"),
          .text("a=b"), .number("-1.5"), .text("\"=q\""),
        ], to: &bytes)
    }
    #expect(text == "'=1+1,'+81,'-x,'@a,'\tt,a=b,-1.5,\"\"\"=q\"\"\"\n")
  }

  @Test func summaryNamesTheLotKindsTiesAndFiles() {
    let text = AllocationSummary.text(Self.allocation, statements: ["out/allocation.csv"])
    #expect(
      text == """
        Allocated 10.0 t by largest-remainder (event mode, unit 0.1 t).
        Credits: J-VER

          kind   bodies  events  emissions_t  allocated_t  offset_rate_pct
          ward        1       2          2.9          3.6            124.1
          city        1       2          4.5          5.7            126.7
          town        1       1          0.6          0.7            116.7
          total       3       5          8.0         10.0            125.0

        Shortfall: none; every event is offset in full.
        Ties: 1 unit was decided by the tie rule (larger estimate, then smaller code or id); each is listed in allocation.json.
        Statements:
          out/allocation.csv

        """)
  }
}

@Suite struct StatementRenderingTests {
  /// Statements rendered in memory are the files written, byte for byte, by the same names.
  @Test(arguments: [StatementLanguage.en, .ja])
  func renderingInMemoryGivesTheFilesWritten(_ language: StatementLanguage) throws {
    let purchase = try Purchase(
      lot: 10, unit: Fixtures.tonnes("0.1"), pricing: Pricing(.invoiceTotal(123_456)))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    let set = StatementSet(language: language)
    let rendered = try set.render(allocation, files: [], warnings: [])
    let directory = FileManager.default.temporaryDirectory.path + "/jc-render-\(UUID())"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let paths = try set.write(allocation, files: [], warnings: [], to: directory)
    #expect(Set(rendered.keys) == Set(paths.map { String($0.dropFirst(directory.count + 1)) }))
    // Six main statements (no retirement.csv without credit blocks), four per body, and a
    // certificate for each of the quickstart's five events.
    #expect(rendered.count == 6 + 3 * 4 + 5)
    #expect(
      rendered.keys.filter { $0.hasPrefix("certificates/") }.sorted() == [
        "certificates/131032/E01.html", "certificates/131032/E02.html",
        "certificates/132012/E01.html", "certificates/132012/E02.html",
        "certificates/133035/E01.html",
      ])
    for (name, bytes) in rendered {
      let written = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
      #expect(Array(written) == bytes, "\(name)")
    }
  }

  /// Each text (or two texts joined), and the CSV cell it must become: the plain ones take the
  /// copy-as-stored path, the rest are guarded or quoted.
  @Test(
    arguments: [
      ("abc", nil, "", "abc"),
      ("=1", nil, "", "'=1"),
      ("a,b", nil, "", "\"a,b\""),
      ("\tx", nil, "", "'\tx"),
      ("x\n", nil, "", "\"x\n\""),
      ("", nil, "", ""),
      ("131032", "/", "E01", "131032/E01"),
      ("-", "/", "x", "'-/x"),
      ("", "/", "=x", "/=x"),
      ("", "/", "", "/"),
      ("a", ",", "b", "\"a,b\""),
      ("a", "/", "b\"c", "\"a/b\"\"c\""),
      ("港区", "/", "E,1", "\"港区/E,1\""),
    ] as [(String, Character?, String, String)])
  func csvTextIsCopiedOnlyWhenPlain(
    text: String, separator: Character?, second: String, expected: String
  ) {
    var bytes: [UInt8] = Array("x,".utf8)
    CSVWriter.appendText(text, joinedBy: separator?.asciiValue, second, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "x," + expected)
  }
}
