import Testing

@testable import JointCredit

/// A large CSV file's rows are read in parts, one per core. These tests hold that the parts give
/// exactly what reading in one go gives: the same estimates, the same errors and warnings at the
/// same lines and columns, for every way of cutting the rows.
@Suite struct CSVChunksTests {
  /// What reading some files gives, compared whole.
  enum Outcome: Equatable {
    case read(Estimates, warnings: [String])
    case failed(errors: [String], warnings: [String])
  }

  /// Reads the files in order, each file's rows in `chunks` parts, as ``SubmissionReader`` does.
  ///
  /// - Returns: the outcome and how many files were read in parts.
  static func read(_ files: [(String, String)], chunks: Int) -> (Outcome, inParts: Int) {
    var builder = EstimatesBuilder(directory: .japan)
    var inputs: [InputFile] = []
    var inParts = 0
    for (path, text) in files {
      let reading = CSVSubmission.read(
        Array(text.utf8), source: path, into: &builder, chunks: chunks)
      if reading.inParts { inParts += 1 }
      inputs.append(
        InputFile(path: path, format: .csv, encoding: .utf8, events: reading.accepted))
    }
    do {
      let read = try builder.finish(files: inputs)
      return (.read(read.value, warnings: read.warnings.map(\.description)), inParts)
    } catch {
      return (
        .failed(
          errors: error.errors.map(\.description), warnings: error.warnings.map(\.description)),
        inParts
      )
    }
  }

  // MARK: - Cutting

  /// Cuts fall just after a line feed at or past each equal share; a share with no line feed
  /// after it, or one that would leave nothing, is not cut.
  @Test(arguments: [
    // text, parts, expected cuts (the rows start at offset 0)
    ("a\nb\nc\nd\n", 2, [0, 6, 8]),  // target 4 is "c": the line feed at 5
    ("a\nb\nc\nd\n", 4, [0, 4, 6, 8]),  // targets 2, 4, 6: cut after 3, 5; 7 ends the text
    ("abcdefgh\n", 2, [0, 9]),  // the only line feed ends the text
    ("ab\r\ncd\r\nef\r\n", 2, [0, 8, 12]),  // after CRLF's LF
    ("a\rb\rc\rd\r", 2, [0, 8]),  // lone CRs are never cut at
    ("a\nb\n", 1, [0, 4]),
  ])
  func cuts(text: String, parts: Int, expected: [Int]) {
    let bytes = Array(text.utf8)
    #expect(CSVChunks.cuts(0..<bytes.count, of: bytes, into: parts) == expected)
  }

  /// Line breaks as the reader counts them: CRLF once, a lone LF or CR once each.
  @Test(arguments: [
    ("", 0), ("abc", 0), ("a\nb\n", 2), ("a\r\nb\r\n", 2), ("a\rb\r", 2), ("\r\r\n\n\r", 4),
    ("\"x\ny\",z\r\n", 2),
  ])
  func lineBreaks(text: String, expected: Int) {
    let bytes = Array(text.utf8)
    #expect(CSVChunks.lineBreaks(in: bytes, 0..<bytes.count) == expected)
  }

