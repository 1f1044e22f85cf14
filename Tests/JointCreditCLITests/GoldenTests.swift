import Foundation
import Testing

/// Runs the built `jointcredit` on every `Samples/<case>` and compares everything it produces with
/// `Samples/<case>/expected/`, byte for byte. `make goldens` rewrites them (see
/// Scripts/update-goldens.sh, which runs the same command).
@Suite struct GoldenTests {
  static let cases: [String] = {
    let samples = ToolRunner.packageRoot.appendingPathComponent("Samples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
    return names.sorted().filter { name in
      FileManager.default.fileExists(
        atPath: samples.appendingPathComponent("\(name)/expected/exit-status").path)
    }
  }()

  @Test func everySampleHasGoldenFiles() {
    #expect(
      Set(Self.cases).isSuperset(of: ["invalid", "quickstart", "tokyo-2011", "tokyo-2011-capped"]))
  }

  @Test(arguments: cases)
  func outputMatchesTheGoldenFiles(_ name: String) throws {
    let root = ToolRunner.packageRoot
    let sample = "Samples/\(name)"
    let expected = root.appendingPathComponent("\(sample)/expected")
    let work = try ToolRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: work) }
    let out = work.appendingPathComponent("out")

    var arguments = ["allocate"]
    if FileManager.default.fileExists(
      atPath: root.appendingPathComponent("\(sample)/submissions").path)
    {
      arguments.append("\(sample)/submissions")
    }
    if FileManager.default.fileExists(
      atPath: root.appendingPathComponent("\(sample)/purchase.json").path)
    {
      arguments += ["--purchase", "\(sample)/purchase.json"]
    }
    let args = root.appendingPathComponent("\(sample)/args")
    if FileManager.default.fileExists(atPath: args.path) {
      let extra = try String(contentsOf: args, encoding: .utf8)
      arguments += extra.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
    arguments += ["--out", out.path]
    let result = try ToolRunner.process(arguments)

    func golden(_ file: String) throws -> Data {
      try Data(contentsOf: expected.appendingPathComponent(file))
    }
    func normalized(_ text: String) -> Data {
      Data(text.replacingOccurrences(of: out.path, with: "OUT").utf8)
    }
    #expect(String(decoding: try golden("exit-status"), as: UTF8.self) == "\(result.status)\n")
    #expect(normalized(result.output) == (try golden("stdout.txt")))
    #expect(normalized(result.stderr) == (try golden("stderr.txt")))

    let statements = ToolRunner.files(under: out)
    let goldenStatements = ToolRunner.files(under: expected).filter {
      !["stdout.txt", "stderr.txt", "exit-status"].contains($0)
    }
    #expect(statements == goldenStatements)
    for file in goldenStatements {
      let actual = try Data(contentsOf: out.appendingPathComponent(file))
      #expect(
        actual == (try golden(file)),
        "\(sample)/expected/\(file) differs: review, then `make goldens`")
    }
  }
}
