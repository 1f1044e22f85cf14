import Foundation
import Testing

@testable import JointCredit

/// Input made to break the reader: what it does instead is stated here, case by case.
@Suite struct HostileInputTests {
  static let h = Fixtures.header
  static let row = "131032,港区,ward,E01,フェア,2011-10-15,"

  /// Each problem is one line, whatever the bad value holds; long values are shortened.
  @Test(arguments: [
    (
      "line break in an estimate", h + row + "\"1\n2\"\n",
      "a.csv:2:35: invalid emission estimate '1\\n2': expected a decimal number of tonnes such as 12.345"
    ),
    (
      "CR and NUL in an estimate", h + row + "\"1\r\u{0}\"\n",
      "a.csv:2:35: invalid emission estimate '1\\r\\u{0}': expected a decimal number of tonnes such as 12.345"
    ),
    (
      "line break in a body code", h + "\"13\n1032\",港区,ward,E01,x,,1\n",
      "a.csv:2:1: invalid body code '13\\n1032': use a local government code such as 131032, or up to 32 letters, digits, '-' and '_', starting with a letter or digit"
    ),
    (
      "tab and DEL in a kind", h + "131032,港区,\"wa\trd\u{7F}\",E01,x,,1\n",
      "a.csv:2:11: unknown body kind 'wa\\trd\\u{7F}'; expected one of prefecture, ward, city, designated-city-ward, town, village, other (or 都道府県, 区, 市, 行政区, 町, 村, その他)"
    ),
    (
      "a line separator in a date", h + "131032,港区,ward,E01,x,2011\u{2028}-01-01,1\n",
      "a.csv:2:22: invalid event date '2011\\u{2028}-01-01'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    ),
    (
      "a very long estimate", h + row + String(repeating: "9", count: 100_000) + "x\n",
      "a.csv:2:35: invalid emission estimate '" + String(repeating: "9", count: 80)
        + "…': expected a decimal number of tonnes such as 12.345"
    ),
  ])
  func aProblemIsOneShortLine(_ name: String, _ text: String, _ expected: String) {
    let errors = Fixtures.errors([("a.csv", text)])
    #expect(errors == [expected], "\(name)")
    #expect(errors.allSatisfy { !$0.contains("\n") && $0.count < 400 }, "\(name)")
  }

  @Test func aHeaderCellWithALineBreakIsEscapedInItsWarning() throws {
    let read = try Fixtures.read([
      ("a.csv", "\"no\nte\"," + Self.h + ",131032,港区,ward,E01,x,,1\n")
    ])
    // The header is the quoted cell and the known columns; the row is shifted by one cell.
    #expect(
      read.warnings.map(\.description).first?.hasPrefix("a.csv:1:1: unknown column 'no\\nte'")
        == true)
  }

  /// Quadratic reading would take hours here; linear reading takes a fraction of a second.
  @Test func aHeaderOfTwoHundredThousandCellsIsReadInOnePass() throws {
    let cells = (0..<200_000).map { "c\($0)" }.joined(separator: ",")
    let text = cells + "," + Self.h + String(repeating: ",", count: 200_000) + Self.row + "1\n"
    let read = try Fixtures.read([("a.csv", text)])
    #expect(read.value.eventCount == 1)
    #expect(read.warnings.count == 200_000)
    // The last unknown column starts after 199,999 cells and their commas.
    let width = (0..<199_999).reduce(0) { sum, index in sum + "c\(index)".count + 1 }
    #expect(read.warnings.last?.location?.position == TextPosition(line: 1, column: width + 1))
  }

  @Test func aLineOfTwoHundredThousandStrayQuotesIsReadInOnePass() {
    let line = String(repeating: "\"a\"b,", count: 200_000)
    let errors = Fixtures.errors([("a.csv", Self.h + line + "\n")])
    #expect(errors.count == 200_000)
    // Each field is 5 characters wide: the stray text of field k follows its closing quote.
    #expect(errors.last?.hasPrefix("a.csv:2:\(5 * 199_999 + 3): unexpected '\"'") == true)
  }

