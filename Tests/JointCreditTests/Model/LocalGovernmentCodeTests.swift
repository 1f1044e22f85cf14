import Testing

@testable import JointCredit

@Suite struct LocalGovernmentCodeTests {
  @Test func checkDigitOfMinatoWorkedByHand() {
    // 6·1 + 5·3 + 4·1 + 3·0 + 2·3 = 31; 31 mod 11 = 9; (11 − 9) mod 10 = 2.
    #expect(LocalGovernmentCode.checkDigit(for: "13103") == 2)
    #expect(LocalGovernmentCode.completing("13103") == "131032")
  }

  @Test func remainderZeroAndOneGiveCheckDigitsOneAndZero() {
    // 13000: 6 + 15 = 21, 21 mod 11 = 10 → (11 − 10) mod 10 = 1 (東京都 130001).
    #expect(LocalGovernmentCode.checkDigit(for: "13000") == 1)
    // 01100: 5·1 + 4·1 = 9 → 2 (札幌市 011002).
    #expect(LocalGovernmentCode.checkDigit(for: "01100") == 2)
    // 11000: 6 + 5 = 11 ≡ 0 → (11 − 0) mod 10 = 1.
    #expect(LocalGovernmentCode.checkDigit(for: "11000") == 1)
    // 20000: 12 ≡ 1 → (11 − 1) mod 10 = 0.
    #expect(LocalGovernmentCode.checkDigit(for: "20000") == 0)
  }

  @Test(arguments: tokyoMunicipalities)
  func everyTokyoCodeIsValid(_ municipality: Municipality) {
    #expect(LocalGovernmentCode.isValid(municipality.code))
  }

  @Test func rejectsWrongDigitsAndShapes() {
    #expect(!LocalGovernmentCode.isValid("131033"))
    #expect(!LocalGovernmentCode.isValid("13103"))
    #expect(!LocalGovernmentCode.isValid("1310322"))
    #expect(!LocalGovernmentCode.isValid("ALL62"))
    #expect(!LocalGovernmentCode.isValid("１３１０３２"))
    #expect(LocalGovernmentCode.checkDigit(for: "1310") == nil)
    #expect(LocalGovernmentCode.checkDigit(for: "13a03") == nil)
  }

  @Test func tokyoDirectoryHasAllSixtyTwo() {
    let all = MunicipalityDirectory.tokyo.all
    #expect(all.count == 62)
    #expect(all.filter { $0.kind == .ward }.count == 23)
    #expect(all.filter { $0.kind == .city }.count == 26)
    #expect(all.filter { $0.kind == .town || $0.kind == .village }.count == 13)
    #expect(MunicipalityDirectory.tokyo["131032"]?.name == "港区")
  }
}
