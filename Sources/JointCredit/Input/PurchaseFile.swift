/// Reads purchase parameters from a JSON file.
///
/// ```json
/// {
///   "description": "J-VER forest credits, FY2011",
///   "lot_t": "100",
///   "unit_t": "0.1",
///   "mode": "body-then-event",
///   "method": "largest-remainder"
/// }
/// ```
///
/// Quantities may be strings or numbers and are read exactly. Unknown fields are errors, so that
/// a misspelt `unit_t` is not silently replaced by the default.
public enum PurchaseFile {
  /// The fields a purchase file may have.
  public static let fields = ["description", "lot_t", "unit_t", "body_unit_t", "mode", "method"]

  /// Reads a purchase file.
  ///
  /// - Throws: ``InputErrors`` with every problem, positioned in the file.
  public static func read(_ file: SubmissionFile) throws(InputErrors) -> PurchaseSettings {
    let decoded: TextDecoding.Decoded
    do {
      decoded = try TextDecoding.decode(file.bytes, source: file.path)
    } catch {
      throw InputErrors([error])
    }
    let root: JSONNode
    do {
      root = try JSONParser.parse(decoded.utf8)
    } catch {
      throw InputErrors([InputError(error.reason, at: InputLocation(file.path, error.position))])
    }
    guard case .object(let members) = root.value else {
      throw InputErrors([InputError(.jsonType(field: "purchase", expected: "an object"),
                                    at: InputLocation(file.path, root.position))])
    }
    var settings = PurchaseSettings()
    var errors: [InputError] = []
    for member in members {
      let location = InputLocation(file.path, member.value.position)
      func text(expecting expected: String, numbers: Bool) -> String? {
        switch member.value.value {
        case .string(let string): return TextNormalization.normalized(string)
        case .number(let number) where numbers: return number
        default:
          errors.append(InputError(.jsonType(field: member.key, expected: expected), at: location))
          return nil
        }
      }
      func quantity(_ field: String) -> Setting<Quantity>? {
        guard let text = text(expecting: "a decimal as a string or number", numbers: true) else {
          return nil
        }
        do {
          return Setting(try Quantity.parse(text).quantity, text: text, at: location)
        } catch {
          errors.append(InputError(.invalidPurchaseQuantity(field: field, text: text, error),
                                   at: location))
          return nil
        }
      }
      switch member.key {
      case "lot_t": settings.lot = quantity("lot")
      case "unit_t": settings.unit = quantity("unit")
      case "body_unit_t": settings.bodyUnit = quantity("body unit")
      case "mode":
        guard let text = text(expecting: "a string", numbers: false) else { continue }
        if let mode = AllocationMode(rawValue: text) {
          settings.mode = Setting(mode, text: text, at: location)
        } else {
          errors.append(InputError(.unknownMode(text), at: location))
        }
      case "method":
        guard let text = text(expecting: "a string", numbers: false) else { continue }
        if let method = ApportionmentMethod(name: text) {
          settings.method = Setting(method, text: text, at: location)
        } else {
          errors.append(InputError(.unknownMethod(text), at: location))
        }
      case "description":
        guard case .string(let string) = member.value.value else {
          errors.append(InputError(.jsonType(field: member.key, expected: "a string"),
                                   at: location))
          continue
        }
        settings.description = Setting(string, text: string, at: location)
      default:
        errors.append(InputError(.unknownField(member.key, expected: fields),
                                 at: InputLocation(file.path, member.keyPosition)))
      }
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
    return settings
  }

  private typealias Setting = PurchaseSettings.Setting
}
