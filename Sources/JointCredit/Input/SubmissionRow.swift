/// One event row of a submission as written, before validation: a text per column.
///
/// CSV rows and JSON objects both become rows, so one set of checks serves every format.
///
/// Each column's text is a stored property, not an element of an array: a million rows set
/// eight texts each, and setting an array's element checks that the array is not shared first.
struct SubmissionRow {
  private var bodyCode: String?
  private var bodyName: String?
  private var bodyKind: String?
  private var eventID: String?
  private var eventNameText: String?
  private var eventDate: String?
  private var emissions: String?
  private var calculation: String?
  /// The date, read by the reader from the field's bytes when they were a plain `YYYY-MM-DD`;
  /// the field's text is then not made (the row holds `nil` for it).
  var date: EventDate?
  /// The estimate, read by the reader from the field's bytes when they were plain digits and a
  /// point; the field's text is then not made.
  var estimate: Quantity.Parsed?
  /// Whether the reader found the event id printable ASCII with no space: its text is then its
  /// normalised text, with no control character.
  var eventIDIsPlain = false
  /// The event's name as bytes of the text being read, when they are the name as it is to be
  /// kept (trimmed and composed already); the field's text is then not made. Valid only while
  /// the row is checked.
  var eventName: UnsafeBufferPointer<UInt8>?

  /// The text of a column; `nil` when the column is absent from the row.
  subscript(column: SubmissionColumn) -> String? {
    get {
      switch column {
      case .bodyCode: bodyCode
      case .bodyName: bodyName
      case .bodyKind: bodyKind
      case .eventID: eventID
      case .eventName: eventNameText
      case .eventDate: eventDate
      case .emissions: emissions
      case .calculation: calculation
      }
    }
    set {
      switch column {
      case .bodyCode: bodyCode = newValue
      case .bodyName: bodyName = newValue
      case .bodyKind: bodyKind = newValue
      case .eventID: eventID = newValue
      case .eventName: eventNameText = newValue
      case .eventDate: eventDate = newValue
      case .emissions: emissions = newValue
      case .calculation: calculation = newValue
      }
    }
  }
}
