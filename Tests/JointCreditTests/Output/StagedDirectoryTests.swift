import Foundation
import Testing

@testable import JointCredit

/// The output folder is always one whole run, and only JointCredit's own files are replaced.
@Suite struct StagedDirectoryTests {
  /// A fresh scratch folder per test, removed at the end.
  final class Scratch: Sendable {
    let path: String
    init() throws {
      path = FileManager.default.temporaryDirectory.path + "/jc-staged-\(UUID().uuidString)"
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ text: String) throws {
      let full = path + "/" + name
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ name: String) -> String? {
      FileManager.default.contents(atPath: path + "/" + name).map {
        String(decoding: $0, as: UTF8.self)
      }
    }

    /// Every entry below `folder`, relative to it, folders marked with a trailing `/`, sorted.
    func tree(_ folder: String) -> [String] {
      var result: [String] = []
      func visit(_ relative: String) {
        let base = path + "/" + folder + (relative.isEmpty ? "" : "/" + relative)
        for name in FileSystem.entries(base) {
          let entry = relative.isEmpty ? name : relative + "/" + name
          if FileSystem.kind(base + "/" + name) == .folder {
            result.append(entry + "/")
            visit(entry)
          } else {
            result.append(entry)
          }
        }
      }
      visit("")
      return result
    }
  }

  static func files(_ contents: [String: String]) -> [StagedFile] {
    contents.keys.sorted().map { name in
      let text = contents[name]!
      return StagedFile(name) { $0.write(text) }
    }
  }

