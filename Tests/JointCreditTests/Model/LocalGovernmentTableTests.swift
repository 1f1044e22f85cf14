import Foundation
import Testing

@testable import JointCredit

/// The built-in list of every local government of Japan (Model/LocalGovernments+Table.swift,
/// generated from data/japan-local-governments.csv).
@Suite struct LocalGovernmentTableTests {
  static let all = MunicipalityDirectory.japan.all

  /// The counts data/README.md states: 47 prefectures, 1,741 municipalities (792 cities, 743
  /// towns, 183 villages, 23 special wards) and 175 wards of designated cities.
  @Test(arguments: [
    (Body.Kind.prefecture, 47), (.city, 792), (.town, 743), (.village, 183), (.ward, 23),
    (.designatedCityWard, 175), (.other, 0),
  ])
  func countsPerKind(_ kind: Body.Kind, _ count: Int) {
    #expect(Self.all.filter { $0.kind == kind }.count == count)
  }

  @Test func holdsEveryLocalGovernmentOnce() {
    #expect(Self.all.count == 1_963)
    #expect(Set(Self.all.map(\.code)).count == 1_963)
    let municipalities = Self.all.filter { [.city, .town, .village, .ward].contains($0.kind) }
    #expect(municipalities.count == 1_741)
    #expect(MunicipalityDirectory.japan.isComplete)
    #expect(!MunicipalityDirectory.tokyo.isComplete)
  }

  @Test func everyCheckDigitIsValid() {
    let invalid = Self.all.filter { !LocalGovernmentCode.isValid($0.code) }
    #expect(invalid.isEmpty, "\(invalid.prefix(3))")
  }

  /// The generated Swift file holds exactly the rows of the CSV in the repository: a CSV changed
  /// without running Scripts/generate-local-governments.py fails here.
  @Test func theGeneratedTableIsTheCSVInTheRepository() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let text = try String(
      contentsOf: root.appendingPathComponent("data/japan-local-governments.csv"), encoding: .utf8)
    var lines = text.split(separator: "\n")
    #expect(lines.removeFirst() == "body_code,prefecture,body_name,body_name_kana,kind")
    let rows = lines.map { line -> Municipality in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return Municipality(
        code: fields[0], name: fields[2], kind: Body.Kind(rawValue: fields[4]) ?? .other)
    }
    #expect(rows.count == Self.all.count)
    #expect(rows.sorted { $0.code < $1.code } == Self.all)
  }

  /// Tokyo's 62 built-in entries agree with the national list, code, name and kind.
  @Test(arguments: tokyoMunicipalities)
  func tokyoAgreesWithTheNationalList(_ municipality: Municipality) {
    #expect(MunicipalityDirectory.japan[municipality.code] == municipality)
  }

  @Test func tokyoIsAllOfTokyosMunicipalities() {
    let national = Self.all.filter {
      $0.code.hasPrefix("13") && $0.kind != .prefecture
    }
    #expect(national == MunicipalityDirectory.tokyo.all)
  }

  @Test(arguments: [
    ("011002", "札幌市", Body.Kind.city, "北海道"),
    ("011011", "札幌市中央区", .designatedCityWard, "北海道"),
    ("130001", "東京都", .prefecture, "東京都"),
    ("131032", "港区", .ward, "東京都"),
    ("271004", "大阪市", .city, "大阪府"),
    ("473821", "与那国町", .town, "沖縄県"),
  ])
  func knowsCodesNamesKindsAndPrefectures(
    _ code: String, _ name: String, _ kind: Body.Kind, _ prefecture: String
  ) {
    #expect(MunicipalityDirectory.japan[code] == Municipality(code: code, name: name, kind: kind))
    #expect(MunicipalityDirectory.japan.prefecture(of: code)?.name == prefecture)
  }

  @Test func namesWithAndWithoutThePrefecture() throws {
    let japan = MunicipalityDirectory.japan
    let minato = try #require(japan["131032"])
    #expect(japan.nameMatches("港区", minato))
    #expect(japan.nameMatches("東京都港区", minato))
    #expect(!japan.nameMatches("大阪府港区", minato))
    #expect(!japan.nameMatches("東京都", minato))
    #expect(!japan.nameMatches(nil, minato))
    // A prefecture's name is not repeated.
    let tokyo = try #require(japan["130001"])
    #expect(japan.nameMatches("東京都", tokyo))
    #expect(!japan.nameMatches("東京都東京都", tokyo))
    #expect(japan.codes(named: "府中市") == ["132063", "342084"])
    #expect(japan.codes(named: "港区") == ["131032"])
    #expect(japan.codes(named: "大阪市港区") == ["271071"])
    #expect(japan.codes(named: "府中") == [])
  }

  /// The table's lines read by their bytes: names beyond ASCII whole, a last line feed or none.
  @Test func readsTheTablesLinesByTheirBytes() {
    let expected = [
      Municipality(code: "011002", name: "札幌市", kind: .city),
      Municipality(code: "014729", name: "幌加内町", kind: .town),
      Municipality(code: "131032", name: "港区", kind: .ward),
    ]
    let text = "011002|札幌市|city\n014729|幌加内町|town\n131032|港区|ward"
    #expect(localGovernmentTable(text) == expected)
    #expect(localGovernmentTable(text + "\n") == expected)
  }

  /// 011002 (札幌市) without its zero is 11002; the five-digit JIS code 01100 without its zero is
  /// 1100, which completes to 011002 too.
  @Test(arguments: [
    ("11002", "011002"), ("1100", "011002"), ("12025", "012025"), ("2201", "022012"),
    ("131032", nil), ("13103", nil), ("99999", nil), ("1x00", nil),
  ])
  func leadingZerosPutBack(_ text: String, _ code: String?) {
    #expect(MunicipalityDirectory.japan.withLeadingZero(text)?.code == code)
  }
}
