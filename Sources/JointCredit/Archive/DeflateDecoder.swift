/// A DEFLATE (RFC 1951) decompressor: stored, fixed and dynamic Huffman blocks, with a limit on
/// the size of what it produces, so that a small hostile input cannot expand without bound.
package enum DeflateDecoder {
  /// Why a stream could not be decompressed.
  package enum Failure: Error, Hashable, Sendable {
    /// The stream ends inside a block.
    case truncated
    /// A block type, code, length or distance the format does not allow.
    case malformed(String)
    /// The output would pass `limit` bytes.
    case tooLarge(limit: Int)
  }

  /// Decompresses a whole stream.
  ///
  /// - Parameter limit: the most bytes the output may have.
  package static func decompress(_ input: some Collection<UInt8>, limit: Int = .max) throws(Failure)
    -> [UInt8]
  {
    var reader = BitReader(Array(input))
    var output: [UInt8] = []
    var isFinal = false
    while !isFinal {
      isFinal = try reader.bits(1) == 1
      switch try reader.bits(2) {
      case 0: try storedBlock(&reader, into: &output, limit: limit)
      case 1:
        try codedBlock(
          &reader, literals: fixedLiterals, distances: fixedDistances, into: &output, limit: limit)
      case 2:
        let (literals, distances) = try dynamicTables(&reader)
        try codedBlock(
          &reader, literals: literals, distances: distances, into: &output, limit: limit)
      default: throw .malformed("block type 3")
      }
    }
    return output
  }

  private static func storedBlock(
    _ reader: inout BitReader, into output: inout [UInt8], limit: Int
  ) throws(Failure) {
    reader.alignToByte()
    let length = try reader.bits(16), complement = try reader.bits(16)
    guard length == ~complement & 0xFFFF else { throw .malformed("stored block length") }
    guard output.count + Int(length) <= limit else { throw .tooLarge(limit: limit) }
    output += try reader.bytes(Int(length))
  }

  private static func codedBlock(
    _ reader: inout BitReader, literals: HuffmanTable, distances: HuffmanTable,
    into output: inout [UInt8], limit: Int
  ) throws(Failure) {
    while true {
      let symbol = try literals.decode(&reader)
      if symbol < 256 {
        guard output.count < limit else { throw .tooLarge(limit: limit) }
        output.append(UInt8(symbol))
        continue
      }
      if symbol == 256 { return }
      let lengthIndex = symbol - 257
      guard lengthIndex < FixedCodes.lengthBases.count else { throw .malformed("length code") }
      let length =
        FixedCodes.lengthBases[lengthIndex]
        + Int(try reader.bits(FixedCodes.lengthExtraBits[lengthIndex]))
      let distanceIndex = try distances.decode(&reader)
      guard distanceIndex < FixedCodes.distanceBases.count else {
        throw .malformed("distance code")
      }
      let distance =
        FixedCodes.distanceBases[distanceIndex]
        + Int(try reader.bits(FixedCodes.distanceExtraBits[distanceIndex]))
      guard distance <= output.count else { throw .malformed("distance before the start") }
      guard output.count + length <= limit else { throw .tooLarge(limit: limit) }
      let start = output.count - distance
      for offset in 0..<length { output.append(output[start + offset]) }
    }
  }

  private static let codeLengthOrder = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  private static func dynamicTables(_ reader: inout BitReader) throws(Failure)
    -> (HuffmanTable, HuffmanTable)
  {
    let literalCount = Int(try reader.bits(5)) + 257
    let distanceCount = Int(try reader.bits(5)) + 1
    let codeLengthCount = Int(try reader.bits(4)) + 4
    var codeLengths = [Int](repeating: 0, count: 19)
    for index in 0..<codeLengthCount {
      codeLengths[codeLengthOrder[index]] = Int(try reader.bits(3))
    }
    let codeLengthTable = try HuffmanTable(lengths: codeLengths)
    var lengths: [Int] = []
    while lengths.count < literalCount + distanceCount {
      let symbol = try codeLengthTable.decode(&reader)
      switch symbol {
      case 0...15: lengths.append(symbol)
      case 16:
        guard let last = lengths.last else { throw .malformed("repeat with no length before") }
        lengths += repeatElement(last, count: 3 + Int(try reader.bits(2)))
      case 17: lengths += repeatElement(0, count: 3 + Int(try reader.bits(3)))
      default: lengths += repeatElement(0, count: 11 + Int(try reader.bits(7)))
      }
    }
    guard lengths.count == literalCount + distanceCount else {
      throw .malformed("code lengths run past their count")
    }
    guard lengths[256] > 0 else { throw .malformed("no end-of-block code") }
    return (
      try HuffmanTable(lengths: Array(lengths[..<literalCount])),
      try HuffmanTable(lengths: Array(lengths[literalCount...]))
    )
  }

  private static let fixedLiterals = try! HuffmanTable(
    lengths: (0..<288).map { symbol in
      switch symbol {
      case 0...143: 8
      case 144...255: 9
      case 256...279: 7
      default: 8
      }
    })
  private static let fixedDistances = try! HuffmanTable(
    lengths: [Int](repeating: 5, count: 30))
}

/// A canonical Huffman code, decoded bit by bit with counts per length (as zlib's puff does).
private struct HuffmanTable {
  private var counts = [Int](repeating: 0, count: 16)
  private var symbols: [Int] = []

  init(lengths: [Int]) throws(DeflateDecoder.Failure) {
    for length in lengths { counts[length] += 1 }
    counts[0] = 0
    var left = 1
    for length in 1...15 {
      left = left * 2 - counts[length]
      guard left >= 0 else { throw .malformed("over-subscribed Huffman code") }
    }
    var offsets = [Int](repeating: 0, count: 16)
    for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
    symbols = [Int](repeating: 0, count: lengths.count)
    for (symbol, length) in lengths.enumerated() where length > 0 {
      symbols[offsets[length]] = symbol
      offsets[length] += 1
    }
  }

  func decode(_ reader: inout BitReader) throws(DeflateDecoder.Failure) -> Int {
    var code = 0, first = 0, index = 0
    for length in 1...15 {
      code |= Int(try reader.bits(1))
      let count = counts[length]
      if code - first < count { return symbols[index + code - first] }
      index += count
      first = (first + count) << 1
      code <<= 1
    }
    throw .malformed("incomplete Huffman code")
  }
}

/// Bits read least significant first from bytes.
private struct BitReader {
  private let bytes: [UInt8]
  private var index = 0
  private var buffer: UInt32 = 0
  private var count = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func bits(_ needed: Int) throws(DeflateDecoder.Failure) -> UInt32 {
    while count < needed {
      guard index < bytes.count else { throw .truncated }
      buffer |= UInt32(bytes[index]) << UInt32(count)
      index += 1
      count += 8
    }
    let value = buffer & ((1 << UInt32(needed)) - 1)
    buffer >>= UInt32(needed)
    count -= needed
    return value
  }

  mutating func alignToByte() {
    buffer = 0
    count = 0
  }

  mutating func bytes(_ length: Int) throws(DeflateDecoder.Failure) -> ArraySlice<UInt8> {
    guard bytes.count - index >= length else { throw .truncated }
    defer { index += length }
    return bytes[index..<index + length]
  }
}
