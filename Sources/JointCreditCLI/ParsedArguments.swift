/// A command line taken apart by a ``CommandSpec``.
struct ParsedArguments: Sendable {
  /// Option values by option name (the last one given wins).
  var values: [String: String] = [:]
  /// Flags given.
  var flags: Set<String> = []
  /// Positional arguments, in order.
  var positionals: [String] = []

  /// Parses arguments (without the tool and subcommand names).
  ///
  /// Accepts `--name value`, `--name=value`, `-h`, and `--` to end options; a lone `-` is a
  /// positional argument (standard input).
  ///
  /// - Throws: ``UsageError`` for an unknown option, a missing value, a value given to a flag,
  ///   or a wrong number of positional arguments.
  init(_ arguments: [String], spec: CommandSpec) throws(UsageError) {
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let (name, inlineValue) = Self.split(argument)
      guard
        let option = spec.allOptions.first(where: { option in
          name == "--\(option.name)" || option.short.map { name == "-\($0)" } == true
        })
      else {
        throw .unknownOption(name, suggestion: Self.closest(to: name, in: spec.allOptions))
      }
      if option.isFlag {
        if inlineValue != nil { throw .flagTakesNoValue(option.usage) }
        flags.insert(option.name)
      } else if let inlineValue {
        values[option.name] = inlineValue
      } else if index < arguments.count {
        values[option.name] = arguments[index]
        index += 1
      } else {
        throw .missingValue(option.usage)
      }
    }
    if flags.contains(CommandSpec.help.name) { return }
    try checkPositionals(spec)
    if let missing = spec.options.first(where: { $0.isRequired && values[$0.name] == nil }) {
      throw .missingArgument(missing.usage)
    }
  }

  private func checkPositionals(_ spec: CommandSpec) throws(UsageError) {
    let required = spec.arguments.filter { !$0.optional }
    if positionals.count < required.count {
      throw .missingArgument(required[positionals.count].usage)
    }
    let repeats = spec.arguments.contains(where: \.repeating)
    if !repeats, positionals.count > spec.arguments.count {
      throw .unexpectedArgument(positionals[spec.arguments.count])
    }
  }

  private static func split(_ argument: String) -> (String, String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
      return (argument, nil)
    }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }

  /// The option name nearest to a misspelt one, if it is near enough to be a likely typo.
  private static func closest(to name: String, in options: [CommandSpec.Option]) -> String? {
    let candidates = options.map { "--\($0.name)" }
    let scored = candidates.map { ($0, EditDistance.between(name, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else {
      return nil
    }
    return best.0
  }
}

/// Levenshtein distance, for "did you mean" suggestions.
enum EditDistance {
  static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in stride(from: 1, through: b.count, by: 1) {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1,
          previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
