import ApportionmentModule

/// One purchase parameter, defined once: its name in a purchase file, its command-line option,
/// its help, its default, and how a value is read into ``PurchaseSettings`` — from a JSON value
/// of a purchase file or from an option's text. The reader of purchase files, the command line
/// and its help all come from ``all``: adding a parameter is adding an entry.
package struct PurchaseField: Sendable {
  /// A value as given: a purchase file's JSON, or an option's text.
  package enum Value {
    case json(JSONNode, source: String)
    case text(String)
  }

  /// Why a value cannot be used: the problem for a purchase file (located there), and the why
  /// of an option's usage error ("The value 'x' is invalid for '--lot <t>': <explanation>").
  package struct Problem: Error {
    package var reason: InputError.Reason
    package var explanation: String
    /// More problems found inside the value (credit blocks), already located.
    package var located: [InputError] = []
  }

  /// The name in a purchase file, such as `lot_t`.
  package let name: String
  /// The option, without `--`, when the command line can give it.
  package let option: String?
  /// The option's value name in help and usage, such as `t`.
  package let valueName: String
  /// What the option does.
  package let help: String
  /// What applies when it is not given, as help prints it.
  package let defaultValue: String?
  /// Reads a value into the settings.
  let read: @Sendable (Value, InputLocation, inout PurchaseSettings) -> Result<Void, Problem>

  /// The parameters, in the order help lists them and purchase files document them.
  package static let all: [PurchaseField] = [
    PurchaseField(name: "description", option: nil, valueName: "", help: "", defaultValue: nil) {
      value, location, settings in
      guard case .json(let node, _) = value, case .string(let text) = node.value else {
        return .failure(type("description", "a string"))
      }
      settings.description = .init(text, text: text, at: location)
      return .success(())
    },
    quantity(
      "lot_t", option: "lot", noun: "lot", help: "The quantity bought, in tonnes, e.g. 100.",
      defaultValue: nil, \.lot),
    quantity(
      "unit_t", option: "unit", noun: "unit",
      help: "The step events are allocated in, in tonnes, e.g. 0.1.", defaultValue: "1", \.unit),
    quantity(
      "body_unit_t", option: "body-unit", noun: "body unit",
      help: "The step bodies are allocated in (body-then-event mode): a multiple of the unit, "
        + "e.g. 1.", defaultValue: "the unit", \.bodyUnit),
    PurchaseField(
      name: "mode", option: "mode", valueName: "mode",
      help: "event (the lot goes to events directly) or body-then-event (to bodies by their "
        + "totals, then to their events).", defaultValue: AllocationMode.event.rawValue
    ) { value, location, settings in
      word(value, "mode").flatMap { text in
        guard let mode = AllocationMode(rawValue: text) else {
          return .failure(
            Problem(
              reason: .unknownMode(text),
              explanation: "expected one of "
                + AllocationMode.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        settings.mode = .init(mode, text: text, at: location)
        return .success(())
      }
    },
    method(
      "method", option: "method",
      help: "The rounding rule: "
        + ApportionmentMethod.allCases.map(\.nameWithAlias).joined(separator: ", ") + ".",
      defaultValue: ApportionmentMethod.largestRemainder.rawValue, \.method),
    method(
      "body_method", option: "body-method",
      help: "The rounding rule for bodies in body-then-event mode.", defaultValue: "the method",
      \.bodyMethod),
    PurchaseField(
      name: "min_t", option: "min", valueName: "t|emissions",
      help: "The least every event with a positive estimate receives: a multiple of the unit, "
        + "e.g. 0.1, or 'emissions': at least its estimate, rounded up to the unit (full "
        + "offset).", defaultValue: nil
    ) { value, location, settings in
      if case .success("emissions") = word(value, "min_t") {
        settings.floor = .init(.emissions, text: "emissions", at: location)
        settings.minimum = nil
        return .success(())
      }
      return decimal(value, noun: "minimum").map { quantity, text in
        settings.minimum = .init(quantity, text: text, at: location)
      }
      .mapError { problem in
        // A word where a quantity or `emissions` was expected: say both are possible.
        guard case .invalidPurchaseQuantity(_, let text, _) = problem.reason,
          !text.contains(where: \.isNumber)
        else { return problem }
        return Problem(
          reason: .unknownFloor(text),
          explanation: "expected tonnes, such as 0.1, or 'emissions'; for a percentage use "
            + "--min-rate")
      }
    },
    PurchaseField(
      name: "min_rate_pct", option: "min-rate", valueName: "percent",
      help: "Every event with a positive estimate receives at least this percentage of it, "
        + "rounded up to the unit, e.g. 100.", defaultValue: nil
    ) { value, location, settings in
      decimal(value, noun: "floor rate").map { rate, text in
        settings.floor = .init(.rate(rate), text: text, at: location)
      }
    },
    PurchaseField(
      name: "surplus", option: "surplus", valueName: "method|reserve",
      help: "Where the lot goes beyond the minimums: 'method' (by the rounding rule) or "
        + "'reserve' (to the reserve body, every event at its minimum).",
      defaultValue: Purchase.Surplus.method.rawValue
    ) { value, location, settings in
      word(value, "surplus").flatMap { text in
        guard let surplus = Purchase.Surplus(rawValue: text) else {
          return .failure(
            Problem(
              reason: .unknownSurplus(text), explanation: "expected 'method' or 'reserve'"))
        }
        settings.surplus = .init(surplus, text: text, at: location)
        return .success(())
      }
    },
    PurchaseField(
      name: "cap", option: "cap", valueName: "emissions",
      help: "'emissions': no event receives more than 100 % of its estimate.", defaultValue: nil
    ) { value, location, settings in
      word(value, "cap").flatMap { text in
        guard text == "emissions" else {
          return .failure(
            Problem(
              reason: .unknownCap(text),
              explanation: "expected 'emissions'; for another limit use --cap-rate"))
        }
        settings.cap = .init(.emissions, text: text, at: location)
        return .success(())
      }
    },
    PurchaseField(
      name: "cap_rate_pct", option: "cap-rate", valueName: "percent",
      help: "No event receives more than this percentage of its estimate, e.g. 150.",
      defaultValue: nil
    ) { value, location, settings in
      decimal(value, noun: "cap rate").map { rate, text in
        settings.cap = .init(.rate(rate), text: text, at: location)
      }
    },
    code(
      "reserve", option: "reserve",
      help: "The body (e.g. the secretariat) that takes what caps leave unplaced (and the "
        + "surplus, with --surplus reserve), shown as a separate row.", defaultValue: nil, \.reserve
    ),
    yen(
      "price_jpy_per_t", option: "price-jpy-per-t",
      help: "The price per tonne in whole yen; costs are shared out so that they add up to "
        + "price × lot.", Pricing.Basis.perTonne),
    yen(
      "invoice_total_jpy", option: "invoice-total-jpy",
      help: "The invoice total in whole yen, instead of a price per tonne.",
      Pricing.Basis.invoiceTotal),
    PurchaseField(
      name: "tax_included", option: "tax", valueName: "included|excluded",
      help: "Whether the price or invoice includes consumption tax (stated on statements, never "
        + "computed).", defaultValue: nil
    ) { value, location, settings in
      let included: Bool
      switch value {
      case .json(let node, _):
        guard case .bool(let given) = node.value else {
          return .failure(type("tax_included", "true or false"))
        }
        included = given
      case .text(let text):
        guard text == "included" || text == "excluded" else {
          return .failure(
            Problem(
              reason: .jsonType(field: "tax", expected: "included or excluded"),
              explanation: "expected 'included' or 'excluded'"))
        }
        included = text == "included"
      }
      settings.taxIncluded = .init(included, text: String(included), at: location)
      return .success(())
    },
    PurchaseField(
      name: "credit_blocks", option: nil, valueName: "", help: "", defaultValue: nil
    ) { value, location, settings in
      guard case .json(let node, let source) = value else {
        return .failure(type("credit_blocks", "an array of blocks"))
      }
      var errors: [InputError] = []
      guard let blocks = CreditBlocks.read(node, source: source, errors: &errors) else {
        var problem = type("credit_blocks", "an array of blocks")
        problem.located = errors
        return .failure(problem)
      }
      settings.creditBlocks = .init(blocks, text: "", at: location)
      return .success(())
    },
    PurchaseField(
      name: "mix", option: "mix", valueName: "proportional|sequential",
      help: "How several credit blocks are shared: 'proportional' (every holder a share of each "
        + "block) or 'sequential' (blocks in the order listed).",
      defaultValue: "proportional when blocks differ, else sequential"
    ) { value, location, settings in
      word(value, "mix").flatMap { text in
        guard let mix = Purchase.Mix(rawValue: text) else {
          return .failure(
            Problem(
              reason: .unknownMix(text), explanation: "expected 'proportional' or 'sequential'"))
        }
        settings.mix = .init(mix, text: text, at: location)
        return .success(())
      }
    },
    PurchaseField(name: "purpose", option: nil, valueName: "", help: "", defaultValue: nil) {
      value, location, settings in
      guard case .json(let node, _) = value, case .string(let text) = node.value,
        !TextNormalization.trimmed(text).isEmpty
      else {
        return .failure(type("purpose", "a string that is not empty"))
      }
      let purpose = TextNormalization.trimmed(text)
      settings.purpose = .init(purpose, text: purpose, at: location)
      return .success(())
    },
    code(
      "secretariat", option: "secretariat",
      help: "Who retires the pooled fractions of whole tonnes when credit blocks are listed.",
      defaultValue: "the reserve body", \.secretariat),
    PurchaseField(name: "issuer", option: nil, valueName: "", help: "", defaultValue: nil) {
      value, location, settings in
      guard case .json(let node, _) = value, case .string(let text) = node.value else {
        return .failure(type("issuer", "a string"))
      }
      let issuer = TextNormalization.trimmed(text)
      settings.issuer = .init(issuer, text: issuer, at: location)
      return .success(())
    },
    PurchaseField(
      name: "issued_on", option: "issued-on", valueName: "date",
      help: "The day the notices and certificates are issued, YYYY-MM-DD, e.g. 2012-03-30.",
      defaultValue: nil
    ) { value, location, settings in
      word(value, "issued_on").flatMap { text in
        guard let date = EventDate(iso: text) else {
          return .failure(
            Problem(
              reason: .invalidDate(text), explanation: "expected a date such as 2012-03-30"))
        }
        settings.issuedOn = .init(date, text: text, at: location)
        return .success(())
      }
    },
  ]

  /// The field of a purchase-file name.
  package static func named(_ name: String) -> PurchaseField? { all.first { $0.name == name } }

  /// Reads a value; for a purchase file, the problems to report (located) — empty on success.
  package func read(
    _ value: Value, at location: InputLocation, into settings: inout PurchaseSettings
  )
    -> Result<Void, Problem>
  {
    read(value, location, &settings)
  }
}

extension PurchaseField {
  private static func type(_ field: String, _ expected: String) -> Problem {
    Problem(
      reason: .jsonType(field: field, expected: expected), explanation: "expected \(expected)")
  }

  /// The text of a word-valued field: a JSON string, or an option's text, normalised.
  private static func word(_ value: Value, _ field: String) -> Result<String, Problem> {
    switch value {
    case .json(let node, _):
      guard case .string(let text) = node.value else { return .failure(type(field, "a string")) }
      return .success(TextNormalization.normalized(text))
    case .text(let text): return .success(TextNormalization.normalized(text))
    }
  }

  /// An exact decimal from a JSON string or number, or an option's text.
  private static func decimal(_ value: Value, noun: String) -> Result<(Quantity, String), Problem> {
    let text: String
    switch value {
    case .json(let node, _):
      switch node.value {
      case .string(let string): text = TextNormalization.normalized(string)
      case .number(let number): text = number
      default: return .failure(type(noun, "a decimal as a string or number"))
      }
    case .text(let raw): text = TextNormalization.normalized(raw)
    }
    do {
      return .success((try Quantity.parse(text).quantity, text))
    } catch {
      return .failure(
        Problem(
          reason: .invalidPurchaseQuantity(field: noun, text: text, error),
          explanation: error.explanation))
    }
  }

  private static func quantity(
    _ name: String, option: String, noun: String, help: String, defaultValue: String?,
    _ path: WritableKeyPath<PurchaseSettings, PurchaseSettings.Setting<Quantity>?> & Sendable
  ) -> PurchaseField {
    PurchaseField(
      name: name, option: option, valueName: "t", help: help, defaultValue: defaultValue
    ) { value, location, settings in
      decimal(value, noun: noun).map { quantity, text in
        settings[keyPath: path] = .init(quantity, text: text, at: location)
      }
    }
  }

  private static func method(
    _ name: String, option: String, help: String, defaultValue: String,
    _ path: WritableKeyPath<PurchaseSettings, PurchaseSettings.Setting<ApportionmentMethod>?>
      & Sendable
  ) -> PurchaseField {
    PurchaseField(
      name: name, option: option, valueName: "method", help: help, defaultValue: defaultValue
    ) { value, location, settings in
      word(value, name).flatMap { text in
        guard let method = ApportionmentMethod(name: text) else {
          return .failure(
            Problem(
              reason: .unknownMethod(text),
              explanation: "expected one of "
                + ApportionmentMethod.allCases.map(\.nameWithAlias).joined(separator: ", ")))
        }
        settings[keyPath: path] = .init(method, text: text, at: location)
        return .success(())
      }
    }
  }

  private static func code(
    _ name: String, option: String, help: String, defaultValue: String?,
    _ path: WritableKeyPath<PurchaseSettings, PurchaseSettings.Setting<Body.Code>?> & Sendable
  ) -> PurchaseField {
    PurchaseField(
      name: name, option: option, valueName: "body-code", help: help, defaultValue: defaultValue
    ) { value, location, settings in
      word(value, name).flatMap { text in
        switch BodyCodeRule.check(text, kind: nil) {
        case .success(let code):
          settings[keyPath: path] = .init(code, text: text, at: location)
          return .success(())
        case .failure(let error):
          return .failure(Problem(reason: error.reason, explanation: error.reason.message))
        }
      }
    }
  }

  private static func yen(
    _ name: String, option: String, help: String,
    _ basis: @escaping @Sendable (Int64) -> Pricing.Basis
  ) -> PurchaseField {
    PurchaseField(name: name, option: option, valueName: "yen", help: help, defaultValue: nil) {
      value, location, settings in
      let text: String
      switch value {
      case .json(let node, _):
        switch node.value {
        case .number(let number): text = number
        case .string(let string): text = TextNormalization.normalized(string)
        default: return .failure(type(name, "a whole number of yen"))
        }
      case .text(let raw): text = TextNormalization.normalized(raw)
      }
      guard let yen = WholeNumber.yen(text) else {
        return .failure(
          Problem(
            reason: .invalidYen(field: name, text: text),
            explanation: "expected a whole number of yen greater than zero and at most "
              + "\(WholeNumber.maximumYen), written with digits only"))
      }
      settings.price = .init(basis(yen), text: String(yen), at: location)
      return .success(())
    }
  }
}
