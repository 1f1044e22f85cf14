import Testing

@testable import JointCredit

/// `TextNormalization.trimmed` removes spaces, tabs, ideographic spaces (U+3000) and no-break
/// spaces (U+00A0) at both ends, whatever the characters between, and nothing else.
@Suite struct TrimmingTests {
  @Test(arguments: [
    ("札幌市", "札幌市"),
    ("  札幌市\t", "札幌市"),
    ("\u{3000}札幌市\u{3000}", "札幌市"),
    ("\u{A0}E01\u{A0}", "E01"),
    // One end at a time: each is told by its own bytes.
    ("\u{3000}札幌市", "札幌市"), ("札幌市\u{3000}", "札幌市"), ("\u{A0}E01", "E01"),
    ("\tE01", "E01"), ("E01 ", "E01"),
    ("札幌\u{3000}市", "札幌\u{3000}市"),  // inside: kept
    ("札幌市\u{1000}", "札幌市\u{1000}"),  // U+1000 (E1 80 80) is not trimmed
    ("\u{1000}札幌市", "\u{1000}札幌市"),
    ("\u{3003}札幌\u{3003}", "\u{3003}札幌\u{3003}"),  // E3 80 83: not U+3000
    ("あ\u{A0}", "あ"),
    ("\u{3000}", ""),
    (" \u{3000}\t\u{A0} ", ""),
    ("", ""),
    ("x", "x"),
    ("\nx", "\nx"),  // a line break is not a space here
    ("e\u{301}", "\u{E9}"),  // and the text comes back composed
  ])
  func trims(text: String, expected: String) {
    let trimmed = TextNormalization.trimmed(text)
    #expect(Array(trimmed.unicodeScalars) == Array(expected.unicodeScalars))
  }

  /// `normalized` trims as `trimmed` does and folds full-width forms; ASCII takes a shortcut
  /// that must give the same.
  @Test(arguments: [
    ("E01", "E01"), (" E01", "E01"), ("E01\t", "E01"), ("\t E01 \t", "E01"), ("", ""),
    ("\t", ""), ("  ", ""), ("a b", "a b"), ("\nE01", "\nE01"), ("\u{A0}E01", "E01"),
    ("１２．５", "12.5"), ("\u{3000}Ｅ０１ ", "E01"), ("−1", "-1"),
  ])
  func normalizes(text: String, expected: String) {
    let normalized = TextNormalization.normalized(text)
    #expect(Array(normalized.unicodeScalars) == Array(expected.unicodeScalars))
  }
}
