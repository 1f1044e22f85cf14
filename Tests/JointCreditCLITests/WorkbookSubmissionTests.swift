import Foundation
import Testing

@testable import JointCredit

/// Submissions as workbooks, read as they come back from spreadsheets: written by LibreOffice
/// Calc and openpyxl (Samples/tokyo-2011-xlsx), they give the statements their CSV twins give,
/// byte for byte; problems are located by sheet and cell.
@Suite struct WorkbookSubmissionTests {
  @Test func workbooksGiveTheStatementsOfTheirCSVTwins() throws {
    let work = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: work) }
    var outputs: [URL] = []
    for input in ["Samples/tokyo-2011-xlsx/workbooks", "Samples/tokyo-2011/submissions"] {
      let out = work.appendingPathComponent("out\(outputs.count)")
      let result = try ToolRunner.process([
        "allocate", input, "--purchase", "Samples/tokyo-2011/purchase.json", "--out", out.path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      outputs.append(out)
    }
    let files = ToolRunner.files(under: outputs[0])
    #expect(files == ToolRunner.files(under: outputs[1]))
    #expect(files.filter { $0.hasSuffix(".xlsx") }.count == 37)
    var compared = 0
    for file in files where file != "allocation.json" {
      let workbook = try Data(contentsOf: outputs[0].appendingPathComponent(file))
      let csv = try Data(contentsOf: outputs[1].appendingPathComponent(file))
      #expect(workbook == csv, "\(file)")
      compared += 1
    }
    #expect(compared == files.count - 1 && compared > 200)
    // allocation.json differs only where it names what was read.
    func lines(_ out: URL) throws -> [Substring] {
      let text = try String(
        contentsOf: out.appendingPathComponent("allocation.json"), encoding: .utf8)
      return text.split(separator: "\n").filter { !$0.contains("Samples/tokyo-2011") }
    }
    #expect(try lines(outputs[0]) == lines(outputs[1]))
  }

  @Test func problemsAreLocatedBySheetAndCell() throws {
    let work = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: work) }
    var package = SpreadsheetPackage(fontName: "Calibri")
    package.addSheet(
      "提出", header: ["団体コード", "団体名", "区分", "イベントID", "イベント名", "排出量(t-CO2)"],
      widths: [],
      rows: [["131032", "港区", "区", "E01", "環境フェア", "12,5"], ["131032", "港区", "区", "", "", ""]]
    ) { row, cells in
      for text in row { cells.text(text) }
    }
    var bytes: [UInt8] = []
    package.write(to: &bytes)
    let file = work.appendingPathComponent("131032.xlsx")
    try Data(bytes).write(to: file)
    let result = try ToolRunner.process(["validate", file.path, "--lot", "1"])
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "\(file.path):提出!F2: error: invalid emission estimate '12,5': use '.' as the decimal "))
    // The pre-filled row with no event is no event: one problem only.
    #expect(result.stderr.hasSuffix("Error: 1 problem in the input.\n"))

    try Data("not a workbook".utf8).write(to: file)
    let broken = try ToolRunner.process(["validate", file.path, "--lot", "1"])
    #expect(
      broken.stderr.hasPrefix(
        "\(file.path): error: not an .xlsx workbook (it is not a ZIP archive)"))
  }
}
