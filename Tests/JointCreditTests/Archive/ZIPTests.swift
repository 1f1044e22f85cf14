import Foundation
import Testing

@testable import JointCredit

/// ZIP archives both ways: archives Python's zipfile wrote (stored, deflated, streamed with a
/// data descriptor) read by the reader; archives the writer wrote read back entry by entry.
@Suite struct ZIPTests {
  /// Python 3.11 zipfile: `stored.txt` stored, `deflated.txt` deflated (`"deflated " * 50`).
  static let pythonArchive = Array(
    Data(
      base64Encoded:
        "UEsDBBQAAAAAAAAAIQDsa5bcGwAAABsAAAAKAAAAc3RvcmVkLnR4dHN0b3JlZCBieSBQeXRob24ncyB6aXBmaWxlClBLAwQUAAAACAAAACEAcmKYxBAAAADCAQAADAAAAGRlZmxhdGVkLnR4dEtJTctJLElNUUgZZQxNBgBQSwECFAMUAAAAAAAAACEA7GuW3BsAAAAbAAAACgAAAAAAAAAAAAAAgAEAAAAAc3RvcmVkLnR4dFBLAQIUAxQAAAAIAAAAIQByYpjEEAAAAMIBAAAMAAAAAAAAAAAAAACAAUMAAABkZWZsYXRlZC50eHRQSwUGAAAAAAIAAgByAAAAfQAAAAAA"
    )!)
  /// Python 3.11 zipfile writing to a stream it cannot seek: sizes in a data descriptor
  /// (flag bit 3), `streamed.txt` = `"streamed " * 40`.
  static let pythonStreamed = Array(
    Data(
      base64Encoded:
        "UEsDBBQACAAIAAAAIQAAAAAAAAAAAAAAAAAMAAAAc3RyZWFtZWQudHh0Ky4pSk3MTU1RKB5l0JIBAFBLBwjK5sBwEAAAAGgBAABQSwECFAMUAAgACAAAACEAyubAcBAAAABoAQAADAAAAAAAAAAAAAAAgAEAAAAAc3RyZWFtZWQudHh0UEsFBgAAAAABAAEAOgAAAEoAAAAAAA=="
    )!)

  @Test func readsWhatPythonWrote() throws {
    let archive = try ZIPReader(Self.pythonArchive)
    #expect(archive.entries.map(\.name) == ["stored.txt", "deflated.txt"])
    #expect(try archive.data(of: archive.entries[0]) == Array("stored by Python's zipfile\n".utf8))
    #expect(
      try archive.data(of: archive.entry("deflated.txt")!)
        == Array(String(repeating: "deflated ", count: 50).utf8))
    let streamed = try ZIPReader(Self.pythonStreamed)
    #expect(
      try streamed.data(of: streamed.entries[0])
        == Array(String(repeating: "streamed ", count: 40).utf8))
  }

  @Test func writesWhatItReadsBack() throws {
    var bytes: [UInt8] = []
    var writer = ZIPWriter()
    let big = Array((0..<50_000).map { "row \($0);" }.joined().utf8)
    writer.add("a.txt", bytes: Array("alpha".utf8), to: &bytes)
    writer.add("dir/empty", bytes: [UInt8](), to: &bytes)
    writer.add("dir/big.xml", bytes: big, to: &bytes)
    writer.finish(to: &bytes)
    let archive = try ZIPReader(bytes)
    #expect(archive.entries.map(\.name) == ["a.txt", "dir/empty", "dir/big.xml"])
    #expect(try archive.data(of: archive.entries[0]) == Array("alpha".utf8))
    #expect(try archive.data(of: archive.entries[1]) == [])
    #expect(try archive.data(of: archive.entries[2]) == big)
    #expect(archive.entries[2].size == big.count)
    // The local header: signature, version 2.0, no flags, deflated, 1980-01-01 00:00.
    #expect(Array(bytes[0..<14]) == [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0x21, 0])
  }

  @Test func refusesDamageEncryptionAndBombs() throws {
    #expect(throws: ZIPReader.Failure.notAnArchive("no end of central directory record")) {
      try ZIPReader(Array("not a zip at all, just some text".utf8))
    }
    var damaged = Self.pythonArchive
    damaged[115] ^= 0xFF  // inside deflated.txt's data (bytes 109 to 124)
    let archive = try ZIPReader(damaged)
    #expect(throws: ZIPReader.Failure.damaged("deflated.txt")) {
      try archive.data(of: archive.entry("deflated.txt")!)
    }
    var encrypted = Self.pythonArchive
    let directory = 0x7D  // the central directory's offset, from the end record
    encrypted[directory + 8] |= 1
    #expect(throws: ZIPReader.Failure.encrypted("stored.txt")) {
      let reader = try ZIPReader(encrypted)
      return try reader.data(of: reader.entries[0])
    }
    var bombBytes: [UInt8] = []
    var writer = ZIPWriter()
    writer.add("zeros", bytes: [UInt8](repeating: 0, count: 1 << 22), to: &bombBytes)
    writer.finish(to: &bombBytes)
    let bomb = try ZIPReader(bombBytes)
    #expect(bombBytes.count < 40_000)
    #expect(throws: ZIPReader.Failure.tooLarge("zeros", limit: 1 << 20)) {
      try bomb.data(of: bomb.entries[0], limit: 1 << 20)
    }
  }
}
