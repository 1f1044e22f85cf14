import Synchronization

/// A file made in parts, on any core and in any order, and written in the order of its parts:
/// the same bytes as the file made in one piece.
///
/// The part whose predecessors are all written streams into the file as it is made; a later part
/// keeps what it makes until its turn comes (when every part before it is written), so that
/// while two cores take a file's parts in order, only the part ahead of the one being written is
/// held in memory. The file is opened when its first bytes are written, and closed after its
/// last part.
final class PartedFile: Sendable {
  private struct State {
    /// The file, once opened.
    var output: FileOutput?
    /// The part whose turn it is: every part before it is written.
    var next = 0
    /// What parts after `next` made, finished, until their turn.
    var finished: [Int: [UInt8]] = [:]
    /// Why the file could not be written.
    var failure: OutputError?
  }

  /// Where the file goes.
  let path: String
  /// How many parts it is made in.
  let parts: Int
  private let state = Mutex(State())

  /// A file of `parts` parts at `path`; nothing is created until its first bytes are written.
  init(path: String, parts: Int) {
    precondition(parts > 0, "a file has at least one part")
    self.path = path
    self.parts = parts
  }

  /// Writes what a part made so far, when it is that part's turn.
  ///
  /// - Returns: whether the bytes were written (the caller then starts a new chunk).
  func writeIfTurn(_ part: Int, _ bytes: [UInt8]) -> Bool {
    state.withLock { state in
      guard state.next == part else { return false }
      Self.write(bytes, path: path, state: &state)
      return true
    }
  }

  /// Takes the rest of a part, all it made; writes it and every finished part after it when
  /// its turn has come, and closes the file after the last part.
  func finish(_ part: Int, _ bytes: [UInt8]) {
    state.withLock { state in
      state.finished[part] = bytes
      while let ready = state.finished.removeValue(forKey: state.next) {
        Self.write(ready, path: path, state: &state)
        state.next += 1
      }
      guard state.next == parts else { return }
      if state.output == nil { Self.write([], path: path, state: &state) }
      do throws(OutputError) {
        try state.output?.close()
      } catch {
        state.failure = state.failure ?? error
      }
      state.output = nil
    }
  }

  /// Why the file could not be written, once every part is finished; `nil` when it was.
  var failure: OutputError? { state.withLock { $0.failure } }

  private static func write(_ bytes: [UInt8], path: String, state: inout State) {
    guard state.failure == nil else { return }
    if state.output == nil {
      do throws(OutputError) {
        // Its parts are made in buffers of their own (``PartOutput``): no second one here.
        state.output = try FileOutput(path: path, buffered: false)
      } catch {
        state.failure = error
        return
      }
    }
    if !bytes.isEmpty { state.output?.write(chunk: bytes) }
  }
}

/// Where one part of a ``PartedFile`` is made: bytes go to the file in chunks when it is the
/// part's turn, and are kept until then otherwise.
package struct PartOutput: ByteOutput {
  private let file: PartedFile
  private let part: Int
  private var buffer: [UInt8] = []
  /// How many bytes are made before the part offers them to the file.
  private var offerAt = PartOutput.chunk
  private static let chunk = 1 << 20

  init(_ file: PartedFile, part: Int) {
    self.file = file
    self.part = part
    buffer.reserveCapacity(Self.chunk + Self.chunk / 2)
  }

  package mutating func write(_ bytes: some Collection<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= offerAt { offer() }
  }

  package mutating func write(byte: UInt8) {
    buffer.append(byte)
    if buffer.count >= offerAt { offer() }
  }

  package mutating func writeBuffered(_ body: (inout [UInt8]) -> Void) {
    body(&buffer)
    if buffer.count >= offerAt { offer() }
  }

  private mutating func offer() {
    if file.writeIfTurn(part, buffer) {
      buffer.removeAll(keepingCapacity: true)
      offerAt = Self.chunk
    } else {
      offerAt = buffer.count + Self.chunk
    }
  }

  /// Hands the rest of the part to the file.
  consuming func finish() {
    file.finish(part, buffer)
  }
}
