import Testing

@testable import JointCredit

@Suite struct CSVReaderTests {
  func records(_ text: String) -> (records: [[String]], reader: CSVReader) {
    var reader = CSVReader(utf8: Array(text.utf8))
    var record = CSVRecord()
    var all: [[String]] = []
    while reader.next(into: &record) { all.append(record.fields) }
    return (all, reader)
  }

  @Test(
    arguments: [
      ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
      ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
      ("a,b\r1,2", [["a", "b"], ["1", "2"]]),
      ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
      ("a,,c\n", [["a", "", "c"]]),
      (",\n", [["", ""]]),
      ("a,b,\n", [["a", "b", ""]]),
      ("\"a,b\",c\n", [["a,b", "c"]]),
      ("\"say \"\"hi\"\"\",x\n", [["say \"hi\"", "x"]]),
      ("\"line1\nline2\",x\n", [["line1\nline2", "x"]]),
      ("\"line1\r\nline2\",x\r\n", [["line1\r\nline2", "x"]]),
      ("\"\",x\n", [["", "x"]]),
      ("東京,港区\n", [["東京", "港区"]]),
      ("a\n\nb\n", [["a"], [""], ["b"]]),
      (" a , b \n", [[" a ", " b "]]),
    ] as [(String, [[String]])])
  func readsRFC4180(text: String, expected: [[String]]) {
    let (all, reader) = records(text)
    #expect(all == expected)
    #expect(reader.problems.isEmpty)
  }

  @Test func emptyTextHasNoRecords() {
    #expect(records("").records.isEmpty)
  }

  @Test func positionsCountCharactersAndLines() {
    var reader = CSVReader(utf8: Array("id,名前,x\n\"a\nb\",港区,値\n".utf8))
    var record = CSVRecord()
    var more = reader.next(into: &record)
    #expect(more)
    #expect(reader.position(ofField: 2, in: record) == TextPosition(line: 1, column: 7))
    more = reader.next(into: &record)
    #expect(more)
    #expect(record.line == 2)
    // The quoted field spans lines 2–3; the fields after it are on line 3.
    #expect(reader.position(ofField: 0, in: record) == TextPosition(line: 2, column: 1))
    #expect(reader.position(ofField: 1, in: record) == TextPosition(line: 3, column: 4))
    #expect(reader.position(ofField: 2, in: record) == TextPosition(line: 3, column: 7))
  }

  /// Columns are counted in characters however long the text before them: past eight bytes,
  /// they are counted a word at a time.
  @Test func positionsAfterLongTextCountCharacters() {
    var reader = CSVReader(utf8: Array("東京都港区赤坂一丁目,x,ab\"\n".utf8))
    var record = CSVRecord()
    _ = reader.next(into: &record)
    #expect(reader.position(ofField: 1, in: record) == TextPosition(line: 1, column: 12))
    #expect(reader.position(ofField: 2, in: record) == TextPosition(line: 1, column: 14))
    #expect(reader.endPosition(of: record) == TextPosition(line: 1, column: 17))
    #expect(
      reader.problems == [.init(reason: .strayQuote, position: TextPosition(line: 1, column: 16))])
  }

  @Test func unterminatedQuoteIsReportedAtTheOpeningQuote() {
    let (all, reader) = records("a,b\n1,\"never closed\n2,3\n")
    #expect(all.count == 2)
    #expect(
      reader.problems == [
        .init(
          reason: .unterminatedQuote,
          position: TextPosition(line: 2, column: 3))
      ])
  }

  /// Stray quotes where they are: in an unquoted field, after a closing quote, and several on
  /// one line after characters of several bytes, each at its own column.
  @Test(
    arguments: [
      ("a,b\n1,x\"y\n\"ok\"z,2\n", [(2, 4), (3, 4)]),
      ("\"港\"z,\"港\"z\n\"東京\"q\n", [(1, 3), (1, 8), (2, 4)]),
    ] as [(String, [(line: Int, column: Int)])])
  func strayQuotesAreReportedWhereTheyAre(text: String, places: [(line: Int, column: Int)]) {
    let (_, reader) = records(text)
    #expect(
      reader.problems
        == places.map {
          .init(reason: .strayQuote, position: TextPosition(line: $0.line, column: $0.column))
        })
  }

  /// Unquoted fields of every length up to a few words, with the bytes either side of U+002D
  /// (below it are those that end a field) and bytes beyond ASCII at every offset of the
  /// reader's eight-byte steps: split as the fields were joined, with every line ending.
  @Test func longUnquotedFieldsSplitWhereverTheirEndsFall() {
    var random = SplitMix64(seed: 20_261_207)
    let pieces = ["a", "Z", "+", "-", ".", "0", "~", " ", "\t", "\u{7F}", "é", "港", "😀", "'"]
    func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    for _ in 0..<2_000 {
      let lines: [[String]] = (0...draw(3)).map { _ in
        let fields = (0...draw(4)).map { _ in
          (0..<draw(20)).map { _ in pieces[draw(pieces.count)] }.joined()
        }
        // A line of one empty field at the end of the text would be no line.
        return fields == [""] ? ["x"] : fields
      }
      let ending = ["\n", "\r\n", "\r"][draw(3)]
      let text =
        lines.map { $0.joined(separator: ",") }.joined(separator: ending)
        + (draw(2) == 0 ? ending : "")
      let (read, reader) = records(text)
      #expect(reader.problems.isEmpty)
      #expect(read == lines, "\(text.debugDescription)")
    }
  }

  /// A quote inside an unquoted field, after any number of bytes of one and of three bytes a
  /// character: reported at its own column.
  @Test func aQuoteInsideALongFieldIsReportedAtItsColumn() {
    for wide in 0..<3 {
      for narrow in 1..<20 {
        let field = String(repeating: "港", count: wide) + String(repeating: "a", count: narrow)
        let (read, reader) = records("x,\(field)\"bcdefghijklmno,y\n")
        #expect(read.count == 1)
        #expect(
          reader.problems == [
            .init(reason: .strayQuote, position: TextPosition(line: 1, column: 3 + wide + narrow))
          ])
      }
    }
  }

  @Test func malformedRecordsAreMarked() {
    var reader = CSVReader(utf8: Array("a\"b,c\nd,e\n".utf8))
    var record = CSVRecord()
    _ = reader.next(into: &record)
    #expect(record.isMalformed)
    _ = reader.next(into: &record)
    #expect(!record.isMalformed && record.fields == ["d", "e"])
  }

  @Test func writerOutputReadsBack() {
    var rng = SplitMix64(seed: 3)
    let alphabet = Array("ab,\"\n\r 港=-")
    for _ in 0..<300 {
      let rows = (0..<Int(rng.next() % 4 + 1)).map { _ in
        (0..<3).map { _ in
          String(
            (0..<Int(rng.next() % 6)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))]
            })
        }
      }
      var bytes: [UInt8] = []
      let writer = CSVWriter(format: CSVFormat(encoding: .utf8, lineEnding: .crlf))
      for row in rows {
        writer.writeRecord(row.map(CSVWriter.Cell.text), to: &bytes)
      }
      let (read, reader) = records(String(decoding: bytes, as: UTF8.self))
      #expect(reader.problems.isEmpty)
      let expected = rows.map { row in
        row.map { cell in
          cell.utf8.first.map(CSVWriter.startsFormula) == true ? "'" + cell : cell
        }
      }
      #expect(read == expected)
    }
  }
}
