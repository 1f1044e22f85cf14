/// Sorts by a 64-bit key, a byte at a time, least significant first: eight passes of counting at
/// most, each over the values once, where a comparison sort makes about twenty. A byte that
/// every key shares is skipped. Fewer values than ``comparisonBelow`` (a body's events, most
/// often) are sorted by comparisons instead. Either way the sort is stable: values with equal
/// keys keep their order.
enum RadixSort {
  /// Sorts non-negative integers in ascending order.
  ///
  /// - Precondition: every value is at least 0.
  static func sort(_ values: inout [Int64], comparisonBelow: Int = comparisonBelow) {
    sort(
      &values,
      by: { value in
        precondition(value >= 0, "radix sort takes non-negative values")
        return UInt64(value)
      }, comparisonBelow: comparisonBelow)
  }

  /// Below how many values a comparison sort is faster: the radix sort's fixed cost (its
  /// counts, 2,048 of them, and a pass over 256 digits for each byte) is some 50,000
  /// instructions, which a comparison sort of a body's few hundred events does not reach.
  static let comparisonBelow = 1_024

  /// Sorts values by `key`, ascending, keeping the order of values with equal keys.
  ///
  /// - Parameter comparisonBelow: below how many values to sort by comparisons; for tests,
  ///   which check both ways.
  static func sort<Value>(
    _ values: inout [Value], by key: (Value) -> UInt64, comparisonBelow: Int = comparisonBelow
  ) {
    guard values.count > 1 else { return }
    guard values.count >= comparisonBelow else {
      // By key, then by place: the same order as the stable radix sort.
      var keyed = values.indices.map { (key: key(values[$0]), index: $0) }
      keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
      values = keyed.map { [values] in values[$0.index] }
      return
    }
    // How many keys have each byte, for each of the eight bytes, counted in one pass.
    var counts = [Int](repeating: 0, count: 8 * 256)
    for value in values {
      let bits = key(value)
      for byte in 0..<8 { counts[byte * 256 + Int(bits >> (8 * UInt64(byte)) & 0xFF)] += 1 }
    }
    var other = values
    var start = [Int](repeating: 0, count: 256)
    for byte in 0..<8 {
      let base = byte * 256
      // Every key has the same byte here: this pass would change nothing.
      if (0..<256).contains(where: { counts[base + $0] == values.count }) { continue }
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
