import JointCredit

/// A command line that cannot be run as given (exit status 64).
enum UsageError: Error, Hashable, Sendable {
  case unknownSubcommand(String, suggestion: String?)
  case missingSubcommand
  case unknownOption(String, suggestion: String?)
  case missingValue(String)
  case flagTakesNoValue(String)
  case missingArgument(String)
  case unexpectedArgument(String)
  case invalidValue(option: String, value: String, reason: String)

  /// One sentence, as swift-argument-parser words it.
  var message: String {
    switch self {
    case .unknownSubcommand(let name, let suggestion):
      "Unknown subcommand '\(QuotedText.quote(name))'."
        + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    case .missingSubcommand:
      "Missing expected subcommand: allocate, validate, explain, diff or apportion."
    case .unknownOption(let name, let suggestion):
      "Unknown option '\(QuotedText.quote(name))'."
        + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
    case .missingValue(let option):
      "Missing value for '\(QuotedText.quote(option))'."
    case .flagTakesNoValue(let option):
      "'\(QuotedText.quote(option))' takes no value."
    case .missingArgument(let argument):
      "Missing expected argument '\(QuotedText.quote(argument))'."
    case .unexpectedArgument(let argument):
      "Unexpected argument '\(QuotedText.quote(argument))'."
    case .invalidValue(let option, let value, let reason):
      "The value '\(QuotedText.quote(value))' is invalid for '\(QuotedText.quote(option))': \(reason)"
        + (reason.hasSuffix("?") || reason.hasSuffix(".") ? "" : ".")
    }
  }
}
