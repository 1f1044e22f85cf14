import Testing

@testable import JointCredit

/// Submitted codes, names and kinds checked against the list of every local government of Japan.
@Suite struct LocalGovernmentCheckTests {
  static let h = Fixtures.header

  /// Each message by hand. Columns count characters: a code of 6 characters puts the name at 8
  /// and the kind at 8 + the name's length + 1.
  static let badInputs: [BadInputCase] = [
    BadInputCase(
      "a listed code with another body's name, naming both codes",
      h + "011002,函館市,city,E01,x,,1\n",
      "a.csv:2:8: body 011002 is 札幌市, not '函館市' (函館市 is 012025); correct the code or the name"
    ),
    BadInputCase(
      "a name two bodies have", h + "011002,府中市,city,E01,x,,1\n",
      "a.csv:2:8: body 011002 is 札幌市, not '府中市' (府中市 is 132063 or 342084); correct the code or the name"
    ),
    BadInputCase(
      "a name no body has, once per file",
      h + "011002,札幌,city,E01,x,,1\n011002,札幌,city,E02,x,,1\n",
      "a.csv:2:8: body 011002 is 札幌市, not '札幌'; correct the code or the name"),
    BadInputCase(
      "the name of another prefecture's ward", h + "131032,大阪府港区,ward,E01,x,,1\n",
      "a.csv:2:8: body 131032 is 港区, not '大阪府港区'; correct the code or the name"),
    BadInputCase(
      "a kind the code contradicts", h + "271004,大阪市,town,E01,x,,1\n",
      "a.csv:2:12: body 271004 is 大阪市, a city (市), but its kind is given as 'town'"),
    BadInputCase(
      "a prefecture given as other", h + "130001,東京都,other,E01,x,,1\n",
      "a.csv:2:12: body 130001 is 東京都, a prefecture (都道府県), but its kind is given as 'other'"),
    BadInputCase(
      "a designated city's ward given as a special ward",
      h + "011011,札幌市中央区,ward,E01,x,,1\n",
      "a.csv:2:15: body 011011 is 札幌市中央区, a designated-city-ward (行政区), but its kind is given as 'ward'"
    ),
    BadInputCase(
      "a valid code that is not listed, once per file",
      h + "123455,新市,city,E01,x,,1\n123455,新市,city,E02,x,,1\n",
      "a.csv:2:1: local government code 123455 is not in the list of Japan's local governments (2026-07-09); check the code"
    ),
    BadInputCase(
      "a five-digit code that is not listed", h + "12345,新市,city,E01,x,,1\n",
      "a.csv:2:1: local government code 123455 is not in the list of Japan's local governments (2026-07-09); check the code"
    ),
    BadInputCase(
      "a leading zero removed, once per file",
      h + "11002,札幌市,city,E01,x,,1\n11002,札幌市,city,E02,x,,1\n",
      "a.csv:2:1: body code '11002' looks like 011002 (札幌市) with its leading zero removed by a spreadsheet; write 011002, with the column formatted as text"
    ),
    BadInputCase(
      "the leading zero of a five-digit JIS code removed", h + "1100,札幌市,city,E01,x,,1\n",
      "a.csv:2:1: body code '1100' looks like 011002 (札幌市) with its leading zero removed by a spreadsheet; write 011002, with the column formatted as text"
    ),
    // 11100 is both 011100 (札幌市清田区) without its zero and the JIS code of さいたま市 (111007):
    // the name tells them apart.
    BadInputCase(
      "a leading zero removed from a code that is also a JIS code",
      h + "11100,札幌市清田区,designated-city-ward,E01,x,,1\n",
      "a.csv:2:1: body code '11100' looks like 011100 (札幌市清田区) with its leading zero removed by a spreadsheet; write 011100, with the column formatted as text"
    ),
    BadInputCase(
      "every problem of a row at once",
      h + "011002,函館市,town,E01,x,2011/2/30,1e3\n",
      "a.csv:2:8: body 011002 is 札幌市, not '函館市' (函館市 is 012025); correct the code or the name",
      "a.csv:2:12: body 011002 is 札幌市, a city (市), but its kind is given as 'town'",
      "a.csv:2:23: invalid event date '2011/2/30'; expected an existing day written YYYY-MM-DD, such as 2011-12-15",
      "a.csv:2:33: invalid emission estimate '1e3': it is in scientific notation, as a spreadsheet shows long or small numbers; write the number out in full, without an exponent"
    ),
    BadInputCase(
      "JSON cells are located too",
      files: [
        (
          "a.json",
          #"[{"body_code": "011002", "body_name": "函館市", "body_kind": "city", "event_id": "E1", "event_name": "x", "emissions_t": "1"}]"#
        )
      ],
      "a.json:1:39: body 011002 is 札幌市, not '函館市' (函館市 is 012025); correct the code or the name"
    ),
  ]

