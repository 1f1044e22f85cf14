import Testing

@testable import JointCredit

/// The rows' table of body fields gives what a dictionary gives: the value kept for a key, and
/// nothing for a key never kept, over seeded keys of every length that share prefixes, bytes and
/// lengths.
@Suite struct ByteKeyTableTests {
  @Test(arguments: [1, 7, 100, 5_000])
  func givesWhatADictionaryGives(count: Int) {
    var rng = SplitMix64(seed: UInt64(count))
    var table = ByteKeyTable(seed: 42)
    var reference: [[UInt8]: Int] = [:]
    let prefix = Array("131016\u{FF}千代田区\u{FF}".utf8)
    func randomKey() -> [UInt8] {
      let length = Int(rng.next() % 24)
      let body = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next() % 4 + 0x30) }
      return rng.next() % 2 == 0 ? prefix + body : body
    }
    for value in 0..<count {
      let key = randomKey()
      if let kept = reference[key] {
        #expect(table.value(for: key) == kept)
        continue
      }
      #expect(table.value(for: key) == nil)
      table.insert(key, value)
      reference[key] = value
    }
    for (key, value) in reference { #expect(table.value(for: key) == value) }
    for _ in 0..<1_000 {
      let key = randomKey()
      #expect(table.value(for: key) == reference[key])
    }
    #expect(table.value(for: []) == reference[[]])
  }
}

extension ByteKeyTable {
  /// The table's lookup, for a key in an array.
  fileprivate func value(for key: [UInt8]) -> Int? {
    key.withUnsafeBufferPointer { value(for: $0) }
  }

  /// The table's insertion, for a key in an array.
  fileprivate mutating func insert(_ key: [UInt8], _ value: Int) {
    key.withUnsafeBufferPointer { insert($0, value) }
  }
}
