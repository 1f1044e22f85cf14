import Testing

@testable import JointCredit

struct BadInputCase: Sendable, CustomTestStringConvertible {
  var name: String
  var files: [(String, String)]
  var errors: [String]
  var testDescription: String { name }

  init(_ name: String, _ text: String, _ errors: String...) {
    self.name = name
    self.files = [("a.csv", text)]
    self.errors = errors
  }

  init(_ name: String, files: [(String, String)], _ errors: String...) {
    self.name = name
    self.files = files
    self.errors = errors
  }
}

@Suite struct SubmissionReaderTests {
  static let h = Fixtures.header
  /// `131032,港区,ward,E01,フェア,2011-10-15,` is 34 characters: the estimate starts at column 35.
  static let row = "131032,港区,ward,E01,フェア,2011-10-15,"
  static let estimateMessage = "expected a decimal number of tonnes such as 12.345"

  static let badInputs: [BadInputCase] = [
    BadInputCase(
      "empty file", "",
      "a.csv:1:1: file is empty; expected a header row naming the columns body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t,calculation"
    ),
    BadInputCase(
      "blank lines only", "\n\r\n,,\n",
      "a.csv:1:1: file is empty; expected a header row naming the columns body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t,calculation"
    ),
    BadInputCase(
      "header only", h,
      "a.csv:2:1: file has no events; expected at least one event row"),
    BadInputCase(
      "missing column", "body_code,body_name,body_kind,event_id,event_name\n",
      "a.csv:1:1: missing column emissions_t (排出量(t-CO2)); the header must name body_code, body_name, body_kind, event_id, event_name, emissions_t"
    ),
    BadInputCase(
      "column named twice", "body_code,団体コード,body_name,body_kind,event_id,event_name,emissions_t\n",
      "a.csv:1:11: column body_code (団体コード) appears twice in the header"),
    BadInputCase(
      "decimal comma", h + row + "\"1,5\"\n",
      "a.csv:2:35: invalid emission estimate '1,5': use '.' as the decimal point and no thousands separators, as in 1234.5"
    ),
    BadInputCase(
      "letters", h + row + "abc\n",
      "a.csv:2:35: invalid emission estimate 'abc': \(estimateMessage)"),
    BadInputCase(
      "exponent", h + row + "1e3\n",
      "a.csv:2:35: invalid emission estimate '1e3': it is in scientific notation, as a spreadsheet shows long or small numbers; write the number out in full, without an exponent"
    ),
    BadInputCase(
      "NaN", h + row + "NaN\n",
      "a.csv:2:35: invalid emission estimate 'NaN': \(estimateMessage)"),
    BadInputCase(
      "double minus", h + row + "--1\n",
      "a.csv:2:35: invalid emission estimate '--1': \(estimateMessage)"),
    BadInputCase(
      "seven decimals", h + row + "1.0000001\n",
      "a.csv:2:35: invalid emission estimate '1.0000001': it has 7 decimal places; at most 6 are allowed"
    ),
    BadInputCase(
      "too large for the scale", h + row + "10000000000000\n",
      "a.csv:2:35: invalid emission estimate '10000000000000': it is too large; at most 9223372036854.775807"
    ),
    BadInputCase(
      "negative", h + row + "-0.5\n",
      "a.csv:2:35: emission estimate '-0.5' is negative; estimates are zero or more tonnes"),
    BadInputCase(
      "empty estimate", h + row + "\n",
      "a.csv:2:35: emissions_t (排出量(t-CO2)) is empty"),
    BadInputCase(
      "wrong check digit", h + "131033,港区,ward,E01,フェア,,1\n",
      "a.csv:2:1: local government code '131033' has a wrong check digit; did you mean 131032?"),
    BadInputCase(
      "other code needs kind other", h + "ALL62,共同事業,ward,E01,会議,,1\n",
      "a.csv:2:1: body code 'ALL62' is not a local government code, so its kind must be 'other', not 'ward'"
    ),
    BadInputCase(
      "bad code characters", h + "ALL 62,共同事業,other,E01,会議,,1\n",
      "a.csv:2:1: invalid body code 'ALL 62': use a local government code such as 131032, or up to 32 letters, digits, '-' and '_', starting with a letter or digit"
    ),
    BadInputCase(
      "code starting with a dash", h + "-X,x,other,E01,会議,,1\n",
      "a.csv:2:1: invalid body code '-X': use a local government code such as 131032, or up to 32 letters, digits, '-' and '_', starting with a letter or digit"
    ),
    BadInputCase(
      "unknown kind", h + "131032,港区,ku,E01,フェア,,1\n",
      "a.csv:2:11: unknown body kind 'ku'; expected one of prefecture, ward, city, designated-city-ward, town, village, other (or 都道府県, 区, 市, 行政区, 町, 村, その他)"
    ),
    BadInputCase(
      "kind contradicts the code list", h + "131032,港区,city,E01,フェア,,1\n",
      "a.csv:2:11: body 131032 is 港区, a ward (区), but its kind is given as 'city'"),
    BadInputCase(
      "no such day", h + "131032,港区,ward,E01,フェア,2011-02-29,1\n",
      "a.csv:2:24: invalid event date '2011-02-29'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    ),
    BadInputCase(
      "slashed date that does not exist", h + "131032,港区,ward,E01,フェア,2011/13/15,1\n",
      "a.csv:2:24: invalid event date '2011/13/15'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    ),
    BadInputCase(
      "empty event id", h + "131032,港区,ward,,フェア,,1\n",
      "a.csv:2:16: event_id (イベントID) is empty"),
    BadInputCase(
      "duplicate event in one file", h + row + "1\n" + row + "2\n",
      "a.csv:3:16: event 'E01' of body 131032 appears twice (first at a.csv:2:16); event ids must be unique within a body"
    ),
    BadInputCase(
      "duplicate event in a row with another problem",
      h + row + "1\n" + "131032,港区,ward,E01,x,2011-11-31,0.4\n",
      "a.csv:3:16: event 'E01' of body 131032 appears twice (first at a.csv:2:16); event ids must be unique within a body",
      "a.csv:3:22: invalid event date '2011-11-31'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    ),
    BadInputCase(
      "duplicate event in a row whose body conflicts",
      files: [
        ("a.csv", h + "ALL62,共同事業,other,E01,x,,1\n" + "ALL62,共同事業B,other,E01,x,,2\n")
      ],
      "a.csv:3:7: body ALL62 has body_name '共同事業B' here but '共同事業' at a.csv:2:7; a body must have the same name and kind in every file",
      "a.csv:3:19: event 'E01' of body ALL62 appears twice (first at a.csv:2:18); event ids must be unique within a body"
    ),
    BadInputCase(
      "duplicate event in a row whose name is not the listed one",
      files: [("a.csv", h + row + "1\n" + "131032,港区役所,ward,E01,x,,2\n")],
      "a.csv:3:8: body 131032 is 港区, not '港区役所'; correct the code or the name",
      "a.csv:3:18: event 'E01' of body 131032 appears twice (first at a.csv:2:16); event ids must be unique within a body"
    ),
    BadInputCase(
      "kind against the code list, once per file",
      h + "131032,港区,city,E01,x,,1\n131032,港区,city,E02,y,,1\n",
      "a.csv:2:11: body 131032 is 港区, a ward (区), but its kind is given as 'city'"),
    BadInputCase(
      "a JSON document that is a string", files: [("a.json", "\"hello\"")],
      "a.json:1:1: 'submission' must be an object or an array of objects"),
    BadInputCase(
      "duplicate event across files",
      files: [("b.csv", h + row + "2\n"), ("a.csv", h + row + "1\n")],
      "b.csv:2:16: event 'E01' of body 131032 appears twice (first at a.csv:2:16); event ids must be unique within a body"
    ),
    BadInputCase(
      "body named differently in another file",
      files: [
        ("a.csv", h + "ALL62,共同事業,other,E01,x,,1\n"),
        ("b.csv", h + "ALL62,共同事業B,other,E02,x,,1\n"),
      ],
      "b.csv:2:7: body ALL62 has body_name '共同事業B' here but '共同事業' at a.csv:2:7; a body must have the same name and kind in every file"
    ),
    BadInputCase(
      "too few fields", h + "131032,港区,ward\n",
      "a.csv:2:15: row has 3 fields but the header has 7"),
    BadInputCase(
      "extra data beyond the header", h + row + "1,surprise\n",
      "a.csv:2:37: row has 8 fields but the header has 7"),
    BadInputCase(
      "unterminated quote", h + "131032,港区,ward,E01,\"フェア,,1\n",
      "a.csv:2:20: quoted field is never closed; add the closing '\"'"),
    BadInputCase(
      "stray quote", h + "131032,港区,ward,E01,フェア\"秋\",,1\n",
      "a.csv:2:23: unexpected '\"': a field with quotes must be quoted as a whole and its quotes doubled ('\"\"')"
    ),
    BadInputCase(
      "total is zero", h + row + "0\n",
      "the emission estimates add up to zero, so there is nothing to share the lot by"),
    BadInputCase(
      "several problems at once", h + "131033,港区,ku,,フェア,2011-13-01,x\n",
      "a.csv:2:1: local government code '131033' has a wrong check digit; did you mean 131032?",
      "a.csv:2:11: unknown body kind 'ku'; expected one of prefecture, ward, city, designated-city-ward, town, village, other (or 都道府県, 区, 市, 行政区, 町, 村, その他)",
      "a.csv:2:14: event_id (イベントID) is empty",
      "a.csv:2:19: invalid event date '2011-13-01'; expected an existing day written YYYY-MM-DD, such as 2011-12-15",
      "a.csv:2:30: invalid emission estimate 'x': \(estimateMessage)"),
    BadInputCase(
      "JSON syntax", files: [("a.json", "{\"body_code\": \"131032\",\n \"events\": [}")],
      "a.json:2:13: invalid JSON: unexpected character; expected a value (object, array, string, number, true, false or null)"
    ),
    BadInputCase(
      "JSON estimate of the wrong type",
      files: [
        (
          "a.json",
          """
          {"body_code": "131032", "body_name": "港区", "body_kind": "ward",
           "events": [{"event_id": "E01", "event_name": "x", "emissions_t": true}]}
          """
        )
      ],
      "a.json:2:67: 'emissions_t' must be a decimal as a string or number"),
    BadInputCase(
      "JSON event without an estimate",
      files: [
        (
          "a.json",
          """
          {"body_code": "131032", "body_name": "港区", "body_kind": "ward",
           "events": [{"event_id": "E01", "event_name": "x"}]}
          """
        )
      ],
      "a.json:2:13: missing field emissions_t (排出量(t-CO2))"),
    BadInputCase(
      "JSON exponent",
      files: [
        (
          "a.json",
          """
          [{"body_code": "131032", "body_name": "港区", "body_kind": "ward", "event_id": "E01",
            "event_name": "x", "emissions_t": 1.5e2}]
          """
        )
      ],
      "a.json:2:37: invalid emission estimate '1.5e2': it is in scientific notation, as a spreadsheet shows long or small numbers; write the number out in full, without an exponent"
    ),
    BadInputCase(
      "JSON with no events", files: [("a.json", "[]")],
      "a.json:1:1: file has no events; expected at least one event row"),
    BadInputCase(
      "a byte order mark and nothing else", "\u{FEFF}",
      "a.csv:1:1: file is empty; expected a header row naming the columns body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t,calculation"
    ),
  ]

  @Test(arguments: badInputs)
  func reportsEveryProblemWithItsPlace(_ c: BadInputCase) {
    #expect(Fixtures.errors(c.files) == c.errors)
  }

  @Test func rejectsUndecodableAndUTF16Files() {
    let files = [
      SubmissionFile(path: "a.csv", bytes: [0xFF, 0xFE, 0x41, 0x00]),
      SubmissionFile(path: "b.csv", bytes: Array("body_code\n".utf8) + [0xFF]),
      SubmissionFile(path: "c.txt", bytes: Array("x".utf8)),
    ]
    #expect(
      throws: InputErrors([
        InputError(.utf16, at: InputLocation("a.csv", line: 1, column: 1)),
        InputError(.undecodable(byte: 0xFF), at: InputLocation("b.csv", line: 2, column: 1)),
        InputError(.unsupportedFileType(""), at: InputLocation("c.txt")),
      ])
    ) {
      try SubmissionReader().read(files)
    }
  }

  @Test func readsJapaneseHeadersFullWidthDigitsAndFiveDigitCodes() throws {
    let text =
      "団体コード,団体名,区分,イベントID,イベント名,開催日,排出量（ｔ－ＣＯ２）\n"
      + "１３１０３,港区,区,Ｅ０１,環境フェア,２０１１－１０－１５,１．２５０\n"
      + "ALL62,共同事業,その他,R01,研究会,,0.3\n"
    let estimates = try Fixtures.read([("a.csv", text)]).value
    #expect(
      estimates.submissions.map(\.body) == [
        Body(code: Body.Code("131032"), name: "港区", kind: .ward),
        Body(code: Body.Code("ALL62"), name: "共同事業", kind: .other),
      ])
    let expected = try Event(
      id: Event.ID("E01"), name: "環境フェア", date: EventDate(iso: "2011-10-15"),
      emissions: Quantity(grams: 1_250_000))
    #expect(estimates.submissions[0].events == [expected])
    #expect(estimates.decimals == 3)
    #expect(estimates.emissions == Quantity(grams: 1_550_000))
  }

  @Test func readsColumnsInAnyOrderAndWarnsAboutUnknownOnes() throws {
    let text =
      "emissions_t,note,event_id,body_kind,body_name,body_code,event_name\n"
      + "0.5,雨天決行,E01,ward,港区,131032,\"打ち水, 芝公園\"\n"
    let read = try Fixtures.read([("a.csv", text)])
    #expect(read.value.submissions[0].events[0].name == "打ち水, 芝公園")
    #expect(read.value.submissions[0].events[0].date == nil)
    #expect(
      read.warnings.map(\.description) == [
        "a.csv:1:13: unknown column 'note' is ignored; known columns are body_code, body_name, body_kind, event_id, event_name, event_date, emissions_t, calculation"
      ])
  }

