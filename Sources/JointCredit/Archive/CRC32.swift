/// The CRC-32 of ZIP archives (ISO 3309, the polynomial 0xEDB88320 reflected), computed as bytes
/// arrive.
///
/// `CRC32.checksum(of: "123456789".utf8) == 0xCBF4_3926`.
///
/// Contiguous bytes are taken eight at a time ("slicing by eight": eight tables, each the
/// previous one advanced by a byte), several times faster than a byte at a time; a workbook of a
/// national statement checksums about a gigabyte of XML.
package struct CRC32: Sendable {
  /// The checksum of everything added so far.
  package private(set) var value: UInt32 = 0

  /// A checksum of nothing yet.
  package init() {}

  /// Adds bytes to the checksum.
  package mutating func update(_ bytes: some Sequence<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      value = ~Self.update(~value, buffer)
    }
    guard done == nil else { return }
    var crc = ~value
    Self.tables.withUnsafeBufferPointer { table in
      for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
    value = ~crc
  }

  /// The register after `bytes`, from `crc` (both complemented, as the register is).
  private static func update(_ crc: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var crc = crc
    tables.withUnsafeBufferPointer { table in
      var index = 0
      let count = bytes.count
      while index + 8 <= count {
        let low =
          crc
          ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
            | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
        let high =
          UInt32(bytes[index + 4]) | UInt32(bytes[index + 5]) << 8
          | UInt32(bytes[index + 6]) << 16 | UInt32(bytes[index + 7]) << 24
        crc =
          table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
          ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
          ^ table[256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
        index += 8
      }
      while index < count {
        crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
        index += 1
      }
    }
    return crc
  }

  /// The checksum of some bytes.
  package static func checksum(of bytes: some Sequence<UInt8>) -> UInt32 {
    var crc = CRC32()
    crc.update(bytes)
    return crc.value
  }

  /// Eight tables of 256 entries: the first is the byte-at-a-time table; entry *i* of table
  /// *k* is the register of entry *i* of table *k* − 1 advanced by one zero byte.
  private static let tables: [UInt32] = {
    var tables = (0..<256).map { index in
      var entry = UInt32(index)
      for _ in 0..<8 { entry = entry & 1 == 1 ? 0xEDB8_8320 ^ (entry >> 1) : entry >> 1 }
      return entry
    }
    for k in 1..<8 {
      for index in 0..<256 {
        let previous = tables[(k - 1) * 256 + index]
        tables.append(tables[Int(previous & 0xFF)] ^ (previous >> 8))
      }
    }
    return tables
  }()
}
