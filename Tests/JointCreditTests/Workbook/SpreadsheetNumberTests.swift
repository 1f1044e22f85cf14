import Testing

@testable import JointCredit

/// Numbers and dates as spreadsheets store them, read the way a person sees them.
@Suite struct SpreadsheetNumberTests {
  @Test(arguments: [
    ("1.25", "1.25"), ("2.50", "2.5"), ("100", "100"), ("0", "0"), ("0.000", "0"),
    ("-2.5", "-2.5"), ("1E-3", "0.001"), ("1.5E+2", "150"), ("1E5", "100000"),
    // Binary floating point noise is cut at the 15 significant digits a spreadsheet shows.
    ("0.30000000000000004", "0.3"), ("1.1000000000000001", "1.1"),
    ("0.99999999999999989", "1"), ("123456789012345678", "123456789012346000"),
    ("0.000001", "0.000001"),
  ])
  func storedNumbersReadAsTheDecimalsShown(_ stored: String, _ shown: String) {
    #expect(SpreadsheetNumber.text(stored) == shown)
  }

  @Test(arguments: ["", "abc", "1.2.3", "1E", "1E999", "--1"])
  func otherTextIsNotANumber(_ stored: String) {
    #expect(SpreadsheetNumber.text(stored) == nil)
  }

  @Test(arguments: [
    ("40831", "2011-10-15"), ("40831.75", "2011-10-15"), ("1", "1900-01-01"),
    ("59", "1900-02-28"), ("61", "1900-03-01"), ("36526", "2000-01-01"),
    ("2958465", "9999-12-31"),
  ])
  func dateSerialsAreDays(_ serial: String, _ date: String) {
    #expect(SpreadsheetNumber.date(serial: serial) == date)
  }

  @Test func theDayThatNeverWasIsNoDate() {
    // 60 is the 1900-02-29 spreadsheets count; 0 and 2958466 are outside the calendar.
    #expect(SpreadsheetNumber.date(serial: "60") == nil)
    #expect(SpreadsheetNumber.date(serial: "0") == nil)
    #expect(SpreadsheetNumber.date(serial: "2958466") == nil)
  }

  @Test(arguments: [
    ("yyyy-mm-dd", true), ("yyyy\\-mm\\-dd", true), ("m/d/yy", true),
    (#"[$-411]ggge"年"m"月"d"日""#, true), ("0.00", false), ("#,##0", false),
    (#""day "0"#, false), ("h:mm", false), ("@", false), ("General", false),
    ("0.00E+00", false), ("[Red]0.0", false),
  ])
  func dateFormatsAreRecognised(_ code: String, _ isDate: Bool) {
    #expect(SpreadsheetNumber.isDateFormat(code) == isDate)
  }
}
