/// `report.html`: the whole purchase on one self-contained page for the secretariat — the
/// purchase summary, a table per kind like the published tables (区/市/町村/other), a table per
/// body, and SVG bar charts of the offset rate per body and the allocation per kind. No scripts,
/// fonts or images are loaded from anywhere.
public enum ReportPage {
  /// The file name.
  public static let fileName = "report.html"

  /// The most bodies the rate chart shows one bar each; beyond, the lowest and highest half each.
  public static let chartLimit = 120

  /// Writes the page.
  public static func write(
    _ allocation: Allocation, language: StatementLanguage, to output: inout some ByteOutput
  ) {
    let text = StatementText(language: language)
    let numbers = StatementNumbers(allocation)
    let priced = allocation.invoiceTotal != nil
    var html = "<h1>\(HTML.escape(text.reportTitle))</h1>\n"
    html += "<h2>\(HTML.escape(text.purchase))</h2>\n"
    html += HTML.definitions(
      BodyStatementFiles.purchaseFacts(allocation, text)
        + BodyStatementFiles.contextFacts(allocation, AllocationTotals(allocation), text))

    // Per kind, grouped as the published tables are.
    html += "<h2>\(HTML.escape(text.perKind))</h2>\n"
    let groups = StatementText.groups.compactMap { kinds -> (String, [BodyAllocation])? in
      let members = allocation.bodies.filter { kinds.contains($0.body.kind) }
      return members.isEmpty ? nil : (text.group(kinds), members)
    }
    func sums(_ bodies: [BodyAllocation]) -> (Int, Quantity, Quantity, Int64) {
      (
        bodies.reduce(0) { $0 + $1.events.count },
        Quantity(grams: bodies.reduce(0) { $0 + $1.emissions.grams }),
        Quantity(grams: bodies.reduce(0) { $0 + $1.allocated.grams }),
        bodies.reduce(0) { $0 + ($1.cost ?? 0) }
      )
    }
    let kindHeader: [(String, Bool)] =
      [
        (text.kindColumn, false), (text.bodyCount, true),
        (text.eventCount, true), (text.emissions + " (t)", true),
        (text.allocated + " (t)", true), (text.rate + " (%)", true),
      ]
      + (priced ? [(text.cost + " (\(text.yen))", true)] : [])
    func row(_ label: String, _ bodies: [BodyAllocation]) -> [(String, Bool)] {
      let (events, emissions, allocated, cost) = sums(bodies)
      return [
        (label, false), (String(bodies.count), true), (String(events), true),
        (numbers.emissions(emissions).description, true),
        (numbers.allocated(allocated).description, true),
        (OffsetRate.percentText(OffsetRate.of(allocated, per: emissions)), true),
      ]
        + (priced ? [(HTML.yen(cost), true)] : [])
    }
    var kindRows = groups.map { row($0.0, $0.1) }
    if let reserve = allocation.reserve {
      kindRows.append(
        [
          (text.reserve + " (\(reserve.code))", false), ("", true), ("", true),
          ("", true), (numbers.allocated(reserve.allocated).description, true),
          ("", true),
        ] + (priced ? [(HTML.yen(reserve.cost ?? 0), true)] : []))
    }
    // The total is of the bodies, like the rows above it; the reserve row stands apart.
    html += HTML.table(kindHeader, kindRows, totalRow: row(text.total, allocation.bodies))
    html += "<h2>\(HTML.escape(text.chartKinds))</h2>\n"
    html +=
      "<div class=\"chart\">"
      + kindChart(
        groups.map { ($0.0, sums($0.1).1, sums($0.1).2) }, text: text, numbers: numbers)
      + "</div>\n"

    // Per body.
    html +=
      "<h2>\(HTML.escape(text.chartRates))</h2>\n<div class=\"chart\">"
      + rateChart(allocation, text: text) + "</div>\n"
    html += "<h2>\(HTML.escape(text.perBody))</h2>\n"
    // The per-body table is bodies.csv's: its definition, rendered for a page (the reserve
    // and the shortfall included, the exact share left to the data formats).
    html += HTML.table(
      BodyStatement.table(for: allocation), rows: BodyStatement.lines(of: allocation),
      language: language)
    html +=
      "<p class=\"muted\">\(HTML.escape(text.generated)) jointcredit \(JointCreditVersion.current)</p>"
    output.write(HTML.page(title: text.reportTitle, language: language, body: html))
  }

