/// The columns of a submission, with their English and Japanese names.
///
/// A header may name them in any order, in English or Japanese, in any case, with full-width
/// characters; ``init(header:)`` recognises all of these.
public enum SubmissionColumn: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// `body_code` (団体コード): a local government code such as `131032`, or another code.
  case bodyCode
  /// `body_name` (団体名).
  case bodyName
  /// `body_kind` (区分): ward/city/town/village/other or 区/市/町/村/その他.
  case bodyKind
  /// `event_id` (イベントID), unique within the body.
  case eventID
  /// `event_name` (イベント名).
  case eventName
  /// `event_date` (開催日), optional, `YYYY-MM-DD`.
  case eventDate
  /// `emissions_t` (排出量(t-CO2)): the emission estimate in tonnes, up to six decimals.
  case emissions
  /// `calculation` (算定方法), optional: how the estimate was made, such as the activity data
  /// and the emission factor with its source; shown on the event's certificate.
  case calculation

  /// The English name, as used in statements.
  public var name: String {
    switch self {
    case .bodyCode: "body_code"
    case .bodyName: "body_name"
    case .bodyKind: "body_kind"
    case .eventID: "event_id"
    case .eventName: "event_name"
    case .eventDate: "event_date"
    case .emissions: "emissions_t"
    case .calculation: "calculation"
    }
  }

  /// The Japanese name.
  public var japaneseName: String {
    switch self {
    case .bodyCode: "団体コード"
    case .bodyName: "団体名"
    case .bodyKind: "区分"
    case .eventID: "イベントID"
    case .eventName: "イベント名"
    case .eventDate: "開催日"
    case .emissions: "排出量(t-CO2)"
    case .calculation: "算定方法"
    }
  }

  /// Further spellings seen in real spreadsheets, normalised (lower case, half-width).
  private var aliases: [String] {
    switch self {
    case .bodyCode: ["団体コード", "自治体コード", "地方公共団体コード"]
    case .bodyName: ["団体名", "自治体名"]
    case .bodyKind: ["区分", "種別"]
    case .eventID: ["イベントid", "イベントコード"]
    case .eventName: ["イベント名", "会議・イベント名"]
    case .eventDate: ["開催日", "開催日付"]
    case .emissions: ["排出量(t-co2)", "排出量(tco2)", "排出量(t)", "排出量", "emissions"]
    case .calculation: ["算定方法", "算定根拠", "計算方法", "算定式", "calculation_method"]
    }
  }

  /// The columns of an event: a row with none of them filled is not one (a form's pre-filled
  /// row that was not used), and is skipped.
  public static let eventColumns: [SubmissionColumn] = [
    .eventID, .eventName, .eventDate, .emissions, .calculation,
  ]

  /// Whether a submission must have this column. Only the date and the calculation may be left
  /// out.
  public var isRequired: Bool { self != .eventDate && self != .calculation }

  /// The English names of the required columns.
  public static let requiredNames = allCases.filter(\.isRequired).map(\.name)

  /// Recognises a header cell, or `nil` when it names no known column.
  public init?(header: String) {
    let key = TextNormalization.normalized(header).lowercased()
    guard let column = Self.allCases.first(where: { $0.name == key || $0.aliases.contains(key) })
    else { return nil }
    self = column
  }

  /// `emissions_t (排出量(t-CO2))`: both names, for messages.
  public var description: String { "\(name) (\(japaneseName))" }
}
