import ApportionmentModule

/// Formats scaled integers as decimal text: `'.'` as the point, no thousands separators, and a
/// fixed number of decimal places.
package enum DecimalText {
  /// `10^exponent` for `0...38`.
  static func powerOfTen(_ exponent: Int) -> Int128 {
    precondition((0...38).contains(exponent), "10^\(exponent) does not fit in Int128")
    return powersOfTen[exponent]
  }

  /// `10^0` to `10^38`, made once: a figure's rounding asks for one (a million rates a
  /// statement), and multiplying it out each time was most of that rounding.
  private static let powersOfTen: [Int128] = (0...38).reduce(into: []) { powers, exponent in
    powers.append(exponent == 0 ? 1 : powers[exponent - 1] * 10)
  }

  /// Formats `value ÷ 10^scale` with exactly `decimals` places.
  ///
  /// `format(1_250_000, scale: 6, decimals: 3)` is `"1.250"`.
  ///
  /// - Precondition: no non-zero digit is dropped (`decimals` is enough for the value).
  package static func format(_ value: Int128, scale: Int, decimals: Int) -> String {
    var bytes: [UInt8] = []
    append(value, scale: scale, decimals: decimals, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the UTF-8 text of `value ÷ 10^scale` with exactly `decimals` places to `bytes`,
  /// after `prefix` and before `suffix` when given (a separating comma, quotes), in one append.
  ///
  /// - Precondition: no non-zero digit is dropped (`decimals` is enough for the value).
  package static func append(
    _ value: Int128, scale: Int, decimals: Int, to bytes: inout some ByteAppender,
    prefix: UInt8? = nil, suffix: UInt8? = nil
  ) {
    precondition(decimals >= 0 && scale >= 0)
    var magnitude = value.magnitude
    var places = scale
    // Drop trailing places beyond the ones printed; they must all be zero.
    while places > decimals {
      precondition(
        magnitude % 10 == 0, "formatting \(value)e-\(scale) to \(decimals) places loses digits")
      magnitude /= 10
      places -= 1
    }
    // 128-bit division is slow: 64 bits when the value fits (every figure of a statement), in a
    // buffer of a fixed size: at most 20 digits with the padding zeros, the point, the sign,
    // the prefix and the suffix.
    if decimals <= 18, let small = UInt64(exactly: magnitude) {
      return append(
        small, places: places, negative: value < 0, decimals: decimals, capacity: 32,
        to: &bytes, prefix: prefix, suffix: suffix)
    }
    // At most 39 digits, the point, the sign, the padding, the prefix and the suffix.
    append(
      magnitude, places: places, negative: value < 0, decimals: decimals,
      capacity: decimals + 44, to: &bytes, prefix: prefix, suffix: suffix)
  }

  /// The eight decimal digits of `value` (below 10^8, with leading zeros), one a byte, as
  /// numbers (0 to 9, not yet characters), the first digit in the lowest byte: the digits in
  /// the order they are written when the word is stored in little-endian order.
  ///
  /// Made in three steps, each a few multiplications over all its parts at once: two halves of
  /// four digits, then four quarters of two, then eight digits. `x ÷ 100` is `x × 10486 >> 20`
  /// for any `x` below 10^4, and `x ÷ 10` is `x × 103 >> 10` for any `x` below 100; no part's
  /// product reaches the next part's bits.
  ///
  /// - Precondition: `value < 100_000_000`.
  @inline(__always)
  static func eightDigits(_ value: UInt64) -> UInt64 {
    precondition(value < 100_000_000, "\(value) has more than eight digits")
    // Two halves of four digits: the first in bits 0-31, the last in bits 32-63.
    var parts = (value / 10_000) | ((value % 10_000) << 32)
    // Four quarters of two digits, in 16 bits each.
    let hundreds = ((parts &* 10_486) &>> 20) & 0x0000_007F_0000_007F
    parts = hundreds | ((parts &- hundreds &* 100) << 16)
    // Eight digits, in a byte each.
    let tens = ((parts &* 103) &>> 10) & 0x000F_000F_000F_000F
    return tens | ((parts &- tens &* 10) << 8)
  }

  /// `00` to `99`, each number's two digits at twice its offset.
  private static var digitPairs: StaticString {
    """
    0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
    5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899
    """
  }

  /// Appends `magnitude ÷ 10^places` with `decimals` places, negated when `negative`: made
  /// right to left in a buffer of `capacity` bytes on the stack (padding zeros, the places, the
  /// point, the whole part, the sign), then appended in one copy.
  private static func append<Magnitude: UnsignedInteger & FixedWidthInteger>(
    _ magnitude: Magnitude, places: Int, negative: Bool, decimals: Int, capacity: Int,
    to bytes: inout some ByteAppender, prefix: UInt8?, suffix: UInt8?
  ) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
      var start = capacity
      func put(_ byte: UInt8) {
        start &-= 1
        buffer[start] = byte
      }
      if let suffix { put(suffix) }
      let zero = UInt8(ascii: "0")
      for _ in places..<decimals { put(zero) }
      // Two digits a division, from a table of the pairs.
      let pairs = digitPairs.utf8Start
      func putPair(_ value: Magnitude) {
        let pair = Int(truncatingIfNeeded: value) &* 2
        start &-= 2
        buffer[start] = pairs[pair]
        buffer[start &+ 1] = pairs[pair &+ 1]
      }
      var rest = magnitude
      var left = places
      while left >= 2 {
        putPair(rest % 100)
        rest /= 100
        left &-= 2
      }
      if left == 1 {
        put(zero &+ UInt8(truncatingIfNeeded: rest % 10))
        rest /= 10
      }
      if decimals > 0 { put(UInt8(ascii: ".")) }
      while rest >= 100 {
        putPair(rest % 100)
        rest /= 100
      }
      if rest >= 10 { putPair(rest) } else { put(zero &+ UInt8(truncatingIfNeeded: rest)) }
      if negative { put(UInt8(ascii: "-")) }
      if let prefix { put(prefix) }
      bytes.append(bytes: UnsafeBufferPointer(rebasing: buffer[start..<capacity]))
    }
  }
}

