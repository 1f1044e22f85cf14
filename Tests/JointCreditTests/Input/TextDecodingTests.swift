import Testing

@testable import JointCredit

@Suite struct TextDecodingTests {
  @Test func readsUTF8AsItIs() throws {
    let decoded = try TextDecoding.decode(Array("港区,1.5\n".utf8), source: "a.csv")
    #expect(decoded.encoding == .utf8)
    #expect(decoded.utf8 == Array("港区,1.5\n".utf8))
  }

  @Test func dropsTheByteOrderMark() throws {
    let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("a,b".utf8), source: "a.csv")
    #expect(decoded.encoding == .utf8WithBOM)
    #expect(decoded.utf8 == Array("a,b".utf8))
  }

  @Test func readsShiftJISAsExcelWritesIt() throws {
    // 港区 in CP932, then ①, 髙 (IBM extension) and ～ (FF5E in CP932), CRLF.
    let bytes: [UInt8] = [
      0x8D, 0x60, 0x8B, 0xE6, 0x2C, 0x87, 0x40, 0xFB, 0xFC, 0x81, 0x60, 0x0D, 0x0A,
    ]
    let decoded = try TextDecoding.decode(bytes, source: "a.csv")
    #expect(decoded.encoding == .shiftJIS)
    #expect(String(decoding: decoded.utf8, as: UTF8.self) == "港区,①髙\u{FF5E}\r\n")
  }

  @Test func rejectsUTF16() {
    #expect(throws: InputError(.utf16, at: InputLocation("a.csv", line: 1, column: 1))) {
      try TextDecoding.decode([0xFF, 0xFE, 0x41, 0x00], source: "a.csv")
    }
  }

  @Test func rejectsBytesThatAreNeitherAndSaysWhere() {
    // 0xFF is not UTF-8 and not CP932; it is the third character of line 2.
    #expect(
      throws: InputError(
        .undecodable(byte: 0xFF),
        at: InputLocation("a.csv", line: 2, column: 3))
    ) {
      try TextDecoding.decode(Array("x\nab".utf8) + [0xFF], source: "a.csv")
    }
    // With a UTF-8 byte order mark, the text must be UTF-8.
    #expect(
      throws: InputError(
        .undecodable(byte: 0x93),
        at: InputLocation("b.csv", line: 1, column: 2))
    ) {
      try TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x41, 0x93, 0x8C], source: "b.csv")
    }
  }

  @Test(
    arguments: [
      ([0xC0, 0x80], 0), ([0xE0, 0x80, 0x80], 0), ([0xED, 0xA0, 0x80], 0),
      ([0xF4, 0x90, 0x80, 0x80], 0),
      ([0x41, 0xE3, 0x81], 1), ([0x41, 0x80], 1), ([0xF8, 0x80], 0),
    ] as [([UInt8], Int)])
  func utf8ValidationIsStrict(bytes: [UInt8], invalidAt: Int) {
    #expect(UTF8Validation.firstInvalidOffset(in: bytes) == invalidAt)
  }

  /// ASCII is taken eight bytes at a time: a bad byte is found wherever it falls in or after a
  /// run of ASCII, and valid multi-byte text at every alignment is accepted.
  @Test func utf8ValidationFindsABadByteAtEveryOffset() {
    for bad: UInt8 in [0x80, 0xE3, 0xFF] {
      for offset in 0..<40 {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 40)
        bytes[offset] = bad
        #expect(UTF8Validation.firstInvalidOffset(in: bytes) == offset, "\(bad) at \(offset)")
      }
    }
    for prefix in 0..<9 {
      let text = String(repeating: "x", count: prefix) + "東京都港区 Minato-ku 2011 ﾐﾅﾄｸ 𠀋 end"
      #expect(UTF8Validation.firstInvalidOffset(in: Array(text.utf8)) == nil)
      let bytes = Array(text.utf8)
      // Ending with 𠀋 (four bytes), and with 𠀋 missing its last byte.
      #expect(UTF8Validation.firstInvalidOffset(in: Array(bytes.dropLast(4))) == nil)
      #expect(UTF8Validation.firstInvalidOffset(in: Array(bytes.dropLast(5))) == bytes.count - 8)
      let broken = Array(text.utf8.prefix(prefix + 2))  // 東 cut after two of its bytes
      #expect(UTF8Validation.firstInvalidOffset(in: broken) == prefix)
    }
  }

  /// The first bad byte is the one the standard library's UTF-8 parser first fails at, in one
  /// pass and checked in two to seven parts wherever the cuts fall: seeded texts mixing ASCII
  /// runs of every length with characters of two to four bytes (the narrow leads E0, ED, F0 and
  /// F4 among them) and bad sequences of each kind (a stray continuation, a lead cut short, an
  /// overlong form, a surrogate, a byte never in UTF-8).
  @Test func utf8ValidationAgreesWithTheStandardParser() {
    var rng = SplitMix64(seed: 21)
    let pieces: [[UInt8]] = [
      "a", "abcdefghijk", "é", "港", "ﾐ", "\u{800}", "\u{D7FF}", "\u{E000}", "𠀋", "\u{10FFFF}",
      ",2011-01-01,", "\n",
    ].map { Array($0.utf8) }
    let bad: [[UInt8]] = [
      [0x80], [0xE3, 0x81], [0xE3, 0x41, 0x81], [0xFF], [0xC1, 0xBF], [0xE0, 0x9F, 0x80],
      [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80],
      [0xF0, 0x9F], [0xBF, 0xBF],
    ]
    for text in 0..<2_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(rng.next() % 40) {
        bytes +=
          rng.next() % 30 == 0
          ? bad[Int(rng.next() % UInt64(bad.count))]
          : pieces[Int(rng.next() % UInt64(pieces.count))]
      }
      var parser = Unicode.UTF8.ForwardParser()
      var input = bytes.makeIterator()
      var offset = 0
      var expected: Int?
      parsing: while true {
        switch parser.parseScalar(from: &input) {
        case .valid(let scalar): offset += scalar.count
        case .error: expected = offset; break parsing
        case .emptyInput: break parsing
        }
      }
      #expect(UTF8Validation.firstInvalidOffset(in: bytes, parts: 1) == expected, "\(bytes)")
      // Parts cost a dispatch each: every fifth text is also checked in parts.
      guard text % 5 == 0 else { continue }
      for parts in 2...7 {
        #expect(
          UTF8Validation.firstInvalidOffset(in: bytes, parts: parts) == expected,
          "\(bytes) in \(parts) parts")
      }
    }
  }

  @Test func utf8ValidationAcceptsEveryScalarForm() {
    let text = "a\u{7F}\u{80}\u{7FF}\u{800}港\u{FFFF}\u{10000}\u{10FFFF}"
    #expect(UTF8Validation.firstInvalidOffset(in: Array(text.utf8)) == nil)
  }
}
