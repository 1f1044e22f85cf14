/// A DEFLATE (RFC 1951) compressor that takes its input in pieces: LZ77 over a 32 KiB window with
/// hash chains, coded with the fixed Huffman codes of the format, one block per 64 KiB of input.
///
/// Each piece is compressed as it comes, so that a sheet of a million rows is never held
/// uncompressed. Written for the workbooks JointCredit writes, where XML repeats itself and the
/// fixed codes come within a few per cent of dynamic ones; any inflater reads the result. The
/// output depends on the bytes alone, not on how they were split into pieces.
package struct DeflateEncoder: Sendable {
  private static let blockInput = 65_536
  private static let maxMatch = 258
  private static let minMatch = 3
  /// Matches no longer than this have every position they cover entered in the hash.
  private static let maxInsert = 4

  /// Input not yet dropped: up to 32 KiB already coded (the window), then what is pending.
  private var data: [UInt8] = []
  /// The stream position of `data[0]`.
  private var base = 0
  /// The stream position of the next byte to code.
  private var position = 0
  /// The newest stream position of each hash of three bytes, or -1.
  private var head: [Int]
  /// The position before each (by position modulo the table's size) with the same hash.
  private var previous: [Int]
  private var bits = BitWriter()
  private var compressed: [UInt8] = []
  /// The checksum of the input so far.
  package private(set) var crc = CRC32()
  /// The number of input bytes so far.
  package private(set) var inputCount = 0

  /// An encoder with nothing written yet.
  ///
  /// - Parameter expectedSize: how many bytes will be written, when known: a small input gets
  ///   small hash tables (a workbook's small parts are written by the thousand, and clearing
  ///   two 256 KiB tables for each cost more than compressing it). The output depends on it.
  package init(expectedSize: Int? = nil) {
    var size = HashChains.windowSize
    if let expectedSize {
      size = 64
      while size < min(expectedSize, HashChains.windowSize) { size *= 2 }
    }
    head = [Int](repeating: -1, count: min(size, HashChains.hashSize))
    previous = [Int](repeating: -1, count: size)
  }

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
    var encoder = DeflateEncoder(expectedSize: bytes.count)
    encoder.write(bytes)
    return encoder.finish()
  }

  /// Codes the input from `position` until at least `end` as one block with the fixed codes.
  ///
  /// Greedy matching in the manner of zlib's fastest level: a short walk down the hash chain
  /// (it stops at a match of ``HashChains/niceMatch`` bytes), and the positions inside a long
  /// match left out of the hash, which costs a little ratio and saves most of the time.
  private mutating func codeBlock(until end: Int, isFinal: Bool) {
    bits.write(isFinal ? 1 : 0, count: 1)
    bits.write(1, count: 2)  // fixed Huffman codes
    let available = base + data.count
    let base = self.base
    var position = self.position
    var bits = self.bits
    data.withUnsafeBufferPointer { bytes in
      head.withUnsafeMutableBufferPointer { head in
        previous.withUnsafeMutableBufferPointer { previous in
          let chains = HashChains(bytes: bytes, head: head, previous: previous, base: base)
          while position < end {
            let index = position - base
            let limit = min(Self.maxMatch, available - position)
            if limit >= Self.minMatch {
              let (length, distance) = chains.longestMatch(at: index, limit: limit)
              chains.insert(at: index, available: available)
              if length >= Self.minMatch {
                FixedCodes.writeMatch(length: length, distance: distance, to: &bits)
                // A long match's last positions only, so that a run goes on at distance 1.
                for step in (length <= Self.maxInsert ? 1 : length - 2)..<length {
                  chains.insert(at: index + step, available: available)
                }
                position += length
                continue
              }
            }
            FixedCodes.writeLiteral(bytes[index], to: &bits)
            position += 1
          }
        }
      }
    }
    self.position = position
    FixedCodes.writeLiteral(256, to: &bits)
    compressed += bits.takeBytes()
    self.bits = bits
    slideWindow()
  }

  /// Drops input that has left the window.
  private mutating func slideWindow() {
    let drop = position - base - HashChains.windowSize
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
