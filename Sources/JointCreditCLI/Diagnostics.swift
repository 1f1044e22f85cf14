import JointCredit

/// How problems are printed: compiler style, `file:line:column: error: message`, so that editors
/// and terminals can jump to them. The prefix (`error:`, `warning:`, `note:`) is the same in every
/// language; only the message after it is in the language asked for.
enum Diagnostics {
  static func line(_ error: InputError, _ language: StatementLanguage = .en) -> String {
    let text = error.message(language) + optionHint(error.reason, language)
    return error.location.map { "\($0): error: \(text)" } ?? "error: \(text)"
  }

  static func line(_ warning: InputWarning, _ language: StatementLanguage = .en) -> String {
    let text = warning.message(language)
    return warning.location.map { "\($0): warning: \(text)" } ?? "warning: \(text)"
  }

  /// The command-line option that would fix a problem, which the library's message (naming only
  /// the purchase file's field) leaves to the tool.
  static func optionHint(_ reason: InputError.Reason, _ language: StatementLanguage) -> String {
    switch reason {
    case .missingPurchaseValue(_, let option):
      return language == .en ? " or use \(option)" : "（コマンドラインでは \(option)）"
    case .unknownLocalGovernmentCode:
      let option = "--" + AllocationJob.allowUnknownCodes.name
      return language == .en
        ? " (for a new or merged municipality, use \(option))"
        : "（新設・合併した市町村なら \(option) を指定してください）"
    default:
      return ""
    }
  }

  /// The most errors, and separately warnings, listed; the rest are counted.
  static let listLimit = 1000

  /// Prints the errors and warnings (the first ``listLimit`` of each) and a closing line; returns
  /// the exit code for rejected input.
  static func reject(
    _ report: InputErrors, writesFiles: Bool, language: StatementLanguage = .en,
    to console: inout some Console
  ) -> ExitCode {
    list(report.errors.lazy.map { line($0, language) }, noun: .error, language, to: &console)
    warn(report.warnings, language: language, to: &console)
    let count = report.errors.count
    switch language {
    case .en:
      let tail = writesFiles ? "; nothing was written" : ""
      console.errorLine("Error: \(count) problem\(count == 1 ? "" : "s") in the input\(tail).")
    case .ja:
      let tail = writesFiles ? "何も書き込んでいません。" : ""
      console.errorLine("Error: 入力に \(count) 件の問題があります。\(tail)")
    }
    return .failure
  }

  static func warn(
    _ warnings: [InputWarning], language: StatementLanguage = .en, to console: inout some Console
  ) {
    list(warnings.lazy.map { line($0, language) }, noun: .warning, language, to: &console)
  }

  /// What a list holds, for the note that counts what it leaves out.
  enum Noun {
    case error, warning, note, tie

    func text(_ count: Int, _ language: StatementLanguage) -> String {
      switch (self, language) {
      case (.error, .en): count == 1 ? "error" : "errors"
      case (.warning, .en): count == 1 ? "warning" : "warnings"
      case (.note, .en): count == 1 ? "note" : "notes"
      case (.tie, .en): count == 1 ? "tie" : "ties"
      case (.error, .ja): "エラー"
      case (.warning, .ja): "警告"
      case (.note, .ja): "注記"
      case (.tie, .ja): "同順位"
      }
    }
  }

  static func list(
    _ lines: some Collection<String>, noun: Noun, _ language: StatementLanguage = .en,
    to console: inout some Console
  ) {
    for line in lines.prefix(listLimit) { console.errorLine(line) }
    if lines.count > listLimit {
      let more = lines.count - listLimit
      let what = noun.text(more, language)
      console.errorLine(
        language == .en
          ? "note: \(more) more \(what) not listed"
          : "note: ほかに \(more) 件の\(what)は表示していません")
    }
  }

  /// The closing line when a step after reading failed: `Error: why; nothing was written.`
  static func failure(_ why: String, writesFiles: Bool, _ language: StatementLanguage) -> String {
    switch language {
    case .en: "Error: \(why)" + (writesFiles ? "; nothing was written." : ".")
    case .ja: "Error: \(why)。" + (writesFiles ? "何も書き込んでいません。" : "")
    }
  }

  /// Prints how constraints met and every unit a tie decided.
  static func report(
    _ allocation: Allocation, language: StatementLanguage = .en, to console: inout some Console
  ) {
    list(
      allocation.notes.lazy.map { "note: \($0.text(language))" }, noun: .note, language,
      to: &console)
    list(
      allocation.ties.lazy.map { "warning: tie: \($0.summary(language))" }, noun: .tie, language,
      to: &console)
  }
}
