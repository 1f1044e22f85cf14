/// Reads purchase parameters from a JSON file.
///
/// ```json
/// {
///   "description": "J-VER forest credits, FY2011",
///   "lot_t": "100",
///   "unit_t": "0.1",
///   "body_unit_t": "1",
///   "mode": "body-then-event",
///   "method": "largest-remainder",
///   "body_method": "dhondt",
///   "min_t": "0.1",
///   "cap": "emissions",
///   "reserve": "ALL62"
/// }
/// ```
///
/// Quantities may be strings or numbers and are read exactly. Unknown fields are errors, so that
/// a misspelt `unit_t` is not silently replaced by the default.
public enum PurchaseFile {
  /// The fields a purchase file may have.
  public static let fields = [
    "description", "lot_t", "unit_t", "body_unit_t", "mode", "method", "body_method", "min_t",
    "cap", "cap_rate_pct", "reserve",
  ]

  /// What a purchase file gave: the settings that were valid, and every problem.
  public struct Reading: Sendable {
    /// The settings read; a field with a problem is left out.
    public var settings: PurchaseSettings
    /// Every problem, positioned in the file.
    public var errors: [InputError]
    /// Whether the file was a JSON object at all (so that its settings can be checked further).
    public var isReadable: Bool
  }

  /// Reads a purchase file, reporting every problem in it.
  public static func read(_ file: SubmissionFile) -> Reading {
    let decoded: TextDecoding.Decoded
    do {
      decoded = try TextDecoding.decode(file.bytes, source: file.path)
    } catch {
      return Reading(settings: PurchaseSettings(), errors: [error], isReadable: false)
    }
    let root: JSONNode
    do {
      root = try JSONParser.parse(decoded.utf8)
    } catch {
      return Reading(settings: PurchaseSettings(),
                     errors: [InputError(error.reason, at: InputLocation(file.path, error.position))],
                     isReadable: false)
    }
    guard case .object(let members) = root.value else {
      return Reading(settings: PurchaseSettings(),
                     errors: [InputError(.jsonType(field: "purchase", expected: "an object"),
                                         at: InputLocation(file.path, root.position))],
                     isReadable: false)
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
      func method() -> Setting<ApportionmentMethod>? {
        guard let text = text(expecting: "a string", numbers: false) else { return nil }
        guard let method = ApportionmentMethod(name: text) else {
          errors.append(InputError(.unknownMethod(text), at: location))
          return nil
        }
        return Setting(method, text: text, at: location)
      }
      switch member.key {
      case "lot_t": settings.lot = quantity("lot")
      case "unit_t": settings.unit = quantity("unit")
      case "body_unit_t": settings.bodyUnit = quantity("body unit")
      case "min_t": settings.minimum = quantity("minimum")
      case "mode":
        guard let text = text(expecting: "a string", numbers: false) else { continue }
        if let mode = AllocationMode(rawValue: text) {
          settings.mode = Setting(mode, text: text, at: location)
        } else {
          errors.append(InputError(.unknownMode(text), at: location))
        }
      case "method": settings.method = method()
      case "body_method": settings.bodyMethod = method()
      case "cap":
        guard let text = text(expecting: "a string", numbers: false) else { continue }
        if text == "emissions" {
          settings.cap = Setting(.emissions, text: text, at: location)
        } else {
          errors.append(InputError(.unknownCap(text), at: location))
        }
      case "cap_rate_pct":
        if let rate = quantity("cap rate") {
          settings.cap = Setting(.rate(rate.value), text: rate.text, at: location)
        }
      case "reserve":
        guard let text = text(expecting: "a string", numbers: false) else { continue }
        switch BodyCodeRule.check(text, kind: nil) {
        case .success(let code): settings.reserve = Setting(code, text: text, at: location)
        case .failure(let error): errors.append(InputError(error.reason, at: location))
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
    let keys = Set(members.map(\.key))
    if keys.contains("cap"), keys.contains("cap_rate_pct") {
      let second = members.first { $0.key == "cap_rate_pct" }!
      errors.append(InputError(.conflictingCaps, at: InputLocation(file.path, second.keyPosition)))
      settings.cap = nil
    }
    return Reading(settings: settings, errors: errors, isReadable: true)
  }

  private typealias Setting = PurchaseSettings.Setting
}
