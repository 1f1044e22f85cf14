/// How body codes are read: local government codes are checked and completed; any other code
/// belongs to a body of kind ``Body/Kind/other``.
enum BodyCodeRule {
  /// The longest code accepted that is not a local government code.
  static let maximumLength = 32

  /// Checks a normalised code against the kind it was submitted with.
  ///
  /// | text | kind | result |
  /// |------|------|--------|
  /// | `131032` | ward | `131032` |
  /// | `13103` | ward | `131032` (check digit appended) |
  /// | `131033` | ward | wrong check digit, did you mean 131032 |
  /// | `ALL62` | other | `ALL62` |
  /// | `ALL62` | ward | needs kind other |
  static func check(_ text: String, kind: Body.Kind?) -> Result<Body.Code, InputError> {
    let isDigits = text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    if isDigits, text.utf8.count == 5, let full = LocalGovernmentCode.completing(text) {
      return .success(Body.Code(full))
    }
    if isDigits, text.utf8.count == 6 {
      if LocalGovernmentCode.isValid(text) { return .success(Body.Code(text)) }
      let expected = LocalGovernmentCode.completing(String(text.prefix(5)))!
      return .failure(InputError(.wrongCheckDigit(code: text, expected: expected)))
    }
    let allowed = text.utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"), UInt8(ascii: "_"):
        true
      default: false
      }
    }
    // A leading '-' or '_' would read as an option on the command line or a formula in Excel.
    let leadsWell =
      text.utf8.first.map { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") } ?? false
    guard allowed, leadsWell, text.utf8.count <= maximumLength else {
      return .failure(InputError(.invalidBodyCode(text)))
    }
    if let kind, kind != .other {
      return .failure(InputError(.codeNeedsKindOther(code: text, kind: kind)))
    }
    return .success(Body.Code(text))
  }
}

extension Body.Code {
  /// Reads a body code as submissions do: a six-digit local government code is checked, a
  /// five-digit one completed, any other code must be letters, digits, `-` and `_`.
  ///
  /// - Throws: ``InputError`` (without a location) saying what is wrong.
  public init(parsing text: String) throws(InputError) {
    switch BodyCodeRule.check(TextNormalization.normalized(text), kind: nil) {
    case .success(let code): self = code
    case .failure(let error): throw error
    }
  }
}
