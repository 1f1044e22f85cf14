/// Where the writers of statements append bytes in small pieces: an array, or a line staged on
/// the stack on its way into one (``StagedLine``).
///
/// A statement of a million events appends some thirty pieces a line (a comma, a key, a figure,
/// a name). `Array.append(contentsOf:)` costs about ninety instructions a call whatever the
/// length; a staged line costs a bounds check and a copy, and goes into the array in one append.
package protocol ByteAppender {
  /// How many bytes were appended, all told: a position to go back to with
  /// ``removeAll(after:)``.
  var count: Int { get }
  /// Appends bytes.
  mutating func append(bytes: UnsafeBufferPointer<UInt8>)
  /// Appends one byte.
  mutating func append(byte: UInt8)
  /// Removes what was appended after `position`, a ``count`` read before.
  mutating func removeAll(after position: Int)
}

extension ByteAppender {
  /// Appends the bytes of a raw buffer.
  @inline(__always)
  package mutating func append(raw: UnsafeRawBufferPointer) {
    append(bytes: raw.assumingMemoryBound(to: UInt8.self))
  }
}

extension Array: ByteAppender where Element == UInt8 {
  @inline(__always)
  package mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }

  @inline(__always)
  package mutating func append(byte: UInt8) { append(byte) }

  package mutating func removeAll(after position: Int) { removeSubrange(position...) }
}

/// A line of a statement made in a buffer on the stack, then appended to an array in one copy.
///
/// A line longer than the stage (a long name) is not cut short: the stage is emptied into the
/// array whenever the next piece would not fit, and a piece larger than the stage goes straight
/// into the array.
struct StagedLine: ByteAppender {
  /// What the line goes into: everything before the staged bytes.
  private(set) var bytes: [UInt8]
  private let stage: UnsafeMutablePointer<UInt8>
  private let capacity: Int
  private var staged = 0

  /// How many bytes a stage holds: more than a line of allocation.json with its names.
  static let stageCapacity = 512

  /// Calls `body` with a line staged over `bytes`, then appends what is staged to `bytes`.
  ///
  /// - Parameter capacity: the stage's size; the default but in tests, which make lines longer
  ///   than small stages.
  static func staging<Result>(
    into bytes: inout [UInt8], capacity: Int = stageCapacity,
    _ body: (inout StagedLine) -> Result
  ) -> Result {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { stage in
      var line = StagedLine(bytes: [], stage: stage.baseAddress!, capacity: capacity)
      // Lend the array to the line and take it back, without copying it.
      swap(&line.bytes, &bytes)
      let result = body(&line)
      line.flush()
      swap(&line.bytes, &bytes)
      return result
    }
  }

  private init(bytes: [UInt8], stage: UnsafeMutablePointer<UInt8>, capacity: Int) {
    self.bytes = bytes
    self.stage = stage
    self.capacity = capacity
  }

  /// A line with no stage, whose bytes go straight into its array: a placeholder to swap a
  /// staged line with.
  init() {
    // Never written through: with no room, every byte goes to the array.
    self.init(bytes: [], stage: UnsafeMutablePointer(bitPattern: 1)!, capacity: 0)
  }

  var count: Int { bytes.count &+ staged }

  @inline(__always)
  mutating func append(bytes new: UnsafeBufferPointer<UInt8>) {
    guard let source = new.baseAddress else { return }
    let length = new.count
    if length > capacity &- staged {
      flush()
      guard length <= capacity else { return bytes.append(contentsOf: new) }
    }
    Self.copy(source, to: stage + staged, count: length)
    staged &+= length
  }

  /// Copies a few bytes (most pieces of a line are a comma, a key, a figure: under 16 bytes)
  /// with two loads and two stores that may overlap, rather than by a call to `memmove`.
  @inline(__always)
  private static func copy(
    _ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int
  ) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    switch count {
    case 8...16:
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
    case 4..<8:
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
    case 0..<4:
      for index in 0..<count { target[index] = source[index] }
    default:
      target.update(from: source, count: count)
    }
  }

  @inline(__always)
  mutating func append(byte: UInt8) {
    if staged == capacity {
      flush()
      guard capacity > 0 else { return bytes.append(byte) }
    }
    stage[staged] = byte
    staged &+= 1
  }

  mutating func removeAll(after position: Int) {
    precondition(position >= 0 && position <= count, "no position \(position) in the line")
    if position >= bytes.count {
      staged = position - bytes.count
    } else {
      bytes.removeSubrange(position...)
      staged = 0
    }
  }

  /// Moves the staged bytes into the array.
  private mutating func flush() {
    guard staged > 0 else { return }
    bytes.append(contentsOf: UnsafeBufferPointer(start: stage, count: staged))
    staged = 0
  }
}