  /// Text that differs only in Unicode normalisation is one text, written in NFC.
  @Test func namesInNFCAndNFDAreOneNameWhateverTheRowOrder() throws {
    // つくば市 (082201) with ば as one scalar, and as は and a combining voiced mark.
    let nfc = "つくば市", nfd = "つく\u{306F}\u{3099}市"
    #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count)
    var outputs: [String] = []
    for rows in [[nfc, nfd], [nfd, nfc]] {
      let text =
        Self.h + "082201,\(rows[0]),city,E01,\(rows[0])の会,,1\n"
        + "082201,\(rows[1]),city,E02,\(rows[1])の会,,1\n"
      let estimates = try Fixtures.read([("a.csv", text)]).value
      let submission = try #require(estimates.submissions.first)
      #expect(estimates.submissions.count == 1)
      #expect(Array(submission.body.name.utf8) == Array(nfc.utf8))
      #expect(submission.events.allSatisfy { Array($0.name.utf8).starts(with: nfc.utf8) })
      outputs.append(submission.events.map(\.name).joined(separator: "|"))
    }
    #expect(Array(outputs[0].utf8) == Array(outputs[1].utf8))
  }
}

/// Only regular files are read, and none larger than the limit.
@Suite struct FileBytesTests {
  @Test func aFIFOIsRefusedAtOnce() throws {
    let path = FileManager.default.temporaryDirectory.path + "/jc-fifo-\(UUID().uuidString).csv"
    #expect(mkfifo(path, 0o600) == 0)
    defer { unlink(path) }
    guard case .failure(let failure) = FileBytes.read(path) else {
      Issue.record("a FIFO was read")
      return
    }
    #expect(failure.reason == "it is a FIFO (named pipe), not a regular file")
  }

  @Test(arguments: ["/dev/zero", "/dev/null"])
  func aDeviceIsRefused(_ path: String) throws {
    guard case .failure(let failure) = FileBytes.read(path) else {
      Issue.record("\(path) was read")
      return
    }
    #expect(failure.reason == "it is a device, not a regular file")
  }

  @Test func aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws {
    let path = FileManager.default.temporaryDirectory.path + "/jc-big-\(UUID().uuidString).csv"
    #expect(FileManager.default.createFile(atPath: path, contents: Data("abcdef".utf8)))
    defer { unlink(path) }
    guard case .failure(let failure) = FileBytes.read(path, limit: 5) else {
      Issue.record("a file over the limit was read")
      return
    }
    #expect(failure.reason.hasPrefix("it is larger than 5 bytes, the most JointCredit reads"))
    guard case .success(let bytes) = FileBytes.read(path, limit: 6) else {
      Issue.record("a file at the limit was refused")
      return
    }
    #expect(bytes == Array("abcdef".utf8))
  }

  /// A file read in parts at once, one per core, gives the bytes one read gives, whatever its
  /// size against the parts; the limit holds as for one read.
  @Test(arguments: [1, 2, 3, 1_000, 65_537, 200_003])
  func aFileReadInPartsGivesItsBytes(size: Int) throws {
    let path = FileManager.default.temporaryDirectory.path + "/jc-parts-\(UUID().uuidString).csv"
    var rng = SplitMix64(seed: UInt64(size))
    let contents = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    #expect(FileManager.default.createFile(atPath: path, contents: Data(contents)))
    defer { unlink(path) }
    guard case .success(let inParts) = FileBytes.read(path, partsFrom: 1),
      case .success(let inOne) = FileBytes.read(path, partsFrom: .max)
    else {
      Issue.record("the file was not read")
      return
    }
    #expect(inParts == contents)
    #expect(inOne == contents)
    guard case .failure = FileBytes.read(path, limit: size - 1, partsFrom: 1) else {
      Issue.record("a file over the limit was read in parts")
      return
    }
  }

  @Test func aSparseFileOfMoreThanAGibibyteIsRefusedWithoutReadingIt() throws {
    let path = FileManager.default.temporaryDirectory.path + "/jc-sparse-\(UUID().uuidString).csv"
    let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
    #expect(descriptor >= 0)
    #expect(ftruncate(descriptor, off_t(FileBytes.defaultLimit) + 1) == 0)
    close(descriptor)
    defer { unlink(path) }
    #expect {
      try SubmissionFiles.read([path])
    } throws: { error in
      "\(error)".hasPrefix("\(path): cannot read: it is larger than 1073741824 bytes")
    }
  }
}
