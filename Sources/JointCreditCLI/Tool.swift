import Foundation
import JointCredit

/// The `jointcredit` command: parses a command line, runs a subcommand, returns the exit code.
///
/// The executable only calls ``run(_:console:standardInput:)``; tests call it in-process.
public enum Tool {
  /// Every subcommand, in the order help lists them.
  static var commands: [any Subcommand.Type] {
    [
      AllocateCommand.self, ValidateCommand.self, ExplainCommand.self, DiffCommand.self,
      ApportionCommand.self, RetireCommand.self, TemplateCommand.self,
    ]
  }

  /// Sets up the process for the command line: SIGINT, SIGTERM and SIGHUP remove the temporary
  /// files of a write in progress (`Interruption`), and SIGPIPE is ignored, so that a reader
  /// that stops early (`jointcredit apportion w.csv | head -1`) does not end the tool by a signal.
  /// A command's input and results are kept until the process ends rather than freed one value
  /// at a time just before it does (`ProcessLifetime`).
  public static func prepareProcess() {
    signal(SIGPIPE, SIG_IGN)
    Interruption.installSignalHandlers()
    ProcessLifetime.keepUntilExit()
  }

  /// Runs a command line.
  ///
  /// - Parameters:
  ///   - arguments: the arguments after the tool's name.
  ///   - console: where output and errors go.
  ///   - standardInput: reads standard input, for `apportion -` (at most as much as a file).
  /// - Returns: 0 on success, 1 when input was rejected, 64 on a usage error.
  public static func run(
    _ arguments: [String], console: inout some Console,
    // A closure, not the function itself: passed as the default argument, the library's
    // function made release builds (Swift 6.3) crash resolving the Result's metadata at run
    // time (SIGSEGV in swift_getTypeByMangledNameInContext) once InputLocation grew a field.
    standardInput: () -> Result<[UInt8], InputError> = { FileBytesReader.readStandardInput() }
  ) -> ExitCode {
    guard let first = arguments.first else {
      return usageError(.missingSubcommand, spec: nil, console: &console)
    }
    switch first {
    case "-h", "--help":
      console.write(HelpText.toolHelp(commands))
      return .success
    case "--version":
      console.line(JointCreditVersion.current)
      return .success
    case "help":
      guard arguments.count > 1 else {
        console.write(HelpText.toolHelp(commands))
        return .success
      }
      guard let spec = commands.first(where: { $0.spec.name == arguments[1] })?.spec else {
        return usageError(
          .unknownSubcommand(arguments[1], suggestion: suggestion(arguments[1])),
          spec: nil, console: &console)
      }
      console.write(HelpText.help(spec))
      return .success
    default:
      break
    }
    guard let command = commands.first(where: { $0.spec.name == first }) else {
      let error: UsageError =
        first.hasPrefix("-")
        ? .unknownOption(first, suggestion: nil)
        : .unknownSubcommand(first, suggestion: suggestion(first))
      return usageError(error, spec: nil, console: &console)
    }
    let spec = command.spec
    do {
      let parsed = try ParsedArguments(Array(arguments.dropFirst()), spec: spec)
      if parsed.flags.contains(CommandSpec.help.name) {
        console.write(HelpText.help(spec))
        return .success
      }
      return try command.run(parsed, console: &console, standardInput: standardInput)
    } catch {
      return usageError(error, spec: spec, console: &console)
    }
  }

  private static func suggestion(_ name: String) -> String? {
    commands.map { $0.spec.name }.min {
      EditDistance.between(name, $0) < EditDistance.between(name, $1)
    }
    .flatMap { EditDistance.between(name, $0) <= 3 ? $0 : nil }
  }

  private static func usageError(
    _ error: UsageError, spec: CommandSpec?, console: inout some Console
  ) -> ExitCode {
    console.writeError("Error: \(error.message)\n" + HelpText.usageHint(spec))
    return .usage
  }
}
