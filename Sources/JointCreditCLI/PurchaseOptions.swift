import JointCredit

/// The options that set purchase parameters, shared by `allocate` and `validate`.
struct PurchaseOptions {
  static let specs: [CommandSpec.Option] = [
    .init(
      name: "purchase", valueName: "file",
      help: "Purchase parameters as JSON: " + PurchaseFile.fields.joined(separator: ", ")
        + ". Options below override it."),
    .init(name: "lot", valueName: "t", help: "The quantity bought, in tonnes, e.g. 100."),
    .init(
      name: "unit", valueName: "t",
      help: "The step events are allocated in, in tonnes, e.g. 0.1.", defaultValue: "1"),
    .init(
      name: "body-unit", valueName: "t",
      help: "The step bodies are allocated in (body-then-event mode): a multiple of the "
        + "unit, e.g. 1.", defaultValue: "the unit"),
    .init(
      name: "mode", valueName: "mode",
      help: "event (the lot goes to events directly) or body-then-event (to bodies by their "
        + "totals, then to their events).", defaultValue: AllocationMode.event.rawValue),
    .init(
      name: "method", valueName: "method",
      help: "The rounding rule: "
        + ApportionmentMethod.allCases.map(\.nameWithAlias).joined(separator: ", ") + ".",
      defaultValue: ApportionmentMethod.largestRemainder.rawValue),
    .init(
      name: "body-method", valueName: "method",
      help: "The rounding rule for bodies in body-then-event mode.", defaultValue: "the method"),
    .init(
      name: "min", valueName: "t",
      help: "The least every event with a positive estimate receives, a multiple of the unit, "
        + "e.g. 0.1."),
    .init(
      name: "cap", valueName: "emissions",
      help: "'emissions': no event receives more than 100 % of its estimate."),
    .init(
      name: "cap-rate", valueName: "percent",
      help: "No event receives more than this percentage of its estimate, e.g. 150."),
    .init(
      name: "reserve", valueName: "body-code",
      help: "The body (e.g. the secretariat) that takes what caps leave unplaced, shown as a "
        + "separate row."),
    .init(
      name: "price-jpy-per-t", valueName: "yen",
      help: "The price per tonne in whole yen; costs are shared out so that they add up to "
        + "price × lot."),
    .init(
      name: "invoice-total-jpy", valueName: "yen",
      help: "The invoice total in whole yen, instead of a price per tonne."),
    .init(
      name: "tax", valueName: "included|excluded",
      help: "Whether the price or invoice includes consumption tax (stated on statements, "
        + "never computed)."),
    .init(
      name: "secretariat", valueName: "body-code",
      help: "Who retires the pooled fractions of whole tonnes when credit blocks are listed.",
      defaultValue: "the reserve body"),
  ]

  var purchaseFile: String?
  var overrides = PurchaseSettings()

  init(_ parsed: ParsedArguments) throws(UsageError) {
    purchaseFile = parsed.values["purchase"]
    overrides.lot = try Self.quantity(parsed, "lot")
    overrides.unit = try Self.quantity(parsed, "unit")
    overrides.bodyUnit = try Self.quantity(parsed, "body-unit")
    if let text = parsed.values["mode"] {
      guard let mode = AllocationMode(rawValue: text) else {
        throw .invalidValue(
          option: "--mode <mode>", value: text,
          reason: "expected one of "
            + AllocationMode.allCases.map(\.rawValue).joined(separator: ", "))
      }
      overrides.mode = .init(mode, text: text, at: InputLocation("--mode"))
    }
    if let text = parsed.values["method"] {
      overrides.method = .init(
        try Self.method(text, option: "--method <method>"), text: text,
        at: InputLocation("--method"))
    }
    if let text = parsed.values["body-method"] {
      overrides.bodyMethod = .init(
        try Self.method(text, option: "--body-method <method>"),
        text: text, at: InputLocation("--body-method"))
    }
    overrides.minimum = try Self.quantity(parsed, "min")
    if let text = parsed.values["cap"] {
      guard text == "emissions" else {
        throw .invalidValue(
          option: "--cap <emissions>", value: text,
          reason: "expected 'emissions'; for another limit use --cap-rate")
      }
      overrides.cap = .init(.emissions, text: text, at: InputLocation("--cap"))
    }
    if let rate = try Self.quantity(parsed, "cap-rate", valueName: "percent") {
      guard overrides.cap == nil else {
        throw .invalidValue(
          option: "--cap-rate <percent>", value: rate.text,
          reason: "give either --cap or --cap-rate, not both")
      }
      overrides.cap = .init(.rate(rate.value), text: rate.text, at: rate.location)
    }
    for (option, perTonne) in [("price-jpy-per-t", true), ("invoice-total-jpy", false)] {
      guard let text = parsed.values[option] else { continue }
      guard
        case .success(let yen) = WholeNumber.parse(
          TextNormalization.normalized(text), limit: WholeNumber.maximumYen), yen > 0
      else {
        throw .invalidValue(
          option: "--\(option) <yen>", value: text,
          reason: "expected a whole number of yen greater than zero and at most "
            + "\(WholeNumber.maximumYen), written with digits only")
      }
      guard overrides.price == nil else {
        throw .invalidValue(
          option: "--\(option) <yen>", value: text,
          reason: "give either --price-jpy-per-t or --invoice-total-jpy, not both")
      }
      overrides.price = .init(
        perTonne ? .perTonne(yen) : .invoiceTotal(yen), text: text,
        at: InputLocation("--\(option)"))
    }
    if let text = parsed.values["tax"] {
      guard text == "included" || text == "excluded" else {
        throw .invalidValue(
          option: "--tax <included|excluded>", value: text,
          reason: "expected 'included' or 'excluded'")
      }
      overrides.taxIncluded = .init(text == "included", text: text, at: InputLocation("--tax"))
    }
    if let text = parsed.values["secretariat"] {
      do {
        overrides.secretariat = .init(
          try Body.Code(parsing: text), text: text,
          at: InputLocation("--secretariat"))
      } catch {
        throw .invalidValue(
          option: "--secretariat <body-code>", value: text,
          reason: error.reason.message)
      }
    }
    if let text = parsed.values["reserve"] {
      do {
        overrides.reserve = .init(
          try Body.Code(parsing: text), text: text,
          at: InputLocation("--reserve"))
      } catch {
        throw .invalidValue(
          option: "--reserve <body-code>", value: text,
          reason: error.reason.message)
      }
    }
  }

  static func method(_ text: String, option: String) throws(UsageError) -> ApportionmentMethod {
    guard let method = ApportionmentMethod(name: text) else {
      throw .invalidValue(
        option: option, value: text,
        reason: "expected one of "
          + ApportionmentMethod.allCases.map(\.nameWithAlias).joined(separator: ", "))
    }
    return method
  }

  /// A quantity option: any exact decimal; whether it fits the purchase is checked with the rest
  /// of the input.
  static func quantity(_ parsed: ParsedArguments, _ name: String, valueName: String = "t")
    throws(UsageError) -> PurchaseSettings.Setting<Quantity>?
  {
    guard let raw = parsed.values[name] else { return nil }
    let text = TextNormalization.normalized(raw)
    do {
      return .init(try Quantity.parse(text).quantity, text: text, at: InputLocation("--\(name)"))
    } catch {
      throw .invalidValue(option: "--\(name) <\(valueName)>", value: raw, reason: error.explanation)
    }
  }
}
