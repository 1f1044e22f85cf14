/// What one body submitted: the body and its events, sorted by event id.
public struct Submission: Hashable, Sendable {
  /// The body.
  public internal(set) var body: Body
  /// Its events, sorted by id (UTF-8 byte order).
  public internal(set) var events: [Event]

  /// Creates a submission; sorts the events by id.
  public init(body: Body, events: [Event]) {
    self.body = body
    self.events = events.sorted { $0.id < $1.id }
  }

  /// The sum of the events' estimates.
  ///
  /// - Precondition: the sum fits in a ``Quantity`` (``SubmissionReader`` checks this).
  public var emissions: Quantity {
    Quantity(grams: events.reduce(0) { $0 + $1.emissions.grams })
  }
}

/// The validated estimates of every participating body, ready to allocate.
///
/// Bodies are sorted by code and events by id, so nothing downstream depends on the order of
/// files or rows.
public struct Estimates: Hashable, Sendable {
  /// One submission per body, sorted by body code.
  public internal(set) var submissions: [Submission]
  /// The most decimal places any estimate was written with: the scale statements print
  /// emissions at.
  public internal(set) var decimals: Int
  /// The files read, sorted by path.
  public internal(set) var files: [InputFile]

  /// Creates estimates, checking them as ``SubmissionReader`` checks what it reads; sorts
  /// submissions by body code and files by path.
  ///
  /// - Parameters:
  ///   - submissions: each body's events; they are kept in body-code order.
  ///   - decimals: the scale to print emissions at; by default the fewest decimals that print
  ///     every estimate exactly.
  ///   - files: the files the submissions were read from, for the statements' record.
  /// - Throws: ``InputErrors`` for a body submitted twice, an event id used twice by one body,
  ///   or estimates that add up to more than a ``Quantity`` holds.
  public init(submissions: [Submission], decimals: Int? = nil, files: [InputFile] = [])
    throws(InputErrors)
  {
    var problems: [InputError] = []
    var bodies = Set<Body.Code>()
    var total: Int128 = 0
    for submission in submissions {
      if !bodies.insert(submission.body.code).inserted {
        problems.append(InputError(.repeatedBody(submission.body.code)))
      }
      var ids = Set<Event.ID>()
      for event in submission.events {
        if !ids.insert(event.id).inserted {
          problems.append(InputError(.repeatedEvent(body: submission.body.code, event: event.id)))
        }
        total += Int128(event.emissions.grams)
      }
    }
    if total > Int128(Int64.max) { problems.append(InputError(.totalTooLarge)) }
    guard problems.isEmpty else { throw InputErrors(problems) }
    self.init(checked: submissions, decimals: decimals, files: files)
  }

  /// Creates estimates the caller has checked (the reader has, row by row, with places).
  init(checked submissions: [Submission], decimals: Int?, files: [InputFile]) {
    self.submissions = submissions.sorted { $0.body.code < $1.body.code }
    self.decimals =
      decimals ?? submissions.lazy.flatMap(\.events)
      .map(\.emissions.significantDecimals).max() ?? 0
    self.files = files.sorted { UTF8Bytes.precedes($0.path, $1.path) }
  }

  /// The sum of all estimates.
  public var emissions: Quantity {
    Quantity(grams: submissions.reduce(0) { $0 + $1.emissions.grams })
  }

  /// How many events there are in all.
  public var eventCount: Int { submissions.reduce(0) { $0 + $1.events.count } }

  /// The submission of a body, found by binary search (submissions are sorted by code).
  ///
  /// - Complexity: O(log *n*) for *n* bodies.
  public func submission(of code: Body.Code) -> Submission? {
    let index = submissions.partitioningIndex { $0.body.code >= code }
    return index < submissions.count && submissions[index].body.code == code
      ? submissions[index] : nil
  }
}

/// A file that was read as input.
public struct InputFile: Hashable, Sendable {
  /// The path as it was given.
  public var path: String
  /// `csv`, `json` or `xlsx`.
  public var format: Format
  /// The text encoding it was read in.
  public var encoding: TextDecoding.Encoding
  /// How many events it held.
  public var events: Int

  /// The formats a submission file can be in.
  public enum Format: String, CaseIterable, Hashable, Sendable {
    /// Comma-separated values with a header row.
    case csv
    /// A JSON document.
    case json
    /// A workbook (Office Open XML spreadsheet): its submission sheet, read like a CSV.
    case xlsx
  }

  /// Creates a record of a file read.
  public init(path: String, format: Format, encoding: TextDecoding.Encoding, events: Int) {
    self.path = path
    self.format = format
    self.encoding = encoding
    self.events = events
  }
}
