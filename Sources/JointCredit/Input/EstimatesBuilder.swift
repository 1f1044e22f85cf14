/// Checks submission rows one at a time and assembles them into ``Estimates``.
///
/// Every check runs on every row, so one pass finds every problem. Problems are collected, never
/// thrown, until ``finish(files:)``.
struct EstimatesBuilder {
  private struct BodyEntry {
    var body: Body
    var nameLocation: InputLocation
    var kindLocation: InputLocation
    /// The last file in which a row of this body was checked against the national list, so
    /// that a warning about it is given once per file.
    var checkedFile: Int
  }

  /// An accepted event and where its id was, in few bytes: a million of these are kept.
  private struct PendingEvent {
    var body: Int32
    var file: Int32
    var position: TextPosition
    /// Where the event's name is in its segment's names, when it was kept as bytes (the
    /// event's own name is then empty).
    var name: NameBytes
    var event: Event
  }

  /// Where a name is in a segment's names; empty when the event holds its name.
  ///
  /// Names are kept as bytes while the rows are read and made into text when the events are
  /// gathered, body by body: the statements then read a body's names one after the other in
  /// memory. Made as the rows were read, a body's names lay as far apart as its rows in a
  /// combined file, and each statement's line waited for its name from memory (a third of the
  /// simulated cache misses of a national run, 1M events).
  private struct NameBytes {
    var start: UInt32 = 0
    var count: UInt32 = 0

    init() {}

    /// The place of `count` bytes appended at `start`; `nil` when they cannot be kept as bytes
    /// (no bytes, or beyond what 32 bits count).
    init?(start: Int, count: Int) {
      guard count > 0, let start = UInt32(exactly: start), let count = UInt32(exactly: count),
        start.addingReportingOverflow(count).overflow == false
      else { return nil }
      (self.start, self.count) = (start, count)
    }
  }

  /// Events and the names kept for them as bytes: those read here, or those of a part absorbed.
  private struct Segment {
    var events: [PendingEvent] = []
    var names: [UInt8] = []
  }

  private let directory: MunicipalityDirectory
  /// Whether a valid code that a complete directory lacks is a warning rather than an error.
  private let allowsUnknownCodes: Bool
  private var sources: [String] = []
  private var bodies: [BodyEntry] = []
  private var bodyIndex: [String: Int] = [:]
  /// The body of the previous row: rows of one body usually come together.
  private var lastBody: Int?
  /// The last date read: events of one day often come together.
  private var lastDate: (text: String, date: EventDate?) = ("", nil)
  private var events: [PendingEvent] = []
  /// The names of ``events`` kept as bytes, one after another.
  private var names: [UInt8] = []
  /// The events of parts absorbed (see ``absorb(_:)``), kept where they were read rather than
  /// copied into ``events``: their order does not matter, as ``finish(files:)`` orders events by
  /// their file and position where that makes a difference.
  private var absorbed: [Segment] = []
  /// Ids of rows rejected for another reason, so that a duplicate id is still reported at once.
  private var rejectedIDs: [String: [(id: Event.ID, location: InputLocation)]] = [:]
  private var reportedConflicts: Set<[String]> = []
  private var decimals = 0
  private(set) var errors: [InputError] = []
  private(set) var warnings: [InputWarning] = []
  /// For a builder made by ``forked()``: how many bodies, errors and warnings the builder it
  /// was made from had.
  private var base = (bodies: 0, errors: 0, warnings: 0)

  init(directory: MunicipalityDirectory, allowsUnknownCodes: Bool = false) {
    self.directory = directory
    self.allowsUnknownCodes = allowsUnknownCodes
  }

  /// Starts reading rows from another file.
  mutating func begin(file path: String, sheet: String? = nil) {
    sources.append(path)
    sheets.append(sheet)
  }

  /// Makes room for `count` more events, so that a large file's events are not copied each
  /// time their array grows (pages reserved and not used are never touched).
  ///
  /// The room at least doubles when it grows: `reserveCapacity` allocates exactly what it is
  /// asked for, so reserving each of 1,741 files' events on top of those read before copied
  /// every event read so far, for every file.
  mutating func reserveEvents(_ count: Int) {
    let needed = events.count + count
    if needed > events.capacity { events.reserveCapacity(max(needed, 2 * events.capacity)) }
    // Names as long as half a row of that size.
    let bytes = names.count + count * 16
    if bytes > names.capacity { names.reserveCapacity(max(bytes, 2 * names.capacity)) }
  }

