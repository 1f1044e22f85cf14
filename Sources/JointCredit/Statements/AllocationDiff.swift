/// What changed between two allocations, read from their `allocation.json` documents: per
/// event and per body, the estimate, allocation, offset rate and cost, and the totals.
///
/// Estimates get revised after an allocation; `jointcredit diff OLD.json NEW.json` shows the
/// secretariat and each body what the revision moved.
public struct AllocationDiff: Sendable {
  /// The figures of one line (an event, a body, or the totals) in one document.
  public struct Figures: Hashable, Sendable {
    /// The name shown.
    public var name: String
    /// The estimate.
    public var emissions: Quantity
    /// The allocation.
    public var allocated: Quantity
    /// The offset rate in percent, as printed (`nil` for a zero estimate).
    public var rate: FixedDecimal?
    /// The cost in yen, when priced.
    public var cost: Int64?
  }

  /// How a line changed.
  public enum Change: String, Hashable, Sendable {
    case added, removed, changed
  }

  /// One line that differs.
  public struct Line: Hashable, Sendable {
    /// `event`, `body` or `total`.
    public var level: String
    /// `131032/E01`, `131032` or `total`.
    public var key: String
    /// Added, removed or changed.
    public var change: Change
    /// The old figures (`nil` when added).
    public var old: Figures?
    /// The new figures (`nil` when removed).
    public var new: Figures?
  }

  /// The lines that differ: totals first, then bodies, then events, each by key.
  public var lines: [Line]
  /// The decimals quantities are printed with.
  var emissionDecimals: Int
  var allocationDecimals: Int

  /// Compares two documents.
  ///
  /// - Throws: ``InputErrors`` when either is not a JointCredit allocation document.
  public init(old: SubmissionFile, new: SubmissionFile) throws(InputErrors) {
    var errors: [InputError] = []
    let before = Snapshot.read(old, errors: &errors)
    let after = Snapshot.read(new, errors: &errors)
    guard errors.isEmpty, let before, let after else { throw InputErrors(errors) }
    emissionDecimals = max(before.emissionDecimals, after.emissionDecimals)
    allocationDecimals = max(before.allocationDecimals, after.allocationDecimals)
    var lines: [Line] = []
    func compare(_ level: String, _ old: [String: Figures], _ new: [String: Figures]) {
      for key in Set(old.keys).union(new.keys).sorted(by: UTF8Bytes.precedes) {
        switch (old[key], new[key]) {
        case (let a?, let b?) where a != b:
          lines.append(Line(level: level, key: key, change: .changed, old: a, new: b))
        case (nil, let b?):
          lines.append(Line(level: level, key: key, change: .added, old: nil, new: b))
        case (let a?, nil):
          lines.append(Line(level: level, key: key, change: .removed, old: a, new: nil))
        default: break
        }
      }
    }
    compare("total", ["total": before.total], ["total": after.total])
    compare("body", before.bodies, after.bodies)
    compare("event", before.events, after.events)
    self.lines = lines
  }

  /// The columns of the CSV form.
  public static let columns = [
    "level", "key", "name", "change", "emissions_old_t", "emissions_new_t", "emissions_delta_t",
    "allocated_old_t", "allocated_new_t", "allocated_delta_t", "offset_rate_old_pct",
    "offset_rate_new_pct", "cost_old_jpy", "cost_new_jpy", "cost_delta_jpy",
  ]

