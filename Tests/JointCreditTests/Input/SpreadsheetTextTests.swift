import Testing

@testable import JointCredit

/// Dates and ids as a spreadsheet rewrites them in a CSV it saves.
@Suite struct SpreadsheetTextTests {
  static let h = Fixtures.header

  /// Unambiguous forms are read as their day.
  @Test(arguments: [
    ("2011/10/1", 2011, 10, 1), ("2011/10/01", 2011, 10, 1), ("2011/1/5", 2011, 1, 5),
    ("2011年10月1日", 2011, 10, 1), ("２０１１／１０／１", 2011, 10, 1), ("2012/2/29", 2012, 2, 29),
  ])
  func readsUnambiguousDates(_ text: String, _ year: Int, _ month: Int, _ day: Int) throws {
    let row = "131032,港区,ward,E01,x,\(text),1\n"
    let estimates = try Fixtures.read([("a.csv", Self.h + row)]).value
    #expect(
      estimates.submissions[0].events[0].date == EventDate(year: year, month: month, day: day))
  }

  /// The date column starts at 22 after `131032,港区,ward,E01,x,`.
  @Test(arguments: [
    (
      "10月1日",
      "a.csv:2:22: event date '10月1日' has no year, as a spreadsheet may show a date; write it YYYY-MM-DD, such as 2011-10-01"
    ),
    (
      "10/1",
      "a.csv:2:22: event date '10/1' has no year, as a spreadsheet may show a date; write it YYYY-MM-DD, such as 2011-10-01"
    ),
    (
      "1/10/2011",
      "a.csv:2:22: event date '1/10/2011' could be day/month or month/day, as a spreadsheet writes dates in its region's order; write it YYYY-MM-DD, such as 2011-10-01"
    ),
    (
      "10/15/2011",
      "a.csv:2:22: event date '10/15/2011' could be day/month or month/day, as a spreadsheet writes dates in its region's order; write it YYYY-MM-DD, such as 2011-10-01"
    ),
    (
      "40817",
      "a.csv:2:22: event date '40817' looks like a spreadsheet's date serial number (40817 is 2011-10-01); write the date as YYYY-MM-DD, with the column formatted as text"
    ),
    (
      "2011/2/29",
      "a.csv:2:22: invalid event date '2011/2/29'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    ),
    (
      "13/1",
      "a.csv:2:22: invalid event date '13/1'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    ),
    (
      "/10/1",
      "a.csv:2:22: invalid event date '/10/1'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    ),
    (
      "2011-1-5",
      "a.csv:2:22: invalid event date '2011-1-5'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    ),
    (
      "H23.10.1",
      "a.csv:2:22: invalid event date 'H23.10.1'; expected an existing day written YYYY-MM-DD, such as 2011-12-15"
    ),
  ])
  func namesTheLikelyCauseOfADateItCannotRead(_ text: String, _ message: String) {
    #expect(Fixtures.errors([("a.csv", Self.h + "131032,港区,ward,E01,x,\(text),1\n")]) == [message])
  }

  /// Day 1 is 1900-01-01; Excel counts a 1900-02-29 that never was as day 60, so day 61 is
  /// 1900-03-01; day 25569 is 1970-01-01 (the Unix epoch); 2958465 is 9999-12-31, the last.
  @Test(arguments: [
    (61, "1900-03-01"), (25_569, "1970-01-01"), (40_817, "2011-10-01"), (40_909, "2012-01-01"),
    (2_958_465, "9999-12-31"),
  ])
  func serialNumbersAreDays(_ serial: Int, _ date: String) {
    #expect(SpreadsheetText.serialDate(serial)?.description == date)
  }

  @Test func serialsOutsideTheRangeAreNoDate() {
    #expect(SpreadsheetText.serialDate(60) == nil)
    #expect(SpreadsheetText.serialDate(2_958_466) == nil)
  }

  /// An id in scientific notation is read, with a warning: an id such as 1E5 can be genuine, but
  /// 1.23457E+11 is what a spreadsheet makes of 123456789012, with digits lost.
  @Test(arguments: [
    ("1E5", true), ("1.23457E+11", true), ("2e-3", true), ("E01", false), ("1E", false),
    ("1.E5", false), ("12", false), ("1E5a", false), ("A1E5", false),
  ])
  func idsInScientificNotation(_ id: String, _ flagged: Bool) throws {
    #expect(SpreadsheetText.isScientificNotation(id) == flagged)
    let read = try Fixtures.read([("a.csv", Self.h + "131032,港区,ward,\(id),x,,1\n")])
    #expect(read.value.submissions[0].events[0].id == Event.ID(id))
    #expect(
      read.warnings.map(\.description)
        == (flagged
          ? [
            "a.csv:2:16: event id '\(id)' reads as a number in scientific notation, as a spreadsheet writes long numbers (losing digits); if it was another id, write that id instead"
          ] : []))
  }

  /// An estimate in scientific notation is an error: the figure allocated by must be exact.
  @Test(arguments: ["1E5", "1.2E+03", "１Ｅ５"])
  func estimatesInScientificNotationAreErrors(_ text: String) {
    let normalized = TextNormalization.normalized(text)
    #expect(
      Fixtures.errors([("a.csv", Self.h + "131032,港区,ward,E01,x,,\(text)\n")]) == [
        "a.csv:2:23: invalid emission estimate '\(normalized)': it is in scientific notation, as a spreadsheet shows long or small numbers; write the number out in full, without an exponent"
      ])
  }
}