  /// How many events the builder has room for before its array grows again.
  var eventCapacity: Int { events.capacity }

  private var source: String { sources.last ?? "" }
  /// The sheet of each file read from a workbook, by file.
  private var sheets: [String?] = []

  private func location(_ event: PendingEvent) -> InputLocation {
    InputLocation(sources[Int(event.file)], event.position, sheet: sheets[Int(event.file)])
  }

  mutating func report(_ error: InputError) { errors.append(error) }
  mutating func warn(_ warning: InputWarning) { warnings.append(warning) }

  /// Checks a row and keeps its event when it is valid.
  ///
  /// - Parameters:
  ///   - row: the texts of the row.
  ///   - position: where a column's value is, in the current file; only called for problems and
  ///     kept locations.
  ///   - known: a body already accepted whose code, name and kind the row repeats as written;
  ///     its body fields are then not checked again.
  /// - Returns: the index of the row's body when the row was accepted.
  @discardableResult
  mutating func add(
    _ row: SubmissionRow, sameBodyAs known: Int? = nil,
    position: (SubmissionColumn) -> TextPosition
  ) -> Int? {
    let errorCount = errors.count
    let source = self.source, sheet = sheets.last ?? nil
    func locate(_ column: SubmissionColumn) -> InputLocation {
      InputLocation(source, position(column), sheet: sheet)
    }
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

    // A problem reported once per file (and value) still rejects every row that has it.
    var rejected = false
    func failOnce(_ key: [String], _ reason: InputError.Reason, _ column: SubmissionColumn) {
      rejected = true
      if reportedConflicts.insert(key + [source]).inserted { fail(reason, column) }
    }

    // A row repeating an accepted body reads only its kind here: copying the body counted a
    // reference to its name, an object the rows of both cores share, once a row.
    let repeated = known != nil
    // A body accepted from an earlier row (not the previous one), found by its code.
    var seen: Body?
    var seenIndex = 0
    let kind: Body.Kind? =
      known.map { bodies[$0].body.kind }
      ?? required(.bodyKind).flatMap { text in
        guard let kind = Body.Kind(text: text) else {
          fail(.unknownKind(text), .bodyKind)
          return nil
        }
        return kind
      }
    let code: Body.Code? =
      repeated
      ? nil
      : required(.bodyCode).flatMap { text in
        // A code already accepted with the same kind needs no second check.
        if let index = knownBody(text), bodies[index].body.kind == kind {
          seen = bodies[index].body
          seenIndex = index
          return bodies[index].body.code
        }
        let givenName = row[.bodyName].map(TextNormalization.normalized)
        switch BodyCodeRule.check(text, kind: kind) {
        case .success(let code):
          if text.utf8.count == 5, let listed = directory.withLeadingZero(text),
            directory[code.rawValue].map({ !directory.nameMatches(givenName, $0) }) ?? true
          {
            failOnce(
              [text, "leading-zero"],
              .leadingZeroRemoved(given: text, code: listed.code, name: listed.name), .bodyCode)
            return nil
          }
          if directory.isComplete, code.isLocalGovernmentCode, directory[code.rawValue] == nil {
            if allowsUnknownCodes {
              // Once per body: the code is known by its first place.
              if reportedConflicts.insert([code.rawValue, "unknown"]).inserted {
                warnings.append(
                  InputWarning(.unknownLocalGovernmentCode(code), at: locate(.bodyCode)))
              }
            } else {
              failOnce([code.rawValue, "unknown"], .unknownLocalGovernmentCode(code), .bodyCode)
              return nil
            }
          }
          return code
        case .failure(let error):
          // A four-digit code for a body that must have a local government code: a five-digit
          // code without its leading zero.
          if case .codeNeedsKindOther = error.reason, text.utf8.count == 4,
            let listed = directory.withLeadingZero(text)
          {
            failOnce(
              [text, "leading-zero"],
              .leadingZeroRemoved(given: text, code: listed.code, name: listed.name), .bodyCode)
          } else {
            fail(error.reason, .bodyCode)
          }
          return nil
        }
      }
    var name = repeated ? nil : required(.bodyName, normalize: false)
    // A listed code: its kind must be the listed one, its name the listed one (with or without
    // its prefecture), and the listed spelling is kept.
    // Once per body and file: a row naming a body already accepted in this file, by the name
    // it was accepted with, has nothing more to check (rows of many bodies interleaved come here
    // every time).
    let file = sources.count - 1
    if !repeated,
      seen == nil || seen?.name != name || bodies[seenIndex].checkedFile != file, let code,
      let reference = directory[code.rawValue]
    {
      if seen != nil { bodies[seenIndex].checkedFile = file }
      if let kind, kind != reference.kind {
        failOnce(
          [code.rawValue, "reference-kind", kind.rawValue],
          .kindDiffersFromReference(
            code: code, name: reference.name, kind: reference.kind, given: kind),
          .bodyKind)
      }
      if let given = name {
        let normalized = TextNormalization.normalized(given)
        if directory.nameMatches(normalized, reference) {
          name = reference.name
        } else if MunicipalityDirectory.foldingSmallKe(normalized)
          == MunicipalityDirectory.foldingSmallKe(reference.name)
        {
          if reportedConflicts.insert([code.rawValue, "reference-spelling", given, source])
            .inserted
          {
            warnings.append(
              InputWarning(
                .nameDiffersFromReference(code: code, given: given, reference: reference.name),
                at: locate(.bodyName)))
          }
        } else {
          failOnce(
            [code.rawValue, "reference-name", given],
            .nameDiffersFromReference(
              code: code, given: given, reference: reference.name,
              others: directory.codes(named: normalized)),
            .bodyName)
        }
      }
    }
    // An id the reader found plain is its normalised text, with no control character.
    let plainID = row.eventIDIsPlain
    let id: Event.ID? = (plainID ? row[.eventID] : required(.eventID)).flatMap { text in
      let hasControl =
        !plainID
        && (UTF8Bytes.contains(text) { $0 >= 0x80 }
          ? text.unicodeScalars.contains { $0.properties.generalCategory == .control }
          : UTF8Bytes.contains(text) { $0 < 0x20 || $0 == 0x7F })
      guard !hasControl else {
        fail(.invalidEventID(text), .eventID)
        return nil
      }
      if SpreadsheetText.isScientificNotation(text) {
        warnings.append(InputWarning(.idInScientificNotation(text), at: locate(.eventID)))
      }
      return Event.ID(text)
    }
    // A date the reader read from the field's bytes, or the field's text read here.
    var date: EventDate? = row.date
    if date == nil {
      let dateText = TextNormalization.normalized(row[.eventDate] ?? "")
      if dateText == lastDate.text {
        date = lastDate.date
      } else if !dateText.isEmpty {
        date = EventDate(iso: dateText)
        if date == nil {
          switch SpreadsheetText.date(dateText) {
          case .date(let read): date = read
          case .problem(let reason): fail(reason, .eventDate)
          case nil: fail(.invalidDate(dateText), .eventDate)
          }
        }
        if date != nil { lastDate = (dateText, date) }
      }
    }
    var emissions: Quantity?
    if let estimate = row.estimate {
      // Read by the reader from plain digits: never negative.
      emissions = estimate.quantity
      decimals = max(decimals, estimate.writtenDecimals)
    } else if let text = required(.emissions) {
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

    /// Keeps a rejected row's id, so that a repeat of it is still reported.
    func reject() -> Int? {
      if let code = code ?? known.map({ bodies[$0].body.code }), let id {
        rejectedIDs[code.rawValue, default: []].append((id, locate(.eventID)))
      }
      return nil
    }
    guard let kind, let id, let emissions, errors.count == errorCount, !rejected else {
      return reject()
    }
    let body: Int
    if let known {
      body = known
    } else if let code, let name,
      let registered = register(Body(code: code, name: name, kind: kind), locate: locate)
    {
      body = registered
    } else {
      return reject()
    }
    // A name given as bytes is kept as bytes (see ``NameBytes``).
    var eventName = ""
    var nameBytes = NameBytes()
    if let bytes = row.eventName {
      if let kept = NameBytes(start: names.count, count: bytes.count) {
        names.append(contentsOf: bytes)
        nameBytes = kept
      } else {
        eventName = String(decoding: bytes, as: UTF8.self)
      }
    } else {
      eventName = TextNormalization.trimmed(row[.eventName] ?? "")
    }
    // Negative estimates were reported above. The event is made in its place in the array.
    events.append(
      PendingEvent(
        body: Int32(body), file: Int32(sources.count - 1), position: position(.eventID),
        name: nameBytes,
        event: Event(
          checked: id, name: eventName, date: date, emissions: emissions,
          calculation: row[.calculation].map(TextNormalization.trimmed) ?? "")))
    return body
  }

  /// The index of a body already registered under this code.
  private func knownBody(_ code: String) -> Int? {
    if let last = lastBody, bodies[last].body.code.rawValue == code { return last }
    return bodyIndex[code]
  }

  /// Finds or adds a body; reports a name or kind that differs from an earlier row. (Names and
  /// kinds of listed codes were checked against the directory in ``add(_:sameBodyAs:position:)``.)
  private mutating func register(_ body: Body, locate: (SubmissionColumn) -> InputLocation)
    -> Int?
  {
    if let index = knownBody(body.code.rawValue) {
      lastBody = index
      let known = bodies[index]
      var consistent = true
      if known.body.name != body.name {
        conflict(
          body.code, .bodyName, body.name, known.body.name, locate(.bodyName),
          known.nameLocation)
        consistent = false
      }
      if known.body.kind != body.kind {
        conflict(
          body.code, .bodyKind, body.kind.rawValue, known.body.kind.rawValue,
          locate(.bodyKind), known.kindLocation)
        consistent = false
      }
      return consistent ? index : nil
    }
    bodyIndex[body.code.rawValue] = bodies.count
    lastBody = bodies.count
    bodies.append(
      BodyEntry(
        body: body, nameLocation: locate(.bodyName),
        kindLocation: locate(.bodyKind), checkedFile: sources.count - 1))
    return bodies.count - 1
  }

  private mutating func conflict(
    _ code: Body.Code, _ column: SubmissionColumn, _ value: String, _ other: String,
    _ location: InputLocation, _ first: InputLocation
  ) {
    // One report per differing value and file is enough to find and fix it.
    guard reportedConflicts.insert([code.rawValue, column.name, value, location.source]).inserted
    else { return }
    errors.append(
      InputError(
        .conflictingBody(body: code, column: column, value: value, other: other, first: first),
        at: location))
  }

  /// Checks what can only be checked across all rows, then returns the estimates.
  ///
  /// - Throws: ``InputErrors`` with every problem found, here and in ``add(_:locate:)``.
  mutating func finish(files: [InputFile]) throws(InputErrors) -> WithWarnings<Estimates> {
    // Group events by body with a counting sort. An event is known by its segment (the events
    // read here, then those absorbed) in the high 32 bits and its index in the low ones.
    let segments = [Segment(events: events, names: names)] + absorbed
    (events, names, absorbed) = ([], [], [])
    var starts = [Int](repeating: 0, count: bodies.count + 1)
    // Events are read in place, by index: a copy of one counts references on its texts.
    for segment in segments {
      for index in segment.events.indices { starts[Int(segment.events[index].body) + 1] += 1 }
    }
    for index in bodies.indices { starts[index + 1] += starts[index] }
    var next = starts
    var order = [Int](repeating: 0, count: starts[bodies.count])
    for (number, segment) in segments.enumerated() {
      for index in segment.events.indices {
        let body = Int(segment.events[index].body)
        order[next[body]] = number << 32 | index
        next[body] += 1
      }
    }
    let event = EventSegments(segments)
    checkRejectedIDs(grouped: order, starts: starts, event: event)
    let (builder, keys, bounds) = (self, order, starts)
    // Bodies are gathered on every core, in ranges joined in body order.
    // A range of bodies is worth a core from 50,000 events.
    let ranges = CoreRanges.of(bodies.count, atMost: order.count / 50_000)
    let gathered = CoreRanges.map(ranges.count) { range in
      var part = Gathered()
      part.submissions.reserveCapacity(ranges[range].count)
      for body in ranges[range] {
        builder.gather(
          body, events: keys[bounds[body]..<bounds[body + 1]], event: event, into: &part)
      }
      return part
    }
    var submissions: [Submission] = []
    submissions.reserveCapacity(bodies.count)
    var total: Int128 = 0
    for part in gathered {
      submissions += part.submissions
      errors += part.errors
      total += part.total
    }
    if total > Int128(Int64.max) {
      errors.append(InputError(.totalTooLarge))
    } else if total == 0, errors.isEmpty, !submissions.isEmpty {
      errors.append(InputError(.totalIsZero))
    }
    guard errors.isEmpty else { throw InputErrors(errors, warnings: warnings) }
    return WithWarnings(
      Estimates(checked: submissions, decimals: decimals, files: files), warnings: warnings)
  }
}

extension EstimatesBuilder {
  /// A builder to read a later part of the current file into, on its own (on another core),
  /// knowing everything read so far; ``absorb(_:)`` brings its rows back.
  func forked() -> EstimatesBuilder {
    var part = self
    // Its own copies of the file names, whose reference counts every row changes: one object
    // written from two cores makes both wait.
    part.sources = sources.map { String(decoding: Array($0.utf8), as: UTF8.self) }
    part.events = []
    part.names = []
    part.absorbed = []
    part.rejectedIDs = [:]
    part.base = (bodies.count, errors.count, warnings.count)
    return part
  }