  @Test(arguments: badInputs)
  func reportsEveryProblemWithItsPlace(_ c: BadInputCase) {
    #expect(Fixtures.errors(c.files) == c.errors)
  }

  /// What the list accepts, and the code and name the body is then known by.
  @Test(arguments: [
    ("131032,港区,ward", "131032", "港区", Body.Kind.ward),
    ("13103,港区,ward", "131032", "港区", .ward),
    ("131032,東京都港区,ward", "131032", "港区", .ward),
    ("131032,　港区 ,区", "131032", "港区", .ward),
    ("11100,さいたま市,city", "111007", "さいたま市", .city),
    ("011011,札幌市中央区,designated-city-ward", "011011", "札幌市中央区", .designatedCityWard),
    ("011011,北海道札幌市中央区,行政区", "011011", "札幌市中央区", .designatedCityWard),
    ("130001,東京都,prefecture", "130001", "東京都", .prefecture),
    ("010006,北海道,都道府県", "010006", "北海道", .prefecture),
    ("ALL62,共同事業,other", "ALL62", "共同事業", .other),
  ])
  func acceptsListedBodies(_ body: String, _ code: String, _ name: String, _ kind: Body.Kind)
    throws
  {
    let read = try Fixtures.read([("a.csv", Self.h + body + ",E01,x,,1\n")])
    #expect(read.warnings.isEmpty)
    let accepted = try #require(read.value.submissions.first?.body)
    #expect(accepted == Body(code: Body.Code(code), name: name, kind: kind))
  }

  /// The listed name and the name after its prefecture are one body, not a conflict.
  @Test func aNameWithAndWithoutItsPrefectureIsOneBody() throws {
    let text =
      Self.h + "131032,港区,ward,E01,x,,1\n131032,東京都港区,ward,E02,x,,1\n"
      + "13103,東京都港区,ward,E03,x,,1\n"
    let estimates = try Fixtures.read([("a.csv", text)]).value
    #expect(estimates.submissions.count == 1)
    #expect(estimates.submissions[0].body.name == "港区")
    #expect(estimates.eventCount == 3)
  }

  @Test func unknownCodesAllowedAreWarnedAboutOncePerBody() throws {
    let text = Self.h + "123455,新市,city,E01,x,,1\n12345,新市,city,E02,x,,1\n"
    let read = try SubmissionReader(allowsUnknownCodes: true).read(
      Fixtures.files([("a.csv", text), ("b.csv", text.replacingOccurrences(of: "E0", with: "F0"))]))
    #expect(
      read.warnings.map(\.description) == [
        "a.csv:2:1: local government code 123455 is not in the list of Japan's local governments (2026-07-09); it is accepted as a new or merged municipality's"
      ])
    #expect(read.value.submissions.map(\.body.code) == [Body.Code("123455")])
    #expect(read.value.eventCount == 4)
  }

  /// Allowing unknown codes does not allow a wrong name, kind or lost zero of a listed one.
  @Test func allowingUnknownCodesKeepsTheOtherChecks() {
    let text =
      Self.h + "011002,函館市,city,E01,x,,1\n271004,大阪市,town,E01,x,,1\n11002,札幌市,city,E01,x,,1\n"
    do {
      _ = try SubmissionReader(allowsUnknownCodes: true).read(Fixtures.files([("a.csv", text)]))
      Issue.record("accepted")
    } catch {
      #expect(error.errors.count == 3)
    }
  }

  /// A partial list (Tokyo's) checks only the codes it holds; no list checks nothing.
  @Test func aPartialListLeavesOtherCodesAlone() throws {
    let text = Self.h + "123455,新市,city,E01,x,,1\n11002,札幌,city,E01,x,,1\n"
    for directory in [MunicipalityDirectory.tokyo, .empty] {
      let read = try SubmissionReader(directory: directory).read(Fixtures.files([("a.csv", text)]))
      #expect(read.warnings.isEmpty)
      #expect(
        read.value.submissions.map(\.body.code) == [Body.Code("110027"), Body.Code("123455")])
    }
    #expect(
      Fixtures.errors([("a.csv", Self.h + "131032,港区役所,ward,E01,x,,1\n")]) == [
        "a.csv:2:8: body 131032 is 港区, not '港区役所'; correct the code or the name"
      ])
  }
}
