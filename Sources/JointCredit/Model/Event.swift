/// A meeting, event or activity of a body, with its emission estimate.
public struct Event: Hashable, Sendable {
  /// The event's identifier, unique within its body, e.g. `E01`.
  public internal(set) var id: ID
  /// The event's name as submitted.
  public internal(set) var name: String
  /// The day the event took place, when submitted.
  public internal(set) var date: EventDate?
  /// The estimated emissions of the event, at least zero.
  public internal(set) var emissions: Quantity
  /// How the estimate was made (活動量 × 排出係数, with the factor's source), as submitted;
  /// empty when not given.
  public internal(set) var calculation: String = ""

  /// Creates an event.
  ///
  /// - Throws: ``InputError`` with ``InputError/Reason/negativeEstimate(_:)`` when the estimate
  ///   is below zero.
  public init(
    id: ID, name: String, date: EventDate? = nil, emissions: Quantity, calculation: String = ""
  ) throws(InputError) {
    guard emissions >= .zero else { throw InputError(.negativeEstimate("\(emissions)")) }
    self.init(
      checked: id, name: name, date: date, emissions: emissions, calculation: calculation)
  }

  /// Creates an event whose estimate the caller has checked.
  init(
    checked id: ID, name: String, date: EventDate?, emissions: Quantity, calculation: String = ""
  ) {
    self.id = id
    self.name = name
    self.date = date
    self.emissions = emissions
    self.calculation = calculation
  }
}

extension Event {
  /// An event's identifier within its body.
  ///
  /// Ids order by their UTF-8 bytes, the same on every machine and in every locale.
  public struct ID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The id as text.
    public var rawValue: String

    /// Wraps an id.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: ID, rhs: ID) -> Bool {
      UTF8Bytes.precedes(lhs.rawValue, rhs.rawValue)
    }
  }
}
