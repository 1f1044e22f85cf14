/// The CRC-32 of ZIP archives (ISO 3309, the polynomial 0xEDB88320 reflected), computed as bytes
/// arrive.
///
/// `CRC32.checksum(of: "123456789".utf8) == 0xCBF4_3926`.
package struct CRC32: Sendable {
  /// The checksum of everything added so far.
  package private(set) var value: UInt32 = 0

  /// A checksum of nothing yet.
  package init() {}

  /// Adds bytes to the checksum.
  package mutating func update(_ bytes: some Sequence<UInt8>) {
    var crc = ~value
    for byte in bytes {
      crc = Self.table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    value = ~crc
  }

  /// The checksum of some bytes.
  package static func checksum(of bytes: some Sequence<UInt8>) -> UInt32 {
    var crc = CRC32()
    crc.update(bytes)
    return crc.value
  }

  private static let table: [UInt32] = (0..<256).map { index in
    var entry = UInt32(index)
    for _ in 0..<8 { entry = entry & 1 == 1 ? 0xEDB8_8320 ^ (entry >> 1) : entry >> 1 }
    return entry
  }
}