  /// Counted a word at a time, against a count byte by byte over seeded texts of line breaks and
  /// other bytes, and ranges that start and end anywhere (a CRLF split by a word's end).
  @Test func lineBreaksAreCountedExactly() {
    var rng = SplitMix64(seed: 21)
    let alphabet: [UInt8] = [0x0A, 0x0D, 0x0A, 0x0D, 0x61, 0x2C, 0x8A, 0x8D, 0xE3, 0x00]
    for _ in 0..<300 {
      let bytes = (0..<Int(rng.next() % 50)).map { _ in
        alphabet[Int(rng.next() % UInt64(alphabet.count))]
      }
      let lower = Int(rng.next() % UInt64(bytes.count + 1))
      let upper = lower + Int(rng.next() % UInt64(bytes.count - lower + 1))
      var expected = 0
      for index in lower..<upper {
        if bytes[index] == 0x0A { expected += 1 }
        if bytes[index] == 0x0D, index + 1 >= bytes.count || bytes[index + 1] != 0x0A {
          expected += 1
        }
      }
      #expect(
        CSVChunks.lineBreaks(in: bytes, lower..<upper) == expected,
        "bytes \(bytes), range \(lower)..<\(upper)")
    }
  }

  /// A part starts on the line and column the whole file gives it: in a CRLF file whose first
  /// rows hold a quoted line break, an id repeated in the last row is found where reading in
  /// one go finds it.
  @Test func aPartKnowsItsLines() {
    // Rows 1-3 take two lines each (57 bytes), rows 4-40 one (47 bytes): the rows' 1,957 bytes
    // are cut at a sixth (326) or more, after row 3, so at a row's end.
    var text = Fixtures.header
    for index in 10...12 {
      text += "131016,千代田区,ward,E\(index),\"fair\r\nday\",2026-04-01,1.5\r\n"
    }
    for index in 13...49 { text += "131016,千代田区,ward,E\(index),x,2026-04-01,1.5\r\n" }
    text += "131016,千代田区,ward,E10,x,2026-04-01,1.5\r\n"
    for chunks in 1...6 {
      let (outcome, inParts) = Self.read([("a.csv", text)], chunks: chunks)
      #expect(inParts == (chunks > 1 ? 1 : 0))
      #expect(
        outcome
          == .failed(
            errors: [
              "a.csv:45:18: event 'E10' of body 131016 appears twice (first at a.csv:2:18); event ids must be unique within a body"
            ], warnings: []),
        "\(chunks) parts")
    }
  }

  /// One file per body is the usual way to submit: reading 300 files, each reserving room for
  /// its events, grows the events' array a few times, not once per file (which copied every
  /// event read so far, for every file: 45 s for 1,741 files of 1M events).
  @Test func manyFilesGrowTheEventsAFewTimes() {
    var builder = EstimatesBuilder(directory: .japan)
    var capacities: Set<Int> = []
    for file in 0..<300 {
      var text = Fixtures.header
      // Rows of 70 bytes or so, as real ones are: each file reserves more than it fills.
      for event in 0..<20 {
        text += "X\(file),会\(file),other,E\(event),市民環境フェアと清掃活動の記録,2026-04-01,1.5\n"
      }
      _ = CSVSubmission.read(Array(text.utf8), source: "f\(file).csv", into: &builder)
      capacities.insert(builder.eventCapacity)
    }
    #expect(capacities.count <= 20, "the events' array grew \(capacities.count) times")
  }

  // MARK: - Seeded files

  /// Bodies a generated row names: listed ones, a kind or spelling that differs from the list,
  /// bodies of kind other with a name that differs between rows, fields quoted with commas.
  static let bodies = [
    "131016,千代田区,ward", "131024,中央区,ward", "082082,龍ケ崎市,city", "X1,新会,other",
    "\"X2\",\"会, 東\",other", "131016,千代田区,city", "082082,龍ヶ崎市,city", "X1,別会,other",
  ]

  /// A random submission file: rows of a few bodies, some quoted with commas and doubled quotes,
  /// some over lines when `multiline`, line ends of every kind, blank lines; when `clean`,
  /// nothing that is a problem or a warning in a row, and ids not in `ids` unless `repeats`.
  static func file(
    _ random: inout SplitMix64, clean: Bool, multiline: Bool, repeats: Bool, rows: Int,
    ids: inout Set<Int>
  ) -> String {
    let ends = ["\n", "\r\n", "\r"]
    let end = ends[Int.random(in: 0..<(clean ? 2 : 3), using: &random)]
    var text = Fixtures.header.replacingOccurrences(of: "\n", with: end)
    for _ in 0..<rows {
      let body = bodies[Int.random(in: 0..<(clean ? 5 : bodies.count), using: &random)]
      var id = Int.random(in: 0..<(clean && !repeats ? 100_000 : 60), using: &random)
      if clean, !repeats {
        while !ids.insert(id).inserted { id += 1 }
      }
      let idText = !clean && Int.random(in: 0..<40, using: &random) == 0 ? "1E+05" : "E\(id)"
      let names =
        ["x", "\"a, \"\"b\"\"\"", "", "  spaced  "] + (multiline ? ["\"fair\(end)day\""] : [])
      let name = names.randomElement(using: &random)!
      let date = (clean ? ["2026-04-01", "", "2026/4/1"] : ["2026-04-01", "", "2026/4/1", "soon"])
        .randomElement(using: &random)!
      let estimate = (clean ? ["1.5", "0.125", " 2 ", "\"1000\""] : ["1.5", "-1", "abc", "0"])
        .randomElement(using: &random)!
      var row = "\(body),\(idText),\(name),\(date),\(estimate)"
      if !clean {
        switch Int.random(in: 0..<30, using: &random) {
        case 0: row += ",extra"
        case 1: row = "\(body),\(idText)"
        case 2: row += "\"stray"
        default: break
        }
      }
      text += row + end
      if Int.random(in: 0..<20, using: &random) == 0 { text += end }
    }
    return text
  }

  /// For 240 seeded sets of files, reading in 2 to 7 parts gives what reading in one go gives.
  /// Files of one line per row whose rows are all valid really are read in parts, also when
  /// they repeat ids (found across parts, at their lines and columns). A cut inside a field
  /// quoted over lines leaves the parts unused, as a problem does.
  @Test func partsReadWhatOneGoReads() {
    for seed in 0..<240 {
      var random = SplitMix64(seed: UInt64(seed))
      // 0: valid; 1: valid, quoted over lines; 2: valid rows, repeated ids; 3: anything.
      let kind = seed % 4
      let (clean, multiline, repeats) = (kind != 3, kind == 1 || kind == 3, kind == 2)
      var ids = Set<Int>()
      let files = (0..<Int.random(in: 1...3, using: &random)).map { index in
        let rows = Int.random(in: 14...120, using: &random)
        let text = Self.file(
          &random, clean: clean, multiline: multiline, repeats: repeats, rows: rows, ids: &ids)
        return ("f\(index).csv", text)
      }
      let (whole, _) = Self.read(files, chunks: 1)
      if clean, !repeats, case .failed(let errors, _) = whole {
        Issue.record("seed \(seed): a clean set failed: \(errors.first ?? "")")
      }
      for chunks in 2...7 {
        let (parts, inParts) = Self.read(files, chunks: chunks)
        #expect(parts == whole, "seed \(seed), \(chunks) parts")
        if clean, !multiline {
          #expect(inParts == files.count, "seed \(seed), \(chunks) parts")
        }
      }
    }
  }

  /// A body accepted in two parts with different names: the parts are dropped and the rows read
  /// in one go, which reports the second name against the first.
  @Test func aBodyDifferentInTwoPartsIsReportedOnce() {
    // 100 rows of 27 bytes, the last 2 bytes shorter: half the rows' bytes ends on the line feed
    // of row 50, so the two parts are rows 1-50, all 新会, and rows 51-100, all 別会.
    var text = Fixtures.header
    for index in 100..<150 { text += "X1,新会,other,E\(index),x,,10\n" }
    for index in 150..<199 { text += "X1,別会,other,E\(index),x,,10\n" }
    text += "X1,別会,other,E199,,,1\n"
    let first = Fixtures.header.utf8.count
    #expect(
      CSVChunks.cuts(first..<text.utf8.count, of: Array(text.utf8), into: 2)[1] == first + 50 * 27)
    let (outcome, inParts) = Self.read([("a.csv", text)], chunks: 2)
    #expect(inParts == 0)
    #expect(
      outcome
        == .failed(
          errors: [
            "a.csv:52:4: body X1 has body_name '別会' here but '新会' at a.csv:2:4; a body must have the same name and kind in every file"
          ], warnings: []))
  }
}
