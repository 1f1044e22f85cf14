import ApportionmentModule

/// One line of a statement about shares: an event, a body, a body's total, a kind, the total or
/// the reserve.
///
/// Every statement about shares (allocation.csv, bodies.csv, offset-rates.csv, the events of a
/// body's statement, allocation.json) is a ``StatementTable`` of these, with the columns it shows;
/// each column is defined once, in ``write(_:numbers:to:)``, so a figure is written the same way
/// everywhere and a line has a cell for every column, whatever it is a line of.
///
/// A line is small: it refers to its body's allocation, shared by all the body's lines, rather
/// than copying its figures, so a million lines cost a million small values, not a million copies.
public struct ShareLine: Sendable {
  /// A body's allocation, held once for all its lines.
  public final class BodyReference: Sendable {
    /// The allocation.
    public let body: BodyAllocation

    /// The body's events where ``body`` stores them, for its lines to read in place: reading
    /// them through ``body`` counts a reference to the array for every cell, and two cores
    /// writing two statements of the same lines at once then contend for that count. The
    /// array is never changed (``body`` is a constant of this object), so its storage stays
    /// where it is for as long as the object lives.
    nonisolated(unsafe) let events: UnsafeBufferPointer<EventAllocation>

    /// Holds a body's allocation for its lines.
    public init(_ body: BodyAllocation) {
      self.body = body
      events = self.body.events.withUnsafeBufferPointer { $0 }
    }

    /// The lines of the body's events, in order.
    public var eventLines: some RandomAccessCollection<ShareLine> {
      body.events.indices.lazy.map { ShareLine.event($0, of: self) }
    }
  }

  /// A body's reference that is not counted: the line's `owner` holds the body, so that
  /// reading a cell (millions of times in a national statement, on two threads) touches no
  /// reference count.
  struct HeldBody: @unchecked Sendable {
    unowned(unsafe) let reference: BodyReference

    /// One of the body's events where it is stored, to read its fields in place: reading a
    /// field through the pointer copies that field only (an array's subscript, or even a
    /// closure given the element borrowed, may copy the whole element, counting a reference to
    /// each of its texts).
    func event(_ index: Int) -> UnsafePointer<EventAllocation> {
      reference.events.baseAddress! + index
    }
  }

  enum Subject: Sendable {
    case event(HeldBody, Int)
    case body(HeldBody)
    case bodyTotal(HeldBody)
    case kind(KindTotal)
    case total(emissions: Quantity, allocated: Quantity, shortfall: Quantity)
    case reserve(ReserveAllocation)
    /// The reserve on its body's own statement, below the body's events.
    case bodyReserve(ReserveAllocation)
  }

  let subject: Subject
  /// The body whose allocation the subject refers to, held for as long as the line is: every
  /// line of a body is made with it (the initialisers are private), so the subject's uncounted
  /// reference is always to a live body.
  private let owner: BodyReference?

  private init(subject: Subject) {
    self.subject = subject
    self.owner = nil
  }

  private init(subject: Subject, owner: BodyReference) {
    self.subject = subject
    self.owner = owner
  }

  /// An event of a body.
  ///
  /// - Precondition: `index` is one of the body's events' (lines read the event in place).
  public static func event(_ index: Int, of body: BodyReference) -> ShareLine {
    precondition(body.events.indices.contains(index), "no event \(index) in the body")
    return ShareLine(subject: .event(HeldBody(reference: body), index), owner: body)
  }

  /// A body, as a line of its own.
  public static func body(_ body: BodyReference) -> ShareLine {
    ShareLine(subject: .body(HeldBody(reference: body)), owner: body)
  }

  /// A body's events added up: the total line of its statement.
  public static func total(of body: BodyReference) -> ShareLine {
    ShareLine(subject: .bodyTotal(HeldBody(reference: body)), owner: body)
  }

  /// A kind of body, added up.
  public static func kind(_ kind: KindTotal) -> ShareLine { ShareLine(subject: .kind(kind)) }

  /// Everything that went to events.
  public static func total(of allocation: Allocation) -> ShareLine {
    ShareLine(
      subject: .total(
        emissions: allocation.emissions, allocated: allocation.allocated,
        shortfall: allocation.shortfall))
  }

  /// The reserve: what caps left unplaced.
  public static func reserve(_ reserve: ReserveAllocation) -> ShareLine {
    ShareLine(subject: .reserve(reserve))
  }

  /// The reserve as a line of its body's statement: `reserve` in the `event_id` column.
  public static func reserveOfBody(_ reserve: ReserveAllocation) -> ShareLine {
    ShareLine(subject: .bodyReserve(reserve))
  }

