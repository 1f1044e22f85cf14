import Foundation
import Testing

/// JSON nested to the parser's limit, and past it, is an input error from the built tool, run as
/// a user runs it: never a crash. A 511-deep purchase file once overflowed the debug build's
/// stack before the 512-level limit was reached, when an error case made every error value large.
@Suite struct NestingDepthTests {
  static let header = "body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t\n"

  /// Objects inside objects (the shape that crashed) and arrays inside arrays, to the limit and
  /// past it.
  @Test(arguments: [
    (511, true, "1:11: error: 'lot' must be a decimal"),
    (511, false, "1:11: error: 'lot' must be a decimal"),
    (600, true, "nested more than 512 deep"), (600, false, "nested more than 512 deep"),
  ])
  func deepPurchaseFilesAreInputErrors(_ depth: Int, _ objects: Bool, _ expected: String) throws {
    let directory = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let submission = directory.appendingPathComponent("a.csv")
    try Data((Self.header + "131032,港区,ward,E01,x,,1\n").utf8).write(to: submission)
    let purchase = directory.appendingPathComponent("purchase.json")
    let inner = depth - 1
    let nested =
      objects
      ? String(repeating: "{\"a\": ", count: inner) + "1" + String(repeating: "}", count: inner)
      : String(repeating: "[", count: inner) + String(repeating: "]", count: inner)
    try Data("{\"lot_t\": \(nested)}".utf8).write(to: purchase)
    for command in ["validate", "allocate"] {
      var arguments = [command, submission.path, "--purchase", purchase.path]
      if command == "allocate" {
        arguments += ["--out", directory.appendingPathComponent("out").path]
      }
      let result = try ToolRunner.process(arguments)
      #expect(result.status == 1, "\(command): \(result.stderr)")
      #expect(result.stderr.contains(expected), "\(command): \(result.stderr)")
    }
  }
}
