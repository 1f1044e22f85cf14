import JointCredit

/// `--lang en|ja`: the language a command writes in. Messages keep their `error:`, `warning:`
/// and `note:` prefixes in every language, so that editors and scripts read them the same.
enum LanguageOption {
  /// The option, with what it changes in the command that declares it.
  static func spec(help: String) -> CommandSpec.Option {
    .init(
      name: "lang", valueName: "en|ja", help: help, defaultValue: StatementLanguage.en.rawValue)
  }

  /// The help of `validate` and `explain`, which write only messages.
  static let messagesHelp =
    "Language of error and warning messages (their error:, warning: and note: prefixes stay)."

  /// The language given, or English.
  static func language(_ parsed: ParsedArguments) throws(UsageError) -> StatementLanguage {
    try AllocateCommand.choice(parsed, "lang", "en|ja") ?? .en
  }
}
