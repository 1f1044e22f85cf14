import Testing

@testable import JointCredit

/// Workbooks read back: one the project writes (typed cells, inline strings, dates), and the
/// ways a workbook can be wrong.
@Suite struct WorkbookReaderTests {
  static func workbook(rowLimit: Int = SpreadsheetPackage.defaultRowLimit) -> [UInt8] {
    var package = SpreadsheetPackage(fontName: "Calibri", rowLimit: rowLimit)
    package.addSheet("Memo", header: ["note"], widths: [], rows: ["a & b"]) { $1.text($0) }
    package.addSheet(
      "提出", header: ["団体コード", "排出量(t-CO2)", "開催日"], widths: [],
      rows: [("011002", "1.250", 40_831), ("131032", "0.4", 40_867)]
    ) { row, cells in
      cells.text(row.0)
      cells.number(
        FixedDecimal(
          digits: Int128(row.1 == "1.250" ? 1_250 : 4), decimals: row.1 == "1.250" ? 3 : 1))
      cells.number(Int64(row.2), style: .date)
    }
    var bytes: [UInt8] = []
    package.write(to: &bytes)
    return bytes
  }

  @Test func readsTheSubmissionSheetAsText() throws {
    let reader = try WorkbookReader(Self.workbook())
    #expect(reader.sheets.map(\.name) == ["Memo", "提出"])
    #expect(reader.submissionSheet.name == "提出")
    let rows = try reader.rows(of: reader.submissionSheet)
    #expect(rows.map(\.number) == [1, 2, 3])
    // 1.25 is stored as a number shown with the format 0.000: read as shown.
    #expect(rows[1].cells.map(\.text) == ["011002", "1.250", "2011-10-15"])
    #expect(rows[2].cells.map(\.column) == [0, 1, 2])
    #expect(rows[2].cells.map(\.text) == ["131032", "0.4", "2011-11-20"])
    let memo = try reader.rows(of: reader.sheets[0])
    #expect(memo[1].cells.map(\.text) == ["a & b"])
  }

  @Test func refusesWhatIsNoWorkbook() throws {
    #expect(throws: WorkbookReader.Failure.encrypted) {
      try WorkbookReader([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
    }
    #expect(throws: WorkbookReader.Failure.notAnArchive) {
      try WorkbookReader(Array("body_code,body_name\n".utf8))
    }
    var bytes: [UInt8] = []
    var zip = ZIPWriter()
    zip.add("xl/workbook.xml", bytes: Array("<workbook/>".utf8), to: &bytes)
    zip.finish(to: &bytes)
    #expect(throws: WorkbookReader.Failure.missingPart("xl/_rels/workbook.xml.rels")) {
      try WorkbookReader(bytes)
    }
  }

  @Test func aPartPastTheLimitIsRefused() throws {
    // styles.xml expands to 2,075 bytes, the parts before it to under 1,000: with a limit of
    // 1,000 bytes it is refused as a bomb's part would be.
    #expect(throws: WorkbookReader.Failure.tooLarge(part: "xl/styles.xml", limit: 1_000)) {
      try WorkbookReader(Self.workbook(), partLimit: 1_000)
    }
  }

  @Test(arguments: [("A1", 0), ("Z9", 25), ("AA10", 26), ("XFD1048576", 16_383), ("1", nil)])
  func cellReferencesGiveTheirColumn(_ reference: String, _ column: Int?) {
    #expect(WorkbookReader.columnIndex(reference) == column)
  }

  @Test func entitiesAreDecoded() {
    #expect(
      XMLScanner.decode("a &amp; b &lt;c&gt; &quot;&apos; &#x6E2F;&#21306;") == "a & b <c> \"' 港区")
  }
}
