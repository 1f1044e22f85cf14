import Foundation
import Testing

@testable import JointCredit

/// The quick check that lets text already in Normalization Form C skip Foundation's
/// normalisation: it may say "not sure" of composed text, never "composed" of text that is not.
@Suite struct NormalizationQuickCheckTests {
  /// The scalars the quick check accepts on their own, every one of them.
  static let acceptedRanges: [ClosedRange<UInt32>] = [
    0x0000...0x02FF, 0x3000...0x3029, 0x3030...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF,
    0x4E00...0x9FFF, 0xFF00...0xFFEF,
  ]

  /// Every accepted scalar is accepted on its own and left alone by Foundation's NFC.
  @Test func everyAcceptedScalarIsComposed() {
    var checked = 0
    for range in Self.acceptedRanges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let text = String(Character(scalar))
        #expect(TextNormalization.isComposedQuickly(text), "U+\(String(value, radix: 16))")
        #expect(text.precomposedStringWithCanonicalMapping == text)
        checked += 1
      }
    }
    #expect(checked == 0x300 + 0x2A + 0x67 + 0x65 + 0x19C0 + 0x5200 + 0xF0)
  }

  /// Text that NFC changes is never accepted: combining marks after a base, decomposed kana,
  /// Hangul jamo, compatibility ideographs, the Angstrom sign, and scalars outside the ranges.
  @Test(arguments: [
    "e\u{0301}", "か\u{3099}", "ハ\u{309A}", "\u{1100}\u{1161}", "\u{F900}", "\u{212B}",
    "\u{0340}", "a\u{302A}", "\u{1F600}", "ｶ\u{3099}",
    // Either side of U+5000–U+9FFF, which the check accepts by their first byte alone.
    "\u{4DC0}", "\u{A000}", "漢\u{4DFF}", "\u{A48C}字",
  ])
  func refusesWhatItCannotVouchFor(_ text: String) {
    #expect(!TextNormalization.isComposedQuickly(text))
  }

  /// Over 20,000 seeded strings mixing accepted scalars, combining marks and others: whenever the
  /// quick check accepts a string, Foundation's NFC of it is the same bytes; and `composed` always
  /// equals Foundation's NFC.
  @Test func agreesWithFoundationOnMixedText() {
    var random = SplitMix64(seed: 20_261_206)
    let alphabet: [Unicode.Scalar] = [
      "a", "E", "0", " ", "é", "\u{0301}", "\u{0308}", "か", "\u{3099}", "\u{309A}", "ﾊ", "ﾞ",
      "ア", "゛", "漢", "字", "\u{F900}", "\u{1100}", "\u{1161}", "\u{11A8}", "가", "Å", "A",
      "\u{030A}", "１", "　", "〜", "\u{302A}", "𠀋",
    ]
    var accepted = 0
    for _ in 0..<20_000 {
      let length = Int.random(in: 1...6, using: &random)
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length { scalars.append(alphabet.randomElement(using: &random)!) }
      let text = String(scalars)
      let nfc = text.precomposedStringWithCanonicalMapping
      if TextNormalization.isComposedQuickly(text) {
        accepted += 1
        #expect(Array(nfc.utf8) == Array(text.utf8), "\(text.unicodeScalars.map(\.value))")
      }
      #expect(Array(TextNormalization.composed(text).utf8) == Array(nfc.utf8))
    }
    // Both branches were taken many times.
    #expect(accepted > 1_000 && accepted < 19_000)
  }
}
