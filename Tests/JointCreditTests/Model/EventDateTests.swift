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

  /// Every day of years at both ends of the range and around today, written as its year,
  /// month and day with their leading zeros, with and without a prefix and a suffix.
  @Test func writesEveryDayAsItsFields() throws {
    func padded(_ value: Int, _ width: Int) -> String {
      String(repeating: "0", count: width - String(value).count) + String(value)
    }
    for year in [1, 9, 10, 999, 1000, 2011, 2024, 9998, 9999] {
      for month in 1...12 {
        for day in 1...31 {
          guard let date = EventDate(year: year, month: month, day: day) else { continue }
          let text = "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
          #expect(date.description == text)
          var bytes: [UInt8] = []
          date.append(to: &bytes, after: UInt8(ascii: "["), before: UInt8(ascii: "]"))
          #expect(String(decoding: bytes, as: UTF8.self) == "[\(text)]")
        }
      }
    }
  }

  @Test func ordersByDay() {
    #expect(EventDate(iso: "2011-12-15")! < EventDate(iso: "2012-01-01")!)
  }
}
