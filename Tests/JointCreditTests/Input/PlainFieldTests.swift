import Testing

@testable import JointCredit

/// The CSV reader reads a plain date and a plain estimate straight from their bytes, and keeps a
/// plain name as bytes; every other spelling goes through the text path that JSON submissions
/// always take. Each value here, read from a CSV row and from the same JSON event, gives the same
/// event or the same error.
@Suite struct PlainFieldTests {
  static let estimates = [
    "1.5", "0", "0.000", "12", "1.", ".5", "1.2345678", "007.250", "-1", "1e3", " 1.5", "1.5 ",
    "１．５", "0x1", "", "9223372036855", "1..5", "+1",
  ]
  static let dates = [
    "2011-10-01", "2011-02-30", "2012-02-29", "2011/10/1", "", "2011-1-01", "20111001",
    " 2011-10-01", "２０１１-１０-０１", "2011-13-01", "0000-01-01",
  ]

  @Test(arguments: estimates)
  func anEstimateReadsAlikeFromCSVAndJSON(_ estimate: String) {
    #expect(
      Self.outcome(date: "2011-10-01", estimate: estimate, csv: true)
        == Self.outcome(date: "2011-10-01", estimate: estimate, csv: false))
  }

  @Test(arguments: dates)
  func aDateReadsAlikeFromCSVAndJSON(_ date: String) {
    #expect(
      Self.outcome(date: date, estimate: "1.5", csv: true)
        == Self.outcome(date: date, estimate: "1.5", csv: false))
  }

  /// Which fields take the bytes path: a plain date or decimal as it stands; anything else
  /// (a sign, a space, a comma, doubled quotes, another date form) goes the text path.
  @Test func theBytesPathTakesOnlyPlainFields() {
    var reader = CSVReader(
      utf8: Array("2012-02-29,007.250,-1,\" 1.5\",\"1,5\",2012/2/29,\"2\"\"\",,12\n".utf8))
    var record = CSVRecord()
    let text = reader.utf8
    text.withUnsafeBufferPointer { text in
      let found = reader.next(into: &record, in: text)
      #expect(found)
      #expect(record.plainDate(0, in: text) == EventDate(year: 2012, month: 2, day: 29))
      #expect(record.plainDecimal(1, in: text)?.quantity == Quantity(grams: 7_250_000))
      #expect(record.plainDecimal(1, in: text)?.writtenDecimals == 3)
      let others = (2...7).map { record.plainDecimal($0, in: text) }
      #expect(others.allSatisfy { $0 == nil })
      #expect(record.plainDate(5, in: text) == nil)
      #expect(record.plainDecimal(8, in: text)?.quantity == Quantity(grams: 12_000_000))
    }
  }

  static let names = [
    "環境フェア第1回", "x", "", " 港の祭り ", "\u{3000}祭り\u{3000}", "祭り\u{A0}", "\t夏", "か\u{3099}",
    "Cafe\u{301}", "Café", "🎉 祭", "a,b", "He said \"hi\"", "\u{3000}", "ｶﾞ", "〜市民マラソン〜",
  ]

  /// A name is kept as the field's bytes when they are the trimmed, composed name already, and
  /// made into text only when the events are gathered: every name, quoted or not, comes out as
  /// the same text as through JSON, which always takes the text path.
  @Test(arguments: names)
  func aNameReadsAlikeFromCSVAndJSON(_ name: String) throws {
    let quoted = "\"" + name.replacing("\"", with: "\"\"") + "\""
    let fields = name.contains(where: { $0 == "," || $0 == "\"" }) ? [quoted] : [name, quoted]
    let json = name.replacing("\"", with: "\\\"").replacing("\t", with: "\\t")
    let event = """
      {"body_code": "131032", "body_name": "港区", "body_kind": "ward", "events": [
       {"event_id": "E01", "event_name": "\(json)", "emissions_t": "1"}]}
      """
    let fromJSON = try Fixtures.read([("a.json", event)]).value.submissions[0].events[0].name
    #expect(fromJSON == TextNormalization.trimmed(name))
    // After another event's name, so that the name is not the first bytes kept.
    for field in fields {
      let text = Fixtures.header + "131032,港区,ward,E00,前の行,,1\n131032,港区,ward,E01,\(field),,1\n"
      let events = try Fixtures.read([("a.csv", text)]).value.submissions[0].events
      #expect(events.map(\.name) == ["前の行", fromJSON])
    }
  }

  /// Which names are kept as their bytes: those with nothing to trim, to unquote or to compose.
  @Test func theBytesPathTakesOnlyNamesAsTheyStand() {
    let fields = "祭り,\"祭り\",\"a\"\"b\", 祭り,祭り\u{3000},か\u{3099},,\"a,b\",Café\n"
    var reader = CSVReader(utf8: Array(fields.utf8))
    var record = CSVRecord()
    let text = reader.utf8
    text.withUnsafeBufferPointer { text in
      let found = reader.next(into: &record, in: text)
      #expect(found)
      let kept = (0..<record.count).map { index in
        record.plainText(index, in: text).map { String(decoding: $0, as: UTF8.self) }
      }
      #expect(kept == ["祭り", "祭り", nil, nil, nil, nil, "", "a,b", "Café"])
    }
  }

  static let ids = [
    "E01", "e-1_2.3", "Ｅ０１", " E01", "E01\u{3000}", "E 01", "E\u{7F}01", "E\u{1}01", "E\u{85}01",
    "1E5", "1.2E+11", "\"E01\"", "A,B", "ｶ", "", "~!@#$%^&*()",
  ]

  /// An event id reads alike from CSV, where printable ASCII with no space is taken as it
  /// stands, and from JSON, which always takes the text path: the same ids, the same warnings
  /// or the same errors. The id is on a body's second row, which repeats the body of the first.
  @Test(arguments: ids)
  func anIDReadsAlikeFromCSVAndJSON(_ id: String) {
    let field =
      id.contains(where: { $0 == "," || $0 == "\"" })
      ? "\"" + id.replacing("\"", with: "\"\"") + "\"" : id
    let csv = Fixtures.header + "131032,港区,ward,E00,x,,1\n131032,港区,ward,\(field),y,,1\n"
    let escaped = id.unicodeScalars.map { scalar in
      scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
        ? "\\u" + String(("000" + String(scalar.value, radix: 16)).suffix(4))
        : String(scalar)
    }.joined()
    let json = """
      {"body_code": "131032", "body_name": "港区", "body_kind": "ward", "events": [
       {"event_id": "E00", "event_name": "x", "emissions_t": "1"},
       {"event_id": "\(escaped)", "event_name": "y", "emissions_t": "1"}]}
      """
    let fromCSV = Self.idOutcome([("a.csv", csv)])
    #expect(fromCSV == Self.idOutcome([("a.json", json)]))
    #expect(!fromCSV.isEmpty)
  }

  /// The ids read, then the warnings, or the error messages, each without its location.
  static func idOutcome(_ files: [(String, String)]) -> [String] {
    func withoutPlace(_ message: String) -> String {
      String(message.split(separator: " ", maxSplits: 1)[1])
    }
    do {
      let read = try Fixtures.read(files)
      return read.value.submissions[0].events.map(\.id.rawValue)
        + read.warnings.map { withoutPlace($0.description) }
    } catch {
      return error.errors.map { withoutPlace($0.description) }
    }
  }

  /// The plain forms gave what a person reads in them.
  @Test func plainValuesAreReadExactly() throws {
    let text = Fixtures.header + "131032,港区,ward,E01,x,2012-02-29,007.250\n"
    let read = try Fixtures.read([("a.csv", text)]).value
    let event = read.submissions[0].events[0]
    #expect(event.date == EventDate(year: 2012, month: 2, day: 29))
    #expect(event.emissions == Quantity(grams: 7_250_000))
    #expect(read.decimals == 3)
  }

  /// The event's date and estimate and the decimals written, or the error messages without
  /// their location (the two files place a value differently).
  static func outcome(date: String, estimate: String, csv: Bool) -> String {
    let file =
      csv
      ? ("a.csv", Fixtures.header + "131032,港区,ward,E01,x,\(date),\(estimate)\n")
      : (
        "a.json",
        """
        {"body_code": "131032", "body_name": "港区", "body_kind": "ward", "events": [
         {"event_id": "E01", "event_name": "x", "event_date": "\(date)", "emissions_t": "\(estimate)"}]}
        """
      )
    do {
      let read = try Fixtures.read([file]).value
      let event = read.submissions[0].events[0]
      return "\(String(describing: event.date)) \(event.emissions.grams) \(read.decimals)"
    } catch {
      return error.errors.map { $0.description.split(separator: " ", maxSplits: 1)[1] }
        .joined(separator: "\n")
    }
  }
}
