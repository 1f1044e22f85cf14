import Foundation
import Testing

@testable import JointCredit

/// Input paths are kept as the user gave them: in messages and in allocation.json's `inputs`,
/// never made absolute nor resolved through links (resolving is only how a file named twice is
/// read once).
@Suite struct SubmissionFileTests {
  @Test func pathsAreRecordedAsGivenThroughLinksAndDots() throws {
    let manager = FileManager.default
    let root = manager.temporaryDirectory.path + "/jc-paths-\(UUID().uuidString)"
    try manager.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
    defer { try? manager.removeItem(atPath: root) }
    try Data(Fixtures.quickstartCSV.utf8).write(to: URL(fileURLWithPath: root + "/real/a.csv"))
    try manager.createSymbolicLink(atPath: root + "/link", withDestinationPath: "real")

    // Through the link, with `..` and a doubled slash; the folder names the same file again.
    let given = root + "/link/../link//a.csv"
    let files = try SubmissionFiles.read([given, root + "/real"])
    #expect(files.map(\.path) == [given])

    // A folder given through the link: its files are named under the folder as given.
    #expect(try SubmissionFiles.read([root + "/link"]).map(\.path) == [root + "/link/a.csv"])

    let estimates = try SubmissionReader().read(files).value
    #expect(estimates.files.map(\.path) == [given])
    let allocation = try Allocator().allocate(
      try Purchase(lot: Quantity(tonnes: 10), unit: Fixtures.tonnes("0.1")), among: estimates)
    var json: [UInt8] = []
    AllocationDocument.write(allocation, files: estimates.files, warnings: [], to: &json)
    let text = String(decoding: json, as: UTF8.self)
    #expect(text.contains("{ \"path\": \"\(given)\", \"format\": \"csv\""))
  }
}
