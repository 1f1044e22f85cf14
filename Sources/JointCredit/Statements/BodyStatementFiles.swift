/// `statements/<body_code>.csv`, `.json` and `.html`: what one body receives.
///
/// Each holds the body's events (estimate, allocation, offset rate, cost), its totals, the credit
/// serials retired for it, the rule and unit used, and the purchase-wide totals for context, so
/// that an event organiser can read their own line and a finance officer can file the whole.
public enum BodyStatementFiles {
  /// The folder, inside the output folder.
  public static let folder = "statements"

  /// The three files of one body, relative to the output folder.
  public static func fileNames(for code: Body.Code) -> [String] {
    ["csv", "json", "html"].map { "\(folder)/\(code.rawValue).\($0)" }
  }

  /// The purchase facts every statement repeats, as label and value pairs.
  static func purchaseFacts(_ allocation: Allocation, _ text: StatementText) -> [(String, String)] {
    let purchase = allocation.purchase
    let numbers = StatementNumbers(allocation)
    var facts: [(String, String)] = []
    if !purchase.description.isEmpty { facts.append((text.credits, purchase.description)) }
    facts.append((text.lot, "\(numbers.allocated(purchase.lot)) t"))
    facts.append((text.mode, text.mode(purchase.mode)))
    if purchase.mode == .bodyThenEvent {
      facts.append((text.bodyRule, text.method(purchase.bodyMethod)))
      facts.append((text.bodyUnit, "\(purchase.bodyUnit) t"))
    }
    facts.append((text.rule, text.method(purchase.method)))
    facts.append((text.unit, "\(purchase.unit) t"))
    let constraints = text.constraintText(purchase)
    if !constraints.isEmpty { facts.append((text.constraints, constraints)) }
    if let invoice = allocation.invoiceTotal {
      let tax = text.taxNote(purchase.pricing?.taxIncluded)
      facts.append(
        (text.invoice, "\(HTML.yen(invoice)) \(text.yen)" + (tax.isEmpty ? "" : " (\(tax))")))
    }
    return facts
  }

  /// The purchase-wide totals, as label and value pairs.
  static func contextFacts(
    _ allocation: Allocation, _ totals: AllocationTotals, _ text: StatementText
  ) -> [(String, String)] {
    let numbers = StatementNumbers(allocation)
    return [
      (text.bodyCount, String(totals.bodies)),
      (text.eventCount, String(totals.events)),
      (text.emissions, "\(numbers.emissions(totals.emissions)) t"),
      (text.allocated, "\(numbers.allocated(totals.allocated)) t"),
      (text.rate, OffsetRate.percentText(totals.offsetRate) + " %"),
    ]
  }

  /// Writes the CSV statement: the facts as `item,value` rows, a blank line, the events with a
  /// total row, a blank line, and the serial ranges.
  public static func writeCSV(
    _ body: BodyAllocation, of allocation: Allocation, ranges: [RetirementRange]? = nil,
    writer csv: CSVWriter, language: StatementLanguage, to output: inout some ByteOutput
  ) {
    let ranges = ranges ?? allocation.retirement.filter { $0.body == body.body.code }
    let text = StatementText(language: language)
    let numbers = StatementNumbers(allocation)
    let priced = allocation.invoiceTotal != nil
    csv.writeStart(to: &output)
    csv.writeHeader(
      [language == .en ? "item" : "項目", language == .en ? "value" : "内容"],
      to: &output)
    let facts =
      [
        (text.code, body.body.code.rawValue), (text.name, body.body.name),
        (text.kindColumn, language.kind(body.body.kind)),
      ]
      + purchaseFacts(allocation, text)
    for (label, value) in facts { csv.writeRecord([.text(label), .text(value)], to: &output) }
    csv.writeBlankLine(to: &output)
    let columns: [StatementColumn] =
      [
        .eventID, .eventName, .eventDate, .emissions, .quota,
        .allocated, .offsetRate,
      ] + (priced ? [.cost] : [])
    csv.writeHeader(language.headers(columns), to: &output)
    for share in body.events {
      csv.writeRecord(to: &output) { row in
        row.text(share.event.id.rawValue)
        row.text(share.event.name)
        row.date(share.event.date)
        row.decimal(numbers.emissions(share.event.emissions))
        row.decimal(numbers.quota(share.quota))
        row.decimal(numbers.allocated(share.allocated))
        row.decimal(numbers.rate(share.offsetRate))
        if priced { row.integer(share.cost ?? 0) }
      }
    }
    csv.writeRecord(to: &output) { row in
      row.text(language.total)
      row.text("")
      row.date(nil)
      row.decimal(numbers.emissions(body.emissions))
      row.decimal(numbers.quota(body.quota))
      row.decimal(numbers.allocated(body.allocated))
      row.decimal(numbers.rate(body.offsetRate))
      if priced { row.integer(body.cost ?? 0) }
    }
    if !ranges.isEmpty {
      csv.writeBlankLine(to: &output)
      csv.writeHeader(
        language.headers([
          .basis, .scheme, .project, .vintage, .serialFrom,
          .serialTo, .quantity,
        ]), to: &output)
      for range in ranges {
        csv.writeRecord(
          [
            .text(language.basis(range.basis)), .text(range.block.scheme),
            .text(range.block.project),
            .text(range.block.vintage), .text(range.block.serial(range.first)),
            .text(range.block.serial(range.last)), .integer(Int(range.last - range.first + 1)),
          ], to: &output)
      }
    }
  }

