import Foundation

/// Fast paths over a string's UTF-8 bytes, for the hot loops of reading and writing statements.
enum UTF8Bytes {
  /// Appends the string's UTF-8 bytes in one copy when the string is stored contiguously.
  @inline(__always)
  static func append(_ text: String, to bytes: inout some ByteAppender) {
    let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(bytes: $0) }
    if copied == nil { Array(text.utf8).withUnsafeBufferPointer { bytes.append(bytes: $0) } }
  }

  /// Appends the string's bytes when none of them satisfies `predicate` (a byte to escape or
  /// quote) and its first byte does not satisfy `leading` (a formula's first character), and
  /// returns whether it did: most texts written pass, and are checked and copied with one look
  /// at their storage.
  ///
  /// - Parameter bound: when given, a byte that `predicate` holds for is below it (and it is at
  ///   most 0x80): the bytes are then looked at eight at a time (see ``contains(_:below:where:)``).
  @inline(__always)
  static func append(
    _ text: String, ifNone predicate: (UInt8) -> Bool, below bound: UInt8? = nil,
    norFirst leading: (UInt8) -> Bool = { _ in false }, to bytes: inout some ByteAppender
  ) -> Bool {
    let appended = text.utf8.withContiguousStorageIfAvailable { stored -> Bool in
      if let first = stored.first, leading(first) { return false }
      if let bound {
        if contains(stored, below: bound, where: predicate) { return false }
      } else if stored.contains(where: predicate) {
        return false
      }
      bytes.append(bytes: stored)
      return true
    }
    if let appended { return appended }
    if let first = text.utf8.first, leading(first) { return false }
    guard !text.utf8.contains(where: predicate) else { return false }
    append(text, to: &bytes)
    return true
  }

  /// The eight bytes from `offset`, the first in the lowest bits on any machine.
  @inline(__always)
  static func word(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
  }

  /// The top bit of the bytes of `word` (see ``word(_:at:)``) below `bound`, at most 0x80: a
  /// byte below it wraps below zero in `word - bound × 0x01…01` and was not above ASCII. The
  /// lowest bit set is exactly the first byte below `bound`; a byte after it may be flagged
  /// too, as its borrow goes up the word (a borrow starts only at a flagged byte). Zero when
  /// no byte is below `bound`.
  @inline(__always)
  static func flags(below bound: UInt8, in word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101 &* UInt64(bound)) & ~word & 0x8080_8080_8080_8080
  }

  /// Whether any byte satisfies `predicate`, which holds for no byte of `bound` or above
  /// (`bound` at most 0x80): eight bytes at a time, a word with no byte below `bound` is passed
  /// in one step, and only a word with one is looked at byte by byte.
  @inline(__always)
  static func contains(
    _ bytes: UnsafeBufferPointer<UInt8>, below bound: UInt8, where predicate: (UInt8) -> Bool
  ) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    precondition(bound <= 0x80, "a bound above ASCII")
    let count = bytes.count
    var index = 0
    while count - index >= 8 {
      if flags(below: bound, in: word(base, at: index)) != 0 {
        for offset in index..<index + 8 where predicate(base[offset]) { return true }
      }
      index += 8
    }
    while index < count {
      if predicate(base[index]) { return true }
      index += 1
    }
    return false
  }

  /// Calls `body` with the string's UTF-8 bytes where they are stored, or with a copy of them
  /// when they are not contiguous (a bridged string).
  ///
  /// The appends, `contains` and `compare` here spell out the same look at the storage on
  /// purpose: written through this function, each call counted a reference to the string
  /// (100k main statements: +1.8 % instructions, all in `swift_retain` and `swift_release`).
  @inline(__always)
  static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    text.utf8.withContiguousStorageIfAvailable(body)
      ?? Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// Whether any byte of the string satisfies `predicate`.
  @inline(__always)
  static func contains(_ text: String, where predicate: (UInt8) -> Bool) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) }
      ?? text.utf8.contains(where: predicate)
  }

  /// How many bytes of `range` continue a character (`10xxxxxx`): a column in characters is
  /// the bytes before it less these. Eight bytes at a time.
  static func continuationBytes(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    guard let base = bytes.baseAddress, !range.isEmpty else { return 0 }
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count)
    let raw = UnsafeRawPointer(base)
    var count = 0
    var index = range.lowerBound
    while index + 8 <= range.upperBound {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      // Each byte's top bit set and the bit below it clear (shifted up into the top bit).
      count &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      index += 8
    }
    while index < range.upperBound {
      if bytes[index] & 0xC0 == 0x80 { count &+= 1 }
      index += 1
    }
    return count
  }

  /// Whether `a`'s UTF-8 bytes order before `b`'s: the order of ids and codes, the same on
  /// every machine and in every locale.
  @inline(__always)
  static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

  /// −1, 0 or 1 as `a`'s UTF-8 bytes order before, the same as or after `b`'s. Compared with
  /// `memcmp` where the bytes are contiguous (always, for a native string), which is several
  /// times faster than comparing the views.
  static func compare(_ a: String, _ b: String) -> Int {
    let order = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y -> Int in
        let common = min(x.count, y.count)
        if common > 0, let p = x.baseAddress, let q = y.baseAddress {
          let order = memcmp(p, q, common)
          if order != 0 { return order < 0 ? -1 : 1 }
        }
        return x.count == y.count ? 0 : x.count < y.count ? -1 : 1
      }
    }
    if let order = order ?? nil { return order }
    if a.utf8.elementsEqual(b.utf8) { return 0 }
    return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
  }
}
