import Foundation
import JointCreditCLI

/// Runs `jointcredit` in-process or as the built executable.
enum ToolRunner {
  /// The package's root folder.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  struct Result {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
    var output: String { String(decoding: stdout, as: UTF8.self) }
  }

  /// Runs the command line in this process.
  static func inProcess(_ arguments: [String], stdin: String = "") -> Result {
    var console = CapturedConsole()
    let code = Tool.run(
      arguments, console: &console, standardInput: { .success(Array(stdin.utf8)) })
    return Result(status: code.rawValue, stdout: console.output, stderr: console.error)
  }

  /// The built executable, beside this test bundle.
  static var executable: URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("jointcredit")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return packageRoot.appendingPathComponent(".build/debug/jointcredit")
  }

  /// Runs the built executable from the package root.
  static func process(_ arguments: [String]) throws -> Result {
    let scratch = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = scratch.appendingPathComponent("stdout"),
      err = scratch.appendingPathComponent("stderr")
    for file in [out, err] where !FileManager.default.createFile(atPath: file.path, contents: nil) {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: Array(try Data(contentsOf: out)),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  /// A new empty folder, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("jointcredit-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes files into a folder and returns their paths.
  @discardableResult
  static func write(_ files: [String: String], in directory: URL) throws -> [String] {
    try files.keys.sorted().map { name in
      let url = directory.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(),
        withIntermediateDirectories: true)
      try Data(files[name]!.utf8).write(to: url)
      return url.path
    }
  }

  /// Every file below a folder, as paths relative to it, sorted.
  static func files(under directory: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
    var files: [String] = []
    while let path = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: directory.appendingPathComponent(path).path,
        isDirectory: &isDirectory)
      if exists, !isDirectory.boolValue { files.append(path) }
    }
    return files.sorted()
  }

  /// The names in a folder, or `nil` when it does not exist.
  static func contents(of directory: URL) -> [String]? {
    (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.sorted()
  }
}
