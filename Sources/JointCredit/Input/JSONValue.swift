/// A JSON value as written, with where it was written.
///
/// Numbers keep their source text, so `1.250` stays exactly `1.250`: JointCredit never lets a
/// decimal pass through binary floating point.
package struct JSONNode: Hashable, Sendable {
  /// The value.
  package var value: JSONValue
  /// Where the value begins.
  package var position: TextPosition

  /// Creates a node.
  package init(_ value: JSONValue, at position: TextPosition) {
    self.value = value
    self.position = position
  }
}

/// The kinds of JSON value.
package indirect enum JSONValue: Hashable, Sendable {
  /// An object, with its members in the order written.
  case object([JSONMember])
  /// An array.
  case array([JSONNode])
  /// A string, unescaped.
  case string(String)
  /// A number, exactly as written (`-1.25e3`).
  case number(String)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null

  /// A word for the value's type, for messages: "an object", "a number".
  package var typeDescription: String {
    switch self {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .number: "a number"
    case .bool: "a boolean"
    case .null: "null"
    }
  }
}

/// A member of a JSON object.
package struct JSONMember: Hashable, Sendable {
  /// The key, unescaped.
  package var key: String
  /// Where the key begins.
  package var keyPosition: TextPosition
  /// The value.
  package var value: JSONNode

  /// Creates a member.
  package init(key: String, keyPosition: TextPosition, value: JSONNode) {
    self.key = key
    self.keyPosition = keyPosition
    self.value = value
  }
}
