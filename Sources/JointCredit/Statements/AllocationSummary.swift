/// The few lines `jointcredit allocate` prints: the lot, the totals per kind, the overall offset
/// rate, the ties and where the statements went.
///
/// ```text
/// Allocated 100.0 t by largest-remainder (body-then-event mode, unit 0.1 t, body unit 0.1 t).
/// Credits: J-VER forest credits
///
///   kind      bodies  events  emissions_t  allocated_t  offset_rate_pct
///   ward          20      29       37.330         37.9            101.5
///   …
///   total         36      80       98.500        100.0            101.5
/// ```
public enum AllocationSummary {
  /// The summary text, ending in a newline.
  ///
  /// - Parameters:
  ///   - allocation: what was allocated.
  ///   - statements: the paths written, if any.
  public static func text(_ allocation: Allocation, statements: [String] = []) -> String {
    let purchase = allocation.purchase
    let numbers = StatementNumbers(allocation)
    var lines: [String] = []
    let lot = numbers.allocated(purchase.lot)
    if purchase.mode == .bodyThenEvent, purchase.bodyMethod != purchase.method {
      lines.append(
        "Allocated \(lot) t (body-then-event mode): to bodies by "
          + "\(purchase.bodyMethod.rawValue) in \(purchase.bodyUnit) t, to events by "
          + "\(purchase.method.rawValue) in \(purchase.unit) t.")
    } else {
      var how = "\(purchase.mode.rawValue) mode, unit \(purchase.unit) t"
      if purchase.mode == .bodyThenEvent { how += ", body unit \(purchase.bodyUnit) t" }
      lines.append("Allocated \(lot) t by \(purchase.method.rawValue) (\(how)).")
    }
    var constraints: [String] = []
    if let minimum = purchase.minimum { constraints.append("minimum \(minimum) t per event") }
    if let cap = purchase.cap {
      constraints.append(
        cap == .emissions
          ? "cap 100 % of each estimate"
          : "cap \(cap.percent) % of each estimate")
    }
    if let reserve = allocation.reserve {
      constraints.append("reserve \(reserve.code) (\(numbers.allocated(reserve.allocated)) t)")
    }
    if !constraints.isEmpty {
      lines.append("Constraints: " + constraints.joined(separator: ", ") + ".")
    }
    if !purchase.description.isEmpty { lines.append("Credits: \(purchase.description)") }
    lines.append("")
    let header = ["kind", "bodies", "events", "emissions_t", "allocated_t", "offset_rate_pct"]
    var rows = allocation.kinds.map { kind in
      [
        kind.kind.rawValue, String(kind.bodies), String(kind.events),
        numbers.emissions(kind.emissions).description,
        numbers.allocated(kind.allocated).description,
        OffsetRate.percentText(kind.offsetRate),
      ]
    }
    rows.append([
      "total", String(allocation.bodies.count), String(allocation.eventCount),
      numbers.emissions(allocation.emissions).description,
      numbers.allocated(allocation.allocated).description,
      OffsetRate.percentText(OffsetRate.of(allocation.allocated, per: allocation.emissions)),
    ])
    lines += table([header] + rows)
    lines.append("")
    let tieUnits = allocation.ties.reduce(0) { $0 + $1.winners.count }
    if tieUnits == 0 {
      lines.append("Ties: none; every unit was decided by the rounding rule alone.")
    } else {
      lines.append(
        "Ties: \(tieUnits) unit\(tieUnits == 1 ? " was" : "s were") decided by the tie "
          + "rule (larger estimate, then smaller code or id); each is listed in allocation.json.")
    }
    if !statements.isEmpty {
      lines.append("Statements:")
      lines += statements.map { "  \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Left-aligns the first column and right-aligns the others, two spaces apart.
  static func table(_ rows: [[String]]) -> [String] {
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      var line = "  "
      for (column, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        line += column == 0 ? cell + pad : "  " + pad + cell
      }
      return line
    }
  }
}
