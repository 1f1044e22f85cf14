/// Sorts by a 64-bit key, a byte at a time, least significant first: eight passes of counting at
/// most, each over the values once, where a comparison sort makes about twenty. A byte that
/// every key shares is skipped. The sort is stable: values with equal keys keep their order.
enum RadixSort {
  /// Sorts non-negative integers in ascending order.
  ///
  /// - Precondition: every value is at least 0.
  static func sort(_ values: inout [Int64]) {
    sort(&values) { value in
      precondition(value >= 0, "radix sort takes non-negative values")
      return UInt64(value)
    }
  }

  /// Sorts values by `key`, ascending, keeping the order of values with equal keys.
  static func sort<Value>(_ values: inout [Value], by key: (Value) -> UInt64) {
    guard values.count > 1 else { return }
    // How many keys have each byte, for each of the eight bytes, counted in one pass.
    var counts = [Int](repeating: 0, count: 8 * 256)
    for value in values {
      let bits = key(value)
      for byte in 0..<8 { counts[byte * 256 + Int(bits >> (8 * UInt64(byte)) & 0xFF)] += 1 }
    }
    var other = values
    for byte in 0..<8 {
      let base = byte * 256
      // Every key has the same byte here: this pass would change nothing.
      if (0..<256).contains(where: { counts[base + $0] == values.count }) { continue }
      var start = [Int](repeating: 0, count: 256)
      var next = 0
      for digit in 0..<256 {
        start[digit] = next
        next += counts[base + digit]
      }
      let shift = 8 * UInt64(byte)
      for value in values {
        let digit = Int(key(value) >> shift & 0xFF)
        other[start[digit]] = value
        start[digit] += 1
      }
      swap(&values, &other)
    }
  }
}
