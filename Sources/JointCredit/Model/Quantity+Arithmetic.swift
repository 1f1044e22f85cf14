extension Quantity: AdditiveArithmetic {
  /// The sum of two quantities.
  ///
  /// - Precondition: the sum fits (at most ``max``), as for `Int`; input never gets here
  ///   unchecked: the reader rejects estimates whose sum does not fit.
  public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
    Quantity(grams: lhs.grams + rhs.grams)
  }

  /// The difference of two quantities.
  ///
  /// - Precondition: the difference fits, as for `Int`.
  public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
    Quantity(grams: lhs.grams - rhs.grams)
  }
}

extension Quantity: ExpressibleByIntegerLiteral {
  /// Whole tonnes written as a literal: `let lot: Quantity = 100`.
  public init(integerLiteral tonnes: Int64) {
    self.init(tonnes: tonnes)
  }
}
