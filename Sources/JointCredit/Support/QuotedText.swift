/// Text from the input as a message shows it: on one line, and short.
///
/// A message is one line (`file:line:column: error: …`), so that editors, terminals and scripts can
/// read one problem per line. Whatever the input holds, a quoted value keeps that promise:
/// control characters are escaped the way Swift writes them (`\n`, `\r`, `\t`, `\u{0}`) and a
/// long value is cut after ``maximumLength`` characters (Unicode scalars), with `…` to show it.
///
/// | input | quoted |
/// |---|---|
/// | `12,5` | `12,5` |
/// | `a` LF `b` | `a\nb` |
/// | NUL | `\u{0}` |
/// | 200 MB of `9` | the first 80 `9`s, then `…` |
package enum QuotedText {
  /// The most characters of a value a message shows.
  package static let maximumLength = 80

  /// The value, escaped and shortened for a message.
  package static func quote(_ text: some StringProtocol) -> String {
    var result = ""
    var count = 0
    // Counted in scalars, not characters: one character can hold a million combining marks.
    for scalar in text.unicodeScalars {
      if count == maximumLength {
        result += "…"
        break
      }
      count += 1
      append(scalar, to: &result)
    }
    return result
  }

  /// A whole line with its control characters escaped (nothing shortened): the last guard before
  /// a message is printed.
  package static func escapingControlCharacters(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars { append(scalar, to: &result) }
    return result
  }

  /// Whether a scalar would break a line or is invisible control: C0, DEL, C1, and the Unicode
  /// line and paragraph separators.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: true
    default: false
    }
  }

  private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
    guard isControl(scalar) else {
      result.unicodeScalars.append(scalar)
      return
    }
    switch scalar {
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
  }
}
