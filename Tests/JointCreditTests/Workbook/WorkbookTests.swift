import Foundation
import Testing

@testable import JointCredit

/// The workbook's parts: escapes, cell references, date serials and the row limit, by hand;
/// then a workbook written and read back through the ZIP reader, cell by cell.
@Suite struct WorkbookTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a&b<c>\"d\"", "a&amp;b&lt;c&gt;&quot;d&quot;"),
    ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
    ("bell\u{7}", "bell_x0007_"),
    ("\u{FFFE}", "_xFFFE_"),
    ("_x0041_", "_x005F_x0041_"),
    ("_x004_ and _xZZZZ_", "_x004_ and _xZZZZ_"),
    ("港区 〜 ～", "港区 〜 ～"),
  ])
  func textIsEscapedForSpreadsheetML(_ text: String, _ expected: String) {
    #expect(SpreadsheetXML.escaped(text) == expected)
  }

  @Test func columnsAreLettered() {
    #expect(
      [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(SpreadsheetXML.columnName) == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD",
      ])
  }

  @Test func datesAreSerialsOfThe1900System() {
    func serial(_ year: Int, _ month: Int, _ day: Int) -> Int? {
      SpreadsheetXML.serial(EventDate(year: year, month: month, day: day)!)
    }
    // Hand-checked against a spreadsheet's DATE(): 1900-03-01 is 61, the day after the
    // 1900-02-29 that spreadsheets count.
    #expect(serial(2011, 10, 22) == 40_838)
    #expect(serial(1900, 3, 1) == 61)
    #expect(serial(2000, 1, 1) == 36_526)
    #expect(serial(9999, 12, 31) == 2_958_465)
    #expect(serial(1900, 2, 28) == nil)
    #expect(serial(1, 1, 1) == nil)
  }

  @Test func rowsPastTheLimitGoOnInNumberedSheets() throws {
    var workbook = SpreadsheetPackage(fontName: "Calibri", rowLimit: 2)
    workbook.addSheet("Events", header: ["n"], widths: [], rows: 1...5) {
      $1.number(Int64($0), style: .integer)
    }
    workbook.addSheet(
      "A name longer than thirty-one characters: [x]", header: ["n"], widths: [], rows: [Int]()
    ) { _, _ in }
    #expect(
      workbook.sheetNames == [
        "Events", "Events (2)", "Events (3)", "A name longer than thirty-one c",
      ])
    var bytes: [UInt8] = []
    workbook.write(to: &bytes)
    let archive = try ZIPReader(bytes)
    let third = try String(
      decoding: archive.data(of: archive.entry("xl/worksheets/sheet3.xml")!), as: UTF8.self)
    #expect(
      third.contains("<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>n</t></is></c></row>")
    )
    #expect(third.contains("<row r=\"2\"><c r=\"A2\" s=\"4\"><v>5</v></c></row></sheetData>"))
    let empty = try String(
      decoding: archive.data(of: archive.entry("xl/worksheets/sheet4.xml")!), as: UTF8.self)
    #expect(empty.contains("<sheetData><row r=\"1\">"))
    #expect(!empty.contains("<row r=\"2\""))
  }

  /// Text with white space at either end (ASCII or the ideographic space) is marked to keep
  /// it; a joined key is one text, marked only for white space at its own ends.
  @Test func outerSpaceIsPreservedAndKeysAreJoined() throws {
    var workbook = SpreadsheetPackage(fontName: "Calibri")
    let texts = ["a", " a", "a ", "\u{3000}a", "a\u{3000}", "\u{3000}", "中\u{3000}央", "\ta"]
    workbook.addSheet("S", header: ["t"], widths: [], rows: texts) { $1.text($0) }
    let keys = [("131016", "E01"), ("A", " B"), (" A", "B"), ("A", "B\u{3000}")]
    workbook.addSheet("K", header: ["k"], widths: [], rows: keys) {
      $1.text($0.0, UInt8(ascii: "/"), $0.1)
    }
    var bytes: [UInt8] = []
    workbook.write(to: &bytes)
    let archive = try ZIPReader(bytes)
    func sheet(_ n: Int) throws -> String {
      try String(
        decoding: archive.data(of: archive.entry("xl/worksheets/sheet\(n).xml")!), as: UTF8.self)
    }
    let first = try sheet(1)
    let plain = "<is><t>", kept = "<is><t xml:space=\"preserve\">"
    let expected = [plain, kept, kept, kept, kept, kept, plain, kept]
    for (row, (text, opening)) in zip(texts, expected).enumerated() {
      #expect(
        first.contains("<c r=\"A\(row + 2)\" s=\"2\" t=\"inlineStr\">\(opening)\(text)</t>"),
        "\(text.unicodeScalars.map(\.value))")
    }
    let second = try sheet(2)
    #expect(second.contains("<c r=\"A2\" s=\"2\" t=\"inlineStr\"><is><t>131016/E01</t></is></c>"))
    // A space inside the joined text (after the separator) is kept without being marked.
    #expect(second.contains("<c r=\"A3\" s=\"2\" t=\"inlineStr\"><is><t>A/ B</t></is></c>"))
    #expect(
      second.contains(
        "<c r=\"A4\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> A/B</t></is></c>"))
    #expect(
      second.contains(
        "<c r=\"A5\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">A/B\u{3000}</t></is></c>"
      ))
  }

  /// The quickstart, priced: every part is there, and the events sheet holds typed cells.
  @Test func theAllocationWorkbookHoldsTypedCells() throws {
    let purchase = try Purchase(
      lot: 10, unit: Fixtures.tonnes("0.1"), pricing: Pricing(.invoiceTotal(123_456)))
    let allocation = try Allocator().allocate(purchase, among: Fixtures.quickstart)
    var bytes: [UInt8] = []
    AllocationWorkbook.write(allocation, language: .en, to: &bytes)
    let archive = try ZIPReader(bytes)
    #expect(
      archive.entries.map(\.name) == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml",
      ])
    let workbook = try String(
      decoding: archive.data(of: archive.entry("xl/workbook.xml")!), as: UTF8.self)
    #expect(
      workbook.contains(
        "<sheet name=\"Events\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Bodies\" sheetId=\"2\" r:id=\"rId2\"/>"
          + "<sheet name=\"Offset rates\" sheetId=\"3\" r:id=\"rId3\"/>"
          + "<sheet name=\"Certificates\" sheetId=\"4\" r:id=\"rId4\"/>"
          + "<sheet name=\"Purchase\" sheetId=\"5\" r:id=\"rId5\"/>"
      ))
    let events = try String(
      decoding: archive.data(of: archive.entry("xl/worksheets/sheet1.xml")!), as: UTF8.self)
    #expect(
      events.contains(
        "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
    // 131032,港区,ward,E01,環境フェア,2011-10-15,2.5,… as the CSV has it: the code as text
    // (style 2, `@`), the date as serial 40831 (style 3), the estimate with its one decimal
    // (style 6, `0.0`).
    #expect(
      events.contains(
        "<row r=\"2\"><c r=\"A2\" s=\"2\" t=\"inlineStr\"><is><t>131032</t></is></c>"
          + "<c r=\"B2\" s=\"2\" t=\"inlineStr\"><is><t>港区</t></is></c>"))
    #expect(events.contains("<c r=\"F2\" s=\"3\"><v>40831</v></c>"))
    #expect(events.contains("<c r=\"G2\" s=\"6\"><v>2.5</v></c>"))
    #expect(!events.contains("<f>"))
    let csv = String(decoding: Fixtures.statementBytes(allocation)[0], as: UTF8.self)
    #expect(csv.contains("131032,港区,ward,E01,環境フェア,2011-10-15,2.5,"))
  }
}
