import Testing

@testable import ApportionmentModule
@testable import JointCredit

@Suite struct WeightTableTests {
  func read(_ text: String) throws(InputErrors) -> WeightTable {
    try WeightTable.read(SubmissionFile(path: "w.csv", text: text)).value
  }

  @Test func apportionsInInputOrderWithTiesBrokenByIdNotOrder() throws {
    // Weights 1, 1, 1 for ids c, a, b; total 10 → 3⅓ each, 1 unit left, a tie → smallest id a.
    let table = try read("weight,id\n1,c\n1,a\n1,b\n")
    let shares = try table.apportion(
      Quantity(tonnes: 10), unit: Quantity(tonnes: 1),
      method: .largestRemainder)
    #expect(shares.allocations == [Quantity(tonnes: 3), Quantity(tonnes: 4), Quantity(tonnes: 3)])
    #expect(shares.ties.map(\.winners) == [["a"]])
    #expect(shares.ties.map(\.losers) == [["b", "c"]])
    var bytes: [UInt8] = []
    shares.write(format: CSVFormat(encoding: .utf8, lineEnding: .lf), to: &bytes)
    #expect(
      String(decoding: bytes, as: UTF8.self) == """
        id,weight,quota,allocation
        c,1,3.333333,3
        a,1,3.333333,4
        b,1,3.333333,3

        """)
  }

  /// Ties go to the smaller id in UTF-8 byte order, for ids read from a file (in NFC: "z" is
  /// 7A, "é" C3 A9) and for rows made in code whose ids are not in NFC ("e" + U+0301 is 65 CC 81,
  /// before "f" in bytes though "é" comes after it as a character).
  @Test func tiesFollowUTF8ByteOrder() throws {
    let read = try read("id,weight\n\u{E9},1\nz,1\n")
    let shares = try read.apportion(
      Quantity(tonnes: 1), unit: Quantity(tonnes: 1), method: .largestRemainder)
    #expect(shares.ties.map(\.winners) == [["z"]])
    let made = WeightTable(rows: [
      WeightTable.Row(id: "f", weight: Quantity(tonnes: 1)),
      WeightTable.Row(id: "e\u{301}", weight: Quantity(tonnes: 1)),
    ])
    let madeShares = try made.apportion(
      Quantity(tonnes: 1), unit: Quantity(tonnes: 1), method: .largestRemainder)
    #expect(madeShares.allocations == [.zero, Quantity(tonnes: 1)])
  }

  @Test func printsAtTheScaleOfTheDataAndTheUnit() throws {
    // 100 × 2.5/4 = 62.5, 100 × 1.25/4 = 31.25, 100 × 0.25/4 = 6.25 in steps of 0.1:
    // floors 62.5, 31.2, 6.2 (999 tenths); 1 left → equal remainders .05 → larger weight (y).
    let table = try read("id,weight\nx,2.5\ny,1.25\nz,0.25\n")
    let shares = try table.apportion(
      Quantity(tonnes: 100), unit: Quantity(grams: 100_000),
      method: .largestRemainder)
    var bytes: [UInt8] = []
    shares.write(format: CSVFormat(encoding: .utf8, lineEnding: .lf), to: &bytes)
    #expect(
      String(decoding: bytes, as: UTF8.self) == """
        id,weight,quota,allocation
        x,2.50,62.500000,62.5
        y,1.25,31.250000,31.3
        z,0.25,6.250000,6.2

        """)
  }

  @Test func reportsEveryProblem() {
    #expect(
      throws: InputErrors([
        InputError(.invalidWeight("1,5", .comma), at: InputLocation("w.csv", line: 2, column: 3)),
        InputError(
          .duplicateID("a", first: InputLocation("w.csv", line: 2, column: 1)),
          at: InputLocation("w.csv", line: 3, column: 1)),
        InputError(.negativeWeight("-2"), at: InputLocation("w.csv", line: 4, column: 3)),
        InputError(.missingValue("id"), at: InputLocation("w.csv", line: 5, column: 1)),
      ])
    ) {
      try read("id,weight\na,\"1,5\"\na,2\nb,-2\n,1\n")
    }
    #expect(
      throws: InputErrors(
        [
          InputError(
            .missingColumn("weight", required: ["id", "weight"]),
            at: InputLocation("w.csv", line: 1, column: 1))
        ],
        warnings: [
          InputWarning(.unknownColumn("wieght"), at: InputLocation("w.csv", line: 1, column: 4))
        ])
    ) {
      try read("id,wieght\na,1\n")
    }
  }

  /// Every later row of an id is reported against its first row, however far apart, also when
  /// the first row's weight is invalid; ids equal as text (é precomposed and decomposed) are the
  /// same id even with other ids between them in byte order.
  @Test func repeatedIDsAreReportedAgainstTheFirst() {
    let first = InputLocation("w.csv", line: 2, column: 1)
    #expect(
      throws: InputErrors([
        InputError(.negativeWeight("-1"), at: InputLocation("w.csv", line: 2, column: 3)),
        InputError(.duplicateID("b", first: first), at: InputLocation("w.csv", line: 4, column: 1)),
        InputError(.duplicateID("b", first: first), at: InputLocation("w.csv", line: 6, column: 1)),
        InputError(
          .duplicateID("e\u{301}", first: InputLocation("w.csv", line: 7, column: 1)),
          at: InputLocation("w.csv", line: 9, column: 1)),
      ])
    ) {
      try read("id,weight\nb,-1\na,2\nb,3\nc,4\nb,5\n\u{E9},1\nf,1\ne\u{301},1\n")
    }
  }

  @Test func allZeroWeightsCannotShareAPositiveTotal() throws {
    let table = try read("id,weight\na,0\nb,0\n")
    #expect(throws: ApportionmentError.noPositiveWeight(units: 5)) {
      try table.apportion(Quantity(tonnes: 5), unit: Quantity(tonnes: 1), method: .largestRemainder)
    }
    let nothing = try table.apportion(.zero, unit: Quantity(tonnes: 1), method: .largestRemainder)
    #expect(nothing.allocations == [.zero, .zero])
  }
}