  /// The body lines of an allocation, each with its reference for its events' lines.
  public static func bodies(of allocation: Allocation) -> [BodyReference] {
    allocation.bodies.map(BodyReference.init)
  }

  /// Every event line of an allocation, body by body.
  public static func events(of bodies: [BodyReference]) -> some Sequence<ShareLine> {
    bodies.lazy.flatMap(\.eventLines)
  }
}

extension ShareLine {
  /// The level, for offset-rates.csv.
  var level: StatementLevel {
    switch subject {
    case .event: .event
    case .body, .bodyTotal: .body
    case .kind: .kind
    case .total: .total
    case .reserve, .bodyReserve: .reserve
    }
  }

  /// The line's event where it is stored; `nil` for other lines.
  private var event: UnsafePointer<EventAllocation>? {
    guard case .event(let body, let index) = subject else { return nil }
    return body.event(index)
  }

  /// The line's body, or `nil` for a kind, the total and the reserve.
  private var body: HeldBody? {
    switch subject {
    case .event(let body, _), .body(let body), .bodyTotal(let body): body
    default: nil
    }
  }

  var emissions: Quantity? {
    switch subject {
    case .event(let body, let index): body.event(index).pointee.event.emissions
    case .body(let body), .bodyTotal(let body): body.reference.body.emissions
    case .kind(let kind): kind.emissions
    case .total(let emissions, _, _): emissions
    case .reserve, .bodyReserve: nil
    }
  }

  /// What the events fall short of their estimates, summed; `nil` for the reserve.
  var shortfall: Quantity? {
    switch subject {
    case .event(let body, let index): body.event(index).pointee.shortfall
    case .body(let body), .bodyTotal(let body): body.reference.body.shortfall
    case .kind(let kind): kind.shortfall
    case .total(_, _, let shortfall): shortfall
    case .reserve, .bodyReserve: nil
    }
  }

  var quota: Fraction? {
    switch subject {
    case .event(let body, let index): body.event(index).pointee.quota
    case .body(let body), .bodyTotal(let body): body.reference.body.quota
    default: nil
    }
  }

  var allocated: Quantity {
    switch subject {
    case .event(let body, let index): body.event(index).pointee.allocated
    case .body(let body), .bodyTotal(let body): body.reference.body.allocated
    case .kind(let kind): kind.allocated
    case .total(_, let allocated, _): allocated
    case .reserve(let reserve), .bodyReserve(let reserve): reserve.allocated
    }
  }

  /// The cost in yen; an unpriced share in a priced statement costs 0.
  var cost: Int64? {
    switch subject {
    case .event(let body, let index): body.event(index).pointee.cost ?? 0
    case .body(let body), .bodyTotal(let body): body.reference.body.cost ?? 0
    case .reserve(let reserve): reserve.cost ?? 0
    default: nil
    }
  }

  /// The offset rate, `nil` without an estimate or for a zero estimate.
  var offsetRate: Fraction? { emissions.flatMap { OffsetRate.of(allocated, per: $0) } }

}

extension ShareLine: StatementRow {
  /// The line's cell in a column, as ``write(_:numbers:to:)`` writes it.
  ///
  /// - Precondition: the column is one of shares (not of serials).
  public func cell(_ column: StatementColumn, numbers: StatementNumbers) -> StatementCell {
    var capture = StatementCellCapture()
    write(column, numbers: numbers, to: &capture)
    return capture.cell
  }

