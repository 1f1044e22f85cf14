/// Shares a purchase among the bodies and events of some estimates.
///
/// ```swift
/// let files = [SubmissionFile(path: "a.csv", text: """
///   body_code,body_name,body_kind,event_id,event_name,emissions_t
///   131032,港区,ward,E01,環境フェア,2.5
///   132012,八王子市,city,E01,エコフェスタ,3.1
///   """)]
/// let estimates = try SubmissionReader().read(files).value
/// let purchase = try Purchase(lot: Quantity(tonnes: 100), unit: try Quantity(parsing: "0.1"),
///                         mode: .bodyThenEvent, method: .sainteLague)
/// let allocation = try Allocator().allocate(purchase, among: estimates)
/// allocation.total == purchase.lot   // always
/// ```
public struct Allocator: Sendable {
  /// Which shares carry the steps that produced their figure.
  public enum Explanations: Hashable, Sendable {
    /// None.
    case none
    /// Every event's and body's.
    case all
    /// One event's (with its body's steps), or one body's: what `jointcredit explain` asks
    /// for, without building the prose of every other share.
    case only(AllocationKey)

    /// Whether the share of a key is explained.
    func includes(_ key: AllocationKey) -> Bool {
      switch self {
      case .none: false
      case .all: true
      case .only(let wanted): wanted == key
      }
    }

    /// Whether anything of a body (its own share or one of its events') is explained.
    func touches(_ body: Body.Code) -> Bool {
      switch self {
      case .none: false
      case .all: true
      case .only(let wanted): wanted.body == body
      }
    }
  }

  /// Which shares get an explanation of their figure.
  public var explanations: Explanations

  /// Creates an allocator; with `explains`, each share carries the steps that produced it.
  public init(explains: Bool = false) {
    self.explanations = explains ? .all : .none
  }

  /// The language the explanations are written in: English (what allocation.json records) by
  /// default.
  public var explanationLanguage: StatementLanguage = .en

  /// Creates an allocator that explains the shares it is asked to, in a language.
  ///
  /// - Parameters:
  ///   - explanations: which shares carry the steps that produced them.
  ///   - language: the language of those steps (`jointcredit explain --lang ja`).
  public init(explaining explanations: Explanations, in language: StatementLanguage = .en) {
    self.explanations = explanations
    self.explanationLanguage = language
  }

  /// Allocates the lot.
  ///
  /// Every level uses the same `Apportioner`; items are passed in identifier order, so the tie
  /// rule is "larger estimate, then smaller body code, then smaller event id". Minimums and caps
  /// become bounds: an event's own in event mode; in body-then-event mode a body's bounds are the
  /// sums of its events', in body units. What caps leave unplaced goes to the reserve body.
  ///
  /// - Returns: the allocation, which adds up to the lot at every level.
  /// - Throws: ``AllocationError`` when no allocation fits the rules and constraints.
  /// - Complexity: O(*n* log *n*) for *n* events, whatever the lot.
  public func allocate(_ purchase: Purchase, among estimates: Estimates)
    throws(AllocationError) -> Allocation
  {
    var allocation = try share(purchase, among: estimates, keeping: [:])
    let plan = RetirementPlan.ranges(for: allocation)
    allocation.retirement = plan.ranges
    if let note = plan.note { allocation.notes.append(note) }
    return allocation
  }

  /// Allocates a revision: every event keeps at least what the retired allocation gave it, new
  /// credit goes by the rule on the revised estimates, and every retired range stays with its
  /// holder; new serials (top-up blocks, the unretired reserve) go to what holders gained.
  ///
  /// - Throws: ``AllocationError`` when no allocation fits the rules with those lower bounds.
  public func allocate(_ revision: Revision) throws(AllocationError) -> Allocation {
    var allocation = try share(
      revision.purchase, among: revision.estimates, keeping: revision.retired.allocations)
    allocation.revises = RevisedRecord(
      path: revision.retired.source, retired: revision.retired.date)
    allocation.retirement = RetirementPlan.revised(allocation, keeping: revision)
    return allocation
  }

  private func share(
    _ purchase: Purchase, among estimates: Estimates, keeping kept: [AllocationKey: Quantity]
  ) throws(AllocationError) -> Allocation {
    var run = AllocationRun(
      purchase: purchase, estimates: estimates, explanations: explanations,
      explanationLanguage: explanationLanguage, kept: kept)
    switch purchase.mode {
    case .event: try run.allocateEvents()
    case .bodyThenEvent: try run.allocateBodiesThenEvents()
    }
    var allocation = Allocation(
      purchase: purchase, bodies: run.bodies, ties: run.ties, reserve: run.reserve,
      emissionDecimals: estimates.decimals, notes: run.notes)
    try CostApportionment.apply(to: &allocation)
    return allocation
  }
}
