/// How `jointcredit` ends, following swift-argument-parser's convention.
public enum ExitCode: Int32, Sendable {
  /// Everything went as asked.
  case success = 0
  /// The input was rejected (or the statements could not be written).
  case failure = 1
  /// The command line was wrong: an unknown option, a missing value (EX_USAGE).
  case usage = 64
}
