import Foundation
import Testing

@testable import JointCreditCLI

/// Values at and past the limits give exact output or an input error: never a trap. Each case
/// once crashed the tool (an overflow trap); the tests run in-process, so a trap would end the
/// test run.
@Suite struct ExtremeValueTests {
  static let header = "body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t\n"
  static let inputs: [String: String] = [
    "two.csv": header + "131032,港区,ward,E01,a,,2.5\n131032,港区,ward,E02,b,,0.4\n",
    "twobodies.csv": header + "131032,港区,ward,E01,a,,2.5\n132012,八王子市,city,E01,b,,1.5\n",
    "one.csv": header + "131032,港区,ward,E01,a,,2.5\n",
    "big2.csv": header + "131032,港区,ward,E01,a,,1000\n131032,港区,ward,E02,b,,1000\n",
    "huge.csv": header + "131032,港区,ward,E01,a,,1000000000000\n",
    "tiny.csv": header + "131032,港区,ward,E01,a,,0.000001\n132012,八王子市,city,E01,b,,1\n",
    "w.csv": "id,weight\na,1\nb,1\n",
    "end.json": """
    {"lot_t": "10", "credit_blocks": [{"scheme": "J", "project": "p", "serial_prefix": "X-",
     "first": "999999999999999990", "last": "999999999999999999", "vintage": "2011"}]}
    """,
  ]

  /// Arguments (input file names are replaced by their paths), the exit status, and a line the
  /// output or error must hold.
  static let cases: [([String], Int32, String)] = [
    (
      ["validate", "two.csv", "--purchase", "end.json"], 0,
      "OK: 1 file, 1 body, 2 events"
    ),
    (
      [
        "apportion", "w.csv", "--method", "dhondt", "--total", "9223372036854.775807", "--unit",
        "0.000001",
      ], 0, "b,1,4611686018427.387904,4611686018427.387903"
    ),
    (
      [
        "validate", "twobodies.csv", "--lot", "9223372036854.775807", "--unit", "0.000001",
        "--method", "dhondt",
      ], 0, "the lot can be allocated"
    ),
    (
      [
        "validate", "twobodies.csv", "--lot", "10", "--method", "dhondt", "--invoice-total-jpy",
        "999999999999999",
      ], 0, "the lot can be allocated"
    ),
    (
      ["validate", "twobodies.csv", "--lot", "10", "--invoice-total-jpy", "9223372036854775807"],
      64, "at most 999999999999999, written with digits only"
    ),
    (
      ["validate", "two.csv", "--lot", "1", "--unit", "0.000001", "--min", "5000000000000"], 1,
      "the minimums need 10000000000000.000000 t but the lot of 1.000000 t is less"
    ),
    (
      ["validate", "two.csv", "--lot", "10", "--min", "9223372036854"], 1,
      "the minimums need 18446744073708 t but the lot of 10 t is less"
    ),
    (
      [
        "validate", "twobodies.csv", "--mode", "body-then-event", "--lot", "10", "--unit",
        "0.000001", "--min", "5000000000000",
      ], 1,
      "the minimums need 10000000000000.000000 t but the lot of 10.000000 t is less"
    ),
    (
      [
        "validate", "two.csv", "--mode", "body-then-event", "--lot", "1", "--unit", "0.000001",
        "--min", "5000000000000",
      ], 1,
      "the minimums need 10000000000000.000000 t but the lot of 1.000000 t is less"
    ),
    (
      [
        "apportion", "w.csv", "--method", "adams", "--total", "9000000000000", "--unit",
        "9000000000000",
      ], 1, "which needs 18000000000000 t, but the total of 9000000000000 t"
    ),
    (
      [
        "validate", "twobodies.csv", "--mode", "body-then-event", "--method", "adams",
        "--body-unit", "9000000000000", "--lot", "9000000000000",
      ], 1,
      "the minimums need 18000000000000 t but the lot of 9000000000000 t is less"
    ),
    (
      [
        "validate", "big2.csv", "--lot", "1", "--unit", "0.000001", "--cap-rate",
        "1000000000000",
      ], 0, "the lot can be allocated"
    ),
    (
      [
        "validate", "big2.csv", "--mode", "body-then-event", "--lot", "1", "--unit", "0.000001",
        "--cap-rate", "500000000000",
      ], 0, "the lot can be allocated"
    ),
    (
      [
        "validate", "one.csv", "--mode", "body-then-event", "--unit", "0.000001", "--body-unit",
        "9223372036854", "--lot", "9223372036854", "--min", "1",
      ], 0, "the lot can be allocated"
    ),
    (
      ["explain", "huge.csv", "--lot", "1000000000000", "--event", "131032/E01"], 0,
      "allocated: 1000000000000 t (offset rate 100.0 %)"
    ),
    (
      ["allocate", "tiny.csv", "--lot", "30000000000", "--min", "10000000000", "--out", "OUT"],
      0, "Allocated 30000000000 t"
    ),
  ]

  @Test(arguments: cases.indices)
  func extremeValuesGiveAnAnswerOrAnInputError(_ index: Int) throws {
    let (arguments, status, expected) = Self.cases[index]
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try ToolRunner.write(Self.inputs, in: directory)
    let resolved = arguments.map { argument in
      if argument == "OUT" { return directory.appendingPathComponent("out").path }
      return Self.inputs[argument] != nil
        ? directory.appendingPathComponent(argument).path : argument
    }
    let result = ToolRunner.inProcess(resolved)
    #expect(result.status == status, "\(result.stderr)")
    #expect(
      (result.output + result.stderr).contains(expected), "\(result.output)\(result.stderr)")
  }
}
