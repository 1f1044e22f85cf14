import Foundation
import Testing

@testable import JointCredit

/// `jointcredit template`: forms pre-filled for each body of a list, as CSV and workbooks, that
/// read back as submissions.
@Suite struct TemplateCommandTests {
  static let list = "団体コード,団体名,区分\n131032,港区,区\n132012,八王子市,市\n"

  /// Runs `template` on the list in a fresh folder; the forms go to `forms` inside it.
  static func template(_ options: [String]) throws -> (
    result: ToolRunner.Result, work: URL, out: URL
  ) {
    let work = try ToolRunner.temporaryDirectory()
    _ = try ToolRunner.write(["bodies.csv": list], in: work)
    let out = work.appendingPathComponent("forms")
    let result = ToolRunner.inProcess(
      [
        "template", "--bodies", work.appendingPathComponent("bodies.csv").path, "--out",
        out.path,
      ] + options)
    return (result, work, out)
  }

  @Test func csvFormsCarryTheBodyInEveryRow() throws {
    let (result, work, out) = try Self.template(["--format", "csv", "--rows", "2", "--lang", "en"])
    defer { try? FileManager.default.removeItem(at: work) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(ToolRunner.files(under: out) == [".jointcredit-manifest", "131032.csv", "132012.csv"])
    let form = try Data(contentsOf: out.appendingPathComponent("131032.csv"))
    #expect(
      form
        == Data(
          ([0xEF, 0xBB, 0xBF] as [UInt8])
            + Array(
              ("body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t,"
                + "calculation\r\n131032,港区,ward,,,,,\r\n131032,港区,ward,,,,,\r\n").utf8)))
  }

  @Test func workbookFormsAreTypedAndReadBack() throws {
    let (result, work, out) = try Self.template([
      "--rows", "3", "--due", "2012-01-31", "--lang", "ja",
    ])
    defer { try? FileManager.default.removeItem(at: work) }
    #expect(result.status == 0, "\(result.stderr)")
    let bytes = Array(try Data(contentsOf: out.appendingPathComponent("132012.xlsx")))
    let reader = try WorkbookReader(bytes)
    #expect(reader.sheets.map(\.name) == ["提出", "記入方法"])
    let rows = try reader.rows(of: reader.submissionSheet)
    #expect(rows.count == 4)
    #expect(rows[0].cells.map(\.text).prefix(3) == ["団体コード", "団体名", "区分"])
    #expect(rows[3].cells.map(\.text) == ["132012", "八王子市", "市"])
    let sheet = try String(
      decoding: ZIPReader(bytes).data(of: ZIPReader(bytes).entry("xl/worksheets/sheet1.xml")!),
      as: UTF8.self)
    // The event id typed as text, the date as a date, the estimate with three decimals.
    #expect(
      sheet.contains(#"<c r="D2" s="2"/><c r="E2" s="2"/><c r="F2" s="3"/><c r="G2" s="8"/>"#))
    #expect(sheet.contains(#"<dataValidation type="list""#) && sheet.contains("区,市,"))
    let instructions = try reader.rows(of: reader.sheets[1])
    #expect(instructions[1].cells.map(\.text) == ["提出期限", "2012-01-31"])
    // An unfilled form holds no event: read back, it says so, nothing else.
    let check = ToolRunner.inProcess(["validate", out.appendingPathComponent("132012.xlsx").path])
    #expect(check.status == 1)
    #expect(check.stderr.contains(":提出!A2: error: file has no events"))
  }

  @Test func aWrongListIsRefusedWithItsPlaces() throws {
    let work = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: work) }
    _ = try ToolRunner.write(
      ["bodies.csv": "body_code,body_name,body_kind\n131032,新宿区,ward\n"], in: work)
    let out = work.appendingPathComponent("forms")
    let result = ToolRunner.inProcess([
      "template", "--bodies", work.appendingPathComponent("bodies.csv").path, "--out", out.path,
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("bodies.csv:2:8: error: body 131032 is 港区"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
