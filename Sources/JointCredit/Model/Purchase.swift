import ApportionmentModule

/// The parameters of a joint purchase: what is shared, in what steps, by which rule, under which
/// constraints.
public struct Purchase: Hashable, Sendable {
  /// The quantity bought, to be shared out in full.
  public internal(set) var lot: Quantity
  /// The step allocations to events are made in, such as 0.1 t. The lot is a multiple of it.
  public internal(set) var unit: Quantity
  /// The step allocations to bodies are made in, in ``AllocationMode/bodyThenEvent`` mode: a
  /// multiple of ``unit``, such as whole tonnes per body.
  public internal(set) var bodyUnit: Quantity
  /// Whether bodies get their share first.
  public internal(set) var mode: AllocationMode
  /// The rounding rule for events (and for bodies, unless ``bodyMethod`` says otherwise).
  public internal(set) var method: ApportionmentMethod
  /// The rounding rule for bodies in body-then-event mode.
  public internal(set) var bodyMethod: ApportionmentMethod
  /// The least every event with a positive estimate receives, a multiple of the unit.
  public internal(set) var minimum: Quantity?
  /// The least an event with a positive estimate receives relative to its estimate, rounded up
  /// to the unit (full offset), when given. With a ``minimum`` too, the larger applies.
  public internal(set) var floor: Floor?
  /// Where the lot goes beyond the floors: by the method, or to the ``reserve``.
  public internal(set) var surplus: Surplus = .method
  /// The most an event may receive, relative to its estimate.
  public internal(set) var cap: Cap?
  /// The body that takes what caps leave unplaced (and, with ``Surplus/reserve``, what the
  /// floors leave).
  public internal(set) var reserve: Body.Code?
  /// A free description of the credits, such as the scheme, project and vintage.
  public internal(set) var description: String
  /// What the credits cost, when given: body and event costs are then shared out in whole yen.
  public internal(set) var pricing: Pricing?
  /// The blocks of credits bought, when given: serial ranges are then assigned to bodies.
  public internal(set) var creditBlocks: [CreditBlock] = []
  /// The body in whose name shares smaller than a whole tonne are retired (default: the
  /// reserve body, or `secretariat`).
  public internal(set) var secretariat: Body.Code?
  /// How serials of several blocks are shared among holders (default: ``Mix/proportional`` when
  /// the blocks differ in scheme, project, vintage or price, else ``Mix/sequential``).
  public internal(set) var mix: Mix?
  /// The purpose stated on every retirement application (default:
  /// ``Purchase/defaultPurpose``).
  public internal(set) var purpose: String = Purchase.defaultPurpose
  /// Who issues the notices and certificates, such as the secretariat's name; empty when not
  /// given.
  public internal(set) var issuer: String = ""
  /// The day the notices and certificates are issued, when given.
  public internal(set) var issuedOn: EventDate?

  /// The registry's wording for offsetting meetings and events, the purpose of a joint
  /// purchase's retirements unless the purchase says otherwise.
  public static let defaultPurpose = "カーボン・オフセット（会議・イベントのオフセット）"

  /// A limit on an event's allocation relative to its own estimate: at most this share of it,
  /// rounded down to the unit.
  public typealias Cap = EstimateShare

  /// Creates purchase parameters, checking that they fit together.
  ///
  /// ```swift
  /// let purchase = try Purchase(
  ///   lot: Quantity(tonnes: 100), unit: try Quantity(parsing: "0.1"), mode: .bodyThenEvent,
  ///   pricing: Pricing(.perTonne(12_000)), secretariat: Body.Code("ALL62"))
  /// ```
  ///
  /// The values cannot be changed afterwards, so an ``Allocator`` always works on parameters
  /// that passed these checks. ``PurchaseSettings/resolved()`` builds them from a purchase file
  /// and options, with each problem located in the file or option.
  ///
  /// - Throws: ``InputErrors`` listing every problem: a lot or unit that is not positive, a body
  ///   unit that is not a positive multiple of the unit, a lot that is not a multiple of the step
  ///   it is first shared in, a minimum that is negative or not a multiple of the unit, a floor or
  ///   cap rate that is not positive, a ``Surplus/reserve`` surplus without a reserve body or
  ///   without a floor or minimum, a price that is not positive or makes an invoice past
  ///   ``WholeNumber/maximumYen`` or one that is not whole, credit blocks whose serials are
  ///   negative, out of order or past ``WholeNumber/maximumSerial``, that print the same serial
  ///   twice, or that do not hold one serial per tonne of a lot of whole tonnes.
  public init(
    lot: Quantity, unit: Quantity = Quantity(tonnes: 1), bodyUnit: Quantity? = nil,
    mode: AllocationMode = .event, method: ApportionmentMethod = .largestRemainder,
    bodyMethod: ApportionmentMethod? = nil, minimum: Quantity? = nil, floor: Floor? = nil,
    surplus: Surplus = .method, cap: Cap? = nil, reserve: Body.Code? = nil,
    pricing: Pricing? = nil, creditBlocks: [CreditBlock] = [], secretariat: Body.Code? = nil,
    mix: Mix? = nil, purpose: String = Purchase.defaultPurpose, description: String = "",
    issuer: String = "", issuedOn: EventDate? = nil
  ) throws(InputErrors) {
    self.init(
      checked: lot, unit: unit, bodyUnit: bodyUnit ?? unit, mode: mode, method: method,
      bodyMethod: bodyMethod ?? method, minimum: minimum, floor: floor, surplus: surplus,
      cap: cap, reserve: reserve, pricing: pricing, creditBlocks: creditBlocks,
      secretariat: secretariat, mix: mix, purpose: purpose, description: description,
      issuer: issuer, issuedOn: issuedOn)
    let problems = self.problems
    guard problems.isEmpty else { throw InputErrors(problems.map { InputError($0) }) }
  }