  /// The one definition of each column of a statement about shares. An event's text is written
  /// where the event holds it, not copied.
  ///
  /// - Precondition: the column is one of shares (not of serials).
  public func write(
    _ column: StatementColumn, numbers: StatementNumbers, to sink: inout some StatementCellSink
  ) {
    // The tag is tested first, without binding the payload: binding copies the subject (and
    // retains a reserve's strings), which every cell of every line paid for.
    if case .bodyReserve = subject, case .bodyReserve(let reserve) = subject {
      if column == .eventID {
        sink.write(.reserve)
      } else {
        ShareLine(subject: .reserve(reserve)).write(column, numbers: numbers, to: &sink)
      }
      return
    }
    switch column {
    case .level: sink.write(.level(level))
    case .key:
      switch subject {
      case .event(let body, let index):
        sink.writeJoined(
          body.reference.body.body.code.rawValue, separator: UInt8(ascii: "/"),
          body.event(index).pointee.event.id.rawValue)
      case .body(let body), .bodyTotal(let body):
        sink.writeText(body.reference.body.body.code.rawValue)
      case .kind(let kind): sink.writeText(kind.kind.rawValue)
      case .total: sink.writeText("total")
      case .reserve(let reserve), .bodyReserve(let reserve): sink.writeText(reserve.code.rawValue)
      }
    case .name:
      switch subject {
      case .event(let body, let index): sink.writeText(body.event(index).pointee.event.name)
      case .body(let body), .bodyTotal(let body): sink.writeText(body.reference.body.body.name)
      case .kind(let kind): sink.write(.kind(kind.kind))
      case .total: sink.write(.total)
      case .reserve(let reserve), .bodyReserve(let reserve): sink.writeText(reserve.name)
      }
    case .bodyCode:
      if case .reserve(let reserve) = subject { return sink.writeText(reserve.code.rawValue) }
      guard let body else { return sink.writeText("") }
      sink.writeText(body.reference.body.body.code.rawValue)
    case .bodyName:
      if case .reserve(let reserve) = subject { return sink.writeText(reserve.name) }
      guard let body else { return sink.writeText("") }
      sink.writeText(body.reference.body.body.name)
    case .bodyKind:
      if case .reserve = subject { return sink.write(.reserve) }
      sink.write(body.map { .kind($0.reference.body.body.kind) } ?? .text(""))
    case .eventID:
      if case .bodyTotal = subject { return sink.write(.total) }
      guard case .event(let body, let index) = subject else { return sink.writeText("") }
      sink.writeText(body.event(index).pointee.event.id.rawValue)
    case .eventName:
      guard case .event(let body, let index) = subject else { return sink.writeText("") }
      sink.writeText(body.event(index).pointee.event.name)
    case .eventDate: sink.write(.date(event?.pointee.event.date ?? nil))
    case .events:
      switch subject {
      case .body(let body), .bodyTotal(let body):
        sink.write(.integer(Int64(body.reference.body.events.count)))
      case .reserve: sink.write(.integer(0))
      default: sink.write(.integer(nil))
      }
    case .emissions: sink.write(.decimal(emissions.map(numbers.emissions)))
    case .quota: sink.write(.decimal(quota.map(numbers.quota)))
    case .allocated: sink.write(.decimal(numbers.allocated(allocated)))
    case .offsetRate: sink.write(.decimal(numbers.rate(offsetRate)))
    case .shortfall: sink.write(.decimal(shortfall.map(numbers.shortfall)))
    case .cost: sink.write(.integer(cost))
    case .calculation:
      guard case .event(let body, let index) = subject else { return sink.writeText("") }
      sink.writeText(body.event(index).pointee.event.calculation)
    case .basis, .scheme, .project, .vintage, .serialFrom, .serialTo, .quantity, .application,
      .creditUser, .purpose, .purposeDetail, .retirementDate, .serials:
      preconditionFailure("\(column) is a column of serials, not of shares")
    }
  }

  /// A table of these columns, with `cost_jpy` last when the purchase is priced.
  public static func table(
    _ columns: [StatementColumn], priced: Bool = false, numbers: StatementNumbers
  ) -> StatementTable<ShareLine> {
    StatementTable(columns + (priced ? [.cost] : []), numbers: numbers)
  }

  /// Who a line is about: the first columns of allocation.csv and bodies.csv.
  public static let bodyColumns: [StatementColumn] = [.bodyCode, .bodyName, .bodyKind]
  /// The figures of a line, in the order every statement shows them.
  public static let figureColumns: [StatementColumn] = [
    .emissions, .quota, .allocated, .offsetRate, .shortfall,
  ]
  /// An event and its figures: a body statement's events, and allocation.csv after the body.
  public static let eventColumns: [StatementColumn] =
    [.eventID, .eventName, .eventDate] + figureColumns
}

extension RetirementRange: StatementRow {
  /// The one definition of each column about retired serials.
  ///
  /// - Precondition: the column is one of serials or of the body retiring them.
  public func cell(_ column: StatementColumn, numbers: StatementNumbers) -> StatementCell {
    switch column {
    case .bodyCode: .text(body.rawValue)
    case .bodyName: .text(name)
    case .eventID: .text(event?.id.rawValue ?? "")
    case .basis: .basis(basis)
    case .scheme: .text(block.scheme)
    case .project: .text(block.project)
    case .vintage: .text(block.vintage)
    case .serialFrom: .text(block.serial(first))
    case .serialTo: .text(block.serial(last))
    case .quantity: .integer(last - first + 1)
    case .application: .integer(Int64(application))
    case .creditUser: .text(creditUser)
    case .purpose: .text(purpose)
    case .purposeDetail: .purposeDetail(purposeDetail)
    case .retirementDate:
      retirementDate == nil && basis != .reserve ? .pendingDate : .date(retirementDate)
    default: preconditionFailure("\(column) is not a column of serials")
    }
  }

  /// A table of these columns.
  public static func table(_ columns: [StatementColumn]) -> StatementTable<RetirementRange> {
    StatementTable(columns, numbers: StatementNumbers(emissionDecimals: 0, allocationDecimals: 0))
  }
}
