/// Help screens in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS.
enum HelpText {
  static let tool = "jointcredit"
  private static let labelWidth = 24
  private static let lineWidth = 80

  /// The usage line of a subcommand.
  static func usage(_ spec: CommandSpec) -> String {
    let parts =
      [tool, spec.name] + spec.arguments.map(\.usage)
      + spec.options.map { $0.isRequired ? $0.usage : "[\($0.usage)]" }
    return "USAGE: " + parts.joined(separator: " ")
  }

  /// The full help of a subcommand.
  static func help(_ spec: CommandSpec) -> String {
    var text = "OVERVIEW: \(spec.overview)\n\n"
    if !spec.discussion.isEmpty { text += wrap(spec.discussion, indent: 0) + "\n\n" }
    text += usage(spec) + "\n\n"
    if !spec.arguments.isEmpty {
      text += "ARGUMENTS:\n"
      for argument in spec.arguments { text += entry("<\(argument.name)>", argument.help) }
      text += "\n"
    }
    text += "OPTIONS:\n"
    for option in spec.allOptions { text += entry(option.label, option.fullHelp) }
    return text
  }

  /// The help of the tool itself.
  static func toolHelp(_ commands: [any Subcommand.Type]) -> String {
    var text =
      "OVERVIEW: Share a jointly purchased lot of carbon credits among bodies and their "
      + "events, exactly.\n\n"
    text +=
      wrap(
        "Reads the emission estimates each body submits (CSV or JSON), checks them, "
          + "allocates the lot pro rata with an explicit rounding rule, and writes allocation and "
          + "offset-rate statements in CSV and JSON.", indent: 0) + "\n\n"
    text += "USAGE: \(tool) <subcommand>\n\n"
    text += "OPTIONS:\n"
    text += entry("--version", "Show the version.")
    text += entry("-h, --help", "Show help information.")
    text += "\nSUBCOMMANDS:\n"
    for command in commands { text += entry(command.spec.name, command.spec.overview) }
    text += "\n  See '\(tool) help <subcommand>' for detailed help.\n"
    return text
  }

  /// What follows a usage error.
  static func usageHint(_ spec: CommandSpec?) -> String {
    guard let spec else {
      return "USAGE: \(tool) <subcommand>\n  See '\(tool) --help' for more information.\n"
    }
    return usage(spec) + "\n  See '\(tool) \(spec.name) --help' for more information.\n"
  }

  private static func entry(_ label: String, _ help: String) -> String {
    let padded = "  " + label
    let body = wrap(help, indent: labelWidth + 2)
    let bodyText = String(body.dropFirst(labelWidth + 2))
    if padded.count < labelWidth + 2 {
      return padded + String(repeating: " ", count: labelWidth + 2 - padded.count) + bodyText + "\n"
    }
    return padded + "\n" + body + "\n"
  }

  /// Wraps words at the line width, each line indented.
  static func wrap(_ text: String, indent: Int) -> String {
    let margin = String(repeating: " ", count: indent)
    var lines: [String] = []
    var current = margin
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if current.count > indent, current.count + 1 + word.count > lineWidth {
        lines.append(current)
        current = margin
      }
      current += (current.count > indent ? " " : "") + word
    }
    lines.append(current)
    return lines.joined(separator: "\n")
  }
}
