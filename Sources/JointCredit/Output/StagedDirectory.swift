import Foundation

/// Writes a set of files into a folder so that they appear together or not at all.
///
/// Each file is written to a hidden temporary file beside its final name; ``commit()`` renames
/// them all once every one has been written. Until then nothing with a final name exists, and
/// ``discard()`` (or an error) removes the temporary files: a failed run never leaves a
/// half-written statement behind.
public struct StagedDirectory {
  /// The folder the files go to.
  public let directory: String
  private var staged: [(temporary: String, final: String)] = []
  private let token: String

  /// Prepares to write into a folder, creating it (and its parents) if needed.
  ///
  /// - Throws: ``OutputError`` when the folder cannot be created.
  public init(directory: String) throws(OutputError) {
    self.directory = directory
    self.token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw OutputError(path: directory, reason: "is not a folder") }
      return
    }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: directory, reason: "the folder cannot be created")
    }
  }

  /// The path a file of this name will have once committed.
  public func path(of name: String) -> String {
    (directory as NSString).appendingPathComponent(name)
  }

  /// Writes one file's content through `render` to a temporary file.
  ///
  /// - Throws: ``OutputError`` when the file cannot be written; what was staged so far is kept
  ///   for ``discard()``.
  public mutating func write(_ name: String, _ render: (inout FileOutput) -> Void)
    throws(OutputError)
  {
    let final = path(of: name)
    let directoryPart = (final as NSString).deletingLastPathComponent
    let temporary = (directoryPart as NSString).appendingPathComponent(
      ".\((name as NSString).lastPathComponent).\(token).tmp")
    do {
      try FileManager.default.createDirectory(atPath: directoryPart,
                                              withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: directoryPart, reason: "the folder cannot be created")
    }
    var output = try FileOutput(path: temporary)
    staged.append((temporary, final))
    render(&output)
    try output.close()
  }

  /// Renames every staged file to its final name.
  ///
  /// - Returns: the final paths, in the order written.
  /// - Throws: ``OutputError`` when a rename fails; the remaining temporary files are removed.
  @discardableResult
  public mutating func commit() throws(OutputError) -> [String] {
    for (index, file) in staged.enumerated() {
      if rename(file.temporary, file.final) != 0 {
        let reason = String(cString: strerror(errno))
        for rest in staged[index...] { unlink(rest.temporary) }
        staged = []
        throw OutputError(path: file.final, reason: reason)
      }
    }
    defer { staged = [] }
    return staged.map(\.final)
  }

  /// Removes every staged temporary file.
  public mutating func discard() {
    for file in staged { unlink(file.temporary) }
    staged = []
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

/// A file being written, buffered; write errors are kept and reported by ``close()``.
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
    buffer.reserveCapacity(Self.chunk)
  }

  public mutating func write(_ bytes: some Collection<UInt8>) {
    buffer.append(contentsOf: bytes)
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
