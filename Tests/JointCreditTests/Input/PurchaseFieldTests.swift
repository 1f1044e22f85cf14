import Testing

@testable import JointCredit

/// One table of purchase parameters serves the file reader and the command line alike.
@Suite struct PurchaseFieldTests {
  /// A valid value of each parameter, as a purchase file writes it and as an option's text.
  static let samples: [String: (json: String, text: String)] = [
    "lot_t": (#""100""#, "100"), "unit_t": ("0.1", "0.1"), "body_unit_t": (#""1""#, "1"),
    "mode": (#""body-then-event""#, "body-then-event"), "method": (#""dhondt""#, "jefferson"),
    "body_method": (#""adams""#, "adams"), "min_t": (#""0.1""#, "０．１"),
    "min_rate_pct": (#""110""#, "110"), "surplus": (#""reserve""#, "reserve"),
    "cap": (#""emissions""#, "emissions"), "cap_rate_pct": ("150", "150"),
    "reserve": (#""ALL62""#, "ALL62"), "price_jpy_per_t": ("12000", "12000"),
    "invoice_total_jpy": (#""450000""#, "450000"), "tax_included": ("true", "included"),
    "secretariat": (#""131032""#, "131032"), "mix": (#""sequential""#, "sequential"),
    "issued_on": (#""2012-03-30""#, "２０１２-03-30"),
  ]

  /// The settings one value gives, without where it came from.
  static func values(_ settings: PurchaseSettings) -> String {
    [
      settings.lot.map { "\($0.value)" }, settings.unit.map { "\($0.value)" },
      settings.bodyUnit.map { "\($0.value)" }, settings.mode.map { "\($0.value)" },
      settings.method.map { "\($0.value)" }, settings.bodyMethod.map { "\($0.value)" },
      settings.minimum.map { "\($0.value)" }, settings.floor.map { "\($0.value)" },
      settings.surplus.map { "\($0.value)" }, settings.cap.map { "\($0.value)" },
      settings.reserve.map { "\($0.value)" }, settings.price.map { "\($0.value)" },
      settings.taxIncluded.map { "\($0.value)" }, settings.secretariat.map { "\($0.value)" },
      settings.mix.map { "\($0.value)" }, settings.issuedOn.map { "\($0.value)" },
    ].map { $0 ?? "-" }.joined(separator: " ")
  }

  @Test func aFileValueAndAnOptionGiveTheSameSetting() throws {
    var checked = 0
    for field in PurchaseField.all where field.option != nil {
      let sample = try #require(Self.samples[field.name], "no sample for \(field.name)")
      let file = PurchaseFile.read(
        SubmissionFile(path: "p.json", text: "{\"\(field.name)\": \(sample.json)}"))
      #expect(file.errors.isEmpty, "\(field.name): \(file.errors)")
      var option = PurchaseSettings()
      let read = field.read(.text(sample.text), at: InputLocation("--x"), into: &option)
      if case .failure(let problem) = read { Issue.record("\(field.name): \(problem.explanation)") }
      #expect(Self.values(file.settings) == Self.values(option), "\(field.name)")
      #expect(Self.values(option) != Self.values(PurchaseSettings()), "\(field.name) set nothing")
      checked += 1
    }
    #expect(checked == Self.samples.count)
  }

  @Test func floorsAndThePurposeAreReadFromAFile() throws {
    func read(_ text: String) -> PurchaseFile.Reading {
      PurchaseFile.read(SubmissionFile(path: "p.json", text: text))
    }
    let full = read(#"{"min_t": "emissions", "surplus": "reserve", "purpose": " 会議 "}"#)
    #expect(full.errors.isEmpty)
    #expect(full.settings.floor?.value == .emissions && full.settings.minimum == nil)
    #expect(full.settings.surplus?.value == .reserve)
    #expect(full.settings.purpose?.value == "会議")
    let both = read(#"{"min_t": "emissions", "min_rate_pct": 110}"#)
    #expect(
      both.errors.map(\.description) == [
        "p.json:1:24: give either min_t 'emissions' or min_rate_pct, not both"
      ])
    let numberAndRate = read(#"{"min_t": "0.1", "min_rate_pct": 110}"#)
    #expect(numberAndRate.errors.isEmpty)
    #expect(numberAndRate.settings.minimum?.value == Fixtures.tonnes("0.1"))
    #expect(numberAndRate.settings.floor?.value == .rate(Fixtures.tonnes("110")))
    let bad = read(#"{"min_t": "all", "surplus": "pool", "purpose": ""}"#)
    #expect(
      bad.errors.map(\.description) == [
        "p.json:1:11: unknown minimum 'all'; expected a quantity in tonnes such as 0.1, or 'emissions' (every event at least its estimate, rounded up), or give a percentage as min_rate_pct",
        "p.json:1:29: unknown surplus 'pool'; expected 'method' (the rest of the lot by the rounding rule) or 'reserve' (the rest to the reserve body)",
        "p.json:1:48: 'purpose' must be a string that is not empty",
      ])
  }

  @Test func everyFieldHasOneNameAndTheFileListsThemAll() {
    let names = PurchaseField.all.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(PurchaseFile.fields == names)
    let options = PurchaseField.all.compactMap(\.option)
    #expect(Set(options).count == options.count)
    #expect(PurchaseField.all.allSatisfy { $0.option == nil || !$0.help.isEmpty })
  }
}

/// The purchase file's checks (with places) and the model's own give the same verdict.
@Suite struct PurchaseCheckAgreementTests {
  @Test func settingsAreAcceptedExactlyWhenThePurchaseWouldBe() throws {
    let quantities = ["0", "0.1", "0.2", "0.3", "1", "2.5", "3", "10", "-1"]
    let modes: [AllocationMode] = [.event, .bodyThenEvent]
    var random = SplitMix64(seed: 5)
    var accepted = 0, refused = 0
    for _ in 0..<3_000 {
      func pick() -> String { quantities.randomElement(using: &random)! }
      func q(_ text: String) -> PurchaseSettings.Setting<Quantity> {
        .init(Fixtures.tonnes(text), text: text, at: InputLocation("test"))
      }
      let lot = pick(), unit = pick(), bodyUnit = pick(), minimum = pick(), rate = pick()
      let mode = modes.randomElement(using: &random)!
      let hasBodyUnit = Bool.random(using: &random), hasMinimum = Bool.random(using: &random)
      let hasCap = Bool.random(using: &random), hasFloor = Bool.random(using: &random)
      let floorRate = pick(), toReserve = random.next() % 4 == 0
      let hasReserve = Bool.random(using: &random)
      let here = InputLocation("test")
      var settings = PurchaseSettings(
        lot: q(lot), unit: q(unit), bodyUnit: hasBodyUnit ? q(bodyUnit) : nil,
        mode: .init(mode, text: mode.rawValue, at: InputLocation("test")),
        minimum: hasMinimum ? q(minimum) : nil,
        cap: hasCap
          ? .init(.rate(Fixtures.tonnes(rate)), text: rate, at: InputLocation("test")) : nil,
        reserve: hasReserve ? .init(Body.Code("ALL62"), text: "ALL62", at: here) : nil)
      settings.floor =
        hasFloor ? .init(.rate(Fixtures.tonnes(floorRate)), text: floorRate, at: here) : nil
      settings.surplus = toReserve ? .init(.reserve, text: "reserve", at: here) : nil
      let resolved = Result { () throws(InputErrors) in try settings.resolved().value }
      let made = Result { () throws(InputErrors) in
        try Purchase(
          lot: Fixtures.tonnes(lot), unit: Fixtures.tonnes(unit),
          bodyUnit: hasBodyUnit ? Fixtures.tonnes(bodyUnit) : nil, mode: mode,
          minimum: hasMinimum ? Fixtures.tonnes(minimum) : nil,
          floor: hasFloor ? .rate(Fixtures.tonnes(floorRate)) : nil,
          surplus: toReserve ? .reserve : .method,
          cap: hasCap ? .rate(Fixtures.tonnes(rate)) : nil,
          reserve: hasReserve ? Body.Code("ALL62") : nil)
      }
      switch (resolved, made) {
      case (.success(let a), .success(let b)):
        #expect(a == b)
        accepted += 1
      case (.failure, .failure): refused += 1
      default:
        let inputs = "\(lot) \(unit) \(bodyUnit) \(mode) \(minimum) \(rate) \(floorRate)"
        Issue.record(Comment(rawValue: "\(inputs): \(resolved) \(made)"))
      }
    }
    #expect(accepted > 200 && refused > 300, "\(accepted) accepted, \(refused) refused")
  }
}

extension PurchaseFieldTests {
  @Test func theIssuerAndTheIssueDateAreReadAndChecked() throws {
    let good = PurchaseFile.read(
      SubmissionFile(
        path: "p.json", text: #"{"issuer": " 事務局 ", "issued_on": "2012-03-30"}"#))
    #expect(good.errors.isEmpty)
    #expect(good.settings.issuer?.value == "事務局")
    #expect(good.settings.issuedOn?.value == EventDate(year: 2012, month: 3, day: 30))
    let bad = PurchaseFile.read(
      SubmissionFile(path: "p.json", text: #"{"issuer": 1, "issued_on": "2012-02-30"}"#))
    #expect(bad.errors.map(\.reason).count == 2)
    #expect(bad.errors.contains { $0.reason == .invalidDate("2012-02-30") })
    #expect(bad.errors.contains { $0.reason == .jsonType(field: "issuer", expected: "a string") })
  }
}
