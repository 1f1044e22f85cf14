import Testing

@testable import JointCredit

/// A combined file lists many bodies' rows interleaved. A row that repeats, byte for byte, the
/// body fields of a row accepted earlier in the same file skips their checks; these tests hold
/// that the skip changes no result.
@Suite struct InterleavedBodiesTests {
  static let h = Fixtures.header

  /// Three bodies, rows interleaved, read as the same estimates as the rows grouped by body.
  @Test func interleavedRowsGiveTheEstimatesOfGroupedRows() throws {
    let bodies = ["131016,千代田区,ward", "131024,中央区,ward", "082082,龍ケ崎市,city"]
    var interleaved = Self.h, grouped = Self.h
    for event in 1...4 {
      for body in bodies { interleaved += "\(body),E0\(event),x,,\(event).5\n" }
    }
    for body in bodies {
      for event in 1...4 { grouped += "\(body),E0\(event),x,,\(event).5\n" }
    }
    let a = try Fixtures.read([("a.csv", interleaved)])
    let b = try Fixtures.read([("a.csv", grouped)])
    #expect(a.value.submissions == b.value.submissions)
    #expect(a.value.submissions.map(\.events.count) == [4, 4, 4])
    #expect(a.warnings.isEmpty && b.warnings.isEmpty)
  }

  /// A body met again after others, with another name or (for a listed code) another kind:
  /// still checked at the row that differs.
  @Test func aBodyMetAgainWithOtherFieldsIsStillChecked() {
    let text =
      Self.h + "X1,新会,other,E01,x,,1\n131016,千代田区,ward,E01,x,,1\n"
      + "131016,千代田区,city,E02,x,,1\nX1,別会,other,E03,x,,1\n131016,千代田区,ward,E03,x,,1\n"
    #expect(
      Fixtures.errors([("a.csv", text)]) == [
        "a.csv:4:13: body 131016 is 千代田区, a ward (区), but its kind is given as 'city'",
        "a.csv:5:4: body X1 has body_name '別会' here but '新会' at a.csv:2:4; a body must have the same name and kind in every file",
      ])
  }

  /// A rejected row of a body met earlier (not on the row before) keeps its id: the body's
  /// accepted event of the same id is reported as repeated, beside the row's own problem.
  @Test func aRejectedRowOfABodyMetEarlierKeepsItsID() {
    let text =
      Self.h + "131016,千代田区,ward,E01,x,,1\n131024,中央区,ward,E01,x,,1\n"
      + "131016,千代田区,ward,E01,x,2011-11-31,1\n"
    #expect(
      Fixtures.errors([("a.csv", text)]) == [
        "a.csv:4:18: event 'E01' of body 131016 appears twice (first at a.csv:2:18); event ids must be unique within a body",
        "a.csv:4:24: invalid event date '2011-11-31'; expected an existing day written YYYY-MM-DD, such as 2011-12-15",
      ])
  }

  /// A spelling warning is given once per file: the second file's rows, which repeat the first
  /// file's bytes, are checked afresh.
  @Test func aWarningPerFileSurvivesTheSkip() throws {
    let rows = "082082,龍ヶ崎市,city,E01,x,,1\n131016,千代田区,ward,E01,x,,1\n082082,龍ヶ崎市,city,E02,x,,1\n"
    let read = try Fixtures.read([
      ("a.csv", Self.h + rows), ("b.csv", Self.h + rows.replacingOccurrences(of: "E0", with: "F0")),
    ])
    #expect(
      read.warnings.map(\.description) == [
        "a.csv:2:8: body 082082 is named '龍ヶ崎市' here; the local government code list says '龍ケ崎市'",
        "b.csv:2:8: body 082082 is named '龍ヶ崎市' here; the local government code list says '龍ケ崎市'",
      ])
    #expect(read.value.eventCount == 6)
  }
}
