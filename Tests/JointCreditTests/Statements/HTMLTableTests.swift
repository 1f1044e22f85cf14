import Testing

@testable import JointCredit

@Suite struct HTMLTableTests {
  /// Each text, and what it must become on a page.
  @Test(arguments: [
    ("港区", "港区"),
    ("", ""),
    ("A & B", "A &amp; B"),
    ("<b>\"x\"</b>", "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"),
    ("O'Neil", "O&#39;Neil"),
    ("&amp;", "&amp;amp;"),
    ("渋谷<区>", "渋谷&lt;区&gt;"),
  ])
  func escapesTheFiveCharactersAndNothingElse(text: String, escaped: String) {
    #expect(HTML.escape(text) == escaped)
    var bytes: [UInt8] = Array("x".utf8)
    HTML.appendEscaped(text, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "x" + escaped)
  }

  @Test func classesSayHowEachCellIsLaidOut() {
    // Column 0 is unbroken (a code), column 1 free text, column 2 a figure.
    let html = HTML.table(
      [("Code", false), ("Name", false), ("t", true)],
      [[("13103", false), ("港区 & <b>", false), ("1.5", true)]],
      totalRow: [("Total", false), ("", false), ("1.5", true)], unbroken: [0])
    #expect(
      html == """
        <div class="scroll"><table>
        <thead><tr><th class="nb">Code</th><th>Name</th><th class="n">t</th></tr></thead>
        <tbody>
        <tr><td class="nb">13103</td><td class="t">港区 &amp; &lt;b&gt;</td><td class="n">1.5</td></tr>
        <tr class="total"><td class="nb">Total</td><td class="t"></td><td class="n">1.5</td></tr>
        </tbody>
        </table></div>

        """)
  }

  @Test func aTableIsAppendedAfterWhatCameBefore() {
    var table = HTMLTable(appendingTo: Array("<h2>E</h2>\n".utf8), header: [], unbroken: [])
    table.beginRow()
    table.cell(numeric: true) { EventDate(year: 2026, month: 12, day: 6)!.append(to: &$0) }
    table.endRow()
    #expect(
      String(decoding: table.finish(), as: UTF8.self) == """
        <h2>E</h2>
        <div class="scroll"><table>
        <thead><tr></tr></thead>
        <tbody>
        <tr><td class="n">2026-12-06</td></tr>
        </tbody>
        </table></div>

        """)
  }
}
