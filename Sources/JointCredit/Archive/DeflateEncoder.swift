/// A DEFLATE (RFC 1951) compressor that takes its input in pieces: LZ77 over a 32 KiB window with
/// hash chains, coded with the fixed Huffman codes of the format, one block per 64 KiB of input.
///
/// Each piece is compressed as it comes, so that a sheet of a million rows is never held
/// uncompressed. Written for the workbooks JointCredit writes, where XML repeats itself and the
/// fixed codes come within a few per cent of dynamic ones; any inflater reads the result. The
/// output depends on the bytes alone, not on how they were split into pieces.
package struct DeflateEncoder {
  private static let windowSize = 32_768
  private static let blockInput = 65_536
  private static let maxMatch = 258
  private static let minMatch = 3
  private static let hashSize = 1 << 15
  private static let maxChain = 48

  /// Input not yet dropped: up to 32 KiB already coded (the window), then what is pending.
  private var data: [UInt8] = []
  /// The stream position of `data[0]`.
  private var base = 0
  /// The stream position of the next byte to code.
  private var position = 0
  /// The newest stream position of each hash of three bytes, or -1.
  private var head = [Int](repeating: -1, count: DeflateEncoder.hashSize)
  /// The position before each (by position modulo the window) with the same hash.
  private var previous = [Int](repeating: -1, count: DeflateEncoder.windowSize)
  private var bits = BitWriter()
  private var compressed: [UInt8] = []
  /// The checksum of the input so far.
  package private(set) var crc = CRC32()
  /// The number of input bytes so far.
  package private(set) var inputCount = 0

  /// An encoder with nothing written yet.
  package init() {}

  /// Adds input.
  package mutating func write(_ bytes: some Collection<UInt8>) {
    data.append(contentsOf: bytes)
    crc.update(bytes)
    inputCount += bytes.count
    while base + data.count - position >= Self.blockInput + Self.maxMatch {
      codeBlock(until: position + Self.blockInput, isFinal: false)
    }
  }

  /// Codes what is left as the final block and returns the whole compressed stream.
  package mutating func finish() -> [UInt8] {
    codeBlock(until: base + data.count, isFinal: true)
    bits.alignToByte()
    compressed += bits.takeBytes()
    return compressed
  }

  /// Compresses bytes in one go.
  package static func compress(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var encoder = DeflateEncoder()
    encoder.write(bytes)
    return encoder.finish()
  }

  /// Codes the input from `position` until at least `end` as one block with the fixed codes.
  private mutating func codeBlock(until end: Int, isFinal: Bool) {
    bits.write(isFinal ? 1 : 0, count: 1)
    bits.write(1, count: 2)  // fixed Huffman codes
    let available = base + data.count
    data.withUnsafeBufferPointer { bytes in
      while position < end {
        let index = position - base
        let (length, distance) =
          available - position >= Self.minMatch
          ? longestMatch(bytes, at: index, limit: min(Self.maxMatch, available - position))
          : (0, 0)
        if length >= Self.minMatch {
          FixedCodes.writeMatch(length: length, distance: distance, to: &bits)
          for step in 0..<length { insert(bytes, at: index + step, available: available) }
          position += length
        } else {
          FixedCodes.writeLiteral(bytes[index], to: &bits)
          insert(bytes, at: index, available: available)
          position += 1
        }
      }
    }
    FixedCodes.writeLiteral(256, to: &bits)
    compressed += bits.takeBytes()
    slideWindow()
  }

  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    (Int(bytes[index]) << 10 ^ Int(bytes[index + 1]) << 5 ^ Int(bytes[index + 2]))
      & (hashSize - 1)
  }

  private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, available: Int) {
    guard base + index + Self.minMatch <= available else { return }
    let key = Self.hash(bytes, index)
    previous[(base + index) & (Self.windowSize - 1)] = head[key]
    head[key] = base + index
  }

  /// The longest earlier match of the bytes at `index`, at most `limit` long, within the window.
  private func longestMatch(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int)
    -> (length: Int, distance: Int)
  {
    var candidate = head[Self.hash(bytes, index)]
    var best = 0, bestDistance = 0, tries = 0
    let here = base + index
    while candidate >= base, here - candidate <= Self.windowSize, tries < Self.maxChain {
      let from = candidate - base
      if bytes[from + best] == bytes[index + best] {
        var length = 0
        while length < limit, bytes[from + length] == bytes[index + length] { length += 1 }
        if length > best {
          best = length
          bestDistance = here - candidate
          if length == limit { break }
        }
      }
      let next = previous[candidate & (Self.windowSize - 1)]
      guard next < candidate else { break }  // an entry overwritten by a newer position
      candidate = next
      tries += 1
    }
    // A three-byte match far back costs more bits than the three literals.
    if best == Self.minMatch, bestDistance > 4_096 { return (0, 0) }
    return (best, bestDistance)
  }

  /// Drops input that has left the window.
  private mutating func slideWindow() {
    let drop = position - base - Self.windowSize
    guard drop > Self.blockInput else { return }
    data.removeFirst(drop)
    base += drop
  }
}

/// The fixed Huffman codes of RFC 1951, section 3.2.6, and the length and distance tables.
enum FixedCodes {
  /// Bit-reversed literal/length codes and their lengths, by symbol 0...287.
  private static let literalCodes: [(code: UInt32, length: Int)] = (0..<288).map { symbol in
    let (code, length): (Int, Int) =
      switch symbol {
      case 0...143: (0x30 + symbol, 8)
      case 144...255: (0x190 + symbol - 144, 9)
      case 256...279: (symbol - 256, 7)
      default: (0xC0 + symbol - 280, 8)
      }
    return (reversed(UInt32(code), length), length)
  }

  static let lengthBases: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
  ]
  static let lengthExtraBits: [Int] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  static let distanceBases: [Int] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  static let distanceExtraBits: [Int] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]

  /// The length code (0...28) of each match length 0...258 (lengths below 3 unused).
  private static let lengthCode: [UInt8] = (0...258).map { length in
    UInt8(max(0, (lengthBases.lastIndex { $0 <= max(length, 3) })!))
  }
  /// The distance code of each distance 1...32768 (index 0 unused).
  private static let distanceCode: [UInt8] = (0...32_768).map { distance in
    UInt8((distanceBases.lastIndex { $0 <= max(distance, 1) })!)
  }

  static func reversed(_ code: UInt32, _ length: Int) -> UInt32 {
    var reversed: UInt32 = 0, code = code
    for _ in 0..<length {
      reversed = reversed << 1 | code & 1
      code >>= 1
    }
    return reversed
  }

  static func writeLiteral(_ symbol: some BinaryInteger, to bits: inout BitWriter) {
    let entry = literalCodes[Int(symbol)]
    bits.write(entry.code, count: entry.length)
  }

  static func writeMatch(length: Int, distance: Int, to bits: inout BitWriter) {
    let lengthIndex = Int(lengthCode[length])
    writeLiteral(257 + lengthIndex, to: &bits)
    bits.write(UInt32(length - lengthBases[lengthIndex]), count: lengthExtraBits[lengthIndex])
    let distanceIndex = Int(distanceCode[distance])
    bits.write(reversed(UInt32(distanceIndex), 5), count: 5)
    bits.write(
      UInt32(distance - distanceBases[distanceIndex]), count: distanceExtraBits[distanceIndex])
  }
}
