import Foundation

/// A file being written, buffered; write errors are kept and reported when it is closed.
package struct FileOutput: ByteOutput {
  private let path: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []
  private var failure: String?
  private static let chunk = 1 << 20

  /// Creates (or truncates) the file; `buffered: false` for a writer of whole chunks
  /// (``write(chunk:)``), which reserves no buffer.
  init(path: String, buffered: Bool = true) throws(OutputError) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if descriptor < 0 { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    if buffered { buffer.reserveCapacity(Self.chunk + Self.chunk / 2) }
  }

  package mutating func write(_ bytes: some Collection<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.chunk { flush() }
  }

  package mutating func write(byte: UInt8) {
    buffer.append(byte)
    if buffer.count >= Self.chunk { flush() }
  }

  package mutating func writeBuffered(_ body: (inout [UInt8]) -> Void) {
    body(&buffer)
    if buffer.count >= Self.chunk { flush() }
  }

  /// Writes bytes as they are, after what is buffered: a chunk made elsewhere, not copied
  /// into the buffer first.
  package mutating func write(chunk: [UInt8]) {
    flush()
    guard failure == nil else { return }
    if let code = FileSystem.writeAll(chunk, to: descriptor) {
      failure = String(cString: strerror(code))
    }
  }

  private mutating func flush() {
    defer { buffer.removeAll(keepingCapacity: true) }
    guard failure == nil else { return }
    if let code = FileSystem.writeAll(buffer, to: descriptor) {
      failure = String(cString: strerror(code))
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
