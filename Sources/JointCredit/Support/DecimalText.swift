/// Formats scaled integers as decimal text: `'.'` as the point, no thousands separators, and a
/// fixed number of decimal places.
public enum DecimalText {
  /// `10^exponent` for `0...38`.
  static func powerOfTen(_ exponent: Int) -> Int128 {
    precondition((0...38).contains(exponent), "10^\(exponent) does not fit in Int128")
    var value: Int128 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// Formats `value ÷ 10^scale` with exactly `decimals` places.
  ///
  /// `format(1_250_000, scale: 6, decimals: 3)` is `"1.250"`.
  ///
  /// - Precondition: no non-zero digit is dropped (`decimals` is enough for the value).
  public static func format(_ value: Int128, scale: Int, decimals: Int) -> String {
    var bytes: [UInt8] = []
    append(value, scale: scale, decimals: decimals, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the UTF-8 text of `value ÷ 10^scale` with exactly `decimals` places to `bytes`.
  ///
  /// - Precondition: no non-zero digit is dropped (`decimals` is enough for the value).
  public static func append(_ value: Int128, scale: Int, decimals: Int, to bytes: inout [UInt8]) {
    precondition(decimals >= 0 && scale >= 0)
    var magnitude = value.magnitude
    var places = scale
    // Drop trailing places beyond the ones printed; they must all be zero.
    while places > decimals {
      precondition(magnitude % 10 == 0, "formatting \(value)e-\(scale) to \(decimals) places loses digits")
      magnitude /= 10
      places -= 1
    }
    var digits: [UInt8] = []
    digits.reserveCapacity(24)
    repeat {
      digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    // Pad so there is at least one digit before the point.
    while digits.count <= places { digits.append(UInt8(ascii: "0")) }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    for index in stride(from: digits.count - 1, through: places, by: -1) {
      bytes.append(digits[index])
    }
    if decimals > 0 {
      bytes.append(UInt8(ascii: "."))
      if places > 0 {
        for index in stride(from: places - 1, through: 0, by: -1) { bytes.append(digits[index]) }
      }
      for _ in places..<decimals { bytes.append(UInt8(ascii: "0")) }
    }
  }
}

extension Quantity {
  /// The quantity in tonnes with exactly `decimals` places, e.g. `"1.250"` for 3.
  ///
  /// - Precondition: `decimals >= significantDecimals`: formatting never rounds a quantity.
  public func formatted(decimals: Int) -> String {
    DecimalText.format(Int128(grams), scale: Quantity.scale, decimals: decimals)
  }
}