  @Test func warnsWhenANameIsSpeltWithTheOtherKe() throws {
    // The list writes 龍ケ崎市 and 茅ヶ崎市; the other spelling is read, once per file, as given.
    let read = try Fixtures.read([
      ("a.csv", Self.h + "082082,龍ヶ崎市,city,E01,x,,1\n082082,龍ヶ崎市,city,E02,x,,1\n")
    ])
    #expect(
      read.warnings.map(\.description) == [
        "a.csv:2:8: body 082082 is named '龍ヶ崎市' here; the local government code list says '龍ケ崎市'"
      ])
    #expect(read.value.submissions[0].body.name == "龍ヶ崎市")
  }

  @Test func aTrailingCommaInTheHeaderNamesNoColumn() throws {
    let text =
      "body_code,body_name,body_kind,event_id,event_name,emissions_t,\n"
      + "131032,港区,ward,E01,x,1.5\n131032,港区,ward,E02,y,0.5,\n"
    #expect(try Fixtures.read([("a.csv", text)]).value.eventCount == 2)
  }

  @Test func aNullEventNameIsAnEmptyName() throws {
    let text =
      #"[{"body_code": "131032", "body_name": "港区", "body_kind": "ward", "event_id": "E01", "event_name": null, "emissions_t": "1"}]"#
    #expect(try Fixtures.read([("a.json", text)]).value.submissions[0].events[0].name == "")
  }

  @Test func anUndecodableLineIsFoundInAShiftJISFile() {
    // Line 1 is Shift_JIS (港区), line 2 has 0xFF, which neither encoding reads.
    let bytes: [UInt8] = [0x8D, 0x60, 0x8B, 0xE6, 0x0A, 0x61, 0x62, 0xFF, 0x0A]
    #expect(
      throws: InputErrors([
        InputError(
          .undecodable(byte: 0xFF),
          at: InputLocation("a.csv", line: 2, column: 3))
      ])
    ) {
      try SubmissionReader().read([SubmissionFile(path: "a.csv", bytes: bytes)])
    }
  }

  @Test func zeroEstimatesAreValid() throws {
    let estimates = try Fixtures.read([
      (
        "a.csv",
        Self.h + Self.row + "0\n"
          + "131032,港区,ward,E02,x,,0.5\n"
      )
    ]).value
    #expect(estimates.submissions[0].events.map(\.emissions) == [.zero, Quantity(grams: 500_000)])
  }

  @Test func readsEveryJSONShape() throws {
    let body = """
      {"body_code": "131032", "body_name": "港区", "body_kind": "ward",
       "events": [{"event_id": "E02", "event_name": "b", "emissions_t": 0.250},
                  {"event_id": "E01", "event_name": "a", "event_date": "2011-07-23",
                   "emissions_t": "1.5"}]}
      """
    let rows = """
      [{"団体コード": "132012", "団体名": "八王子市", "区分": "市", "イベントID": "E01",
        "イベント名": "c", "開催日": null, "排出量(t-CO2)": "2"}]
      """
    let bodies = """
      {"bodies": [{"body_code": "ALL62", "body_name": "共同事業", "body_kind": "other",
                   "events": [{"event_id": "R01", "event_name": "d", "emissions_t": "0.001"}]}]}
      """
    let estimates = try Fixtures.read([("a.json", body), ("b.json", rows), ("c.json", bodies)])
      .value
    #expect(estimates.submissions.map(\.body.code.rawValue) == ["131032", "132012", "ALL62"])
    #expect(estimates.submissions[0].events.map(\.id.rawValue) == ["E01", "E02"])
    #expect(estimates.submissions[0].events.map(\.emissions.grams) == [1_500_000, 250_000])
    #expect(estimates.emissions == Quantity(grams: 3_751_000))
    #expect(estimates.decimals == 3)
    #expect(estimates.files.map(\.events) == [2, 1, 1])
  }

  @Test func sameBodyInSeveralFilesIsOneBody() throws {
    let estimates = try Fixtures.read([
      ("a.csv", Self.h + "131032,港区,ward,E01,x,,1\n"),
      ("b.csv", Self.h + "13103,港区,区,E02,y,,2\n"),
    ]).value
    #expect(estimates.submissions.count == 1)
    #expect(estimates.submissions[0].events.map(\.id.rawValue) == ["E01", "E02"])
  }

  @Test func readsTheSameWhateverTheOrderOfFilesAndRows() throws {
    let lines = [
      "131032,港区,ward,E01,a,,1.5\n", "131032,港区,ward,E02,b,,0.5\n",
      "132012,八王子市,city,E01,c,,2\n", "132012,八王子市,city,E03,d,,0\n",
      "ALL62,共同事業,other,R01,e,,0.25\n", "ALL62,共同事業,other,R02,f,,0.25\n",
    ]
    let reference = try Fixtures.read([("a.csv", Self.h + lines.joined())]).value
    for seed in 0..<50 {
      let shuffled = lines.shuffled(seed: UInt64(seed))
      let split = seed % 5 + 1
      let files = stride(from: 0, to: shuffled.count, by: split).map { start in
        (
          "f\(seed % 7)-\(start).csv",
          Self.h + shuffled[start..<min(start + split, shuffled.count)].joined()
        )
      }.shuffled(seed: UInt64(seed) + 99)
      let estimates = try Fixtures.read(files).value
      #expect(estimates.submissions == reference.submissions)
    }
  }
}

