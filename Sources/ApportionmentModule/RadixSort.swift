/// Sorts non-negative 64-bit integers by their bytes, least significant first: eight passes of
/// counting at most, each over the values once, where a comparison sort makes about twenty.
/// A byte that every value shares is skipped.
enum RadixSort {
  /// Sorts `values` in ascending order.
  ///
  /// - Precondition: every value is at least 0.
  static func sort(_ values: inout [Int64]) {
    guard values.count > 1 else { return }
    // How many values have each byte, for each of the eight bytes, counted in one pass.
    var counts = [Int](repeating: 0, count: 8 * 256)
    for value in values {
      precondition(value >= 0, "radix sort takes non-negative values")
      let bits = UInt64(value)
      for byte in 0..<8 { counts[byte * 256 + Int(bits >> (8 * UInt64(byte)) & 0xFF)] += 1 }
    }
    var other = [Int64](repeating: 0, count: values.count)
    for byte in 0..<8 {
      let base = byte * 256
      // Every value has the same byte here: this pass would change nothing.
      if (0..<256).contains(where: { counts[base + $0] == values.count }) { continue }
      var start = [Int](repeating: 0, count: 256)
      var next = 0
      for digit in 0..<256 {
        start[digit] = next
        next += counts[base + digit]
      }
      let shift = 8 * UInt64(byte)
      for value in values {
        let digit = Int(UInt64(value) >> shift & 0xFF)
        other[start[digit]] = value
        start[digit] += 1
      }
      swap(&values, &other)
    }
  }
}
