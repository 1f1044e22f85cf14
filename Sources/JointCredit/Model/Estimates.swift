/// What one body submitted: the body and its events, sorted by event id.
public struct Submission: Hashable, Sendable {
  /// The body.
  public var body: Body
  /// Its events, sorted by id (UTF-8 byte order).
  public var events: [Event]

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
  public var submissions: [Submission]
  /// The most decimal places any estimate was written with: the scale statements print
  /// emissions at.
  public var decimals: Int
  /// The files read, sorted by path.
  public var files: [InputFile]

  /// Creates estimates; sorts submissions by body code and files by path.
  ///
  /// - Parameters:
  ///   - submissions: each body's events; they are kept in body-code order.
  ///   - decimals: the scale to print emissions at; by default the fewest decimals that print
  ///     every estimate exactly.
  ///   - files: the files the submissions were read from, for the statements' record.
  public init(submissions: [Submission], decimals: Int? = nil, files: [InputFile] = []) {
    self.submissions = submissions.sorted { $0.body.code < $1.body.code }
    self.decimals =
      decimals ?? submissions.lazy.flatMap(\.events)
      .map(\.emissions.significantDecimals).max() ?? 0
    self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// The sum of all estimates.
  public var emissions: Quantity {
    Quantity(grams: submissions.reduce(0) { $0 + $1.emissions.grams })
  }

  /// How many events there are in all.
  public var eventCount: Int { submissions.reduce(0) { $0 + $1.events.count } }
}

/// A file that was read as input.
public struct InputFile: Hashable, Sendable {
  /// The path as it was given.
  public var path: String
  /// `csv` or `json`.
  public var format: Format
  /// The text encoding it was read in.
  public var encoding: TextDecoding.Encoding
  /// How many events it held.
  public var events: Int

  /// The formats a submission file can be in.
  public enum Format: String, Hashable, Sendable {
    /// Comma-separated values with a header row.
    case csv
    /// A JSON document.
    case json
  }

  /// Creates a record of a file read.
  public init(path: String, format: Format, encoding: TextDecoding.Encoding, events: Int) {
    self.path = path
    self.format = format
    self.encoding = encoding
    self.events = events
  }
}
