import ApportionmentModule

/// Purchase parameters as given, each with where it came from, before they are checked together.
///
/// Values come from a purchase file and from command-line options; options win. ``resolved()``
/// checks the result and names the file position or option of anything wrong.
public struct PurchaseSettings: Hashable, Sendable {
  /// A value and where it was given.
  public struct Setting<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The value.
    public var value: Value
    /// Its text as written, for messages.
    public var text: String
    /// The file position or option that gave it.
    public var location: InputLocation

    /// Creates a setting.
    public init(_ value: Value, text: String, at location: InputLocation) {
      self.value = value
      self.text = text
      self.location = location
    }
  }

  /// `lot_t`: the quantity bought.
  public var lot: Setting<Quantity>?
  /// `unit_t`: the unit for events (default 1 t).
  public var unit: Setting<Quantity>?
  /// `body_unit_t`: the unit for bodies in body-then-event mode (default: the unit).
  public var bodyUnit: Setting<Quantity>?
  /// `mode` (default `event`).
  public var mode: Setting<AllocationMode>?
  /// `method` (default `largest-remainder`).
  public var method: Setting<ApportionmentMethod>?
  /// `body_method` (default: the method).
  public var bodyMethod: Setting<ApportionmentMethod>?
  /// `min_t`: the least each event with a positive estimate gets.
  public var minimum: Setting<Quantity>?
  /// `min_t` `emissions` or `min_rate_pct`: the least each event with a positive estimate gets,
  /// relative to its estimate.
  public var floor: Setting<Purchase.Floor>?
  /// `surplus`: where the lot goes beyond the floors (default `method`).
  public var surplus: Setting<Purchase.Surplus>?
  /// `cap` (`emissions`) or `cap_rate_pct`.
  public var cap: Setting<Purchase.Cap>?
  /// `reserve`: the body that takes what caps leave unplaced.
  public var reserve: Setting<Body.Code>?
  /// `description` of the credits.
  public var description: Setting<String>?
  /// `price_jpy_per_t` or `invoice_total_jpy`.
  public var price: Setting<Pricing.Basis>?
  /// `tax_included`.
  public var taxIncluded: Setting<Bool>?
  /// `credit_blocks`.
  public var creditBlocks: Setting<[CreditBlock]>?
  /// `secretariat`: who retires shares smaller than a whole tonne.
  public var secretariat: Setting<Body.Code>?
  /// `purpose`: the purpose stated on retirement applications.
  public var purpose: Setting<String>?
  /// `issuer`: who issues the notices and certificates.
  public var issuer: Setting<String>?
  /// `issued_on`: the day the notices and certificates are issued.
  public var issuedOn: Setting<EventDate>?
  /// `mix`: how several blocks are shared among holders.
  public var mix: Setting<Purchase.Mix>?
  /// Fields that were given but could not be read (by their purchase-file names, such as
  /// `unit_t`): checks that involve them are skipped rather than run on a default.
  public var invalidFields: Set<String> = []

  /// Creates settings; every parameter is optional.
  public init(
    lot: Setting<Quantity>? = nil, unit: Setting<Quantity>? = nil,
    bodyUnit: Setting<Quantity>? = nil, mode: Setting<AllocationMode>? = nil,
    method: Setting<ApportionmentMethod>? = nil, bodyMethod: Setting<ApportionmentMethod>? = nil,
    minimum: Setting<Quantity>? = nil, cap: Setting<Purchase.Cap>? = nil,
    reserve: Setting<Body.Code>? = nil, description: Setting<String>? = nil
  ) {
    self.lot = lot
    self.unit = unit
    self.bodyUnit = bodyUnit
    self.mode = mode
    self.method = method
    self.bodyMethod = bodyMethod
    self.minimum = minimum
    self.cap = cap
    self.reserve = reserve
    self.description = description
  }

  /// These settings with every parameter that `overrides` gives replaced by it.
  public func overridden(by overrides: PurchaseSettings) -> PurchaseSettings {
    PurchaseSettings(
      lot: overrides.lot ?? lot, unit: overrides.unit ?? unit,
      bodyUnit: overrides.bodyUnit ?? bodyUnit, mode: overrides.mode ?? mode,
      method: overrides.method ?? method, bodyMethod: overrides.bodyMethod ?? bodyMethod,
      minimum: overrides.minimum ?? (overrides.floor == nil ? minimum : nil),
      cap: overrides.cap ?? cap,
      reserve: overrides.reserve ?? reserve, description: overrides.description ?? description
    )
    .with { merged in
      // The minimum and the floor are one choice (`--min 0.1` replaces a file's
      // `"min_t": "emissions"`): options that give either replace both.
      if overrides.minimum != nil || overrides.floor != nil {
        merged.floor = overrides.floor
      } else {
        merged.floor = floor
      }
      merged.surplus = overrides.surplus ?? surplus
      merged.price = overrides.price ?? price
      merged.taxIncluded = overrides.taxIncluded ?? taxIncluded
      merged.creditBlocks = overrides.creditBlocks ?? creditBlocks
      merged.secretariat = overrides.secretariat ?? secretariat
      merged.purpose = overrides.purpose ?? purpose
      merged.issuer = overrides.issuer ?? issuer
      merged.issuedOn = overrides.issuedOn ?? issuedOn
      merged.mix = overrides.mix ?? mix
      merged.invalidFields = invalidFields.union(overrides.invalidFields)
    }
  }

  private func with(_ change: (inout PurchaseSettings) -> Void) -> PurchaseSettings {
    var copy = self
    change(&copy)
    return copy
  }

  /// Checks the parameters together and returns the purchase.
  ///
  /// - Returns: the purchase, with a warning when a body unit is given in event mode.
  /// - Throws: ``InputErrors`` for a missing lot, a lot or unit that is not positive, a lot or
  ///   body unit that is not a multiple of the unit it is shared in, a minimum that is negative or
  ///   not a multiple of the unit, a floor or cap rate that is not positive, or a surplus for the
  ///   reserve without a reserve body or a floor.
  public func resolved() throws(InputErrors) -> WithWarnings<Purchase> {
    var errors: [InputError] = []
    var warnings: [InputWarning] = []
    // A field that could not be read has already been reported; checking the others against a
    // default in its place would only add false problems.
    let unitKnown = !invalidFields.contains("unit_t")
    let modeKnown = !invalidFields.contains("mode")
    let unit = self.unit ?? Setting(Quantity(tonnes: 1), text: "1", at: InputLocation("default"))
    let mode = self.mode?.value ?? .event
    if unit.value <= .zero {
      errors.append(InputError(.notPositive(field: "unit", value: unit.text), at: unit.location))
    }
    let unitUsable = unitKnown && unit.value > .zero
    if let bodyUnit {
      if bodyUnit.value <= .zero {
        errors.append(
          InputError(
            .notPositive(field: "body unit", value: bodyUnit.text),
            at: bodyUnit.location))
      } else if unitUsable, !bodyUnit.value.isMultiple(of: unit.value) {
        errors.append(
          InputError(
            .notAMultiple(
              field: "body unit", value: bodyUnit.text,
              unitField: "unit", unit: unit.text),
            at: bodyUnit.location))
      }
      if modeKnown, mode == .event {
        warnings.append(InputWarning(.bodyUnitUnused, at: bodyUnit.location))
      }
    }
    if let bodyMethod, modeKnown, mode == .event {
      warnings.append(InputWarning(.bodyMethodUnused, at: bodyMethod.location))
    }
    if let minimum {
      if minimum.value < .zero {
        errors.append(
          InputError(
            .negativeValue(field: "minimum", value: minimum.text),
            at: minimum.location))
      } else if unitUsable, !minimum.value.isMultiple(of: unit.value) {
        errors.append(
          InputError(
            .notAMultiple(
              field: "minimum", value: minimum.text,
              unitField: "unit", unit: unit.text),
            at: minimum.location))
      }
    }
    if let floor, floor.value.percent <= .zero {
      errors.append(
        InputError(.notPositive(field: "floor rate", value: floor.text), at: floor.location))
    }
    if let surplus, surplus.value == .reserve {
      if reserve == nil, !invalidFields.contains("reserve") {
        errors.append(InputError(.surplusNeedsReserve, at: surplus.location))
      }
      if floor == nil, minimum == nil, !invalidFields.contains("min_t"),
        !invalidFields.contains("min_rate_pct")
      {
        errors.append(InputError(.surplusNeedsFloor, at: surplus.location))
      }
    }
    if let cap, cap.value.percent <= .zero {
      errors.append(InputError(.notPositive(field: "cap rate", value: cap.text), at: cap.location))
    }
    if let reserve, cap == nil, surplus?.value != .reserve, !invalidFields.contains("cap"),
      !invalidFields.contains("cap_rate_pct"), !invalidFields.contains("surplus")
    {
      warnings.append(InputWarning(.reserveUnused, at: reserve.location))
    }
    guard let lot else {
      if !invalidFields.contains("lot_t") {
        errors.append(InputError(.missingPurchaseValue(field: "lot_t", option: "--lot")))
      }
      throw InputErrors(errors, warnings: warnings)
    }
    if lot.value <= .zero {
      errors.append(InputError(.notPositive(field: "lot", value: lot.text), at: lot.location))
    }
    let bodyUnitKnown = !invalidFields.contains("body_unit_t")
    // In body-then-event mode the lot is first shared in body units, which are multiples of the
    // unit; so the lot must be a multiple of the coarser step.
    let (step, stepName) =
      mode == .bodyThenEvent
      ? (bodyUnit ?? unit, bodyUnit == nil ? "unit" : "body unit") : (unit, "unit")
    if errors.isEmpty, unitUsable, modeKnown, bodyUnitKnown || mode == .event,
      !lot.value.isMultiple(of: step.value)
    {
      errors.append(
        InputError(
          .notAMultiple(
            field: "lot", value: lot.text, unitField: stepName,
            unit: step.text), at: lot.location))
    }
    let (pricing, blocks, financeErrors) = finance(lot: lot)
    errors += financeErrors
    guard errors.isEmpty, invalidFields.isEmpty else {
      throw InputErrors(errors, warnings: warnings)
    }
    // Every check of Purchase was made above, each with its place (a test holds the two to
    // the same verdict), so the checks are not run twice.
    let unitOfBodies = bodyUnit?.value ?? unit.value
    let purchase = Purchase(
      checked: lot.value, unit: unit.value, bodyUnit: unitOfBodies, mode: mode,
      method: method?.value ?? .largestRemainder,
      bodyMethod: bodyMethod?.value ?? method?.value ?? .largestRemainder,
      minimum: minimum?.value, floor: floor?.value, surplus: surplus?.value ?? .method,
      cap: cap?.value, reserve: reserve?.value, pricing: pricing,
      creditBlocks: blocks, secretariat: secretariat?.value,
      mix: mix?.value, purpose: purpose?.value ?? Purchase.defaultPurpose,
      description: description?.value ?? "", issuer: issuer?.value ?? "",
      issuedOn: issuedOn?.value)
    return WithWarnings(purchase, warnings: warnings)
  }

  /// Checks the price and the credit blocks against the lot, as ``Purchase`` does, each
  /// problem located at the field it is about.
  private func finance(lot: Setting<Quantity>)
    -> (Pricing?, [CreditBlock], [InputError])
  {
    var errors: [InputError] = []
    var pricing: Pricing?
    if let price {
      let priced = Pricing(price.value, taxIncluded: taxIncluded?.value)
      pricing = priced
      errors += priced.problems(for: lot.value).map { InputError($0, at: price.location) }
    }
    guard let blocks = creditBlocks, !blocks.value.isEmpty else { return (pricing, [], errors) }
    if pricing == nil, blocks.value.contains(where: { $0.price != nil }) {
      pricing = Pricing(.blockPrices, taxIncluded: taxIncluded?.value)
    }
    for reason in CreditBlock.priceProblems(of: blocks.value, pricing: pricing) {
      if case .blockPricesWithInvoice = reason, let price {
        errors.append(InputError(reason, at: price.location))
      } else {
        errors.append(InputError(reason, at: blocks.location))
      }
    }
    for reason in CreditBlock.problems(of: blocks.value, lot: lot.value) {
      if case .serialsNeedWholeTonnes = reason {
        errors.append(InputError(.serialsNeedWholeTonnes(lot: lot.text), at: lot.location))
      } else if case .serialsDoNotMatchLot(let serials, _) = reason {
        errors.append(
          InputError(.serialsDoNotMatchLot(serials: serials, lot: lot.text), at: blocks.location))
      } else {
        errors.append(InputError(reason, at: blocks.location))
      }
    }
    return (pricing, blocks.value, errors)
  }
}
