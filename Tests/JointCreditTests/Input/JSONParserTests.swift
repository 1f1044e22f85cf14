import Testing

@testable import JointCredit

@Suite struct JSONParserTests {
  func parse(_ text: String) throws(JSONParser.SyntaxError) -> JSONNode {
    try JSONParser.parse(Array(text.utf8))
  }

  @Test func keepsNumbersAsWritten() throws {
    let node = try parse("[1.250, -0, 1e3, 0.1, 12345678901234567890.123456]")
    guard case .array(let elements) = node.value else { Issue.record("not an array"); return }
    #expect(
      elements.map(\.value) == [
        .number("1.250"), .number("-0"), .number("1e3"), .number("0.1"),
        .number("12345678901234567890.123456"),
      ])
  }

  @Test func readsEveryKindOfValueWithPositions() throws {
    let node = try parse("{\n  \"a\": [true, false, null],\n  \"港\": \"区\"\n}")
    guard case .object(let members) = node.value else { Issue.record("not an object"); return }
    #expect(members.map(\.key) == ["a", "港"])
    #expect(members[0].keyPosition == TextPosition(line: 2, column: 3))
    #expect(
      members[0].value.value
        == .array([
          JSONNode(.bool(true), at: TextPosition(line: 2, column: 9)),
          JSONNode(.bool(false), at: TextPosition(line: 2, column: 15)),
          JSONNode(.null, at: TextPosition(line: 2, column: 22)),
        ]))
    #expect(members[1].value == JSONNode(.string("区"), at: TextPosition(line: 3, column: 8)))
  }

  @Test func unescapesStrings() throws {
    let node = try parse(#""q\" b\\ s\/ \b\f\n\r\t \u6E2F \ud83c\udf32""#)
    #expect(node.value == .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t 港 🌲"))
  }

  @Test(
    arguments: [
      ("", 1, 1, "unexpected end of text; expected a value"),
      ("{\"a\": 1,}", 1, 9, "expected a key in double quotes"),
      ("[1, 2", 1, 6, "expected ',' or ']'"),
      ("{\"a\" 1}", 1, 6, "expected ':' after the key"),
      ("01", 1, 2, "numbers must not have leading zeros"),
      ("1.", 1, 3, "expected a digit after '.'"),
      ("-", 1, 2, "expected a digit"),
      (
        "'a'", 1, 1,
        "unexpected character; expected a value (object, array, string, number, true, false or null)"
      ),
      ("\"abc", 1, 1, "string is never closed"),
      ("\"a\nb\"", 1, 3, "control character in a string; write it as an escape such as \\n"),
      ("tru", 1, 1, "expected 'true'"),
      ("[1] 2", 1, 5, "unexpected text after the end of the document"),
      ("\"\\ud800\"", 1, 8, "lone surrogate in \\u escape"),
      (
        "\"\\x\"", 1, 4,
        "unknown escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
      ),
    ] as [(String, Int, Int, String)])
  func reportsSyntaxErrorsWithPositions(text: String, line: Int, column: Int, message: String) {
    #expect(
      throws: JSONParser.SyntaxError(
        reason: .jsonSyntax(message),
        position: TextPosition(line: line, column: column))
    ) {
      try parse(text)
    }
  }

  @Test func rejectsDuplicateKeys() {
    #expect(
      throws: JSONParser.SyntaxError(
        reason: .duplicateKey("a"),
        position: TextPosition(line: 1, column: 10))
    ) {
      try parse("{\"a\": 1, \"a\": 2}")
    }
  }

  @Test func rejectsDeepNestingInsteadOfCrashing() {
    let deep = String(repeating: "[", count: 10_000)
    #expect(throws: JSONParser.SyntaxError.self) { try parse(deep) }
  }

  @Test func writerOutputParsesBack() throws {
    var writer = JSONWriter(output: [UInt8]())
    writer.beginObject()
    writer.field("text", "quote \" backslash \\ newline \n tab \t bell \u{07} 港")
    writer.field("count", 3)
    writer.key("list")
    writer.beginArray(inline: true)
    writer.string("a")
    writer.null()
    writer.bool(true)
    writer.endArray()
    writer.key("empty")
    writer.beginObject()
    writer.endObject()
    writer.endObject()
    let node = try JSONParser.parse(writer.output)
    guard case .object(let members) = node.value else { Issue.record("not an object"); return }
    #expect(members.map(\.key) == ["text", "count", "list", "empty"])
    #expect(
      members[0].value.value == .string("quote \" backslash \\ newline \n tab \t bell \u{07} 港"))
    #expect(members[1].value.value == .number("3"))
    #expect(
      String(decoding: writer.output, as: UTF8.self) == """
        {
          "text": "quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007 港",
          "count": 3,
          "list": [ "a", null, true ],
          "empty": {}
        }

        """)
  }
}
