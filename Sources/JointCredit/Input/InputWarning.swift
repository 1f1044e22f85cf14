/// Something in the input that JointCredit accepts but the submitter should know about.
public struct InputWarning: Hashable, Sendable, LocatedMessage {
  /// What was noticed.
  public var reason: Reason
  /// Where it was noticed.
  public var location: InputLocation?

  /// Creates a warning.
  public init(_ reason: Reason, at location: InputLocation? = nil) {
    self.reason = reason
    self.location = location
  }

  /// What was noticed, in one sentence (English).
  public var message: String { reason.message }

  /// What was noticed, in one sentence, in a language.
  public func message(_ language: StatementLanguage) -> String { reason.message(language) }
}

extension InputWarning {
  /// The kinds of warning.
  public enum Reason: Hashable, Sendable {
    /// A header cell names no known column; its values are ignored.
    case unknownColumn(String)
    /// A JSON field that JointCredit does not read.
    case unknownField(String)
    /// A listed local government submitted under its name spelt with ケ for ヶ or the other way
    /// round (龍ヶ崎市 for 龍ケ崎市): the name is kept as given.
    case nameDiffersFromReference(code: Body.Code, given: String, reference: String)
    /// A body unit was given, but event mode allocates events directly.
    case bodyUnitUnused
    /// A body method was given, but event mode has no body level.
    case bodyMethodUnused
    /// A reserve body was named, but without a cap nothing can be left unplaced.
    case reserveUnused
    /// Whether tax is included was stated, but no price or invoice was given.
    case taxUnused
    /// A secretariat was named, but no credit blocks were listed.
    case secretariatUnused
    /// A six-digit code with a valid check digit that the list of local governments lacks,
    /// accepted because unknown codes are allowed.
    case unknownLocalGovernmentCode(Body.Code)
    /// An event id that reads as a number in scientific notation, such as `1.2E+03`.
    case idInScientificNotation(String)
    /// A warning read back from an `allocation.json`, which records warnings as English
    /// sentences: the sentence as recorded.
    case recorded(String)

    /// One sentence saying what was noticed and what JointCredit does about it (English).
    public var message: String { message(.en) }

    /// One sentence in a language saying what was noticed and what JointCredit does about it.
    public func message(_ language: StatementLanguage) -> String {
      switch language {
      case .en: englishMessage
      case .ja: japaneseMessage
      }
    }

    /// The English sentence.
    private var englishMessage: String {
      switch self {
      case .unknownColumn(let name):
        "unknown column '\(q(name))' is ignored; known columns are "
          + SubmissionColumn.allCases.map(\.name).joined(separator: ", ")
      case .unknownField(let name):
        "unknown field '\(q(name))' is ignored"
      case .nameDiffersFromReference(let code, let given, let reference):
        "body \(code) is named '\(q(given))' here; the local government code list says '\(q(reference))'"
      case .bodyUnitUnused:
        "body unit is ignored in event mode, where events are apportioned directly"
      case .bodyMethodUnused:
        "body method is ignored in event mode, where events are apportioned directly"
      case .reserveUnused:
        "the reserve body receives nothing without a cap; it is listed with 0 t"
      case .taxUnused:
        "tax_included is ignored: no price_jpy_per_t or invoice_total_jpy was given"
      case .secretariatUnused:
        "the secretariat is ignored: it retires pooled fractions only when credit_blocks are listed"
      case .unknownLocalGovernmentCode(let code):
        "local government code \(code) is not in the list of Japan's local governments "
          + "(\(MunicipalityDirectory.japanListDate)); it is accepted as a new or merged "
          + "municipality's"
      case .idInScientificNotation(let id):
        "event id '\(q(id))' reads as a number in scientific notation, as a spreadsheet writes "
          + "long numbers (losing digits); if it was another id, write that id instead"
      case .recorded(let message): message
      }
    }
  }
}

/// Input was rejected: every problem found, and the warnings noticed on the way.
public struct InputErrors: Error, Hashable, Sendable, CustomStringConvertible {
  /// The problems, in file, line and column order.
  public var errors: [InputError]
  /// The warnings, in the same order.
  public var warnings: [InputWarning]

  /// Creates the report; sorts both lists.
  public init(_ errors: [InputError], warnings: [InputWarning] = []) {
    self.errors = errors.sorted()
    self.warnings = warnings.sorted()
  }

  /// One problem per line.
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
