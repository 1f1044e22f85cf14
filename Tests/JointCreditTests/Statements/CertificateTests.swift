import Foundation
import Testing

@testable import JointCredit

/// An event's certificate: its file name, and the disclosure items it states, by hand.
@Suite struct CertificateTests {
  @Test(arguments: [
    ("E01", "E01"), ("event_1-a", "event_1-a"), ("E/1", "E%2F1"), ("..", "%2E%2E"),
    ("a b", "a%20b"), ("港", "%E6%B8%AF"), ("%", "%25"),
  ])
  func idsBecomeSafeFileNames(_ id: String, _ expected: String) {
    #expect(CertificatePage.safeName(id) == expected)
    #expect(
      CertificatePage.fileName(body: Body.Code("131032"), event: Event.ID(id))
        == "certificates/131032/\(expected).html")
  }

  @Test func aLongIdIsCutAndKeepsItsChecksum() {
    let id = String(repeating: "あ", count: 100)  // 300 bytes, 900 characters escaped
    let name = CertificatePage.safeName(id)
    #expect(name.utf8.count <= 200)
    #expect(name.hasSuffix("~" + String(CRC32.checksum(of: Array(id.utf8)), radix: 16)))
    #expect(CertificatePage.safeName(id + "い") != name)
  }

  /// The quickstart, 10 t at 0.1 t, priced at 12,000 yen/t, serials JV-001 to JV-010, issued
  /// by the secretariat; 131032/E01 (2.5 t, with how it was estimated) gets 3.1 t: 124.0 %,
  /// whole tonnes JV-001 to JV-003 in its own name, 0.1 t pooled.
  @Test func aCertificateStatesWhatADisclosureNeeds() throws {
    let block = try CreditBlock(
      scheme: "J-VER", project: "東北森林管理", serialPrefix: "JV-", first: 1, last: 10,
      vintage: "2011", digits: 3)
    let purchase = try Purchase(
      lot: 10, unit: Fixtures.tonnes("0.1"), pricing: Pricing(.perTonne(12_000)),
      creditBlocks: [block], issuer: "共同事業 事務局",
      issuedOn: EventDate(year: 2012, month: 3, day: 30))
    let estimates = try Fixtures.read([
      (
        "a.csv",
        Fixtures.header.dropLast() + ",算定方法\n"
          + "131032,港区,ward,E01,環境フェア,2011-10-15,2.5,来場者 2000人 × 1.25 kg\n"
          + "131032,港区,ward,E02,省エネ講座,2011-11-20,0.4,\n"
          + "132012,八王子市,city,E01,エコフェスタ,2011-10-01,3.1,\n"
          + "132012,八王子市,city,E02,打ち水大作戦,2011-07-23,1.4,\n"
          + "133035,瑞穂町,town,E01,環境講演会,,0.6,\n"
      )
    ]).value
    #expect(estimates.submissions[0].events[0].calculation == "来場者 2000人 × 1.25 kg")
    let allocation = try Allocator().allocate(purchase, among: estimates)
    let pages = try StatementSet(language: .en).render(allocation, files: [], warnings: [])
    let page = String(decoding: try #require(pages["certificates/131032/E01.html"]), as: UTF8.self)
    // A one-word value (a date, a code, a name) is marked never to break: class="nb".
    for expected in [
      "<dt>Issued by</dt><dd>共同事業 事務局</dd>", "<dt>Issued on</dt><dd class=\"nb\">2012-03-30</dd>",
      "<dt>Name</dt><dd class=\"nb\">港区</dd>", "<dt>Code</dt><dd class=\"nb\">131032</dd>",
      "<dt>Event</dt><dd class=\"nb\">環境フェア</dd>",
      "<dt>Held on</dt><dd class=\"nb\">2011-10-15</dd>",
      "<dt>Estimated emissions</dt><dd>2.5 t-CO2</dd>",
      "<dt>How estimated</dt><dd>来場者 2000人 × 1.25 kg</dd>",
      "<dt>Offset amount</dt><dd>3.1 t-CO2</dd>", "<dt>Offset rate</dt><dd>124.0 %</dd>",
      "<td class=\"t\">J-VER</td><td class=\"t\">東北森林管理</td><td class=\"nb\">2011</td>"
        + "<td class=\"nb\">JV-001</td><td class=\"nb\">JV-003</td><td class=\"n\">3</td>",
      "0.1 t of this allocation, below a whole tonne, is retired together",
      "<dt>Retired in the name of</dt><dd class=\"nb\">港区</dd>",
      CertificatePage.pendingMarker + "not yet retired",
    ] {
      #expect(page.contains(expected), "\(expected)")
    }
    #expect(!page.contains("Short of the estimate"))
    // 133035/E01 (0.6 t estimate, 0.7 t allocated): no whole tonne of its own, no calculation.
    let small = String(decoding: try #require(pages["certificates/133035/E01.html"]), as: UTF8.self)
    #expect(small.contains("<dt>How estimated</dt><dd>not stated in the submission</dd>"))
    #expect(small.contains("<dt>Credit type</dt><dd>J-VER 東北森林管理 (2011)</dd>"))
    #expect(!small.contains("Retired in the name of"))
    // The notice names the issuer and the price per tonne.
    let notice = String(decoding: try #require(pages["statements/131032.html"]), as: UTF8.self)
    #expect(notice.contains("<dt>Issued by</dt><dd>共同事業 事務局</dd>"))
    #expect(notice.contains("<dt>Price per tonne</dt><dd>12,000 yen/t</dd>"))
    // Japanese.
    let ja = try StatementSet(language: .ja).render(allocation, files: [], warnings: [])
    let japanese = String(decoding: try #require(ja["certificates/131032/E01.html"]), as: UTF8.self)
    #expect(japanese.contains("<h1>カーボン・オフセット証明書</h1>"))
    #expect(japanese.contains("<dt>算定方法</dt><dd>来場者 2000人 × 1.25 kg</dd>"))
    #expect(japanese.contains("<dt>オフセット率</dt><dd>124.0 %</dd>"))
  }
}
