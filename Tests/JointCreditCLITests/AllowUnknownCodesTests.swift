import Foundation
import Testing

@testable import JointCreditCLI

/// `--allow-unknown-codes`: a valid code missing from the list of Japan's local governments (a
/// new or merged municipality) is a warning instead of an error, for allocate, validate and
/// explain.
@Suite struct AllowUnknownCodesTests {
  static let csv =
    "body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t\n"
    + "131032,港区,ward,E01,環境フェア,2011-10-15,2.5\n"
    + "123455,新市,city,E01,市民講座,2011/10/1,1.5\n"

  static let message =
    "local government code 123455 is not in the list of Japan's local governments (2026-07-09)"

  func submissions() throws -> URL {
    let directory = try ToolRunner.temporaryDirectory()
    try Self.csv.write(
      to: directory.appendingPathComponent("estimates.csv"), atomically: true, encoding: .utf8)
    return directory
  }

  @Test func withoutTheOptionAnUnknownCodeIsAnErrorThatNamesIt() throws {
    let directory = try submissions()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("estimates.csv").path
    let result = ToolRunner.inProcess(["validate", file])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "\(file):3:1: error: \(Self.message); check the code (for a new or merged municipality, use --allow-unknown-codes)\nError: 1 problem in the input.\n"
    )
    let japanese = ToolRunner.inProcess(["validate", file, "--lang", "ja"])
    #expect(
      japanese.stderr.hasPrefix(
        "\(file):3:1: error: 地方公共団体コード 123455 は全国の地方公共団体の一覧（2026-07-09）にありません。コードを確かめてください（新設・合併した市町村なら --allow-unknown-codes を指定してください）\n"
      ))
  }

  @Test func withTheOptionItIsAWarningAndTheLotIsAllocated() throws {
    let directory = try submissions()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("estimates.csv").path
    let warning =
      "\(file):3:1: warning: \(Self.message); it is accepted as a new or merged municipality's\n"
    let validate = ToolRunner.inProcess(["validate", file, "--allow-unknown-codes"])
    #expect(validate.status == 0)
    #expect(validate.stderr == warning)
    #expect(validate.output.hasPrefix("OK: 1 file, 2 bodies, 2 events, 4.0 t of estimates"))

    let out = directory.appendingPathComponent("out")
    let allocate = ToolRunner.inProcess([
      "allocate", file, "--allow-unknown-codes", "--lot", "4", "--unit", "0.1", "--out",
      out.path, "--skip-report", "--skip-workbook", "--skip-body-statements",
      "--skip-certificates",
    ])
    #expect(allocate.status == 0, "\(allocate.stderr)")
    #expect(allocate.stderr.hasPrefix(warning))
    let allocation = try String(
      contentsOf: out.appendingPathComponent("allocation.csv"), encoding: .utf8)
    // The date written 2011/10/1 is read as 2011-10-01.
    #expect(allocation.contains("123455,新市,city,E01,市民講座,2011-10-01,1.5,1.500000,1.5,100.0,0.0"))

    let explain = ToolRunner.inProcess([
      "explain", file, "--allow-unknown-codes", "--lot", "4", "--unit", "0.1", "--event",
      "123455/E01",
    ])
    #expect(explain.status == 0, "\(explain.stderr)")
  }

  @Test func theOptionIsInTheHelpOfEveryCommandThatReadsSubmissions() {
    for command in ["allocate", "validate", "explain"] {
      #expect(
        ToolRunner.inProcess([command, "--help"]).output.contains("--allow-unknown-codes"),
        "\(command)")
    }
  }
}
