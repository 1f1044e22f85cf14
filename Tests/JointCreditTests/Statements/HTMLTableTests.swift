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
    // A combining mark after `<` makes one character, but the `<` is still markup to a browser.
    ("<\u{301}b>", "&lt;\u{301}b&gt;"),
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

/// Rows hand text to a format's writer borrowed (`writeText`, `writeJoined`) or in a cell
/// (`write(.text)`, `write(.joined)`); each format must write both the same.
@Suite struct StatementCellSinkTests {
  static let texts = ["港区", "", "=1+2", "a,\"b\"", "<&'>", "E01"]

  /// Writes `text`, and `text` joined to a second text, both ways, and expects the same bytes.
  func expectBothWaysAlike<Sink: StatementCellSink>(
    _ sink: Sink, _ text: String, bytes: (Sink) -> [UInt8]
  ) {
    func written(_ write: (inout Sink) -> Void) -> String {
      var sink = sink
      write(&sink)
      return String(decoding: bytes(sink), as: UTF8.self)
    }
    let slash = UInt8(ascii: "/")
    #expect(written { $0.writeText(text) } == written { $0.write(.text(text)) })
    #expect(
      written { $0.writeJoined(text, separator: slash, "E,<1") }
        == written { $0.write(.joined(text, separator: slash, "E,<1")) })
  }

  @Test(arguments: texts)
  func borrowedTextIsWrittenAsTheTextCell(text: String) {
    expectBothWaysAlike(CSVWriter.Record(), text, bytes: \.bytes.bytes)
    expectBothWaysAlike(JSONWriter(output: [UInt8]()), text, bytes: \.output)
    expectBothWaysAlike(JSONMembers(), text, bytes: \.line.bytes)
    expectBothWaysAlike(
      HTMLCells(
        table: HTMLTable(appendingTo: [], header: [], unbroken: []),
        text: StatementText(language: .ja), language: .ja),
      text, bytes: \.table.bytes)
  }
}
