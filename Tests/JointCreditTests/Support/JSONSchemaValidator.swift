import Foundation

@testable import JointCredit

/// A small JSON Schema (2020-12) validator for the keywords schema/allocation.schema.json uses:
/// type, const, enum, pattern, minimum, minLength, minItems, properties, required,
/// additionalProperties, items, $ref (to #/$defs) and oneOf. Enough to check that every document
/// JointCredit writes conforms, without a package.
struct JSONSchemaValidator {
  let root: JSONValue

  init(schema: JSONValue) {
    root = schema
  }

  /// Every violation, as "path: what", empty when the document conforms.
  func violations(of document: JSONValue) -> [String] {
    var found: [String] = []
    check(document, against: root, path: "$", into: &found)
    return found
  }

  private static func member(_ key: String, of value: JSONValue) -> JSONValue? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value.value
  }

  private func resolve(_ reference: String) -> JSONValue? {
    guard reference.hasPrefix("#/$defs/") else { return nil }
    let name = String(reference.dropFirst("#/$defs/".count))
    return Self.member("$defs", of: root).flatMap { Self.member(name, of: $0) }
  }

  private static func typeName(_ value: JSONValue) -> [String] {
    switch value {
    case .object: ["object"]
    case .array: ["array"]
    case .string: ["string"]
    case .number(let text):
      text.contains(where: { ".eE".contains($0) }) ? ["number"] : ["integer", "number"]
    case .bool: ["boolean"]
    case .null: ["null"]
    }
  }

  private func check(
    _ value: JSONValue, against schema: JSONValue, path: String,
    into found: inout [String]
  ) {
    guard case .object = schema else { return }
    let get = { (key: String) in Self.member(key, of: schema) }
    if case .string(let reference)? = get("$ref") {
      guard let target = resolve(reference) else {
        return found.append("\(path): unresolved \(reference)")
      }
      check(value, against: target, path: path, into: &found)
    }
    if let type = get("type") {
      let allowed: [String] =
        switch type {
        case .string(let name): [name]
        case .array(let names):
          names.compactMap { if case .string(let n) = $0.value { n } else { nil } }
        default: []
        }
      if Set(allowed).isDisjoint(with: Self.typeName(value)) {
        return found.append("\(path): \(Self.typeName(value)[0]) is not \(allowed)")
      }
    }
    if let constant = get("const"), !Self.same(constant, value) {
      found.append("\(path): not the constant")
    }
    if case .array(let options)? = get("enum"),
      !options.contains(where: { Self.same($0.value, value) })
    {
      found.append("\(path): not one of the allowed values")
    }
    if case .string(let text) = value {
      if case .string(let pattern)? = get("pattern") {
        // A pattern this validator cannot compile is a violation too, never a silent pass.
        do {
          let regex = try NSRegularExpression(pattern: pattern)
          if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
            found.append("\(path): '\(text)' does not match \(pattern)")
          }
        } catch {
          found.append("\(path): the schema's pattern \(pattern) does not compile")
        }
      }
      if case .number(let minimum)? = get("minLength"), text.count < Int(minimum) ?? 0 {
        found.append("\(path): shorter than \(minimum)")
      }
    }
    if case .number(let text) = value, case .number(let minimum)? = get("minimum"),
      let number = Int(text), let bound = Int(minimum), number < bound
    {
      found.append("\(path): \(number) is below \(bound)")
    }
    if case .array(let elements) = value {
      if case .number(let minimum)? = get("minItems"), elements.count < Int(minimum) ?? 0 {
        found.append("\(path): fewer than \(minimum) items")
      }
      if let items = get("items") {
        for (index, element) in elements.enumerated() {
          check(element.value, against: items, path: "\(path)[\(index)]", into: &found)
        }
      }
    }
    if case .object(let members) = value {
      var properties: [String: JSONValue] = [:]
      if case .object(let declared)? = get("properties") {
        for member in declared { properties[member.key] = member.value.value }
      }
      if case .array(let required)? = get("required") {
        for case .string(let key) in required.map(\.value)
        where !members.contains(where: { $0.key == key }) {
          found.append("\(path): missing '\(key)'")
        }
      }
      for member in members {
        if let property = properties[member.key] {
          check(member.value.value, against: property, path: "\(path).\(member.key)", into: &found)
        } else if case .bool(false)? = get("additionalProperties") {
          found.append("\(path): unexpected '\(member.key)'")
        }
      }
    }
    if case .array(let options)? = get("oneOf") {
      let matches = options.filter { option in
        var nested: [String] = []
        check(value, against: option.value, path: path, into: &nested)
        return nested.isEmpty
      }.count
      if matches != 1 { found.append("\(path): matches \(matches) of oneOf, not exactly one") }
    }
  }

  private static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): x == y
    case (.number(let x), .number(let y)): Int(x) != nil && Int(x) == Int(y) || x == y
    case (.bool(let x), .bool(let y)): x == y
    case (.null, .null): true
    default: false
    }
  }
}
