/// What a subcommand accepts, from which its help text and its parsing both come.
struct CommandSpec: Sendable {
  /// A named option: `--name <value>`, or a flag when it takes no value.
  struct Option: Sendable {
    var name: String
    var valueName: String?
    /// What the option does, without its default: help adds "(default: …)" from ``defaultValue``.
    var help: String
    var short: Character?
    /// Whether the command cannot run without it: the parser says so, and usage shows it bare.
    var isRequired = false
    /// What applies when the option is not given, as help shows it ("1", "the unit").
    var defaultValue: String?

    init(
      name: String, valueName: String?, help: String, short: Character? = nil,
      isRequired: Bool = false, defaultValue: String? = nil
    ) {
      self.name = name
      self.valueName = valueName
      self.help = help
      self.short = short
      self.isRequired = isRequired
      self.defaultValue = defaultValue
    }

    var isFlag: Bool { valueName == nil }

    /// The help with its default, as the help screen prints it.
    var fullHelp: String { defaultValue.map { "\(help) (default: \($0))" } ?? help }

    var usage: String { valueName.map { "--\(name) <\($0)>" } ?? "--\(name)" }

    var label: String {
      short.map { "-\($0), \(usage)" } ?? usage
    }
  }

  /// A positional argument.
  struct Argument: Sendable {
    var name: String
    var help: String
    var repeating = false
    var optional = false

    var usage: String {
      let core = repeating ? "<\(name)> ..." : "<\(name)>"
      return optional ? "[\(core)]" : core
    }
  }

  var name: String
  var overview: String
  var discussion: String = ""
  var arguments: [Argument] = []
  var options: [Option] = []

  static let help = Option(
    name: "help", valueName: nil, help: "Show help information.",
    short: "h")

  var allOptions: [Option] { options + [Self.help] }
}
