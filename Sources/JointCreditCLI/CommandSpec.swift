/// What a subcommand accepts, from which its help text and its parsing both come.
struct CommandSpec: Sendable {
  /// A named option: `--name <value>`, or a flag when it takes no value.
  struct Option: Sendable {
    var name: String
    var valueName: String?
    var help: String
    var short: Character?
    var isRequired = false

    init(
      name: String, valueName: String?, help: String, short: Character? = nil,
      isRequired: Bool = false
    ) {
      self.name = name
      self.valueName = valueName
      self.help = help
      self.short = short
      self.isRequired = isRequired
    }

    var isFlag: Bool { valueName == nil }

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
