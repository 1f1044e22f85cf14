import JointCredit

/// The options that set purchase parameters, shared by `allocate` and `validate`.
struct PurchaseOptions {
  static let specs: [CommandSpec.Option] = [
    .init(name: "purchase", valueName: "file",
          help: "Purchase parameters as JSON: lot_t, unit_t, body_unit_t, mode, method, "
            + "description. Options below override it."),
    .init(name: "lot", valueName: "t", help: "The quantity bought, in tonnes, e.g. 100."),
    .init(name: "unit", valueName: "t",
          help: "The step events are allocated in, in tonnes, e.g. 0.1. (default: 1)"),
    .init(name: "body-unit", valueName: "t",
          help: "The step bodies are allocated in (body-then-event mode): a multiple of the "
            + "unit, e.g. 1. (default: the unit)"),
    .init(name: "mode", valueName: "mode",
          help: "event (the lot goes to events directly) or body-then-event (to bodies by their "
            + "totals, then to their events). (default: event)"),
    .init(name: "method", valueName: "method",
          help: "The rounding rule: "
            + ApportionmentMethod.allCases.map(\.rawValue).joined(separator: ", ")
            + " (alias hamilton). (default: largest-remainder)"),
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
        throw .invalidValue(option: "--mode <mode>", value: text, reason: "expected one of "
          + AllocationMode.allCases.map(\.rawValue).joined(separator: ", "))
      }
      overrides.mode = .init(mode, text: text, at: InputLocation("--mode"))
    }
    if let text = parsed.values["method"] {
      overrides.method = .init(try Self.method(text, option: "--method <method>"), text: text,
                               at: InputLocation("--method"))
    }
  }

  static func method(_ text: String, option: String) throws(UsageError) -> ApportionmentMethod {
    guard let method = ApportionmentMethod(name: text) else {
      throw .invalidValue(option: option, value: text, reason: "expected one of "
        + ApportionmentMethod.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return method
  }

  /// A quantity option: any exact decimal; whether it fits the purchase is checked with the rest
  /// of the input.
  static func quantity(_ parsed: ParsedArguments, _ name: String) throws(UsageError)
    -> PurchaseSettings.Setting<Quantity>?
  {
    guard let raw = parsed.values[name] else { return nil }
    let text = TextNormalization.normalized(raw)
    do {
      return .init(try Quantity.parse(text).quantity, text: text, at: InputLocation("--\(name)"))
    } catch {
      throw .invalidValue(option: "--\(name) <t>", value: raw, reason: error.explanation)
    }
  }
}
