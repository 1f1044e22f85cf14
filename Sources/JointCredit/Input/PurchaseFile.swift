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
  public static let fields = PurchaseField.all.map(\.name)

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
      return Reading(
        settings: PurchaseSettings(),
        errors: [InputError(error.reason, at: InputLocation(file.path, error.position))],
        isReadable: false)
    }
    guard case .object(let members) = root.value else {
      return Reading(
        settings: PurchaseSettings(),
        errors: [
          InputError(
            .jsonType(field: "purchase", expected: "an object"),
            at: InputLocation(file.path, root.position))
        ],
        isReadable: false)
    }
    var settings = PurchaseSettings()
    var errors: [InputError] = []
    for member in members {
      guard let field = PurchaseField.named(member.key) else {
        errors.append(
          InputError(
            .unknownField(member.key, expected: fields),
            at: InputLocation(file.path, member.keyPosition)))
        continue
      }
      let location = InputLocation(file.path, member.value.position)
      let read = field.read(.json(member.value, source: file.path), at: location, into: &settings)
      if case .failure(let problem) = read {
        errors +=
          problem.located.isEmpty ? [InputError(problem.reason, at: location)] : problem.located
        settings.invalidFields.insert(member.key)
      }
    }
    let keys = Set(members.map(\.key))
    if keys.contains("price_jpy_per_t"), keys.contains("invoice_total_jpy") {
      let second = members.first { $0.key == "invoice_total_jpy" }!
      errors.append(
        InputError(.conflictingPrices, at: InputLocation(file.path, second.keyPosition)))
      settings.invalidFields.insert("invoice_total_jpy")
    }
    if keys.contains("cap"), keys.contains("cap_rate_pct") {
      let second = members.first { $0.key == "cap_rate_pct" }!
      errors.append(InputError(.conflictingCaps, at: InputLocation(file.path, second.keyPosition)))
      settings.cap = nil
    }
    if keys.contains("min_rate_pct"), settings.minimum == nil,
      let minimum = members.first(where: { $0.key == "min_t" }),
      !settings.invalidFields.contains("min_t")
    {
      // `"min_t": "emissions"` is a floor too: two floors contradict each other.
      let second = members.first { $0.key == "min_rate_pct" }!
      let later = minimum.keyPosition < second.keyPosition ? second : minimum
      errors.append(
        InputError(.conflictingFloors, at: InputLocation(file.path, later.keyPosition)))
      settings.floor = nil
      settings.invalidFields.insert("min_rate_pct")
    }
    return Reading(settings: settings, errors: errors, isReadable: true)
  }
}

/// The `credit_blocks` of a purchase file.
///
/// ```json
/// "credit_blocks": [
///   {"scheme": "J-VER", "project": "…", "serial_prefix": "JV-0123-", "first": "000001",
///    "last": "000100", "vintage": "2011"}
/// ]
/// ```
///
/// Serial numbers may be strings (their width, with leading zeros, is kept) or numbers.
enum CreditBlocks {
  static let fields = [
    "scheme", "project", "serial_prefix", "first", "last", "vintage", "price_jpy_per_t",
  ]
  /// The most blocks one purchase lists.
  static let maximumCount = 10_000

  static func read(_ node: JSONNode, source: String, errors: inout [InputError]) -> [CreditBlock]? {
    guard case .array(let elements) = node.value else {
      errors.append(
        InputError(
          .jsonType(field: "credit_blocks", expected: "an array of blocks"),
          at: InputLocation(source, node.position)))
      return nil
    }
    guard elements.count <= maximumCount else {
      errors.append(
        InputError(
          .invalidBlock(
            "\(elements.count) blocks are listed; at most \(maximumCount) are accepted: "
              + "list each run of consecutive serials once"),
          at: InputLocation(source, node.position)))
      return nil
    }
    var blocks: [CreditBlock] = []
    let before = errors.count
    for element in elements {
      func fail(_ what: String, _ position: TextPosition) {
        errors.append(InputError(.invalidBlock(what), at: InputLocation(source, position)))
      }
      guard case .object(let members) = element.value else {
        fail("expected an object with " + fields.joined(separator: ", "), element.position)
        continue
      }
      var texts: [String: (String, TextPosition)] = [:]
      for member in members {
        guard fields.contains(member.key) else {
          errors.append(
            InputError(
              .unknownField(member.key, expected: fields),
              at: InputLocation(source, member.keyPosition)))
          continue
        }
        switch member.value.value {
        case .string(let text): texts[member.key] = (text, member.value.position)
        case .number(let text): texts[member.key] = (text, member.value.position)
        default: fail("'\(q(member.key))' must be a string", member.value.position)
        }
      }
      for field in fields
      where texts[field] == nil && field != "serial_prefix" && field != "price_jpy_per_t" {
        fail("'\(field)' is missing", element.position)
      }
      guard let first = texts["first"], let last = texts["last"], let scheme = texts["scheme"],
        let project = texts["project"], let vintage = texts["vintage"]
      else { continue }
      let firstText = TextNormalization.normalized(first.0)
      let lastText = TextNormalization.normalized(last.0)
      let limit = WholeNumber.maximumSerial
      guard case .success(let from) = WholeNumber.parse(firstText, limit: limit) else {
        fail(
          "first serial '\(q(first.0))' is not a serial number: write 1 to 18 digits, "
            + "without sign or spaces, at most \(limit)", first.1)
        continue
      }
      guard case .success(let to) = WholeNumber.parse(lastText, limit: limit), to >= from else {
        fail(
          "last serial '\(q(last.0))' is not a serial number at least the first: write 1 to 18 "
            + "digits, without sign or spaces, at most \(limit)", last.1)
        continue
      }
      // The width serials are printed with comes from the first serial; a last serial written
      // with other leading zeros would say another width.
      if lastText.count != firstText.count, lastText.hasPrefix("0") {
        fail(
          "last serial '\(q(last.0))' is written with leading zeros to another width than the "
            + "first serial '\(q(first.0))'; write both with the same number of digits", last.1)
        continue
      }
      var price: Int64?
      if let given = texts["price_jpy_per_t"] {
        let text = TextNormalization.normalized(given.0)
        guard let yen = WholeNumber.yen(text) else {
          errors.append(
            InputError(
              .invalidYen(field: "price_jpy_per_t", text: text),
              at: InputLocation(source, given.1)))
          continue
        }
        price = yen
      }
      do {
        blocks.append(
          try CreditBlock(
            scheme: TextNormalization.trimmed(scheme.0),
            project: TextNormalization.trimmed(project.0),
            serialPrefix: TextNormalization.composed(texts["serial_prefix"]?.0 ?? ""),
            first: from, last: to, vintage: TextNormalization.trimmed(vintage.0),
            digits: firstText.count, price: price))
      } catch {
        fail(error.message, first.1)
      }
    }
    return errors.count == before ? blocks : nil
  }
}
