import Testing

@testable import JointCredit

/// The byte-level fast paths that reading and sorting rely on, each against the plain
/// definition it stands for.
@Suite struct UTF8BytesTests {
  /// Continuation bytes counted a word at a time against one at a time, over every range of
  /// seeded texts of bytes of every kind.
  @Test func continuationBytesAreCountedExactly() {
    var rng = SplitMix64(seed: 12)
    for _ in 0..<200 {
      let bytes = (0..<Int(rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
      for lower in 0...bytes.count {
        let upper = lower + Int(rng.next() % UInt64(bytes.count - lower + 1))
        let expected = bytes[lower..<upper].filter { $0 >= 0x80 && $0 <= 0xBF }.count
        let counted = bytes.withUnsafeBufferPointer {
          UTF8Bytes.continuationBytes(in: $0, lower..<upper)
        }
        #expect(counted == expected, "bytes \(bytes), range \(lower)..<\(upper)")
      }
    }
  }

  /// The word test's lowest flag is the first byte below the bound, for every bound the test
  /// allows and seeded words mixing bytes either side of it (and beyond ASCII); no flag when
  /// no byte is below it.
  @Test func theLowestFlagIsTheFirstByteBelowTheBound() {
    var rng = SplitMix64(seed: 20_261_209)
    for bound in UInt8(0)...0x80 {
      for _ in 0..<200 {
        let bytes = (0..<8).map { _ in
          rng.next() % 4 == 0
            ? UInt8(truncatingIfNeeded: rng.next() % (UInt64(bound) + 1))
            : UInt8(truncatingIfNeeded: UInt64(bound) + rng.next() % (256 - UInt64(bound)))
        }
        let flags = bytes.withUnsafeBufferPointer {
          UTF8Bytes.flags(below: bound, in: UTF8Bytes.word($0.baseAddress!, at: 0))
        }
        let first = bytes.firstIndex { $0 < bound }
        #expect(
          (flags == 0 ? nil : flags.trailingZeroBitCount >> 3) == first,
          "bytes \(bytes), bound \(bound)")
      }
    }
  }

  /// A byte found eight at a time below a bound against one at a time: seeded bytes of every
  /// kind, each bound the writers use with its predicate, the byte sought at every offset.
  @Test func bytesBelowABoundAreFoundExactly() {
    var rng = SplitMix64(seed: 20_261_208)
    let special: (UInt8) -> Bool = { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    let cases: [(UInt8, (UInt8) -> Bool)] = [
      (0x2D, special), (0x80, { $0 == 0x7F }), (0x01, { $0 == 0 }), (0x2D, { _ in false }),
    ]
    for _ in 0..<3_000 {
      // Mostly bytes at or above the bound (letters, digits, bytes beyond ASCII), a few below.
      let bytes = (0..<Int(rng.next() % 40)).map { _ in
        rng.next() % 6 == 0
          ? UInt8(truncatingIfNeeded: rng.next() % 0x2D)
          : UInt8(truncatingIfNeeded: 0x2D + rng.next() % 0xD3)
      }
      for (bound, predicate) in cases {
        let found = bytes.withUnsafeBufferPointer {
          UTF8Bytes.contains($0, below: bound, where: predicate)
        }
        #expect(found == bytes.contains(where: predicate), "bytes \(bytes), bound \(bound)")
      }
    }
  }

  /// Ids and codes order by their bytes as `memcmp` compares them, as the views compare them:
  /// seeded strings of ASCII, kana, ideographs and a four-byte scalar, many sharing a prefix.
  @Test func stringsOrderByTheirBytes() {
    var rng = SplitMix64(seed: 5)
    let alphabet: [String] = ["", "A", "a", "0", "9", "~", "é", "ア", "東", "京", "𠮷", "\u{7F}"]
    func random() -> String {
      (0..<Int(rng.next() % 6)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        .joined()
    }
    for _ in 0..<2_000 {
      let a = random()
      let b = Bool.random(using: &rng) ? a + random() : random()
      #expect(UTF8Bytes.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
      #expect(UTF8Bytes.precedes(b, a) == b.utf8.lexicographicallyPrecedes(a.utf8), "\(b) \(a)")
      let sign =
        a.utf8.elementsEqual(b.utf8) ? 0 : a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
      #expect(UTF8Bytes.compare(a, b) == sign, "\(a) \(b)")
    }
    #expect(UTF8Bytes.precedes("E1", "E10") && !UTF8Bytes.precedes("E10", "E1"))
    #expect(!UTF8Bytes.precedes("E1", "E1") && UTF8Bytes.precedes("", "E1"))
    #expect(UTF8Bytes.precedes("Z", "a") && UTF8Bytes.precedes("~", "é"))
  }
}
