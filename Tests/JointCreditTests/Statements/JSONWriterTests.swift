import Foundation
import Testing

@testable import JointCredit

@Suite struct JSONWriterTests {
  @Test func writesNestedDocumentsWithTwoSpaceIndentAndInlineArrays() {
    var json = JSONWriter(output: [UInt8]())
    json.beginObject()
    json.field("name", "港区")
    json.field("count", 3)
    json.field("cost", Int64?.none)
    json.field("rate", FixedDecimal(digits: 1_015, decimals: 1))
    json.field("taxed", true)
    json.key("ids")
    json.beginArray(inline: true)
    json.string("E01")
    json.number(-7)
    json.null()
    json.endArray()
    json.key("empty")
    json.beginObject()
    json.endObject()
    json.endObject()
    #expect(
      String(decoding: json.output, as: UTF8.self) == """
        {
          "name": "港区",
          "count": 3,
          "cost": null,
          "rate": "101.5",
          "taxed": true,
          "ids": [ "E01", -7, null ],
          "empty": {}
        }

        """)
  }

  /// Two texts joined by a separator are the one string they make, escaped the same way.
  @Test(
    arguments: [
      ("131032", "/", "E01", #"[ "131032/E01" ]"#),
      ("a\"b", "/", "c\\d", #"[ "a\"b/c\\d" ]"#),
      ("", "\"", "\n", #"[ "\"\n" ]"#),
      ("港区", "/", "", #"[ "港区/" ]"#),
    ] as [(String, Character, String, String)])
  func joinedTextsAreOneString(
    first: String, separator: Character, second: String, expected: String
  ) {
    var json = JSONWriter(output: [UInt8]())
    json.beginArray(inline: true)
    json.string(first, joinedBy: separator.asciiValue!, second)
    json.endArray()
    #expect(String(decoding: json.output, as: UTF8.self) == expected + "\n")
    var whole = JSONWriter(output: [UInt8]())
    whole.beginArray(inline: true)
    whole.string(first + String(separator) + second)
    whole.endArray()
    #expect(json.output == whole.output)
  }

  /// Each string, and the JSON text it must become (RFC 8259 escapes).
  @Test(arguments: [
    ("plain", "\"plain\""), ("a\"b", "\"a\\\"b\""), ("back\\slash", "\"back\\\\slash\""),
    ("line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\""), ("\u{0}\u{1F}", "\"\\u0000\\u001f\""),
    ("\u{7F}é🌱", "\"\u{7F}é🌱\""),
    // Past the first eight bytes, which are looked at a word at a time.
    ("環境フェア第1回\\市民", "\"環境フェア第1回\\\\市民\""),
    ("ABCDEFGHIJKLMNOP\"", "\"ABCDEFGHIJKLMNOP\\\"\""), ("0123456789\n", "\"0123456789\\n\""),
    ("]]]]]]]][[[[[[[[", "\"]]]]]]]][[[[[[[[\""),
  ])
  func escapesWhatJSONRequires(_ text: String, _ expected: String) throws {
    var json = JSONWriter(output: [UInt8]())
    json.beginArray(inline: true)
    json.string(text)
    json.endArray()
    #expect(String(decoding: json.output, as: UTF8.self) == "[ \(expected) ]\n")
    // And a JSON reader gives the same string back.
    let parsed = try JSONSerialization.jsonObject(with: Data(json.output)) as? [String]
    #expect(parsed == [text])
  }

  @Test func largeNumbersAreWrittenExactly() {
    var json = JSONWriter(output: [UInt8]())
    json.beginArray(inline: true)
    json.number(Int64.max)
    json.number(Int64.min)
    json.number(Int128(Int64.max) * 1_000)
    json.endArray()
    #expect(
      String(decoding: json.output, as: UTF8.self)
        == "[ 9223372036854775807, -9223372036854775808, 9223372036854775807000 ]\n")
  }

  @Test func aTableKeepsEachColumnsKeyAfterItsSeparator() {
    let table = ShareLine.table(
      [.eventID, .emissions, .offsetRate],
      numbers: StatementNumbers(emissionDecimals: 3, allocationDecimals: 3))
    let keys = String(decoding: table.jsonKeys, as: UTF8.self)
    #expect(keys == #", "event_id": , "emissions_t": , "offset_rate_pct": "#)
    #expect(table.jsonKeyEnds == [14, 31, 52])
    #expect(table.jsonKey(1) == 14..<31)
    // Every column, alone: its name quoted, after `, ` and before `: `.
    for column in StatementColumn.allCases {
      let single = ShareLine.table([column], numbers: table.numbers)
      #expect(String(decoding: single.jsonKeys, as: UTF8.self) == ", \"\(column.rawValue)\": ")
    }
  }
}
