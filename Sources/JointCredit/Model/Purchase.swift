/// The parameters of a joint purchase: what is shared, in what steps, by which rule.
public struct Purchase: Hashable, Sendable {
  /// The quantity bought, to be shared out in full.
  public var lot: Quantity
  /// The step allocations to events are made in, such as 0.1 t. The lot is a multiple of it.
  public var unit: Quantity
  /// The step allocations to bodies are made in, in ``AllocationMode/bodyThenEvent`` mode: a
  /// multiple of ``unit``, such as whole tonnes per body.
  public var bodyUnit: Quantity
  /// Whether bodies get their share first.
  public var mode: AllocationMode
  /// The rounding rule.
  public var method: ApportionmentMethod
  /// A free description of the credits, such as the scheme, project and vintage.
  public var description: String

  /// Creates purchase parameters.
  ///
  /// - Precondition: the parameters are consistent (see ``PurchaseSettings/resolved()`` for the
  ///   checked way to build them from input): `lot >= 0`, `unit > 0`, `bodyUnit` a positive
  ///   multiple of `unit`, and `lot` a multiple of the unit of the first level.
  public init(
    lot: Quantity, unit: Quantity = Quantity(tonnes: 1), bodyUnit: Quantity? = nil,
    mode: AllocationMode = .event, method: ApportionmentMethod = .largestRemainder,
    description: String = ""
  ) {
    let bodyUnit = bodyUnit ?? unit
    precondition(lot >= .zero && unit > .zero && bodyUnit > .zero, "quantities must be positive")
    precondition(bodyUnit.isMultiple(of: unit), "body unit must be a multiple of the unit")
    precondition(lot.isMultiple(of: mode == .event ? unit : bodyUnit), "lot must fit the unit")
    self.lot = lot
    self.unit = unit
    self.bodyUnit = bodyUnit
    self.mode = mode
    self.method = method
    self.description = description
  }
}