  /// Horizontal bars of each body's offset rate, with a line at 100 %.
  static func rateChart(_ allocation: Allocation, text: StatementText) -> String {
    var bodies = allocation.bodies.filter { $0.offsetRate != nil }
    var note = ""
    if bodies.count > chartLimit {
      let sorted = bodies.sorted {
        ($0.offsetRate!.scaledRoundedHalfUp(decimals: 4), $0.body.code.rawValue) < (
          $1.offsetRate!.scaledRoundedHalfUp(decimals: 4), $1.body.code.rawValue
        )
      }
      bodies = Array(sorted.prefix(chartLimit / 2) + sorted.suffix(chartLimit / 2))
      note = "<p class=\"muted\">\(bodies.count) / \(allocation.bodies.count)</p>\n"
    }
    // Rates in tenths of a percent; the scale runs to the next 50 % above the highest (at least 150 %).
    // In 128 bits: a rate can reach 10^20 % (a minimum far above a tiny estimate).
    let tenths = bodies.map { OffsetRate.percent($0.offsetRate)!.digits }
    let top = max(1_500, ((tenths.max() ?? 0) + 499) / 500 * 500)
    let (label, plot, rowHeight) = (170, 520, 18)
    let height = bodies.count * rowHeight + 50
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(label + plot + 60) \(height)\" width=\"\(label + plot + 60)\" height=\"\(height)\">\n"
    svg += "<title>\(HTML.escape(text.chartRates))</title>\n"
    for (index, body) in bodies.enumerated() {
      let y = index * rowHeight + 4
      let width = Int(tenths[index] * Int128(plot) / top)
      let name =
        body.body.name.count > 12 ? String(body.body.name.prefix(11)) + "…" : body.body.name
      svg +=
        "<text x=\"\(label - 6)\" y=\"\(y + 12)\" text-anchor=\"end\">\(HTML.escape(name))</text>"
      svg +=
        "<rect class=\"\(tenths[index] >= 1_000 ? "over" : "bar")\" x=\"\(label)\" y=\"\(y)\" width=\"\(width)\" height=\"\(rowHeight - 5)\"/>"
      svg +=
        "<text x=\"\(label + width + 4)\" y=\"\(y + 12)\">\(tenths[index] / 10).\(tenths[index] % 10)</text>\n"
    }
    let hundred = label + Int(1_000 * Int128(plot) / top)
    let axis = bodies.count * rowHeight + 4
    svg += "<line class=\"axis\" x1=\"\(hundred)\" y1=\"0\" x2=\"\(hundred)\" y2=\"\(axis)\"/>"
    svg += "<text x=\"\(hundred)\" y=\"\(axis + 14)\" text-anchor=\"middle\">100 %</text>\n"
    let legend = axis + 36
    svg += "<rect class=\"bar\" x=\"\(label)\" y=\"\(legend - 9)\" width=\"10\" height=\"10\"/>"
    svg += "<text x=\"\(label + 14)\" y=\"\(legend)\">\(HTML.escape(text.belowFull))</text>"
    svg +=
      "<rect class=\"over\" x=\"\(label + 200)\" y=\"\(legend - 9)\" width=\"10\" height=\"10\"/>"
    svg +=
      "<text x=\"\(label + 214)\" y=\"\(legend)\">\(HTML.escape(text.fullOrMore))</text>\n</svg>\n"
    return note + svg
  }

  /// Pairs of bars per kind: estimated emissions and allocation, in tonnes.
  static func kindChart(
    _ groups: [(String, Quantity, Quantity)], text: StatementText, numbers: StatementNumbers
  ) -> String {
    let largest = max(1, groups.map { max($0.1.grams, $0.2.grams) }.max() ?? 1)
    let (label, plot, rowHeight) = (120, 560, 40)
    let height = groups.count * rowHeight + 30
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(label + plot + 90) \(height)\" width=\"\(label + plot + 90)\" height=\"\(height)\">\n"
    svg += "<title>\(HTML.escape(text.chartKinds))</title>\n"
    for (index, group) in groups.enumerated() {
      let y = index * rowHeight + 4
      let emissions = Int(Int128(group.1.grams) * Int128(plot) / Int128(largest))
      let allocated = Int(Int128(group.2.grams) * Int128(plot) / Int128(largest))
      svg +=
        "<text x=\"\(label - 6)\" y=\"\(y + 22)\" text-anchor=\"end\">\(HTML.escape(group.0))</text>"
      svg +=
        "<rect fill=\"#b9c2cc\" x=\"\(label)\" y=\"\(y)\" width=\"\(emissions)\" height=\"14\"/>"
      svg +=
        "<text x=\"\(label + emissions + 4)\" y=\"\(y + 11)\">\(numbers.emissions(group.1)) t</text>"
      svg +=
        "<rect class=\"bar\" x=\"\(label)\" y=\"\(y + 16)\" width=\"\(allocated)\" height=\"14\"/>"
      svg +=
        "<text x=\"\(label + allocated + 4)\" y=\"\(y + 27)\">\(numbers.allocated(group.2)) t</text>\n"
    }
    let legend = groups.count * rowHeight + 18
    svg += "<rect fill=\"#b9c2cc\" x=\"\(label)\" y=\"\(legend - 9)\" width=\"10\" height=\"10\"/>"
    svg += "<text x=\"\(label + 14)\" y=\"\(legend)\">\(HTML.escape(text.emissions))</text>"
    svg +=
      "<rect class=\"bar\" x=\"\(label + 200)\" y=\"\(legend - 9)\" width=\"10\" height=\"10\"/>"
    svg +=
      "<text x=\"\(label + 214)\" y=\"\(legend)\">\(HTML.escape(text.allocated))</text>\n</svg>\n"
    return svg
  }
}
