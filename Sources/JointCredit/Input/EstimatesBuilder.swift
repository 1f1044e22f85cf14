/// Checks submission rows one at a time and assembles them into ``Estimates``.
///
/// Every check runs on every row, so one pass finds every problem. Problems are collected, never
/// thrown, until ``finish(files:)``.
struct EstimatesBuilder {
  private struct BodyEntry {
    var body: Body
    var nameLocation: InputLocation
    var kindLocation: InputLocation
  }

  private struct PendingEvent {
    var body: Int
    var event: Event
    var location: InputLocation
  }

  private let directory: MunicipalityDirectory
  private var bodies: [BodyEntry] = []
  private var bodyIndex: [String: Int] = [:]
  private var events: [PendingEvent] = []
  /// Ids of rows rejected for another reason, so that a duplicate id is still reported at once.
  private var rejectedIDs: [String: [(id: Event.ID, location: InputLocation)]] = [:]
  private var reportedConflicts: Set<[String]> = []
  private var decimals = 0
  private(set) var errors: [InputError] = []
  private(set) var warnings: [InputWarning] = []

  init(directory: MunicipalityDirectory) {
    self.directory = directory
  }

  mutating func report(_ error: InputError) { errors.append(error) }
  mutating func warn(_ warning: InputWarning) { warnings.append(warning) }

  /// Checks a row and keeps its event when it is valid.
  ///
  /// - Parameters:
  ///   - row: the texts of the row.
  ///   - locate: where a column's value is; only called for problems and kept locations.
  /// - Returns: whether the row was accepted.
  @discardableResult
  mutating func add(_ row: SubmissionRow, locate: (SubmissionColumn) -> InputLocation) -> Bool {
    let errorCount = errors.count
    func fail(_ reason: InputError.Reason, _ column: SubmissionColumn) {
      errors.append(InputError(reason, at: locate(column)))
    }
    func required(_ column: SubmissionColumn, normalize: Bool = true) -> String? {
      let raw = row[column] ?? ""
      let text = normalize ? TextNormalization.normalized(raw) : TextNormalization.trimmed(raw)
      if text.isEmpty {
        fail(.missingValue(column.description), column)
        return nil
      }
      return text
    }

    let kind: Body.Kind? = required(.bodyKind).flatMap { text in
      guard let kind = Body.Kind(text: text) else {
        fail(.unknownKind(text), .bodyKind)
        return nil
      }
      return kind
    }
    let code: Body.Code? = required(.bodyCode).flatMap { text in
      switch BodyCodeRule.check(text, kind: kind) {
      case .success(let code): return code
      case .failure(let error):
        fail(error.reason, .bodyCode)
        return nil
      }
    }
    let name = required(.bodyName, normalize: false)
    let id: Event.ID? = required(.eventID).flatMap { text in
      guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
      else {
        fail(.invalidEventID(text), .eventID)
        return nil
      }
      return Event.ID(text)
    }
    let eventName = TextNormalization.trimmed(row[.eventName] ?? "")
    var date: EventDate?
    let dateText = TextNormalization.normalized(row[.eventDate] ?? "")
    if !dateText.isEmpty {
      date = EventDate(iso: dateText)
      if date == nil { fail(.invalidDate(dateText), .eventDate) }
    }
    var emissions: Quantity?
    if let text = required(.emissions) {
      do {
        let parsed = try Quantity.parse(text)
        if parsed.quantity < .zero {
          fail(.negativeEstimate(text), .emissions)
        } else {
          emissions = parsed.quantity
          decimals = max(decimals, parsed.writtenDecimals)
        }
      } catch {
        fail(.invalidEstimate(text, error), .emissions)
      }
    }

    guard let code, let kind, let name, let id, let emissions, errors.count == errorCount else {
      if let code, let id { rejectedIDs[code.rawValue, default: []].append((id, locate(.eventID))) }
      return false
    }
    guard let body = register(Body(code: code, name: name, kind: kind), locate: locate) else {
      return false
    }
    let event = Event(id: id, name: eventName, date: date, emissions: emissions)
    events.append(PendingEvent(body: body, event: event, location: locate(.eventID)))
    return true
  }

