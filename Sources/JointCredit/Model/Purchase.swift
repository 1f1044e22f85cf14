/// The parameters of a joint purchase: what is shared, in what steps, by which rule, under which
/// constraints.
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
  /// The rounding rule for events (and for bodies, unless ``bodyMethod`` says otherwise).
  public var method: ApportionmentMethod
  /// The rounding rule for bodies in body-then-event mode.
  public var bodyMethod: ApportionmentMethod
  /// The least every event with a positive estimate receives, a multiple of the unit.
  public var minimum: Quantity?
  /// The most an event may receive, relative to its estimate.
  public var cap: Cap?
  /// The body that takes what caps leave unplaced.
  public var reserve: Body.Code?
  /// A free description of the credits, such as the scheme, project and vintage.
  public var description: String
  /// What the credits cost, when given: body and event costs are then shared out in whole yen.
  public var pricing: Pricing?
  /// The blocks of credits bought, when given: serial ranges are then assigned to bodies.
  public var creditBlocks: [CreditBlock] = []
  /// The body in whose name shares smaller than a whole tonne are retired (default: the
  /// reserve body, or `secretariat`).
  public var secretariat: Body.Code?

  /// A limit on an event's allocation relative to its own estimate.
  public enum Cap: Hashable, Sendable, CustomStringConvertible {
    /// No event above 100 % of its estimate.
    case emissions
    /// No event above this percentage of its estimate (a decimal, such as 150).
    case rate(Quantity)

    /// The percentage, as an exact decimal (100 for ``emissions``).
    public var percent: Quantity {
      switch self {
      case .emissions: Quantity(tonnes: 100)
      case .rate(let percent): percent
      }
    }

    /// `emissions` or `150 %`.
    public var description: String {
      switch self {
      case .emissions: "emissions"
      case .rate(let percent): "\(percent) %"
      }
    }
  }

  /// Creates purchase parameters.
  ///
  /// - Precondition: the parameters are consistent (see ``PurchaseSettings/resolved()`` for the
  ///   checked way to build them from input): `lot >= 0`, `unit > 0`, `bodyUnit` a positive
  ///   multiple of `unit`, `lot` a multiple of the unit of the first level, `minimum` a
  ///   non-negative multiple of `unit`, a rate cap positive.
  public init(
    lot: Quantity, unit: Quantity = Quantity(tonnes: 1), bodyUnit: Quantity? = nil,
    mode: AllocationMode = .event, method: ApportionmentMethod = .largestRemainder,
    bodyMethod: ApportionmentMethod? = nil, minimum: Quantity? = nil, cap: Cap? = nil,
    reserve: Body.Code? = nil, description: String = ""
  ) {
    let bodyUnit = bodyUnit ?? unit
    precondition(lot >= .zero && unit > .zero && bodyUnit > .zero, "quantities must be positive")
    precondition(bodyUnit.isMultiple(of: unit), "body unit must be a multiple of the unit")
    precondition(lot.isMultiple(of: mode == .event ? unit : bodyUnit), "lot must fit the unit")
    precondition(minimum.map { $0 >= .zero && $0.isMultiple(of: unit) } ?? true, "bad minimum")
    precondition(cap?.percent ?? Quantity(tonnes: 1) > .zero, "a cap rate must be positive")
    self.lot = lot
    self.unit = unit
    self.bodyUnit = bodyUnit
    self.mode = mode
    self.method = method
    self.bodyMethod = bodyMethod ?? method
    self.minimum = minimum
    self.cap = cap
    self.reserve = reserve
    self.description = description
  }

  /// Whether any constraint (minimum, cap) applies.
  public var isConstrained: Bool { minimum != nil || cap != nil }
}
