/// Bits packed least significant first into bytes, as DEFLATE (RFC 1951) stores them.
struct BitWriter: Sendable {
  /// The bytes completed so far.
  private(set) var bytes: [UInt8] = []
  private var pending: UInt64 = 0
  private var pendingCount = 0

  /// Appends the `count` low bits of `bits`, least significant first (extra bits, headers).
  mutating func write(_ bits: UInt32, count: Int) {
    pending |= UInt64(bits) << UInt64(pendingCount)
    pendingCount += count
    while pendingCount >= 8 {
      bytes.append(UInt8(truncatingIfNeeded: pending))
      pending >>= 8
      pendingCount -= 8
    }
  }

  /// Appends a Huffman code of `length` bits, most significant bit first, as RFC 1951 stores
  /// codes.
  mutating func writeCode(_ code: UInt32, length: Int) {
    var reversed: UInt32 = 0
    var code = code
    for _ in 0..<length {
      reversed = reversed << 1 | code & 1
      code >>= 1
    }
    write(reversed, count: length)
  }

  /// Pads to a whole byte with zero bits.
  mutating func alignToByte() {
    if pendingCount > 0 { write(0, count: 8 - pendingCount) }
  }

  /// Takes the completed bytes, leaving the partial byte in place.
  mutating func takeBytes() -> [UInt8] {
    defer { bytes.removeAll(keepingCapacity: true) }
    return bytes
  }
}