  /// Writes the differences as CSV, one row per line that differs.
  public func writeCSV(format: CSVFormat, to output: inout some ByteOutput) {
    let csv = CSVWriter(format: format)
    csv.writeStart(to: &output)
    csv.writeHeader(Self.columns, to: &output)
    for line in lines {
      csv.writeRecord(to: &output) { row in
        row.text(line.level)
        row.text(line.key)
        row.text((line.new ?? line.old)?.name ?? "")
        row.text(line.change.rawValue)
        row.decimal(line.old.map { emissions($0.emissions) })
        row.decimal(line.new.map { emissions($0.emissions) })
        row.decimal(delta(line.old?.emissions, line.new?.emissions).map(emissions))
        row.decimal(line.old.map { allocated($0.allocated) })
        row.decimal(line.new.map { allocated($0.allocated) })
        row.decimal(delta(line.old?.allocated, line.new?.allocated).map(allocated))
        row.decimal(line.old?.rate)
        row.decimal(line.new?.rate)
        if let cost = line.old?.cost { row.integer(cost) } else { row.number("") }
        if let cost = line.new?.cost { row.integer(cost) } else { row.number("") }
        if line.old?.cost != nil || line.new?.cost != nil {
          row.integer((line.new?.cost ?? 0) - (line.old?.cost ?? 0))
        } else {
          row.number("")
        }
      }
    }
  }

  /// The differences for people, one line each.
  public var text: String {
    guard !lines.isEmpty else { return "No differences.\n" }
    var out: [String] = []
    for level in ["total", "body", "event"] {
      let group = lines.filter { $0.level == level }
      guard !group.isEmpty else { continue }
      out.append(
        level == "total"
          ? "Totals:" : "\(level == "body" ? "Bodies" : "Events") that differ: \(group.count)")
      for line in group { out.append("  " + describe(line)) }
    }
    return out.joined(separator: "\n") + "\n"
  }

  private func describe(_ line: Line) -> String {
    let name = (line.new ?? line.old)?.name ?? ""
    let head = line.level == "total" ? "" : "\(line.key) \(name): "
    switch (line.old, line.new) {
    case (nil, let new?):
      return head
        + "added, estimate \(emissions(new.emissions)) t, allocated \(allocated(new.allocated)) t"
        + (new.cost.map { ", cost \(HTML.yen($0)) yen" } ?? "")
    case (let old?, nil):
      return head
        + "removed (was estimate \(emissions(old.emissions)) t, allocated \(allocated(old.allocated)) t)"
    case (let old?, let new?):
      var parts: [String] = []
      parts.append(
        "estimate \(emissions(old.emissions)) → \(emissions(new.emissions)) t"
          + signed(delta(old.emissions, new.emissions), emissions))
      parts.append(
        "allocated \(allocated(old.allocated)) → \(allocated(new.allocated)) t"
          + signed(delta(old.allocated, new.allocated), allocated))
      parts.append("offset rate \(rate(old.rate)) → \(rate(new.rate)) %")
      if old.cost != nil || new.cost != nil {
        let change = (new.cost ?? 0) - (old.cost ?? 0)
        parts.append(
          "cost \(old.cost.map(HTML.yen) ?? "–") → \(new.cost.map(HTML.yen) ?? "–") yen"
            + (change == 0 ? "" : " (\(change > 0 ? "+" : "")\(HTML.yen(change)))"))
      }
      return head + parts.joined(separator: "; ")
    default:
      return head
    }
  }

  private func emissions(_ quantity: Quantity) -> FixedDecimal {
    FixedDecimal(quantity, atLeast: emissionDecimals)
  }

  private func allocated(_ quantity: Quantity) -> FixedDecimal {
    FixedDecimal(quantity, atLeast: allocationDecimals)
  }

  private func rate(_ rate: FixedDecimal?) -> String {
    rate?.description ?? "–"
  }

  private func delta(_ old: Quantity?, _ new: Quantity?) -> Quantity? {
    guard old != nil || new != nil else { return nil }
    return Quantity(grams: (new?.grams ?? 0) - (old?.grams ?? 0))
  }

  private func signed(_ delta: Quantity?, _ format: (Quantity) -> FixedDecimal) -> String {
    guard let delta, delta != .zero else { return "" }
    return " (\(delta > .zero ? "+" : "")\(format(delta)))"
  }
}

extension AllocationDiff {
  /// The figures of one allocation document.
  struct Snapshot {
    var total: Figures
    var bodies: [String: Figures] = [:]
    var events: [String: Figures] = [:]
    var emissionDecimals = 0
    var allocationDecimals = 0

