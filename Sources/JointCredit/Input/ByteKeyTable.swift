import Foundation

/// A table from short byte strings to integers, for the row loop's question "which accepted body
/// did a row with these fields, byte for byte, name?", asked once per row.
///
/// It is a cache, and may forget: a key it cannot place within a few slots of its hash (a file
/// built so that keys collide) is not kept, and its rows take the full checks, as a row of a
/// new body does. So no input makes a lookup cost more than a few comparisons. Keys are hashed
/// eight bytes at a time with a seed drawn for the table, and compared with `memcmp`: the
/// standard dictionary's SipHash and element-wise array comparison were 7 % of reading a
/// national file.
struct ByteKeyTable {
  /// For each slot, 0 when empty, or 1 + the index of its entry.
  private var slots: [Int32] = Array(repeating: 0, count: 64)
  /// The entries' hashes, values, and where their keys are in ``keys``.
  private var hashes: [UInt64] = []
  private var values: [Int] = []
  private var keyStarts: [Int] = [0]
  /// The keys, one after the other.
  private var keys: [UInt8] = []
  private let seed: UInt64

  /// How many slots past its own a key may be placed or looked for. The table is kept at most
  /// a quarter full, so that keys that do not collide on purpose practically always find a
  /// slot well within this.
  static let maximumProbes = 32

  /// Creates an empty table.
  ///
  /// - Parameter seed: the seed of the hash; a random one by default, so that no file can be
  ///   built to collide in every run.
  init(seed: UInt64 = .random(in: .min ... .max)) {
    self.seed = seed
  }

  /// The value kept for the key of these bytes, if any.
  func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = hash(key)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    for _ in 0..<Self.maximumProbes {
      let entry = Int(slots[slot]) - 1
      if entry < 0 { return nil }
      if hashes[entry] == hash, matches(entry, key) { return values[entry] }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Keeps `value` for the key of these bytes, a key not kept yet; a key that finds no free
  /// slot near its hash is not kept (see the type's notes).
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Int) {
    if (hashes.count + 1) * 4 > slots.count { grow() }
    let hash = hash(key)
    guard let slot = freeSlot(for: hash) else { return }
    slots[slot] = Int32(hashes.count + 1)
    hashes.append(hash)
    values.append(value)
    keys.append(contentsOf: key)
    keyStarts.append(keys.count)
  }

  private func freeSlot(for hash: UInt64) -> Int? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    for _ in 0..<Self.maximumProbes {
      if slots[slot] == 0 { return slot }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Twice the slots, every entry placed again (one that finds no room is forgotten).
  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    for entry in hashes.indices {
      if let slot = freeSlot(for: hashes[entry]) { slots[slot] = Int32(entry + 1) }
    }
  }

  private func matches(_ entry: Int, _ given: UnsafeBufferPointer<UInt8>) -> Bool {
    let (start, end) = (keyStarts[entry], keyStarts[entry + 1])
    guard end - start == given.count else { return false }
    return keys.withUnsafeBufferPointer { kept in
      given.isEmpty || memcmp(kept.baseAddress! + start, given.baseAddress!, given.count) == 0
    }
  }

  /// A hash of the key's bytes, eight at a time, and its length.
  private func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let bytes = UnsafeRawBufferPointer(key)
    var hash = seed ^ UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
    var index = 0
    // One multiply per word, the full mix once at the end.
    while index + 8 <= bytes.count {
      hash =
        (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 32
      index += 8
    }
    if index < bytes.count {
      var tail: UInt64 = 0
      for offset in index..<bytes.count {
        tail |= UInt64(bytes[offset]) << (8 * UInt64(offset - index))
      }
      hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
    }
    return mix(hash)
  }

  /// One round of a 64-bit mixer (the finaliser of SplitMix64).
  private func mix(_ value: UInt64) -> UInt64 {
    var z = value &* 0xBF58_476D_1CE4_E5B9
    z ^= z >> 31
    z = z &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 29)
  }
}
