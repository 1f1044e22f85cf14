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

  /// Prints every error and warning and a closing line; returns the exit code for rejected input.
  static func reject(_ report: InputErrors, writesFiles: Bool, to console: inout some Console)
    -> ExitCode
  {
    for error in report.errors { console.errorLine(line(error)) }
    for warning in report.warnings { console.errorLine(line(warning)) }
    let count = report.errors.count
    let tail = writesFiles ? "; nothing was written" : ""
    console.errorLine("Error: \(count) problem\(count == 1 ? "" : "s") in the input\(tail).")
    return .failure
  }

  static func warn(_ warnings: [InputWarning], to console: inout some Console) {
    for warning in warnings { console.errorLine(line(warning)) }
  }

  /// Prints how constraints met and every unit a tie decided.
  static func report(_ allocation: Allocation, to console: inout some Console) {
    for note in allocation.notes { console.errorLine("note: \(note)") }
    for tie in allocation.ties { console.errorLine("warning: tie: \(tie.summary)") }
  }
}
