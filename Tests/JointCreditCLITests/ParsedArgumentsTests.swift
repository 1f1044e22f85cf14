import Testing

@testable import JointCreditCLI

@Suite struct ParsedArgumentsTests {
  static let spec = AllocateCommand.spec

  @Test func readsOptionsBothWaysAndPositionalsAnywhere() throws {
    let parsed = try ParsedArguments(
      ["a.csv", "--lot", "100", "--unit=0.1", "dir", "--", "--odd"],
      spec: Self.spec)
    #expect(parsed.values == ["lot": "100", "unit": "0.1"])
    #expect(parsed.positionals == ["a.csv", "dir", "--odd"])
  }

  @Test func lastValueWins() throws {
    let parsed = try ParsedArguments(["x", "--lot", "1", "--lot", "2"], spec: Self.spec)
    #expect(parsed.values["lot"] == "2")
  }

  @Test(
    arguments: [
      (["x", "--lott", "5"], UsageError.unknownOption("--lott", suggestion: "--lot")),
      (["x", "--zzzzzzzz"], UsageError.unknownOption("--zzzzzzzz", suggestion: nil)),
      (["x", "--lot"], UsageError.missingValue("--lot <t>")),
      (["x", "--help=yes"], UsageError.flagTakesNoValue("--help")),
      ([], UsageError.missingArgument("<input> ...")),
      (["--lot", "5"], UsageError.missingArgument("<input> ...")),
    ] as [([String], UsageError)])
  func rejectsMisuse(arguments: [String], error: UsageError) {
    #expect(throws: error) { try ParsedArguments(arguments, spec: Self.spec) }
  }

  @Test func helpNeedsNoArguments() throws {
    let parsed = try ParsedArguments(["-h"], spec: Self.spec)
    #expect(parsed.flags == ["help"])
  }

  @Test func apportionTakesAtMostOneFile() {
    #expect(throws: UsageError.unexpectedArgument("b.csv")) {
      try ParsedArguments(["a.csv", "b.csv", "--total", "1"], spec: ApportionCommand.spec)
    }
  }

  @Test func suggestsTheNearestName() {
    #expect(EditDistance.between("allocat", "allocate") == 1)
    #expect(EditDistance.between("", "abc") == 3)
    #expect(EditDistance.between("kitten", "sitting") == 3)
  }
}
