import ApportionmentModule
import JointCredit

/// The options that set purchase parameters, shared by `allocate` and `validate`.
struct PurchaseOptions {
  /// `--purchase`, then an option for every purchase parameter the command line can give, in
  /// the order of ``PurchaseField/all``, with its help and default from there.
  static let specs: [CommandSpec.Option] =
    [
      .init(
        name: "purchase", valueName: "file",
        help: "Purchase parameters as JSON: " + PurchaseFile.fields.joined(separator: ", ")
          + ". Options below override it.")
    ]
    + PurchaseField.all.compactMap { field in
      field.option.map {
        CommandSpec.Option(
          name: $0, valueName: field.valueName, help: field.help,
          defaultValue: field.defaultValue)
      }
    }

  var purchaseFile: String?
  var overrides = PurchaseSettings()

  init(_ parsed: ParsedArguments) throws(UsageError) {
    purchaseFile = parsed.values["purchase"]
    for field in PurchaseField.all {
      guard let option = field.option, let text = parsed.values[option] else { continue }
      let usage = "--\(option) <\(field.valueName)>"
      if option == "cap-rate", overrides.cap != nil {
        throw .invalidValue(
          option: usage, value: text, reason: "give either --cap or --cap-rate, not both")
      }
      if option == "min-rate", overrides.floor != nil {
        throw .invalidValue(
          option: usage, value: text, reason: "give either --min emissions or --min-rate, not both")
      }
      if option == "invoice-total-jpy", overrides.price != nil {
        throw .invalidValue(
          option: usage, value: text,
          reason: "give either --price-jpy-per-t or --invoice-total-jpy, not both")
      }
      let read = field.read(.text(text), at: InputLocation("--\(option)"), into: &overrides)
      if case .failure(let problem) = read {
        throw .invalidValue(option: usage, value: text, reason: problem.explanation)
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
