import JointCredit

/// A subcommand of `jointcredit`: what it accepts (its ``spec``, from which both parsing and
/// help come) and what it does. ``Tool/commands`` lists them all, once.
protocol Subcommand {
  /// The name, arguments and options.
  static var spec: CommandSpec { get }

  /// Runs the subcommand on arguments parsed by its spec.
  ///
  /// - Returns: the exit code.
  /// - Throws: ``UsageError`` for a value that cannot be used; the tool prints it with usage.
  static func run(
    _ parsed: ParsedArguments, console: inout some Console,
    standardInput: () -> Result<[UInt8], InputError>
  ) throws(UsageError) -> ExitCode
}

/// Subcommands that do not read standard input.
protocol FileSubcommand: Subcommand {
  static func run(_ parsed: ParsedArguments, console: inout some Console) throws(UsageError)
    -> ExitCode
}

extension FileSubcommand {
  static func run(
    _ parsed: ParsedArguments, console: inout some Console,
    standardInput: () -> Result<[UInt8], InputError>
  ) throws(UsageError) -> ExitCode {
    try run(parsed, console: &console)
  }
}