/// A decimal ready to print: `digits ÷ 10^decimals`, written with exactly `decimals` places.
///
/// Statements build these from exact quantities and fractions, and write them straight into their
/// output, so that a million rows do not make a million strings.
public struct FixedDecimal: Hashable, Sendable, CustomStringConvertible {
  /// The value times `10^decimals`.
  public var digits: Int128
  /// The places after the point.
  public var decimals: Int

  /// A quantity in tonnes with `decimals` places.
  ///
  /// - Precondition: `decimals >= quantity.significantDecimals`: quantities are never rounded.
  public init(_ quantity: Quantity, decimals: Int) {
    precondition(decimals >= 0, "\(decimals) decimals")
    guard decimals < Quantity.scale else {
      self.digits = Int128(quantity.grams) * DecimalText.powerOfTen(decimals - Quantity.scale)
      self.decimals = decimals
      return
    }
    let (whole, dropped) = Self.dividing(quantity.grams, places: Quantity.scale - decimals)
    precondition(dropped == 0, "\(quantity) needs more decimals")
    self.digits = Int128(whole)
    self.decimals = decimals
  }

  /// A quantity in tonnes with at least `decimals` places, and more when it has more: the
  /// places of `max(decimals, quantity.significantDecimals)`, what statements print, without
  /// counting the quantity's places one division at a time (a million figures a statement).
  ///
  /// With at least 3 places, 1.25 t is `1.250` and 1.2345 t is `1.2345`.
  init(_ quantity: Quantity, atLeast decimals: Int) {
    if decimals >= 0, decimals < Quantity.scale {
      let (whole, dropped) = Self.dividing(quantity.grams, places: Quantity.scale - decimals)
      if dropped == 0 {
        self.init(digits: Int128(whole), decimals: decimals)
        return
      }
    }
    self.init(quantity, decimals: max(decimals, quantity.significantDecimals))
  }

  /// `grams ÷ 10^places` and what is left, for `places` in `1...6`: each power a constant, so
  /// that the division is a multiplication.
  @inline(__always)
  private static func dividing(_ grams: Int64, places: Int) -> (Int64, Int64) {
    switch places {
    case 1: grams.quotientAndRemainder(dividingBy: 10)
    case 2: grams.quotientAndRemainder(dividingBy: 100)
    case 3: grams.quotientAndRemainder(dividingBy: 1_000)
    case 4: grams.quotientAndRemainder(dividingBy: 10_000)
    case 5: grams.quotientAndRemainder(dividingBy: 100_000)
    case 6: grams.quotientAndRemainder(dividingBy: 1_000_000)
    default: preconditionFailure("\(places) places: a quantity has \(Quantity.scale)")
    }
  }

  /// A fraction rounded half up to `decimals` places.
  public init(rounding fraction: Fraction, decimals: Int) {
    self.digits = fraction.scaledRoundedHalfUp(decimals: decimals)
    self.decimals = decimals
  }

  /// Appends the text to UTF-8 bytes.
  public func append(to bytes: inout [UInt8]) {
    DecimalText.append(digits, scale: decimals, decimals: decimals, to: &bytes)
  }

  /// Appends the text between two bytes (a separating comma, quotes), in one append.
  func append(to bytes: inout some ByteAppender, after prefix: UInt8?, before suffix: UInt8? = nil)
  {
    DecimalText.append(
      digits, scale: decimals, decimals: decimals, to: &bytes, prefix: prefix, suffix: suffix)
  }

  /// The text, e.g. `"1.250"`.
  public var description: String { DecimalText.format(digits, scale: decimals, decimals: decimals) }
}

extension Quantity {
  /// The quantity in tonnes with exactly `decimals` places, e.g. `"1.250"` for 3.
  ///
  /// - Precondition: `decimals >= significantDecimals`: formatting never rounds a quantity.
  public func formatted(decimals: Int) -> String {
    DecimalText.format(Int128(grams), scale: Quantity.scale, decimals: decimals)
  }
}
