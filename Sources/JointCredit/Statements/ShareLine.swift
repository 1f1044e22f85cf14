/// One line of a statement about shares: an event, a body, a kind, the total or the reserve.
///
/// Every statement about shares (allocation.csv, bodies.csv, offset-rates.csv, the events of a
/// body's statement) is a ``StatementTable`` of these, with the columns it shows; each column is
/// defined once, in ``field(_:numbers:)``, so a figure is written the same way everywhere and a
/// line has a cell for every column, whatever it is a line of.
public struct ShareLine: Sendable {
  /// The level, for offset-rates.csv.
  public var level: StatementLevel
  /// The key of offset-rates.csv: `131032/E01`, `131032`, `ward`, `total`.
  public var key: StatementCell
  /// The body, if the line is about one (an event's, a body's, the reserve's).
  public var bodyCode: String?
  /// The body's name.
  public var bodyName: String?
  /// The body's kind, or ``StatementCell/reserve``.
  public var bodyKind: StatementCell?
  /// The event, if the line is one.
  public var event: Event?
  /// Whether the line is a total (a body's events added up).
  public var isTotal = false
  /// The name offset-rates.csv shows: the event's, the body's, the kind's, or the total's word.
  public var name: StatementCell
  /// The number of events, for a body.
  public var events: Int?
  /// The estimate; `nil` for the reserve.
  public var emissions: Quantity?
  /// The exact share; `nil` where there is none.
  public var quota: Fraction?
  /// The allocation.
  public var allocated: Quantity
  /// The cost in yen, when priced (an unpriced cost in a priced statement is 0).
  public var cost: Int64?

  /// The offset rate, `nil` without an estimate or for a zero estimate.
  public var offsetRate: Fraction? { emissions.flatMap { OffsetRate.of(allocated, per: $0) } }
}

extension ShareLine {
  /// An event of a body.
  public init(_ share: EventAllocation, of body: BodyAllocation, language: StatementLanguage) {
    self.init(
      level: .event,
      key: .joined(body.body.code.rawValue, separator: UInt8(ascii: "/"), share.event.id.rawValue),
      bodyCode: body.body.code.rawValue, bodyName: body.body.name,
      bodyKind: .text(language.kind(body.body.kind)), event: share.event,
      name: .text(share.event.name), emissions: share.event.emissions, quota: share.quota,
      allocated: share.allocated, cost: share.cost ?? 0)
  }

  /// A body, as a line of its own (`isTotal`: as the total of its events).
  public init(_ body: BodyAllocation, language: StatementLanguage, isTotal: Bool = false) {
    self.init(
      level: .body, key: .text(body.body.code.rawValue), bodyCode: body.body.code.rawValue,
      bodyName: body.body.name, bodyKind: .text(language.kind(body.body.kind)), isTotal: isTotal,
      name: .text(body.body.name), events: body.events.count, emissions: body.emissions,
      quota: body.quota, allocated: body.allocated, cost: body.cost ?? 0)
  }

  /// The reserve: what caps left unplaced.
  public init(_ reserve: ReserveAllocation) {
    self.init(
      level: .reserve, key: .text(reserve.code.rawValue), bodyCode: reserve.code.rawValue,
      bodyName: reserve.name, bodyKind: .reserve, name: .text(reserve.name), events: 0,
      emissions: nil, quota: nil, allocated: reserve.allocated, cost: reserve.cost ?? 0)
  }

  /// A kind of body, added up.
  public init(_ kind: KindTotal, language: StatementLanguage) {
    self.init(
      level: .kind, key: .text(kind.kind.rawValue), name: .text(language.kind(kind.kind)),
      emissions: kind.emissions, allocated: kind.allocated)
  }

  /// Everything that went to events.
  public init(totalOf allocation: Allocation) {
    self.init(
      level: .total, key: .text("total"), name: .total, emissions: allocation.emissions,
      allocated: allocation.allocated)
  }

  /// The one definition of each column of a statement about shares.
  ///
  /// - Precondition: the column is one of shares (not of serials).
  public static func field(_ column: StatementColumn, numbers: StatementNumbers)
    -> StatementField<ShareLine>
  {
    switch column {
    case .level: return StatementField(column) { .level($0.level) }
    case .key: return StatementField(column) { $0.key }
    case .name: return StatementField(column) { $0.name }
    case .bodyCode: return StatementField(column) { .text($0.bodyCode ?? "") }
    case .bodyName: return StatementField(column) { .text($0.bodyName ?? "") }
    case .bodyKind: return StatementField(column) { $0.bodyKind ?? .text("") }
    case .eventID:
      return StatementField(column) { line in
        line.isTotal ? .total : .text(line.event?.id.rawValue ?? "")
      }
    case .eventName: return StatementField(column) { .text($0.event?.name ?? "") }
    case .eventDate: return StatementField(column) { .date($0.event?.date) }
    case .events: return StatementField(column) { .integer($0.events.map(Int64.init)) }
    case .emissions: return StatementField(column) { .decimal($0.emissions.map(numbers.emissions)) }
    case .quota:
      return StatementField(column, isShownOnPages: false) {
        .decimal($0.quota.map(numbers.quota))
      }
    case .allocated: return StatementField(column) { .decimal(numbers.allocated($0.allocated)) }
    case .offsetRate: return StatementField(column) { .decimal(numbers.rate($0.offsetRate)) }
    case .cost: return StatementField(column) { .integer($0.cost) }
    case .basis, .scheme, .project, .vintage, .serialFrom, .serialTo, .quantity:
      preconditionFailure("\(column) is a column of serials, not of shares")
    }
  }

  /// A table of these columns, with `cost_jpy` last when the purchase is priced.
  public static func table(
    _ columns: [StatementColumn], priced: Bool = false, numbers: StatementNumbers
  ) -> StatementTable<ShareLine> {
    StatementTable((columns + (priced ? [.cost] : [])).map { field($0, numbers: numbers) })
  }

  /// Who a line is about: the first columns of allocation.csv and bodies.csv.
  public static let bodyColumns: [StatementColumn] = [.bodyCode, .bodyName, .bodyKind]
  /// The figures of a line, in the order every statement shows them.
  public static let figureColumns: [StatementColumn] = [
    .emissions, .quota, .allocated, .offsetRate,
  ]
  /// An event and its figures: a body statement's events, and allocation.csv after the body.
  public static let eventColumns: [StatementColumn] =
    [.eventID, .eventName, .eventDate] + figureColumns
}

extension RetirementRange {
  /// The one definition of each column about retired serials.
  ///
  /// - Precondition: the column is one of serials or of the body retiring them.
  public static func field(_ column: StatementColumn) -> StatementField<RetirementRange> {
    switch column {
    case .bodyCode: StatementField(column) { .text($0.body.rawValue) }
    case .bodyName: StatementField(column) { .text($0.name) }
    case .basis: StatementField(column) { .basis($0.basis) }
    case .scheme: StatementField(column) { .text($0.block.scheme) }
    case .project: StatementField(column) { .text($0.block.project) }
    case .vintage: StatementField(column) { .text($0.block.vintage) }
    case .serialFrom: StatementField(column) { .text($0.block.serial($0.first)) }
    case .serialTo: StatementField(column) { .text($0.block.serial($0.last)) }
    case .quantity: StatementField(column) { .integer($0.last - $0.first + 1) }
    default: preconditionFailure("\(column) is not a column of serials")
    }
  }

  /// A table of these columns.
  public static func table(_ columns: [StatementColumn]) -> StatementTable<RetirementRange> {
    StatementTable(columns.map(field))
  }
}
