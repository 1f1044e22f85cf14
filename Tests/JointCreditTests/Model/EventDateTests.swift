import Testing

@testable import JointCredit

@Suite struct EventDateTests {
  @Test(arguments: [
    "2011-12-15", "2012-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "0042-10-09",
  ])
  func readsExistingDays(_ text: String) throws {
    let date = try #require(EventDate(iso: text))
    #expect(date.description == text)
  }

  @Test(arguments: [
    "2011-02-29", "1900-02-29", "2011-04-31", "2011-13-01", "2011-00-10", "2011-12-00",
    "2011/12/15", "2011-1-5", "20111215", "", "2011-12-15T10:00", "２０１１-１２-１５", "0000-01-01",
  ])
  func rejectsAnythingElse(_ text: String) {
    #expect(EventDate(iso: text) == nil)
  }

  @Test(
    arguments: [
      (nil, nil, "x2011-01-05"), (UInt8(ascii: ","), nil, "x,2011-01-05"),
      (UInt8(ascii: "\""), UInt8(ascii: "\""), "x\"2011-01-05\""),
      (nil, UInt8(ascii: ";"), "x2011-01-05;"),
    ] as [(UInt8?, UInt8?, String)])
  func appendsBetweenAPrefixAndASuffix(prefix: UInt8?, suffix: UInt8?, expected: String) throws {
    let date = try #require(EventDate(iso: "2011-01-05"))
    var bytes = Array("x".utf8)
    date.append(to: &bytes, after: prefix, before: suffix)
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
  }

  @Test func ordersByDay() {
    #expect(EventDate(iso: "2011-12-15")! < EventDate(iso: "2012-01-01")!)
  }
}
