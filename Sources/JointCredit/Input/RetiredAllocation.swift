/// What a revision must keep from an allocation whose credits were retired: each event's
/// allocation (never taken back) and each retired serial range (never moved).
///
/// Read from the `allocation.json` of a folder that `jointcredit retire` closed.
public struct RetiredAllocation: Hashable, Sendable {
  /// One range retired at the registry, as `allocation.json` lists it.
  public struct Range: Hashable, Sendable {
    /// The holder: body, basis and, for basis `event`, the event.
    public var body: Body.Code
    public var basis: RetirementRange.Basis
    public var event: Event.ID?
    /// The serials, as printed.
    public var serialFrom: String
    public var serialTo: String
    /// How many serials.
    public var quantity: Int64
    /// The application it was filed in.
    public var application: Int
  }

  /// The file it was read from.
  public var source: String
  /// The day of the retirement.
  public var date: EventDate
  /// Every event's allocation, by body and event.
  public var allocations: [AllocationKey: Quantity]
  /// The retired ranges, in the order listed.
  public var ranges: [Range]

  /// Reads a retired `allocation.json`.
  ///
  /// - Throws: ``InputErrors`` naming the file when it is not an allocation, was not retired,
  ///   or lists a value JointCredit does not write.
  public static func read(_ file: SubmissionFile) throws(InputErrors) -> RetiredAllocation {
    func fail(_ why: String, _ position: TextPosition? = nil) -> InputErrors {
      InputErrors([
        InputError(
          .invalidRetiredRecord(why),
          at: position.map { InputLocation(file.path, $0) } ?? InputLocation(file.path))
      ])
    }
    let root: JSONNode
    do {
      root = try JSONParser.parse(file.bytes)
    } catch {
      throw InputErrors([
        InputError(.unreadable("not JSON: \(error)"), at: InputLocation(file.path))
      ])
    }
    guard case .object(let members) = root.value,
      case .string("jointcredit-allocation")? = members.first(where: { $0.key == "format" })?
        .value.value
    else { throw fail("is not an allocation.json written by jointcredit allocate") }
    func member(_ node: JSONNode, _ key: String) -> JSONNode? {
      guard case .object(let fields) = node.value else { return nil }
      return fields.first { $0.key == key }?.value
    }
    func string(_ node: JSONNode, _ key: String) -> String? {
      if case .string(let text)? = member(node, key)?.value { return text }
      return nil
    }
    guard let retired = members.first(where: { $0.key == "retired" })?.value,
      let dateText = string(retired, "date"), let date = EventDate(iso: dateText)
    else {
      throw fail(
        "was not retired: record the retirement with jointcredit retire first (a revision "
          + "keeps what was retired)")
    }
    var allocations: [AllocationKey: Quantity] = [:]
    if case .array(let bodies)? = members.first(where: { $0.key == "bodies" })?.value.value {
      for body in bodies {
        guard let codeText = string(body, "body_code"),
          let code = try? Body.Code(parsing: codeText),
          case .array(let events)? = member(body, "events")?.value
        else { throw fail("lists a body JointCredit cannot read", body.position) }
        for event in events {
          guard let id = string(event, "event_id"),
            let allocatedText = string(event, "allocated_t"),
            let allocated = try? Quantity(parsing: allocatedText)
          else { throw fail("lists an event JointCredit cannot read", event.position) }
          allocations[AllocationKey(body: code, event: Event.ID(id))] = allocated
        }
      }
    }
    var ranges: [Range] = []
    if case .array(let rows)? = members.first(where: { $0.key == "retirement" })?.value.value {
      for row in rows {
        // Only the ranges retired at the registry are kept; the reserve's are not.
        guard string(row, "retirement_date") != nil else { continue }
        guard let codeText = string(row, "body_code"), let code = try? Body.Code(parsing: codeText),
          let basisText = string(row, "basis"),
          let basis = RetirementRange.Basis(rawValue: basisText),
          let from = string(row, "serial_from"), let to = string(row, "serial_to"),
          case .number(let quantityText)? = member(row, "quantity_t")?.value,
          let quantity = Int64(quantityText),
          case .number(let applicationText)? = member(row, "application")?.value,
          let application = Int(applicationText)
        else { throw fail("lists a retired range JointCredit cannot read", row.position) }
        let event = string(row, "event_id").flatMap { $0.isEmpty ? nil : Event.ID($0) }
        ranges.append(
          Range(
            body: code, basis: basis, event: event, serialFrom: from, serialTo: to,
            quantity: quantity, application: application))
      }
    }
    return RetiredAllocation(
      source: file.path, date: date, allocations: allocations, ranges: ranges)
  }
}
