import Foundation
import Testing

@testable import JointCredit

/// Every JSON document JointCredit writes conforms to schema/allocation.schema.json.
@Suite struct SchemaConformanceTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let validator: JSONSchemaValidator = {
    let bytes = try! Data(contentsOf: root.appendingPathComponent("schema/allocation.schema.json"))
    return JSONSchemaValidator(schema: try! JSONParser.parse(Array(bytes)).value)
  }()

  static func violations(_ bytes: [UInt8]) -> [String] {
    do {
      return validator.violations(of: try JSONParser.parse(bytes).value)
    } catch {
      return ["not JSON: \(error)"]
    }
  }

  @Test func theSchemaHasAVersionedID() throws {
    let bytes = try Data(
      contentsOf: Self.root.appendingPathComponent("schema/allocation.schema.json"))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(
      text.contains(
        "\"$id\": \"https://jointcredit.example/schema/allocation/v\(AllocationDocument.formatVersion).json\""
      ))
  }

  @Test func everyGoldenDocumentConforms() throws {
    let samples = Self.root.appendingPathComponent("Samples")
    let enumerator = FileManager.default.enumerator(atPath: samples.path)!
    var checked = 0
    while let path = enumerator.nextObject() as? String {
      guard path.hasSuffix(".json"), path.contains("/expected/") else { continue }
      let bytes = Array(try Data(contentsOf: samples.appendingPathComponent(path)))
      #expect(Self.violations(bytes) == [], "\(path)")
      checked += 1
    }
    #expect(checked > 50)
  }

  @Test func generatedDocumentsConform() throws {
    var checked = 0
    for seed in 0..<60 {
      var rng = SplitMix64(seed: UInt64(seed) &+ 99)
      let estimates = Generate.estimates(using: &rng)
      var purchase = Generate.purchase(seed: seed, cappedEvery: 3, using: &rng)
      if seed % 2 == 0 {
        purchase.pricing = Pricing(.invoiceTotal(1_000_000), taxIncluded: seed % 4 == 0)
      }
      guard
        let allocation = Generate.allocation(
          purchase, among: estimates, explains: seed % 5 == 0, seed: seed)
      else { continue }
      var document: [UInt8] = []
      AllocationDocument.write(
        allocation, files: [], warnings: [InputWarning(.bodyUnitUnused)], to: &document)
      #expect(Self.violations(document) == [])
      for body in allocation.bodies {
        var statement: [UInt8] = []
        BodyStatementFiles.writeJSON(body, of: allocation, to: &statement)
        #expect(Self.violations(statement) == [], "\(body.body.code)")
      }
      checked += 1
    }
    #expect(checked >= 45, "only \(checked) of 60 seeds were checked")
  }

  @Test func aDecimalWrittenAsANumberIsCaught() throws {
    let path = Self.root.appendingPathComponent("Samples/quickstart/expected/allocation.json")
    let text = String(decoding: try Data(contentsOf: path), as: UTF8.self)
    #expect(Self.violations(Array(text.utf8)).isEmpty)
    let broken = text.replacingOccurrences(
      of: #""emissions_t": "2.5""#, with: #""emissions_t": 2.5"#)
    #expect(broken != text)
    #expect(!Self.violations(Array(broken.utf8)).isEmpty)
  }

  @Test func aDocumentThatBreaksTheSchemaIsCaught() {
    let document =
      #"{"format": "jointcredit-body-statement", "format_version": 2, "generator": "jointcredit 0.1.0", "purchase": {}, "body": {"body_code": "131032", "emissions_t": 1.5}, "retirement": [], "totals": {}}"#
    let problems = Self.violations(Array(document.utf8))
    #expect(!problems.isEmpty)
    #expect(problems.contains { $0.contains("matches 0 of oneOf") })
  }
}
