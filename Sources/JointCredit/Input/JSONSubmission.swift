/// Reads a JSON submission into an ``EstimatesBuilder``.
///
/// Three shapes are accepted, with the same field names as CSV columns (English or Japanese):
///
/// - one body: `{"body_code": "131032", "body_name": "港区", "body_kind": "ward",
///   "events": [{"event_id": "E01", "event_name": "…", "emissions_t": "1.250"}]}`;
/// - several bodies: an array of such objects, or `{"bodies": [...]}`;
/// - flat rows: an array of objects that each carry every field, like CSV rows.
///
/// Quantities may be strings (`"1.250"`) or numbers (`1.250`); either way they are read from the
/// source text, exactly.
enum JSONSubmission {
  /// Reads decoded JSON text.
  ///
  /// - Returns: the number of events accepted.
  static func read(_ utf8: [UInt8], source: String, into builder: inout EstimatesBuilder) -> Int {
    if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      builder.report(InputError(.emptyFile, at: InputLocation(source, line: 1, column: 1)))
      return 0
    }
    builder.begin(file: source)
    let root: JSONNode
    do {
      root = try JSONParser.parse(utf8)
    } catch {
      builder.report(InputError(error.reason, at: InputLocation(source, error.position)))
      return 0
    }
    var reading = Reading(source: source)
    let errorsBefore = builder.errors.count
    let accepted = reading.readTop(root, into: &builder)
    if accepted == 0 && reading.rows == 0 && builder.errors.count == errorsBefore {
      builder.report(InputError(.noRows, at: InputLocation(source, root.position)))
    }
    return accepted
  }

  private struct Reading {
    let source: String
    var rows = 0

    init(source: String) {
      self.source = source
    }

    func location(_ position: TextPosition) -> InputLocation { InputLocation(source, position) }

    mutating func readTop(_ node: JSONNode, into builder: inout EstimatesBuilder) -> Int {
      switch node.value {
      case .array(let elements):
        return elements.reduce(0) { $0 + readBodyOrRow($1, into: &builder) }
      case .object(let members) where members.contains(where: { $0.key == "bodies" }):
        var accepted = 0
        for member in members {
          guard member.key == "bodies" else {
            builder.warn(InputWarning(.unknownField(member.key), at: location(member.keyPosition)))
            continue
          }
          guard case .array(let bodies) = member.value.value else {
            builder.report(
              InputError(
                .jsonType(field: "bodies", expected: "an array of bodies"),
                at: location(member.value.position)))
            continue
          }
          accepted += bodies.reduce(0) { $0 + readBodyOrRow($1, into: &builder) }
        }
        return accepted
      case .object:
        return readBodyOrRow(node, into: &builder)
      default:
        builder.report(
          InputError(
            .jsonType(field: "submission", expected: "an object or an array of objects"),
            at: location(node.position)))
        return 0
      }
    }

    /// A body object (with `events`), or a flat row object (without).
    mutating func readBodyOrRow(_ node: JSONNode, into builder: inout EstimatesBuilder) -> Int {
      guard case .object(let members) = node.value else {
        builder.report(
          InputError(
            .jsonType(field: "submission", expected: "an object"),
            at: location(node.position)))
        return 0
      }
      var shared = Fields(objectPosition: node.position)
      var events: JSONMember?
      for member in members {
        if member.key == "events" {
          events = member
        } else {
          shared.take(member, source: source, into: &builder)
        }
      }
      guard let events else { return readRow(shared, into: &builder) }
      guard case .array(let elements) = events.value.value else {
        builder.report(
          InputError(
            .jsonType(field: "events", expected: "an array of events"),
            at: location(events.value.position)))
        return 0
      }
      var accepted = 0
      for element in elements {
        guard case .object(let eventMembers) = element.value else {
          builder.report(
            InputError(
              .jsonType(field: "events", expected: "an array of objects"),
              at: location(element.position)))
          continue
        }
        var fields = shared
        fields.objectPosition = element.position
        for member in eventMembers { fields.take(member, source: source, into: &builder) }
        accepted += readRow(fields, into: &builder)
      }
      return accepted
    }

    mutating func readRow(_ fields: Fields, into builder: inout EstimatesBuilder) -> Int {
      rows += 1
      if fields.hasTypeErrors { return 0 }
      var missing = false
      for column in SubmissionColumn.allCases where column.isRequired && fields.row[column] == nil {
        builder.report(
          InputError(.missingField(column.description), at: location(fields.objectPosition)))
        missing = true
      }
      if missing { return 0 }
      let added = builder.add(fields.row) { column in
        fields.positions[column.rawValue] ?? fields.objectPosition
      }
      return added == nil ? 0 : 1
    }
  }

  /// The fields of a row gathered from a body object and one of its events.
  private struct Fields {
    var row = SubmissionRow()
    var positions = [TextPosition?](repeating: nil, count: SubmissionColumn.allCases.count)
    var objectPosition: TextPosition
    var hasTypeErrors = false

    init(objectPosition: TextPosition) {
      self.objectPosition = objectPosition
    }

    mutating func take(_ member: JSONMember, source: String, into builder: inout EstimatesBuilder) {
      guard let column = SubmissionColumn(header: member.key) else {
        builder.warn(
          InputWarning(
            .unknownField(member.key),
            at: InputLocation(source, member.keyPosition)))
        return
      }
      let text: String?
      switch member.value.value {
      case .string(let string): text = string
      case .number(let number)
      where column != .bodyName && column != .eventName && column != .calculation:
        text = number
      case .null where !column.isRequired || column == .eventName: text = ""
      default: text = nil
      }
      guard let text else {
        let expected = column == .emissions ? "a decimal as a string or number" : "a string"
        builder.report(
          InputError(
            .jsonType(field: member.key, expected: expected),
            at: InputLocation(source, member.value.position)))
        hasTypeErrors = true
        return
      }
      row[column] = text
      positions[column.rawValue] = member.value.position
    }
  }
}
