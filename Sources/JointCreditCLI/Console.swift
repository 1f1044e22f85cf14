import Foundation
import JointCredit

/// Where a command's output goes: standard output and standard error, or memory in tests.
public protocol Console: ByteOutput {
  /// Appends to standard error.
  mutating func writeError(_ text: String)
}

extension Console {
  /// Writes a line to standard output.
  mutating func line(_ text: String = "") { write(text + "\n") }

  /// Writes a line to standard error, its control characters escaped, so that it stays one line
  /// whatever the input held.
  mutating func errorLine(_ text: String) {
    writeError(QuotedText.escapingControlCharacters(text) + "\n")
  }
}

/// The process's standard output (buffered) and standard error.
public struct StandardConsole: Console {
  private var buffer: [UInt8] = []

  /// Creates the console.
  public init() {}

  public mutating func write(_ bytes: some Collection<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { flush() }
  }

  /// Lends the buffer itself, so that a record of a million-row table is not a new array.
  public mutating func writeBuffered(_ body: (inout [UInt8]) -> Void) {
    body(&buffer)
    if buffer.count >= 1 << 16 { flush() }
  }

  public mutating func writeError(_ text: String) {
    flush()
    Self.writeAll(Array(text.utf8), to: 2)
  }

  /// Writes whatever standard output holds.
  public mutating func flush() {
    guard !buffer.isEmpty else { return }
    Self.writeAll(buffer, to: 1)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes bytes to a descriptor. A reader that went away (`| head`, say: EPIPE, with SIGPIPE
  /// ignored by ``Tool/prepareProcess()``) or any other write error drops the rest quietly: the
  /// statements are already in place, and the exit status still says how the run went.
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    _ = FileSystem.writeAll(bytes, to: descriptor)
  }
}

/// Output kept in memory, for tests.
public struct CapturedConsole: Console {
  /// What was written to standard output.
  public var output: [UInt8] = []
  /// What was written to standard error.
  public var error = ""

  /// Creates an empty capture.
  public init() {}

  /// Standard output as text.
  public var outputText: String { String(decoding: output, as: UTF8.self) }

  public mutating func write(_ bytes: some Collection<UInt8>) { output.append(contentsOf: bytes) }
  public mutating func writeError(_ text: String) { error += text }
}