    static func read(_ file: SubmissionFile, errors: inout [InputError]) -> Snapshot? {
      let root: JSONNode
      do {
        root = try JSONParser.parse(try TextDecoding.decode(file.bytes, source: file.path).utf8)
      } catch let error as InputError {
        errors.append(error)
        return nil
      } catch let error as JSONParser.SyntaxError {
        errors.append(InputError(error.reason, at: InputLocation(file.path, error.position)))
        return nil
      } catch {
        return nil
      }
      let location = InputLocation(file.path, root.position)
      guard case .string("jointcredit-allocation")? = member("format", of: root.value) else {
        errors.append(
          InputError(
            .jsonType(
              field: "format",
              expected: "\"jointcredit-allocation\" "
                + "(give the allocation.json that jointcredit allocate wrote)"), at: location))
        return nil
      }
      var snapshot = Snapshot(total: Figures(name: "total", emissions: .zero, allocated: .zero))
      var bad = false
      func figures(_ value: JSONValue, name: String) -> Figures {
        // Quantities and costs as allocate writes them: never negative, so that differences of
        // two of them always fit.
        func quantity(_ key: String, decimals: inout Int) -> Quantity? {
          guard case .string(let text)? = member(key, of: value),
            case .success(let parsed) = Result(catching: { try Quantity.parse(text) }),
            parsed.quantity >= .zero
          else { return nil }
          decimals = max(decimals, parsed.writtenDecimals)
          return parsed.quantity
        }
        let emissions = quantity("emissions_t", decimals: &snapshot.emissionDecimals)
        let allocated = quantity("allocated_t", decimals: &snapshot.allocationDecimals)
        if emissions == nil || allocated == nil { bad = true }
        var cost: Int64?
        if let node = member("cost_jpy", of: value) {
          if case .number(let text) = node,
            case .success(let yen) = WholeNumber.parse(text, limit: Int64.max)
          {
            cost = yen
          } else {
            bad = true
          }
        }
        var rate: FixedDecimal?
        if let node = member("offset_rate_pct", of: value), node != .null {
          if case .string(let text) = node, let parsed = Self.decimal(text) {
            rate = parsed
          } else {
            bad = true
          }
        }
        return Figures(
          name: name, emissions: emissions ?? .zero, allocated: allocated ?? .zero,
          rate: rate, cost: cost)
      }
      if let totals = member("totals", of: root.value) {
        snapshot.total = figures(totals, name: "total")
      }
      if case .array(let bodies)? = member("bodies", of: root.value) {
        for body in bodies {
          guard case .string(let code)? = member("body_code", of: body.value) else {
            bad = true; continue
          }
          let name: String =
            if case .string(let n)? = member("body_name", of: body.value) { n } else { "" }
          snapshot.bodies[code] = figures(body.value, name: name)
          guard case .array(let events)? = member("events", of: body.value) else { continue }
          for event in events {
            guard case .string(let id)? = member("event_id", of: event.value) else {
              bad = true; continue
            }
            let eventName: String =
              if case .string(let n)? = member("event_name", of: event.value) { n } else { "" }
            snapshot.events["\(code)/\(id)"] = figures(event.value, name: eventName)
          }
        }
      }
      if bad {
        errors.append(
          InputError(
            .jsonType(
              field: "bodies",
              expected: "bodies and events with the "
                + "fields allocate writes"), at: location))
        return nil
      }
      return snapshot
    }

    /// A non-negative decimal as written, `123` or `101.55`, with as many places as it has.
    static func decimal(_ text: String) -> FixedDecimal? {
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }),
        text.utf8.count <= 36,
        text.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || (0x30...0x39).contains($0) })
      else { return nil }
      let digits = parts.joined().utf8.reduce(Int128(0)) { $0 * 10 + Int128($1 - 0x30) }
      return FixedDecimal(digits: digits, decimals: parts.count == 2 ? parts[1].count : 0)
    }

    static func member(_ key: String, of value: JSONValue) -> JSONValue? {
      guard case .object(let members) = value else { return nil }
      return members.first { $0.key == key }?.value.value
    }
  }
}