  /// Writes the JSON statement (layout `jointcredit-body-statement`, described by the schema).
  public static func writeJSON(
    _ body: BodyAllocation, of allocation: Allocation, totals: AllocationTotals? = nil,
    ranges: [RetirementRange]? = nil, to output: inout some ByteOutput
  ) {
    let numbers = StatementNumbers(allocation)
    var json = JSONWriter(output: output)
    json.beginObject()
    json.field("format", "jointcredit-body-statement")
    json.field("format_version", AllocationDocument.formatVersion)
    json.field("generator", "jointcredit \(JointCreditVersion.current)")
    json.key("purchase")
    AllocationDocument.writePurchase(allocation, numbers: numbers, to: &json)
    json.key("body")
    AllocationDocument.writeBody(body, of: allocation.purchase, numbers: numbers, to: &json)
    json.key("retirement")
    AllocationDocument.writeRetirement(
      ranges ?? allocation.retirement.filter { $0.body == body.body.code }, to: &json)
    json.key("totals")
    AllocationDocument.writeTotals(
      allocation, totals: totals ?? AllocationTotals(allocation),
      numbers: numbers, to: &json)
    json.endObject()
    output = json.output
  }

  /// Writes the HTML statement.
  public static func writeHTML(
    _ body: BodyAllocation, of allocation: Allocation, totals: AllocationTotals? = nil,
    ranges: [RetirementRange]? = nil, language: StatementLanguage,
    to output: inout some ByteOutput
  ) {
    let text = StatementText(language: language)
    let numbers = StatementNumbers(allocation)
    let priced = allocation.invoiceTotal != nil
    let title = "\(text.statementTitle): \(body.body.name)"
    var html = "<h1>\(HTML.escape(text.statementTitle))</h1>\n"
    html +=
      "<p><strong>\(HTML.escape(body.body.name))</strong> (\(HTML.escape(body.body.code.rawValue)), "
      + "\(HTML.escape(language.kind(body.body.kind))))</p>\n"
    html += "<h2>\(HTML.escape(text.events))</h2>\n"
    let header: [(String, Bool)] =
      [
        (text.id, false), (text.name, false), (text.date, false),
        (text.emissions + " (t)", true), (text.allocated + " (t)", true),
        (text.rate + " (%)", true),
      ]
      + (priced ? [(text.cost + " (\(text.yen))", true)] : [])
    let rows = body.events.map { share -> [(String, Bool)] in
      [
        (share.event.id.rawValue, false), (share.event.name, false),
        (share.event.date?.description ?? "", false),
        (numbers.emissions(share.event.emissions).description, true),
        (numbers.allocated(share.allocated).description, true),
        (OffsetRate.percentText(share.offsetRate), true),
      ]
        + (priced ? [(HTML.yen(share.cost ?? 0), true)] : [])
    }
    let total: [(String, Bool)] =
      [
        (text.total, false), ("", false), ("", false),
        (numbers.emissions(body.emissions).description, true),
        (numbers.allocated(body.allocated).description, true),
        (OffsetRate.percentText(body.offsetRate), true),
      ]
      + (priced ? [(HTML.yen(body.cost ?? 0), true)] : [])
    html += HTML.table(header, rows, totalRow: total)
    if !allocation.purchase.creditBlocks.isEmpty {
      html += "<h2>\(HTML.escape(text.serials))</h2>\n"
      let ranges = ranges ?? allocation.retirement.filter { $0.body == body.body.code }
      let fraction = Quantity(grams: body.allocated.grams % Quantity.gramsPerTonne)
      if fraction > .zero {
        let secretariat = allocation.retirement.last { $0.basis == .fractions }?.body
        html +=
          "<p>\(HTML.escape(text.fractionNote(numbers.allocated(fraction).description, secretariat?.rawValue ?? "")))</p>\n"
      }
      if ranges.isEmpty {
        html += "<p>\(HTML.escape(text.noSerials))</p>\n"
      } else {
        html += HTML.table(
          [
            (text.basis, false), (text.scheme, false), (text.project, false), (text.vintage, false),
            (text.from, false), (text.to, false), (text.quantity + " (t)", true),
          ],
          ranges.map { range in
            [
              (language.basis(range.basis), false), (range.block.scheme, false),
              (range.block.project, false), (range.block.vintage, false),
              (range.block.serial(range.first), false), (range.block.serial(range.last), false),
              (String(range.last - range.first + 1), true),
            ]
          })
      }
    }
    html +=
      "<h2>\(HTML.escape(text.purchase))</h2>\n" + HTML.definitions(purchaseFacts(allocation, text))
    html +=
      "<h2>\(HTML.escape(text.context))</h2>\n"
      + HTML.definitions(contextFacts(allocation, totals ?? AllocationTotals(allocation), text))
    html +=
      "<p class=\"muted\">\(HTML.escape(text.generated)) jointcredit \(JointCreditVersion.current)</p>"
    output.write(HTML.page(title: title, language: language, body: html))
  }
}
