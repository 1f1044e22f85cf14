import JointCredit

/// How problems are printed: compiler style, `file:line:column: error: message`, so that editors
/// and terminals can jump to them.
enum Diagnostics {
  static func line(_ error: InputError) -> String {
    error.location.map { "\($0): error: \(error.reason.message)" }
      ?? "error: \(error.reason.message)"
  }

  static func line(_ warning: InputWarning) -> String {
    warning.location.map { "\($0): warning: \(warning.reason.message)" }
      ?? "warning: \(warning.reason.message)"
  }

  /// The most errors, and separately warnings, listed; the rest are counted.
  static let listLimit = 1000

  /// Prints the errors and warnings (the first ``listLimit`` of each) and a closing line; returns
  /// the exit code for rejected input.
  static func reject(_ report: InputErrors, writesFiles: Bool, to console: inout some Console)
    -> ExitCode
  {
    list(report.errors.lazy.map(line), noun: "error", to: &console)
    warn(report.warnings, to: &console)
    let count = report.errors.count
    let tail = writesFiles ? "; nothing was written" : ""
    console.errorLine("Error: \(count) problem\(count == 1 ? "" : "s") in the input\(tail).")
    return .failure
  }

  static func warn(_ warnings: [InputWarning], to console: inout some Console) {
    list(warnings.lazy.map(line), noun: "warning", to: &console)
  }

  static func list(
    _ lines: some Collection<String>, noun: String, to console: inout some Console
  ) {
    for line in lines.prefix(listLimit) { console.errorLine(line) }
    if lines.count > listLimit {
      let more = lines.count - listLimit
      console.errorLine("note: \(more) more \(noun)\(more == 1 ? "" : "s") not listed")
    }
  }

  /// Prints how constraints met and every unit a tie decided.
  static func report(
    _ allocation: Allocation, language: StatementLanguage = .en, to console: inout some Console
  ) {
    list(allocation.notes.lazy.map { "note: \($0.text(language))" }, noun: "note", to: &console)
    list(
      allocation.ties.lazy.map { "warning: tie: \($0.summary(language))" }, noun: "tie",
      to: &console)
  }
}
