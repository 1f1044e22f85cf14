/// Writes a ZIP archive (APPNOTE 6.3) entry by entry to a byte output: each entry DEFLATE
/// compressed, with its CRC-32 and sizes in its local header, then the central directory.
///
/// Archives are reproducible: entries keep the order they were added in and carry a fixed time
/// (1980-01-01 00:00, the earliest a ZIP can say) and no file-system attributes. ZIP64 records are
/// added only for sizes or offsets past 4 GiB − 1, so an ordinary archive is plain ZIP.
package struct ZIPWriter {
  private struct Entry {
    let name: [UInt8]
    let crc: UInt32
    let compressedSize: Int
    let size: Int
    let offset: Int
  }

  private var entries: [Entry] = []
  private var offset = 0

  /// A writer with no entry yet.
  package init() {}

  /// Compresses `bytes` and writes them as the entry `name` (a path with `/`, no leading `/`).
  package mutating func add(
    _ name: String, bytes: some Collection<UInt8>, to output: inout some ByteOutput
  ) {
    var encoder = DeflateEncoder(expectedSize: bytes.count)
    encoder.write(bytes)
    add(name, encoder: encoder, to: &output)
  }

  /// Writes an entry whose input went through `encoder`.
  package mutating func add(
    _ name: String, encoder: consuming DeflateEncoder, to output: inout some ByteOutput
  ) {
    let crc = encoder.crc.value, size = encoder.inputCount
    let compressed = encoder.finish()
    let entry = Entry(
      name: Array(name.utf8), crc: crc, compressedSize: compressed.count, size: size,
      offset: offset)
    entries.append(entry)
    var header: [UInt8] = []
    let large = entry.size >= 0xFFFF_FFFF || entry.compressedSize >= 0xFFFF_FFFF
    header.le(0x0403_4B50, 4)
    header.le(large ? 45 : 20, 2)  // version needed: 2.0, or 4.5 for ZIP64
    header.le(0, 2)  // flags
    header.le(8, 2)  // deflated
    header.le(0, 2)  // 00:00
    header.le(0x21, 2)  // 1980-01-01
    header.le(UInt64(crc), 4)
    header.le(large ? 0xFFFF_FFFF : UInt64(entry.compressedSize), 4)
    header.le(large ? 0xFFFF_FFFF : UInt64(entry.size), 4)
    header.le(UInt64(entry.name.count), 2)
    header.le(large ? 20 : 0, 2)
    header += entry.name
    if large {
      header.le(0x0001, 2)
      header.le(16, 2)
      header.le(UInt64(entry.size), 8)
      header.le(UInt64(entry.compressedSize), 8)
    }
    output.write(header)
    output.write(compressed)
    offset += header.count + compressed.count
  }

  /// Writes the central directory; the archive is then complete.
  package mutating func finish(to output: inout some ByteOutput) {
    var directory: [UInt8] = []
    for entry in entries {
      let sizes = [entry.size, entry.compressedSize].filter { $0 >= 0xFFFF_FFFF }
      let offsets = entry.offset >= 0xFFFF_FFFF ? [entry.offset] : []
      var extra: [UInt8] = []
      if entry.size >= 0xFFFF_FFFF { extra.le(UInt64(entry.size), 8) }
      if entry.compressedSize >= 0xFFFF_FFFF { extra.le(UInt64(entry.compressedSize), 8) }
      for value in offsets { extra.le(UInt64(value), 8) }
      let zip64 = !sizes.isEmpty || !offsets.isEmpty
      directory.le(0x0201_4B50, 4)
      directory.le(zip64 ? 45 : 20, 2)  // made by: MS-DOS attributes, version 2.0 or 4.5
      directory.le(zip64 ? 45 : 20, 2)
      directory.le(0, 2)
      directory.le(8, 2)
      directory.le(0, 2)
      directory.le(0x21, 2)
      directory.le(UInt64(entry.crc), 4)
      directory.le(UInt64(min(entry.compressedSize, 0xFFFF_FFFF)), 4)
      directory.le(UInt64(min(entry.size, 0xFFFF_FFFF)), 4)
      directory.le(UInt64(entry.name.count), 2)
      directory.le(zip64 ? UInt64(4 + extra.count) : 0, 2)
      directory.le(0, 2)  // comment
      directory.le(0, 2)  // disk
      directory.le(0, 2)  // internal attributes
      directory.le(0, 4)  // external attributes
      directory.le(UInt64(min(entry.offset, 0xFFFF_FFFF)), 4)
      directory += entry.name
      if zip64 {
        directory.le(0x0001, 2)
        directory.le(UInt64(extra.count), 2)
        directory += extra
      }
    }
    let directoryOffset = offset
    output.write(directory)
    let end = directoryOffset + directory.count
    var trailer: [UInt8] = []
    let zip64 =
      entries.count >= 0xFFFF || directoryOffset >= 0xFFFF_FFFF
      || directory.count >= 0xFFFF_FFFF
    if zip64 {
      trailer.le(0x0606_4B50, 4)  // ZIP64 end of central directory record
      trailer.le(44, 8)
      trailer.le(45, 2)
      trailer.le(45, 2)
      trailer.le(0, 4)
      trailer.le(0, 4)
      trailer.le(UInt64(entries.count), 8)
      trailer.le(UInt64(entries.count), 8)
      trailer.le(UInt64(directory.count), 8)
      trailer.le(UInt64(directoryOffset), 8)
      trailer.le(0x0706_4B50, 4)  // its locator
      trailer.le(0, 4)
      trailer.le(UInt64(end), 8)
      trailer.le(1, 4)
    }
    trailer.le(0x0605_4B50, 4)
    trailer.le(0, 2)
    trailer.le(0, 2)
    trailer.le(UInt64(min(entries.count, 0xFFFF)), 2)
    trailer.le(UInt64(min(entries.count, 0xFFFF)), 2)
    trailer.le(UInt64(min(directory.count, 0xFFFF_FFFF)), 4)
    trailer.le(UInt64(min(directoryOffset, 0xFFFF_FFFF)), 4)
    trailer.le(0, 2)  // comment
    output.write(trailer)
    offset = end + trailer.count
  }
}

extension [UInt8] {
  /// Appends `value` as `count` little-endian bytes.
  fileprivate mutating func le(_ value: UInt64, _ count: Int) {
    for index in 0..<count { append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
  }
}