extension SubmissionReaderTests {
  /// A form's pre-filled rows that were not used carry the body and no event: skipped, with no
  /// error; a short row is still a short row.
  @Test func unusedFormRowsAreSkipped() throws {
    let read = try Fixtures.read([
      (
        "a.csv",
        Fixtures.header + "131032,港区,ward,E01,環境フェア,2011-10-15,2.5\n"
          + "131032,港区,ward,,,,\n131032,港区,ward,,,,\n"
      )
    ])
    #expect(read.value.submissions.map(\.events.count) == [1])
    #expect(read.warnings.isEmpty)
    #expect(
      Fixtures.errors([("a.csv", Fixtures.header + "131032,港区,ward,,,,\n")]) == [
        "a.csv:2:1: file has no events; expected at least one event row"
      ])
    #expect(
      Fixtures.errors([("a.csv", Fixtures.header + "131032,港区,ward\n")]) == [
        "a.csv:2:15: row has 3 fields but the header has 7"
      ])
  }

  /// A row is known as a body already accepted by its code, name and kind as written, also when
  /// they are longer than the room first kept for them: a name of 301 bytes that differs from
  /// the accepted one only in its last byte is still found to differ, and the repeated one is not.
  @Test func aLongBodyNameThatDiffersOnlyAtItsEndIsFound() {
    let long = String(repeating: "会", count: 100)
    let rows = ["A", "A", "B", "A"].enumerated().map { index, last in
      "X1,\(long)\(last),other,E\(index),x,,1\n"
    }
    let errors = Fixtures.errors([("a.csv", Fixtures.header + rows.joined())])
    #expect(errors.count == 1)
    // The message shortens long names.
    #expect(errors.first?.hasPrefix("a.csv:4:4: body X1 has body_name '会会") == true)
    #expect(errors.first?.contains("at a.csv:2:4; a body must have the same name") == true)
  }
}