  @Test func aFreshFolderGetsTheFilesAndAManifest() throws {
    let scratch = try Scratch()
    let paths = try StagedDirectory(directory: scratch.path + "/a/b/out").write(
      Self.files(["x.csv": "1", "sub/y.csv": "2"]))
    #expect(paths == ["sub/y.csv", "x.csv"].map { scratch.path + "/a/b/out/" + $0 })
    #expect(scratch.tree("a/b/out") == [".jointcredit-manifest", "sub/", "sub/y.csv", "x.csv"])
    #expect(
      scratch.read("a/b/out/.jointcredit-manifest")?.split(separator: "\n").dropFirst() == [
        "sub/y.csv", "x.csv",
      ])
    // Nothing is left beside the folder.
    #expect(FileSystem.entries(scratch.path + "/a/b") == ["out"])
  }

  @Test func aSecondRunReplacesItsOwnFilesRemovesStaleOnesAndKeepsEverythingElse() throws {
    let scratch = try Scratch()
    let out = StagedDirectory(directory: scratch.path + "/out")
    _ = try out.write(Self.files(["a.csv": "old", "old.csv": "stale", "s/b.csv": "old"]))
    try scratch.write("out/notes.txt", "mine")
    try scratch.write("out/s/mine.csv", "mine too")
    try scratch.write("out/folder/deep/file", "deep")
    try FileManager.default.createDirectory(
      atPath: scratch.path + "/out/empty", withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path + "/out/link", withDestinationPath: "/nonexistent/elsewhere")

    _ = try out.write(Self.files(["a.csv": "new", "s/c.csv": "new"]))
    #expect(
      scratch.tree("out") == [
        ".jointcredit-manifest", "a.csv", "empty/", "folder/", "folder/deep/",
        "folder/deep/file", "link", "notes.txt", "s/", "s/c.csv", "s/mine.csv",
      ])
    #expect(scratch.read("out/a.csv") == "new")
    #expect(scratch.read("out/notes.txt") == "mine")
    #expect(scratch.read("out/s/mine.csv") == "mine too")
    #expect(scratch.read("out/folder/deep/file") == "deep")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path + "/out/link")
        == "/nonexistent/elsewhere")
    #expect(FileSystem.entries(scratch.path) == ["out"])
  }

  /// Each entry standing where a file or folder must go, and the start of the error.
  static let obstacles: [(make: @Sendable (Scratch) throws -> Void, message: String)] = [
    (
      {
        try FileManager.default.createDirectory(
          atPath: $0.path + "/out/a.csv", withIntermediateDirectories: true)
      },
      "/out/a.csv: is in the way"
    ),
    ({ try $0.write("out/a.csv", "not ours") }, "/out/a.csv: is in the way"),
    ({ try $0.write("out/s", "a file") }, "/out/s: is in the way"),
    (
      {
        try FileManager.default.createDirectory(
          atPath: $0.path + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
          atPath: $0.path + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
          atPath: $0.path + "/out/s", withDestinationPath: $0.path + "/elsewhere")
      }, "/out/s: is a symbolic link"
    ),
    (
      {
        try FileManager.default.createDirectory(
          atPath: $0.path + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
          atPath: $0.path + "/out/a.csv", withDestinationPath: $0.path + "/victim")
      }, "/out/a.csv: is in the way"
    ),
  ]

  @Test(arguments: obstacles.indices)
  func anEntryJointCreditDidNotWriteIsNeverReplaced(_ index: Int) throws {
    let scratch = try Scratch()
    try Self.obstacles[index].make(scratch)
    let before = scratch.tree("")
    #expect {
      try StagedDirectory(directory: scratch.path + "/out").write(
        Self.files(["a.csv": "x", "s/b.csv": "y"]))
    } throws: { error in
      "\(error)".hasPrefix("cannot write " + scratch.path + Self.obstacles[index].message)
    }
    #expect(scratch.tree("") == before)
    #expect(FileManager.default.fileExists(atPath: scratch.path + "/victim") == false)
  }

  @Test func aFailedWriteRemovesTheFoldersItCreated() throws {
    let scratch = try Scratch()
    #expect(throws: OutputError.self) {
      try StagedDirectory(directory: scratch.path + "/new/out").write(
        Self.files(["a.csv": "x"]) + [StagedFile("a.csv/b") { $0.write("y") }])
    }
    #expect(FileSystem.entries(scratch.path).isEmpty)
    let declined = try StagedDirectory(directory: scratch.path + "/new/out").write(
      Self.files(["a.csv": "x"]), commitIf: { false })
    #expect(declined.isEmpty)
    #expect(FileSystem.entries(scratch.path).isEmpty)
  }

  @Test func aFolderAnotherRunHoldsIsRefused() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      atPath: scratch.path + "/out", withIntermediateDirectories: true)
    guard let held = try FolderLock(scratch.path + "/out") else {
      Issue.record("the folder could not be locked")
      return
    }
    #expect {
      try StagedDirectory(directory: scratch.path + "/out").write(Self.files(["a.csv": "x"]))
    } throws: { error in
      "\(error)".contains("another jointcredit run is writing to this folder")
    }
    held.hold()
    #expect(scratch.tree("out").isEmpty)
  }

  @Test func whatADeadRunLeftIsSweptAndALiveRunsIsNot() throws {
    let scratch = try Scratch()
    try scratch.write(".out.jointcredit-1-dead/a.csv", "half")
    try scratch.write(".out.jointcredit-2-live/a.csv", "writing")
    try scratch.write(".other.jointcredit-3-dead/a.csv", "another folder's")
    try scratch.write("out/.a.csv.123-0A1B2C3D.tmp", "old version's temporary")
    try scratch.write("out/statements/.b.csv.9-DEADBEEF.old", "old version's")
    guard let live = try FolderLock(scratch.path + "/.out.jointcredit-2-live") else {
      Issue.record("the folder could not be locked")
      return
    }
    _ = try StagedDirectory(directory: scratch.path + "/out").write(Self.files(["a.csv": "x"]))
    live.hold()
    #expect(
      FileSystem.entries(scratch.path) == [
        ".other.jointcredit-3-dead", ".out.jointcredit-2-live", "out",
      ])
    #expect(scratch.tree("out") == [".jointcredit-manifest", "a.csv"])
  }

  @Test func aSymbolicLinkGivenAsTheFolderIsWrittenThrough() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      atPath: scratch.path + "/real", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path + "/link", withDestinationPath: scratch.path + "/real")
    _ = try StagedDirectory(directory: scratch.path + "/link").write(Self.files(["a.csv": "x"]))
    #expect(scratch.read("real/a.csv") == "x")
    #expect(FileSystem.kind(scratch.path + "/link") == .symbolicLink)
  }

  @Test(arguments: ["a/../b", "/abs", "", "a//b", "./a", "a\nb"])
  func aNameOutsideTheFolderIsRefused(_ name: String) throws {
    let scratch = try Scratch()
    #expect(throws: OutputError.self) {
      try StagedDirectory(directory: scratch.path + "/out").write([StagedFile(name) { _ in }])
    }
    #expect(FileSystem.entries(scratch.path).isEmpty)
  }
}
