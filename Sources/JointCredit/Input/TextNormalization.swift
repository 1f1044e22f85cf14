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
    if let endsInSpace = asciiEndsInSpace(text) { return endsInSpace ? trimmed(text) : text }
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

  /// For ASCII text, which is in Normalization Form C already and can only lose spaces and
  /// tabs at its ends, whether it has one there; `nil` for text that is not ASCII.
  private static func asciiEndsInSpace(_ text: String) -> Bool? {
    UTF8Bytes.withBytes(text) { bytes in
      bytes.contains { $0 >= 0x80 } ? nil : hasSpaceAtAnEnd(bytes)
    }
  }

  /// Whether the text's bytes begin or end with a character ``trimmed(_:)`` drops: a space, a
  /// tab, a no-break space (C2 A0) or an ideographic space (E3 80 80). C2 and E3 only ever begin
  /// a character, so the bytes alone tell.
  private static func hasSpaceAtAnEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count > 0 else { return false }
    let (first, last) = (bytes[0], bytes[count - 1])
    if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }
    if count >= 2,
      (first == 0xC2 && bytes[1] == 0xA0) || (bytes[count - 2] == 0xC2 && last == 0xA0)
    {
      return true
    }
    return count >= 3
      && ((first == 0xE3 && bytes[1] == 0x80 && bytes[2] == 0x80)
        || (bytes[count - 3] == 0xE3 && bytes[count - 2] == 0x80 && last == 0x80))
  }

  /// The text without leading and trailing spaces, tabs, no-break spaces and ideographic
  /// spaces, in Normalization Form C.
  public static func trimmed(_ text: String) -> String {
    // Most fields have no surrounding space, which their end bytes tell (the characters of
    // `isSpace` below, by their bytes).
    if !UTF8Bytes.withBytes(text, hasSpaceAtAnEnd) { return composed(text) }
    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{A0}"
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isSpace($0) })!
    return composed(String(scalars[first...last]))
  }

  /// The text in Normalization Form C. ASCII is returned as it is.
  public static func composed(_ text: String) -> String {
    if isComposedQuickly(text) { return text }
    return text.precomposedStringWithCanonicalMapping
  }

  /// Whether the text is certainly in Normalization Form C without normalising it: every scalar
  /// is one that no normalisation changes, reorders or composes with a neighbour (canonical
  /// combining class 0, NFC quick check Yes, never the second of a composition).
  ///
  /// The scalars below U+0300 are such (the Unicode Standard's own quick-check bound), and so are
  /// the ranges Japanese text is made of: CJK symbols and punctuation (U+3000–U+3029,
  /// U+3030–U+303F), kana without the combining sound marks U+3099 and U+309A, CJK ideographs
  /// (Extension A and the unified block) and the half-width and full-width forms. Unicode's
  /// stability policy keeps assigned scalars' properties; NormalizationQuickCheckTests checks every
  /// scalar of the ranges against Foundation's normalisation. Text with any other scalar takes the
  /// full normalisation, which is several times slower.
  static func isComposedQuickly(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable(isComposedQuickly) ?? false
  }

  /// ``isComposedQuickly(_:)`` for the bytes of a text, which must be valid UTF-8.
  static func isComposedQuickly(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
      } else if lead < 0xE0 {
        // Two bytes: U+0080–U+07FF; below U+0300 when the lead byte is below 0xCC.
        guard lead < 0xCC else { return false }
        index += 2
      } else if lead >= 0xE5 && lead <= 0xE9 && index + 2 < count {
        // U+5000–U+9FFF: CJK unified ideographs, most of a Japanese name, told by the lead.
        index += 3
      } else if lead < 0xF0, index + 2 < count {
        let scalar =
          UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
          | UInt32(bytes[index + 2] & 0x3F)
        guard isStableComposed(scalar) else { return false }
        index += 3
      } else {
        return false
      }
    }
    return true
  }

  /// Whether valid UTF-8 bytes are certainly their own ``trimmed(_:)`` text: no space to trim
  /// at either end, and in Normalization Form C by ``isComposedQuickly(_:)``.
  static func isTrimmedQuickly(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    !hasSpaceAtAnEnd(bytes) && isComposedQuickly(bytes)
  }

  /// Whether a scalar of three UTF-8 bytes is one that Normalization Form C leaves alone and
  /// that composes with nothing around it.
  private static func isStableComposed(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x3000...0x3029, 0x3030...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xFF00...0xFFEF:
      return true
    default:
      return false
    }
  }
}