  /// Whether `parts`, forked from this builder and read in this order from consecutive parts of
  /// the current file, can be absorbed: whether reading their rows here, one after the other,
  /// would have given no problem and no warning either.
  ///
  /// Each part found no problem and gave no warning on its own, and each body that parts (or
  /// this builder) accepted is the same body in all of them. Rows read here would then have
  /// been checked as they were in their part (a row here is only ever spared a check its part
  /// made), and a body seen twice would have been registered once.
  func canAbsorb(_ parts: [EstimatesBuilder]) -> Bool {
    var bodies: [String: Body] = [:]
    for part in parts {
      guard part.errors.count == part.base.errors, part.warnings.count == part.base.warnings
      else { return false }
      for entry in part.bodies[part.base.bodies...] {
        let code = entry.body.code.rawValue
        let known = bodyIndex[code].map { self.bodies[$0].body } ?? bodies[code]
        if let known, known != entry.body { return false }
        bodies[code] = entry.body
      }
    }
    return true
  }

  /// Takes in the events, bodies and rejected ids of a part forked from this builder, as if its
  /// rows had been read here. Check first with ``canAbsorb(_:)``.
  ///
  /// The part's events are moved, not copied: `part` is left without them.
  mutating func absorb(_ part: inout EstimatesBuilder) {
    let base = part.base.bodies
    var bodyMap = Array(0..<base)
    for index in part.bodies.indices {
      let entry = part.bodies[index]
      if index < base {
        bodies[index].checkedFile = max(bodies[index].checkedFile, entry.checkedFile)
      } else if let known = bodyIndex[entry.body.code.rawValue] {
        bodyMap.append(known)
      } else {
        bodyIndex[entry.body.code.rawValue] = bodies.count
        bodyMap.append(bodies.count)
        bodies.append(entry)
      }
    }
    var moved: [PendingEvent] = []
    swap(&moved, &part.events)
    var movedNames: [UInt8] = []
    swap(&movedNames, &part.names)
    if bodyMap.indices.contains(where: { bodyMap[$0] != $0 }) {
      moved.withUnsafeMutableBufferPointer { moved in
        for index in moved.indices {
          moved[index].body = Int32(bodyMap[Int(moved[index].body)])
        }
      }
    }
    absorbed.append(Segment(events: moved, names: movedNames))
    for (code, ids) in part.rejectedIDs { rejectedIDs[code, default: []] += ids }
    reportedConflicts.formUnion(part.reportedConflicts)
    decimals = max(decimals, part.decimals)
  }
}

extension EstimatesBuilder {
  /// Accepted events in segments (those read here, then those absorbed), each known by a key:
  /// its segment in the high 32 bits, its index in the low ones.
  private struct EventSegments: Sendable {
    private let segments: [Segment]
    /// Each segment's events and names where their arrays store them, read in place: reading
    /// them through the arrays counts a reference to one, which every core gathering events
    /// would do once an event, on the same array, and reading an event through its array
    /// copies the whole of it, where its fields are wanted. The arrays are constants of this
    /// value, never changed, so their storage stays where it is for as long as the value lives.
    nonisolated(unsafe) private let events: [UnsafeBufferPointer<PendingEvent>]
    nonisolated(unsafe) private let names: [UnsafeBufferPointer<UInt8>]

