import Foundation
import JointCredit
import Testing

/// Every CSV statement of every sample, in every language and encoding: each row has its
/// header's cells, and the columns a spreadsheet adds up give the lot and the invoice.
@Suite struct StatementShapeTests {
  static let optionSets: [[String]] = [
    [], ["--lang", "ja"], ["--csv-encoding", "utf8", "--line-ending", "lf"],
    ["--csv-encoding", "cp932", "--cp932-replace", "--lang", "ja"],
  ]

  /// The arguments that run a sample, as the golden test runs it.
  static func arguments(_ sample: String) throws -> [String]? {
    let root = ToolRunner.packageRoot.appendingPathComponent("Samples/\(sample)")
    let manager = FileManager.default
    guard manager.fileExists(atPath: root.appendingPathComponent("expected/exit-status").path)
    else { return nil }
    var arguments: [String] = []
    if manager.fileExists(atPath: root.appendingPathComponent("submissions").path) {
      arguments.append(root.appendingPathComponent("submissions").path)
    }
    if manager.fileExists(atPath: root.appendingPathComponent("purchase.json").path) {
      arguments += ["--purchase", root.appendingPathComponent("purchase.json").path]
    }
    let args = root.appendingPathComponent("args")
    if manager.fileExists(atPath: args.path) {
      let extra = try String(contentsOf: args, encoding: .utf8)
      arguments += extra.split(separator: "\n").map { line in
        line.hasPrefix("Samples/")
          ? ToolRunner.packageRoot.appendingPathComponent(String(line)).path : String(line)
      }
    }
    return arguments
  }

  /// The records of a CSV statement, in sections (a blank line starts a new one).
  static func sections(_ bytes: [UInt8], name: String) throws -> [[[String]]] {
    let text = try TextDecoding.decode(bytes, source: name).utf8
    var reader = CSVReader(utf8: text)
    var record = CSVRecord()
    var sections: [[[String]]] = [[]]
    while reader.next(into: &record) {
      if record.count == 1, record.isBlank {
        sections.append([])
      } else {
        sections[sections.count - 1].append(record.fields)
      }
    }
    #expect(reader.problems.isEmpty, "\(name)")
    return sections.filter { !$0.isEmpty }
  }

  @Test func everyRowHasItsHeadersCellsAndTheColumnsAddUp() throws {
    let samples = try FileManager.default.contentsOfDirectory(
      atPath: ToolRunner.packageRoot.appendingPathComponent("Samples").path
    ).sorted()
    var checkedFiles = 0, checkedRuns = 0
    for sample in samples {
      guard let arguments = try Self.arguments(sample) else { continue }
      for options in Self.optionSets {
        let work = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let result = ToolRunner.inProcess(["allocate"] + arguments + options + ["--out", out.path])
        guard result.status == 0 else { continue }  // the invalid sample writes nothing
        checkedRuns += 1
        for file in ToolRunner.files(under: out) where file.hasSuffix(".csv") {
          let bytes = Array(try Data(contentsOf: out.appendingPathComponent(file)))
          for section in try Self.sections(bytes, name: file) {
            let width = section[0].count
            for (index, row) in section.enumerated() {
              #expect(
                row.count == width,
                "\(sample) \(options) \(file) row \(index + 1): \(row.count) cells, header \(width)"
              )
            }
          }
          checkedFiles += 1
        }
        try checkSums(out: out, sample: "\(sample) \(options)")
      }
    }
    #expect(checkedRuns >= 12, "\(checkedRuns) runs")
    #expect(checkedFiles > 300, "\(checkedFiles) files")
  }

  /// allocation.csv's allocation column adds up to the lot and its cost column to the invoice,
  /// as a spreadsheet's SUM would, reserve row included.
  func checkSums(out: URL, sample: String) throws {
    let document = try JSONParser.parse(
      Array(try Data(contentsOf: out.appendingPathComponent("allocation.json"))))
    func member(_ key: String, _ value: JSONValue) -> JSONValue? {
      guard case .object(let members) = value else { return nil }
      return members.first { $0.key == key }?.value.value
    }
    guard let purchase = member("purchase", document.value),
      case .string(let lotText)? = member("lot_t", purchase)
    else {
      Issue.record("\(sample): no lot in allocation.json")
      return
    }
    let lot = try Quantity(parsing: lotText)
    let bytes = Array(try Data(contentsOf: out.appendingPathComponent("allocation.csv")))
    let rows = try Self.sections(bytes, name: "allocation.csv")[0]
    // The columns by position: headers may be Japanese.
    let allocated = 8, cost = 10
    let sum = try rows.dropFirst().reduce(Int64(0)) { total, row in
      total + (try Quantity(parsing: row[allocated]).grams)
    }
    #expect(sum == lot.grams, "\(sample): allocated_t adds up to \(sum) g, the lot is \(lot)")
    if case .number(let invoice)? = member("invoice_total_jpy", purchase) {
      let costs = rows.dropFirst().reduce(Int64(0)) { $0 + (Int64($1[cost]) ?? -1) }
      #expect(String(costs) == invoice, "\(sample): cost_jpy adds up to \(costs)")
    }
  }
}