  init(
    checked lot: Quantity, unit: Quantity, bodyUnit: Quantity, mode: AllocationMode,
    method: ApportionmentMethod, bodyMethod: ApportionmentMethod, minimum: Quantity?,
    floor: Floor?, surplus: Surplus, cap: Cap?, reserve: Body.Code?, pricing: Pricing?,
    creditBlocks: [CreditBlock], secretariat: Body.Code?,
    mix: Mix? = nil, purpose: String = Purchase.defaultPurpose, description: String,
    issuer: String = "", issuedOn: EventDate? = nil
  ) {
    self.lot = lot
    self.unit = unit
    self.bodyUnit = bodyUnit
    self.mode = mode
    self.method = method
    self.bodyMethod = bodyMethod
    self.minimum = minimum
    self.floor = floor
    self.surplus = surplus
    self.cap = cap
    self.reserve = reserve
    self.pricing = pricing
    self.creditBlocks = creditBlocks
    self.secretariat = secretariat
    self.mix = mix
    self.purpose = purpose
    self.description = description
    self.issuer = issuer
    self.issuedOn = issuedOn
  }

  /// What does not fit together, in the words of ``InputError/Reason``.
  var problems: [InputError.Reason] {
    var problems: [InputError.Reason] = []
    if unit <= .zero { problems.append(.notPositive(field: "unit", value: "\(unit)")) }
    // A body unit that is the unit (the default) has nothing more to say wrong.
    if bodyUnit != unit, bodyUnit <= .zero {
      problems.append(.notPositive(field: "body unit", value: "\(bodyUnit)"))
    } else if bodyUnit != unit, unit > .zero, !bodyUnit.isMultiple(of: unit) {
      problems.append(
        .notAMultiple(
          field: "body unit", value: "\(bodyUnit)", unitField: "unit", unit: "\(unit)"))
    }
    let step = mode == .event ? unit : bodyUnit
    if lot <= .zero {
      problems.append(.notPositive(field: "lot", value: "\(lot)"))
    } else if step > .zero, !lot.isMultiple(of: step) {
      problems.append(
        .notAMultiple(
          field: "lot", value: "\(lot)", unitField: mode == .event ? "unit" : "body unit",
          unit: "\(step)"))
    }
    if let minimum {
      if minimum < .zero {
        problems.append(.negativeValue(field: "minimum", value: "\(minimum)"))
      } else if unit > .zero, !minimum.isMultiple(of: unit) {
        problems.append(
          .notAMultiple(field: "minimum", value: "\(minimum)", unitField: "unit", unit: "\(unit)"))
      }
    }
    if let floor, floor.percent <= .zero {
      problems.append(.notPositive(field: "floor rate", value: "\(floor.percent)"))
    }
    if surplus == .reserve {
      if reserve == nil { problems.append(.surplusNeedsReserve) }
      if floor == nil, minimum == nil { problems.append(.surplusNeedsFloor) }
    }
    if let cap, cap.percent <= .zero {
      problems.append(.notPositive(field: "cap rate", value: "\(cap.percent)"))
    }
    if let pricing { problems += pricing.problems(for: lot) }
    problems += CreditBlock.priceProblems(of: creditBlocks, pricing: pricing)
    if !creditBlocks.isEmpty { problems += CreditBlock.problems(of: creditBlocks, lot: lot) }
    return problems
  }
  /// Whether any constraint (minimum, floor, cap) applies.
  public var isConstrained: Bool { minimum != nil || floor != nil || cap != nil }
}
