/// The hash chains of a DEFLATE encoder over one block's bytes: for each three-byte hash the
/// newest position, and for each position the one before it with the same hash.
///
/// Both tables have a power-of-two size, at most ``hashSize`` and ``windowSize``; an input no
/// longer than the `previous` table never has two positions in one slot. (A longer one only
/// finds fewer matches: every match is checked byte by byte.)
struct HashChains {
  static let windowSize = 32_768
  static let hashSize = 1 << 15
  /// How many earlier positions a search looks at, at most.
  static let maxChain = 4
  /// A match this long ends the search.
  static let niceMatch = 16

  let bytes: UnsafeBufferPointer<UInt8>
  let head: UnsafeMutableBufferPointer<Int>
  let previous: UnsafeMutableBufferPointer<Int>
  /// The stream position of `bytes[0]`.
  let base: Int

  private func hash(_ index: Int) -> Int {
    (Int(bytes[index]) << 10 ^ Int(bytes[index + 1]) << 5 ^ Int(bytes[index + 2]))
      & (head.count - 1)
  }

  /// Enters the position `index` in its chain, when three bytes are there to hash.
  func insert(at index: Int, available: Int) {
    guard base + index + 3 <= available else { return }
    let key = hash(index)
    previous[(base + index) & (previous.count - 1)] = head[key]
    head[key] = base + index
  }

  /// The longest earlier match of the bytes at `index`, at most `limit` (three or more) long,
  /// within the window; a three-byte match more than 4 KiB back is not worth its bits.
  func longestMatch(at index: Int, limit: Int) -> (length: Int, distance: Int) {
    var candidate = head[hash(index)]
    var best = 0, bestDistance = 0, tries = 0
    let here = base + index
    let start = bytes.baseAddress!
    while candidate >= base, here - candidate <= Self.windowSize, tries < Self.maxChain {
      let from = candidate - base
      if bytes[from + best] == bytes[index + best] {
        let length = Self.commonPrefix(start + from, start + index, limit: limit)
        if length > best {
          best = length
          bestDistance = here - candidate
          if length >= min(limit, Self.niceMatch) { break }
        }
      }
      let next = previous[candidate & (previous.count - 1)]
      guard next < candidate else { break }  // an entry overwritten by a newer position
      candidate = next
      tries += 1
    }
    if best == 3, bestDistance > 4_096 { return (0, 0) }
    return (best, bestDistance)
  }

  /// How many bytes at `a` and `b` agree, at most `limit`, eight at a time.
  private static func commonPrefix(
    _ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, limit: Int
  ) -> Int {
    var length = 0
    while length + 8 <= limit {
      // Little-endian order, so that the first byte that differs is the lowest.
      let x = UInt64(littleEndian: UnsafeRawPointer(a + length).loadUnaligned(as: UInt64.self))
      let y = UInt64(littleEndian: UnsafeRawPointer(b + length).loadUnaligned(as: UInt64.self))
      if x != y { return length + (x ^ y).trailingZeroBitCount / 8 }
      length += 8
    }
    while length < limit, a[length] == b[length] { length += 1 }
    return length
  }
}
