/// A value that was accepted, together with the warnings noticed while producing it.
public struct WithWarnings<Value> {
  /// The accepted value.
  public var value: Value
  /// Warnings, in file, line and column order.
  public var warnings: [InputWarning]

  /// Creates the pair; sorts the warnings.
  public init(_ value: Value, warnings: [InputWarning] = []) {
    self.value = value
    self.warnings = warnings.sorted()
  }
}

extension WithWarnings: Sendable where Value: Sendable {}
