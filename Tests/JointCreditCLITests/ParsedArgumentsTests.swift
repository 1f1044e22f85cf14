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

  @Test func aRequiredOptionIsRequiredButNotForHelp() throws {
    #expect(throws: UsageError.missingArgument("--total <q>")) {
      try ParsedArguments(["w.csv", "--unit", "1"], spec: ApportionCommand.spec)
    }
    #expect(try ParsedArguments(["--help"], spec: ApportionCommand.spec).flags == ["help"])
    #expect(
      try ParsedArguments(["--total", "5"], spec: ApportionCommand.spec).values == ["total": "5"])
  }

  /// Help states each default once, from the option's declaration, and usage shows required
  /// options without brackets.
  @Test func helpComesFromTheDeclarations() {
    for command in Tool.commands {
      let help = HelpText.help(command.spec)
      for option in command.spec.options {
        let shown = help.replacingOccurrences(of: "\n", with: " ")
          .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if let value = option.defaultValue {
          #expect(shown.contains("(default: \(value))"), "\(command.spec.name) --\(option.name)")
        }
        #expect(!option.help.contains("(default:"), "\(command.spec.name) --\(option.name)")
        let usage = HelpText.usage(command.spec)
        #expect(usage.contains(option.isRequired ? " \(option.usage)" : "[\(option.usage)]"))
      }
    }
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
