/// Where a statement with a line per event is cut, so that its parts are made on every core at
/// once and written one after the other: the same bytes as the statement made in one piece.
///
/// Parts are cut by events, not by bodies, so that one body of a million events (a utility's
/// customers, say) is shared out as well as a million bodies of one event. Each part starts at
/// an event (a body without events goes with the part before it), takes about the same number
/// of events, and the first part also writes what comes before the events (a header, the
/// document's head), the last what comes after them (totals, the reserve, the document's tail).
struct StatementParts: Sendable {
  /// Where a part starts: a body, and its first event in the part.
  struct Position: Hashable, Sendable {
    var body: Int
    var event: Int
  }

  /// The events of one body that a part writes; `opens` and `closes` say whether the part also
  /// writes what comes before the body's first event and after its last.
  struct Span: Hashable, Sendable {
    var body: Int
    var events: Range<Int>
    var opens: Bool
    var closes: Bool
  }

  /// Where each part starts, then the end (one past the last body).
  private let bounds: [Position]
  /// How many events each body has.
  private let counts: [Int]

  /// How many parts.
  var count: Int { bounds.count - 1 }

  /// One part: the whole statement.
  static func whole(_ allocation: Allocation) -> StatementParts {
    StatementParts(allocation, eventsPerPart: .max)
  }

  /// Cuts an allocation's events into parts of `eventsPerPart` events (the last one fewer).
  ///
  /// - Precondition: `eventsPerPart` is positive.
  init(_ allocation: Allocation, eventsPerPart: Int) {
    self.init(events: allocation.bodies.map(\.events.count), eventsPerPart: eventsPerPart)
  }

  /// Cuts the events of bodies with these numbers of events into parts of `eventsPerPart`.
  init(events counts: [Int], eventsPerPart: Int) {
    precondition(eventsPerPart > 0, "a part holds at least one event")
    self.counts = counts
    var bounds = [Position(body: 0, event: 0)]
    var body = 0, passed = 0, cut = eventsPerPart
    let total = counts.reduce(0, +)
    while cut < total {
      // The body holding event number `cut` (counted from 0 over all bodies).
      while passed + counts[body] <= cut {
        passed += counts[body]
        body += 1
      }
      bounds.append(Position(body: body, event: cut - passed))
      let (next, overflow) = cut.addingReportingOverflow(eventsPerPart)
      cut = overflow ? total : next
    }
    bounds.append(Position(body: counts.count, event: 0))
    self.bounds = bounds
  }

  /// Whether a part starts inside a body, after its first event.
  func startsInsideBody(_ part: Int) -> Bool { bounds[part].event > 0 }

  /// The bodies' events a part writes, in order.
  func spans(_ part: Int) -> [Span] {
    let start = bounds[part], end = bounds[part + 1]
    let last = end.event > 0 ? end.body : end.body - 1
    guard start.body <= last else { return [] }
    return (start.body...last).map { body in
      let from = body == start.body ? start.event : 0
      let to = body == end.body ? end.event : counts[body]
      return Span(body: body, events: from..<to, opens: from == 0, closes: to == counts[body])
    }
  }
}

extension StatementParts {
  /// The lines of a part's events, body by body.
  func eventLines(_ part: Int, of allocation: Allocation) -> some Sequence<ShareLine> {
    spans(part).lazy.flatMap { span in
      let reference = ShareLine.BodyReference(allocation.bodies[span.body])
      return span.events.lazy.map { ShareLine.event($0, of: reference) }
    }
  }
}

/// A CSV statement of a line per event, then closing lines (the reserve, totals): made in parts.
protocol EventLineStatement {
  /// The statement's table: its columns over its lines.
  static func table(for allocation: Allocation) -> StatementTable<ShareLine>
  /// The lines after the events'.
  static func closingLines(of allocation: Allocation) -> [ShareLine]
}

extension EventLineStatement {
  /// Writes one part of the statement: the first part starts with the byte order mark and the
  /// header, the last ends with the closing lines.
  static func write(
    _ part: Int, of parts: StatementParts, _ allocation: Allocation, writer csv: CSVWriter,
    language: StatementLanguage, to output: inout some ByteOutput
  ) {
    let table = table(for: allocation)
    if part == 0 {
      csv.writeStart(to: &output)
      csv.writeHeader(language.headers(table.columns), to: &output)
    }
    csv.writeRows(
      table, rows: parts.eventLines(part, of: allocation), language: language, to: &output)
    if part == parts.count - 1 {
      csv.writeRows(table, rows: closingLines(of: allocation), language: language, to: &output)
    }
  }
}
