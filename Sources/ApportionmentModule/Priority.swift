/// How strongly an item claims the next unit, compared exactly.
///
/// For a divisor method the priority of an item with weight *w* holding *a* units is
/// *w* ÷ *d*(*a*), the method's divisor; for the largest remainder method it is the remainder. A
/// priority is a fraction `numerator ÷ denominator` of unsigned 128-bit integers, or, for
/// Huntington-Hill, whose divisor is the geometric mean √(a(a+1)), the square of one (``isSquared``),
/// so that no square root is ever taken. Two priorities compare by cross-multiplying into 256
/// bits: no rounding, no floating point. A zero denominator is an infinite priority (the first unit
/// under Adams, Dean and Huntington-Hill, whose first divisor is 0).
public struct Priority: Comparable, Hashable, Sendable {
  /// The numerator (for a squared priority, of the square).
  public var numerator: UInt128
  /// The denominator (for a squared priority, of the square); zero means infinite.
  public var denominator: UInt128
  /// Whether numerator ÷ denominator is the square of the priority.
  public var isSquared: Bool

  /// Creates a priority `numerator ÷ denominator` (or its square).
  public init(_ numerator: UInt128, over denominator: UInt128, squared: Bool = false) {
    self.numerator = numerator
    self.denominator = denominator
    self.isSquared = squared
  }

  /// Whether the priority is infinite (a positive weight over a zero divisor).
  public var isInfinite: Bool { denominator == 0 && numerator > 0 }

  /// Whether the priority is zero (a zero weight).
  public var isZero: Bool { numerator == 0 }

  /// Whether `lhs` is the weaker claim.
  ///
  /// - Precondition: both are squared or neither is, unless one is zero or infinite: priorities
  ///   of one method.
  public static func < (lhs: Priority, rhs: Priority) -> Bool { compare(lhs, rhs) < 0 }

  /// Whether two priorities are the same value: zero equals zero and infinite equals infinite
  /// whatever their terms; otherwise a squared priority is never equal to one that is not (they
  /// belong to different methods), and two of one kind are equal when their fractions are.
  /// Unlike `<`, this never stops: it is an equivalence on every priority.
  public static func == (lhs: Priority, rhs: Priority) -> Bool {
    if lhs.isZero || rhs.isZero { return lhs.isZero && rhs.isZero }
    if lhs.isInfinite || rhs.isInfinite { return lhs.isInfinite && rhs.isInfinite }
    return lhs.isSquared == rhs.isSquared && compare(lhs, rhs) == 0
  }

  public func hash(into hasher: inout Hasher) {
    // Equal values may be written with other terms (1/2 and 2/4); hash only what every equal
    // value shares.
    hasher.combine(isInfinite)
    hasher.combine(isZero)
    hasher.combine(isZero || isInfinite ? false : isSquared)
  }

  /// −1, 0 or 1 as `lhs` is below, equal to or above `rhs`.
  ///
  /// - Precondition: both are squared or neither is (priorities of one method).
  static func compare(_ lhs: Priority, _ rhs: Priority) -> Int {
    precondition(
      lhs.isSquared == rhs.isSquared || lhs.isZero || rhs.isZero
        || lhs.isInfinite || rhs.isInfinite, "priorities of different methods")
    switch (lhs.isZero, rhs.isZero) {
    case (true, true): return 0
    case (true, false): return -1
    case (false, true): return 1
    default: break
    }
    switch (lhs.isInfinite, rhs.isInfinite) {
    case (true, true): return 0
    case (true, false): return 1
    case (false, true): return -1
    default: break
    }
    // Terms of 64 bits (weights in grams and unit counts give those) cross-multiply into 128
    // bits with one machine multiplication each.
    if (lhs.numerator | lhs.denominator | rhs.numerator | rhs.denominator) <= UInt128(UInt64.max) {
      let left = UInt64(lhs.numerator).multipliedFullWidth(by: UInt64(rhs.denominator))
      let right = UInt64(rhs.numerator).multipliedFullWidth(by: UInt64(lhs.denominator))
      if left.high != right.high { return left.high < right.high ? -1 : 1 }
      if left.low != right.low { return left.low < right.low ? -1 : 1 }
      return 0
    }
    let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
    let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
    if left.high != right.high { return left.high < right.high ? -1 : 1 }
    if left.low != right.low { return left.low < right.low ? -1 : 1 }
    return 0
  }

  /// The priority rounded half up to a whole number (in the weights' units per unit of
  /// allocation), or `nil` when it is infinite. For a squared priority the square root is taken
  /// exactly on integers.
  public var roundedValue: UInt128? {
    if isInfinite { return nil }
    if isZero { return 0 }
    let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
    guard isSquared else { return remainder >= denominator - remainder ? quotient + 1 : quotient }
    // ⌊√(N/D)⌋ = ⌊√⌊N/D⌋⌋; then round up when (y + ½)² ≤ N/D, i.e. (2y+1)²·D ≤ 4N.
    let root = Priority.integerSquareRoot(quotient)
    let odd = 2 * root + 1
    let left = (odd * odd).multipliedFullWidth(by: denominator)
    let right = numerator.multipliedFullWidth(by: 4)
    return (left.high, left.low) <= (right.high, right.low) ? root + 1 : root
  }

  /// ⌊√n⌋, by Newton's method on integers.
  static func integerSquareRoot(_ n: UInt128) -> UInt128 {
    if n < 2 { return n }
    var x = UInt128(1) << ((UInt128.bitWidth - n.leadingZeroBitCount) / 2 + 1)
    while true {
      let next = (x + n / x) / 2
      if next >= x { return x }
      x = next
    }
  }
}