  /// Finds or adds a body; reports a name or kind that differs from an earlier row.
  private mutating func register(_ body: Body, locate: (SubmissionColumn) -> InputLocation)
    -> Int?
  {
    if let index = bodyIndex[body.code.rawValue] {
      let known = bodies[index]
      var consistent = true
      if known.body.name != body.name {
        conflict(body.code, .bodyName, body.name, known.body.name, locate(.bodyName),
                 known.nameLocation)
        consistent = false
      }
      if known.body.kind != body.kind {
        conflict(body.code, .bodyKind, body.kind.rawValue, known.body.kind.rawValue,
                 locate(.bodyKind), known.kindLocation)
        consistent = false
      }
      return consistent ? index : nil
    }
    if let reference = directory[body.code.rawValue] {
      if reference.kind != body.kind {
        errors.append(InputError(
          .kindDiffersFromReference(code: body.code, name: reference.name, kind: reference.kind,
                                    given: body.kind),
          at: locate(.bodyKind)))
        return nil
      }
      if reference.name != body.name {
        warnings.append(InputWarning(
          .nameDiffersFromReference(code: body.code, given: body.name, reference: reference.name),
          at: locate(.bodyName)))
      }
    }
    bodyIndex[body.code.rawValue] = bodies.count
    bodies.append(BodyEntry(body: body, nameLocation: locate(.bodyName),
                            kindLocation: locate(.bodyKind)))
    return bodies.count - 1
  }

  private mutating func conflict(
    _ code: Body.Code, _ column: SubmissionColumn, _ value: String, _ other: String,
    _ location: InputLocation, _ first: InputLocation
  ) {
    // One report per differing value and file is enough to find and fix it.
    guard reportedConflicts.insert([code.rawValue, column.name, value, location.source]).inserted
    else { return }
    errors.append(InputError(
      .conflictingBody(body: code, column: column, value: value, other: other, first: first),
      at: location))
  }

  /// Checks what can only be checked across all rows, then returns the estimates.
  ///
  /// - Throws: ``InputErrors`` with every problem found, here and in ``add(_:locate:)``.
  mutating func finish(files: [InputFile]) throws(InputErrors) -> WithWarnings<Estimates> {
    var grouped = [[PendingEvent]](repeating: [], count: bodies.count)
    for pending in events { grouped[pending.body].append(pending) }
    events = []
    checkRejectedIDs(against: grouped)
    var submissions: [Submission] = []
    submissions.reserveCapacity(bodies.count)
    var total: Int128 = 0
    for (index, var group) in grouped.enumerated() {
      group.sort { a, b in
        a.event.id != b.event.id ? a.event.id < b.event.id : a.location < b.location
      }
      var kept: [Event] = []
      kept.reserveCapacity(group.count)
      var previous: PendingEvent?
      for pending in group {
        if let first = previous, first.event.id == pending.event.id {
          errors.append(InputError(
            .duplicateEvent(body: bodies[index].body.code, event: pending.event.id,
                            first: first.location),
            at: pending.location))
          continue
        }
        previous = pending
        kept.append(pending.event)
        total += Int128(pending.event.emissions.grams)
      }
      submissions.append(Submission(sortedEvents: kept, body: bodies[index].body))
    }
    if total > Int128(Int64.max) {
      errors.append(InputError(.totalTooLarge))
    } else if total == 0, errors.isEmpty, !submissions.isEmpty {
      errors.append(InputError(.totalIsZero))
    }
    guard errors.isEmpty else { throw InputErrors(errors, warnings: warnings) }
    return WithWarnings(
      Estimates(submissions: submissions, decimals: decimals, files: files), warnings: warnings)
  }
}

extension EstimatesBuilder {
  /// Reports ids of rejected rows that repeat an id of their body, accepted or rejected.
  private mutating func checkRejectedIDs(against grouped: [[PendingEvent]]) {
    for (code, rejected) in rejectedIDs.sorted(by: { $0.key < $1.key }) {
      var seen: [Event.ID: InputLocation] = [:]
      if let index = bodyIndex[code] {
        for pending in grouped[index] where seen[pending.event.id].map({ pending.location < $0 }) ?? true {
          seen[pending.event.id] = pending.location
        }
      }
      for (id, location) in rejected.sorted(by: { $0.location < $1.location }) {
        if let first = seen[id] {
          let (earlier, later) = first < location ? (first, location) : (location, first)
          errors.append(InputError(
            .duplicateEvent(body: Body.Code(code), event: id, first: earlier), at: later))
        } else {
          seen[id] = location
        }
      }
    }
  }
}

extension Submission {
  /// Creates a submission from events already sorted by id.
  init(sortedEvents: [Event], body: Body) {
    self.body = body
    self.events = sortedEvents
  }
}
