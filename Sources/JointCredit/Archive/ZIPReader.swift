/// Reads a ZIP archive held in memory: its central directory, then each entry on demand,
/// stored or DEFLATE compressed, checked against its CRC-32 and held to a size limit.
///
/// Archives that other programs write are read as they come: data descriptors (the sizes in
/// the central directory are used), ZIP64 sizes and offsets, names in UTF-8. Encrypted entries
/// and other compression methods are refused, by name.
package struct ZIPReader {
  /// Why an archive or an entry could not be read.
  package enum Failure: Error, Hashable, Sendable {
    /// Not a ZIP archive, or its directory is damaged.
    case notAnArchive(String)
    /// An entry is encrypted.
    case encrypted(String)
    /// An entry uses a compression method other than stored or DEFLATE.
    case unsupportedMethod(String, method: Int)
    /// An entry's data is damaged (bad DEFLATE data or a CRC that does not match).
    case damaged(String)
    /// An entry would expand past the limit.
    case tooLarge(String, limit: Int)
  }

  /// One entry of the directory.
  package struct Entry: Sendable {
    /// Its path in the archive.
    package let name: String
    let flags: Int
    let method: Int
    let crc: UInt32
    let compressedSize: Int
    /// The size of its data once expanded, as the directory states it.
    package let size: Int
    let headerOffset: Int
  }

  private let bytes: [UInt8]
  /// The entries, in directory order.
  package let entries: [Entry]

  /// Reads the directory of an archive.
  package init(_ bytes: [UInt8]) throws(Failure) {
    self.bytes = bytes
    guard let end = Self.endOfDirectory(bytes) else {
      throw .notAnArchive("no end of central directory record")
    }
    var count = Self.le(bytes, end + 10, 2)
    var directorySize = Self.le(bytes, end + 12, 4)
    var directoryOffset = Self.le(bytes, end + 16, 4)
    if end >= 20, Self.le(bytes, end - 20, 4) == 0x0706_4B50 {
      let record = Self.le(bytes, end - 12, 8)
      guard record >= 0, record <= bytes.count - 56, Self.le(bytes, record, 4) == 0x0606_4B50
      else { throw .notAnArchive("damaged ZIP64 end record") }
      count = Self.le(bytes, record + 32, 8)
      directorySize = Self.le(bytes, record + 40, 8)
      directoryOffset = Self.le(bytes, record + 48, 8)
    }
    guard count >= 0, directoryOffset >= 0, directorySize >= 0, directoryOffset <= bytes.count,
      directorySize <= bytes.count - directoryOffset
    else { throw .notAnArchive("the central directory lies outside the file") }
    var entries: [Entry] = []
    var at = directoryOffset
    for _ in 0..<count {
      guard at + 46 <= bytes.count, Self.le(bytes, at, 4) == 0x0201_4B50 else {
        throw .notAnArchive("damaged central directory")
      }
      let nameLength = Self.le(bytes, at + 28, 2), extraLength = Self.le(bytes, at + 30, 2)
      let commentLength = Self.le(bytes, at + 32, 2)
      guard at + 46 + nameLength + extraLength + commentLength <= bytes.count else {
        throw .notAnArchive("damaged central directory")
      }
      let name = String(decoding: bytes[at + 46..<at + 46 + nameLength], as: UTF8.self)
      var compressed = Self.le(bytes, at + 20, 4), size = Self.le(bytes, at + 24, 4)
      var offset = Self.le(bytes, at + 42, 4)
      // ZIP64: the fields set to all ones follow in the extra field, in this order.
      var extra = at + 46 + nameLength
      let extraEnd = extra + extraLength
      while extra + 4 <= extraEnd {
        let id = Self.le(bytes, extra, 2), length = Self.le(bytes, extra + 2, 2)
        if id == 1 {
          var field = extra + 4
          for keyPath in [0, 1, 2] {
            let value = [size, compressed, offset][keyPath]
            guard value == 0xFFFF_FFFF, field + 8 <= extra + 4 + length else { continue }
            let wide = Self.le(bytes, field, 8)
            switch keyPath {
            case 0: size = wide
            case 1: compressed = wide
            default: offset = wide
            }
            field += 8
          }
        }
        extra += 4 + length
      }
      entries.append(
        Entry(
          name: name, flags: Self.le(bytes, at + 8, 2), method: Self.le(bytes, at + 10, 2),
          crc: UInt32(Self.le(bytes, at + 16, 4)), compressedSize: compressed, size: size,
          headerOffset: offset))
      at += 46 + nameLength + extraLength + commentLength
    }
    self.entries = entries
  }

  /// The entry with a name, if any.
  package func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

  /// An entry's data, expanded and checked.
  ///
  /// - Parameter limit: the most bytes it may expand to.
  package func data(of entry: Entry, limit: Int = 1 << 30) throws(Failure) -> [UInt8] {
    guard entry.flags & 1 == 0 else { throw .encrypted(entry.name) }
    let at = entry.headerOffset
    guard at >= 0, at <= bytes.count - 30, Self.le(bytes, at, 4) == 0x0403_4B50 else {
      throw .notAnArchive("no local header for \(entry.name)")
    }
    let start = at + 30 + Self.le(bytes, at + 26, 2) + Self.le(bytes, at + 28, 2)
    guard entry.compressedSize >= 0, start <= bytes.count,
      entry.compressedSize <= bytes.count - start
    else {
      throw .damaged(entry.name)
    }
    let stored = bytes[start..<start + entry.compressedSize]
    let data: [UInt8]
    switch entry.method {
    case 0:
      guard stored.count <= limit else { throw .tooLarge(entry.name, limit: limit) }
      data = Array(stored)
    case 8:
      do {
        data = try DeflateDecoder.decompress(stored, limit: limit)
      } catch .tooLarge {
        throw .tooLarge(entry.name, limit: limit)
      } catch {
        throw .damaged(entry.name)
      }
    default: throw .unsupportedMethod(entry.name, method: entry.method)
    }
    guard CRC32.checksum(of: data) == entry.crc, data.count == entry.size else {
      throw .damaged(entry.name)
    }
    return data
  }

  /// The offset of the end of central directory record: the last signature that leaves room
  /// for the record and its comment.
  private static func endOfDirectory(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 22 else { return nil }
    let earliest = max(0, bytes.count - 22 - 0xFFFF)
    var at = bytes.count - 22
    while at >= earliest {
      if le(bytes, at, 4) == 0x0605_4B50, at + 22 + le(bytes, at + 20, 2) == bytes.count {
        return at
      }
      at -= 1
    }
    return nil
  }

  /// A little-endian unsigned integer of `count` bytes at `offset`, or -1 past the end.
  private static func le(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
    guard offset >= 0, offset <= bytes.count - count else { return -1 }
    var value: UInt64 = 0
    for index in (0..<count).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
    return value > UInt64(Int.max) ? -1 : Int(value)
  }
}