    init(_ segments: [Segment]) {
      self.segments = segments
      events = segments.map { $0.events.withUnsafeBufferPointer { $0 } }
      names = segments.map { $0.names.withUnsafeBufferPointer { $0 } }
    }

    /// The event, read in place: a copy counts references on its texts, and sorting a body's
    /// events reads each of them many times.
    subscript(key: Int) -> PendingEvent {
      _read { yield events[key >> 32][key & 0xFFFF_FFFF] }
    }

    /// The event, with its name made from its bytes when it was kept as bytes.
    func event(_ key: Int) -> Event {
      var event = self[key].event
      let name = self[key].name
      if name.count > 0 {
        let range = Int(name.start)..<Int(name.start + name.count)
        event.name = String(
          decoding: UnsafeBufferPointer(rebasing: names[key >> 32][range]), as: UTF8.self)
      }
      return event
    }
  }

  /// Some bodies' submissions, gathered from their events: what ``finish(files:)`` joins.
  private struct Gathered: Sendable {
    var submissions: [Submission] = []
    /// Events repeated within a body.
    var errors: [InputError] = []
    /// The estimates kept, summed.
    var total: Int128 = 0
  }

  /// Gathers a body's events (their keys, in file order) into its submission: sorted by id,
  /// each id once, a repeated id reported against its first place.
  private func gather(
    _ body: Int, events keys: ArraySlice<Int>, event: EventSegments,
    into part: inout Gathered
  ) {
    var group = keys
    // Submissions usually list events in id order already; sort only when they do not.
    let sorted = zip(group, group.dropFirst()).allSatisfy {
      event[$0].event.id < event[$1].event.id
    }
    if !sorted {
      group.sort { a, b in
        let order = UTF8Bytes.compare(event[a].event.id.rawValue, event[b].event.id.rawValue)
        return order != 0
          ? order < 0 : (event[a].file, event[a].position) < (event[b].file, event[b].position)
      }
    }
    var kept: [Event] = []
    kept.reserveCapacity(group.count)
    var previous: Int?
    for index in group {
      if let first = previous, event[first].event.id == event[index].event.id {
        part.errors.append(
          InputError(
            .duplicateEvent(
              body: bodies[body].body.code, event: event[index].event.id,
              first: location(event[first])),
            at: location(event[index])))
        continue
      }
      previous = index
      kept.append(event.event(index))
      part.total += Int128(event[index].event.emissions.grams)
    }
    part.submissions.append(Submission(sortedEvents: kept, body: bodies[body].body))
  }

  /// Reports ids of rejected rows that repeat an id of their body, accepted or rejected.
  private mutating func checkRejectedIDs(
    grouped order: [Int], starts: [Int], event: EventSegments
  ) {
    for (code, rejected) in rejectedIDs.sorted(by: { $0.key < $1.key }) {
      var seen: [Event.ID: InputLocation] = [:]
      if let body = bodyIndex[code] {
        for index in order[starts[body]..<starts[body + 1]] {
          let pending = event[index]
          let location = location(pending)
          if seen[pending.event.id].map({ location < $0 }) ?? true {
            seen[pending.event.id] = location
          }
        }
      }
      for (id, location) in rejected.sorted(by: { $0.location < $1.location }) {
        if let first = seen[id] {
          let (earlier, later) = first < location ? (first, location) : (location, first)
          errors.append(
            InputError(
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
