import Foundation

/// Normalises what Japanese spreadsheets write into what JointCredit reads.
///
/// All text is put in Unicode Normalization Form C, so that a name typed as `が` (one scalar) on
/// one row and as `か` + U+3099 on another is one name, written as the same bytes whichever row
/// comes first. Full-width ASCII (`１２．５`, `Ｅ０１`) becomes half-width, the ideographic space becomes a
/// space, minus signs and hyphens become `-`, and surrounding white space is dropped. Names are
/// only trimmed; codes, ids, dates, kinds and quantities are fully normalised.
public enum TextNormalization {
  /// The text with full-width forms folded to ASCII and white space trimmed.
  ///
  /// `normalized("　１２．５ ")` is `"12.5"`; `normalized("−1")` is `"-1"`.
  public static func normalized(_ text: String) -> String {
    if !UTF8Bytes.contains(text, where: { $0 >= 0x80 }) { return trimmed(text) }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
      case 0x3000: scalars.append(" ")
      case 0x2010, 0x2011, 0x2212: scalars.append("-")
      default: scalars.append(scalar)
      }
    }
    return trimmed(String(scalars))
  }

  /// The text without leading and trailing spaces, tabs and ideographic spaces.
  public static func trimmed(_ text: String) -> String {
    // Most fields have no surrounding space: then the first and last bytes are not spaces.
    let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let first = bytes.first, let last = bytes.last else { return false }
      return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
    }
    if plain == true { return composed(text) }
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{A0}"
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isSpace($0) })!
    if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) {
      return composed(text)
    }
    return composed(String(scalars[first...last]))
  }

  /// The text in Normalization Form C. ASCII is returned as it is.
  public static func composed(_ text: String) -> String {
    guard UTF8Bytes.contains(text, where: { $0 >= 0x80 }) else { return text }
    return text.precomposedStringWithCanonicalMapping
  }
}
