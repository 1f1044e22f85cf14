import Dispatch
import Foundation
import Synchronization

/// One file for ``StagedDirectory`` to write: its name and what to write into it.
public struct StagedFile: Sendable {
  /// The file name, relative to the folder (it may contain subfolders).
  public var name: String
  /// Writes the content.
  public var render: @Sendable (inout FileOutput) -> Void

  /// Creates a file to write.
  public init(_ name: String, render: @escaping @Sendable (inout FileOutput) -> Void) {
    self.name = name
    self.render = render
  }
}

/// Writes a set of files into a folder so that they appear together or not at all.
///
/// Each file is written to a hidden temporary file beside its final name; only when every one has
/// been written are they renamed to their final names. If anything fails, the temporary files are
/// removed and no file with a final name is created or replaced: a failed run never leaves a
/// half-written statement behind. Files are written concurrently, one per core.
public struct StagedDirectory: Sendable {
  /// The folder the files go to.
  public let directory: String

  /// Prepares to write into a folder, creating it (and its parents) if needed.
  ///
  /// - Throws: ``OutputError`` when the folder cannot be created.
  public init(directory: String) throws(OutputError) {
    self.directory = directory
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw OutputError(path: directory, reason: "is not a folder")
      }
      return
    }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: directory, reason: "the folder cannot be created")
    }
  }

  /// The path a file of this name has once written.
  public func path(of name: String) -> String {
    (directory as NSString).appendingPathComponent(name)
  }

  /// Writes every file, then renames them all into place.
  ///
  /// - Parameters:
  ///   - files: the files, started in this order (put the largest first).
  ///   - shouldCommit: asked once every file is written; `false` discards them all (when what
  ///     was written turns out to be unusable).
  /// - Returns: the final paths, in the order of `files`; empty when `shouldCommit` said no.
  /// - Throws: ``OutputError`` for the first file that could not be written; then no file was
  ///   created or replaced.
  public func write(_ files: [StagedFile], commitIf shouldCommit: () -> Bool = { true })
    throws(OutputError) -> [String]
  {
    let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    let targets = files.map { file in
      let final = path(of: file.name)
      let folder = (final as NSString).deletingLastPathComponent
      let hidden = (folder as NSString).appendingPathComponent(
        ".\((final as NSString).lastPathComponent).\(token)")
      return (folder: folder, temporary: hidden + ".tmp", final: final, previous: hidden + ".old")
    }
    // Subfolders are made first, once, so that a failure can remove the ones this call made.
    var madeFolders: [String] = []
    for folder in Set(targets.map(\.folder)).sorted() where access(folder, F_OK) != 0 {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        madeFolders.append(folder)
      } catch {
        throw OutputError(path: folder, reason: "the folder cannot be created")
      }
    }
    let failures = Mutex([OutputError?](repeating: nil, count: files.count))
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let target = targets[index]
      do throws(OutputError) {
        var output = try FileOutput(path: target.temporary)
        files[index].render(&output)
        try output.close()
      } catch {
        failures.withLock { $0[index] = error }
      }
    }
    func removeTemporaries() {
      for target in targets { unlink(target.temporary) }
      for folder in madeFolders.reversed() { rmdir(folder) }
    }
    if let failure = failures.withLock({ $0.compactMap { $0 }.first }) {
      removeTemporaries()
      throw failure
    }
    guard shouldCommit() else {
      removeTemporaries()
      return []
    }
    // Set earlier statements aside, put the new ones in place, and only then drop the old ones;
    // if a rename fails, undo what was done so that the folder is as it was.
    var setAside: [Int] = []
    var placed: [Int] = []
    func undo() {
      for index in placed { unlink(targets[index].final) }
      for index in setAside { rename(targets[index].previous, targets[index].final) }
      removeTemporaries()
    }
    for (index, target) in targets.enumerated() where access(target.final, F_OK) == 0 {
      guard rename(target.final, target.previous) == 0 else {
        let reason = String(cString: strerror(errno))
        undo()
        throw OutputError(path: target.final, reason: reason)
      }
      setAside.append(index)
    }
    for (index, target) in targets.enumerated() {
      guard rename(target.temporary, target.final) == 0 else {
        let reason = String(cString: strerror(errno))
        undo()
        throw OutputError(path: target.final, reason: reason)
      }
      placed.append(index)
    }
    for index in setAside { unlink(targets[index].previous) }
    return targets.map(\.final)
  }
}

/// A statement file that could not be written.
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file or folder.
  public var path: String
  /// Why, as the system says it.
  public var reason: String

  /// Creates an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write \(path): \(reason)" }
}

/// A file being written, buffered; write errors are kept and reported when it is closed.
public struct FileOutput: ByteOutput {
  private let path: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private var failure: String?
  private static let chunk = 1 << 20

  /// Creates (or truncates) the file.
  init(path: String) throws(OutputError) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if descriptor < 0 { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    buffer.reserveCapacity(Self.chunk + Self.chunk / 2)
  }

  public mutating func write(_ bytes: some Collection<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.chunk { flush() }
  }

  public mutating func write(byte: UInt8) {
    buffer.append(byte)
    if buffer.count >= Self.chunk { flush() }
  }

  public mutating func writeBuffered(_ body: (inout [UInt8]) -> Void) {
    body(&buffer)
    if buffer.count >= Self.chunk { flush() }
  }

  private mutating func flush() {
    defer { buffer.removeAll(keepingCapacity: true) }
    guard failure == nil else { return }
    buffer.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += written
      }
    }
  }

  /// Writes what is buffered and closes the file.
  ///
  /// - Throws: ``OutputError`` when any write failed (a full disk, say).
  mutating func close() throws(OutputError) {
    flush()
    if Foundation.close(descriptor) != 0, failure == nil {
      failure = String(cString: strerror(errno))
    }
    descriptor = -1
    if let failure { throw OutputError(path: path, reason: failure) }
  }
}

/// Paths inside an output folder, for tidying what an earlier run left.
struct StagedDirectoryPath {
  let directory: String

  init(_ directory: String) {
    self.directory = directory
  }

  func remove(_ name: String) {
    unlink((directory as NSString).appendingPathComponent(name))
  }

  func files(in folder: String) -> [String] {
    let path = (directory as NSString).appendingPathComponent(folder)
    return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }
}
