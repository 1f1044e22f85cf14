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
    if !purchase.issuer.isEmpty { facts.append((text.issuer, purchase.issuer)) }
    if let issued = purchase.issuedOn { facts.append((text.issuedOn, issued.description)) }
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
    if case .perTonne(let yen) = purchase.pricing?.basis,
      !purchase.creditBlocks.contains(where: { $0.price != nil })
    {
      facts.append((text.pricePerTonne, "\(HTML.yen(yen)) \(text.yen)/t"))
    } else if let average = purchase.averagePrice {
      facts.append(
        (text.averagePrice, "\(FixedDecimal(rounding: average, decimals: 2)) \(text.yen)/t"))
    }
    if !purchase.creditBlocks.isEmpty {
      facts.append((text.label(for: .purpose), purchase.purpose))
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
    csv.writeStart(to: &output)
    csv.writeHeader(
      [language == .en ? "item" : "項目", language == .en ? "value" : "内容"],
      to: &output)
    for (label, value) in facts(body, of: allocation, language: language) {
      csv.writeRecord([.text(label), .text(value)], to: &output)
    }
    csv.writeBlankLine(to: &output)
    csv.write(
      eventTable(for: allocation), rows: eventLines(body, of: allocation), language: language,
      to: &output)
    if !ranges.isEmpty {
      csv.writeBlankLine(to: &output)
      csv.write(rangeTable, rows: ranges, language: language, to: &output)
    }
  }

  /// The facts at the head of a body's statement: its code, name and kind, then the purchase's.
  static func facts(_ body: BodyAllocation, of allocation: Allocation, language: StatementLanguage)
    -> [(String, String)]
  {
    let text = StatementText(language: language)
    return [
      (text.code, body.body.code.rawValue), (text.name, body.body.name),
      (text.kindColumn, language.kind(body.body.kind)),
    ] + purchaseFacts(allocation, text)
  }

  /// The lines of a body's events table: its events, its total, and the reserve when it holds
  /// it.
  static func eventLines(_ body: BodyAllocation, of allocation: Allocation)
    -> some Sequence<ShareLine>
  {
    let reference = ShareLine.BodyReference(body)
    return Chained(
      reference.eventLines,
      [ShareLine.total(of: reference)]
        + (heldReserve(body, allocation).map { [ShareLine.reserveOfBody($0)] } ?? []))
  }

  /// The reserve, when this body holds it.
  static func heldReserve(_ body: BodyAllocation, _ allocation: Allocation) -> ReserveAllocation? {
    allocation.reserve.flatMap { $0.code == body.body.code ? $0 : nil }
  }

  /// The events of a body's statement: its columns over the body's event lines and total line.
  public static func eventTable(for allocation: Allocation) -> StatementTable<ShareLine> {
    AllocationDocument.eventTable(
      priced: allocation.invoiceTotal != nil, numbers: StatementNumbers(allocation))
  }

  /// The serials retired for a body: the columns of retirement.csv but the body's own.
  public static let rangeTable = RetirementRange.table([
    .application, .eventID, .basis, .purposeDetail, .scheme, .project, .vintage, .serialFrom,
    .serialTo, .quantity, .retirementDate,
  ])

  /// Writes the JSON statement (layout `jointcredit-body-statement`, described by the schema).
  public static func writeJSON(
    _ body: BodyAllocation, of allocation: Allocation, totals: AllocationTotals? = nil,
    ranges: [RetirementRange]? = nil, to output: inout some ByteOutput
  ) {
    let numbers = StatementNumbers(allocation)
    // Moved into the writer and back (see AllocationDocument's parts).
    var json = JSONWriter(output: consume output)
    json.beginObject()
    json.field("format", "jointcredit-body-statement")
    json.field("format_version", AllocationDocument.formatVersion)
    json.field("generator", "jointcredit \(JointCreditVersion.current)")
    json.key("purchase")
    AllocationDocument.writePurchase(allocation, numbers: numbers, to: &json)
    json.key("body")
    AllocationDocument.writeBody(body, of: allocation.purchase, numbers: numbers, to: &json)
    if let reserve = heldReserve(body, allocation) {
      // The reserve the body holds, so that the bodies' statements add up to the invoice.
      json.key("reserve")
      json.beginObject(inline: true)
      json.field("allocated_t", numbers.allocated(reserve.allocated))
      if let cost = reserve.cost { json.field("cost_jpy", cost) }
      json.endObject()
    }
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
    let reference = ShareLine.BodyReference(body)
    let text = StatementText(language: language)
    let numbers = StatementNumbers(allocation)
    let title = "\(text.statementTitle): \(body.body.name)"
    // Bytes, not a string: the events' table of a large body is most of the page.
    var html: [UInt8] = []
    func add(_ text: String) { UTF8Bytes.append(text, to: &html) }
    func add(_ pairs: [(String, String)]) { HTML.appendDefinitions(pairs, to: &html) }
    HTML.appendHeading(text.statementTitle, level: 1, to: &html)
    let purchase = allocation.purchase
    let issue =
      (purchase.issuer.isEmpty ? [] : [(text.issuer, purchase.issuer)])
      + (purchase.issuedOn.map { [(text.issuedOn, $0.description)] } ?? [])
    if !issue.isEmpty { add(issue) }
    add(
      "<p><strong>\(HTML.escape(body.body.name))</strong> (\(HTML.escape(body.body.code.rawValue)), "
        + "\(HTML.escape(language.kind(body.body.kind))))</p>\n")
    HTML.appendHeading(text.events, to: &html)
    HTML.appendTable(
      eventTable(for: allocation), rows: reference.eventLines,
      totalRow: ShareLine.total(of: reference), language: language, to: &html)
    if let reserve = heldReserve(body, allocation) {
      add(
        "<p>\(HTML.escape(text.reserveHeld(numbers.allocated(reserve.allocated).description, reserve.cost.map { HTML.yen($0) })))</p>\n"
      )
    }
    if !allocation.purchase.creditBlocks.isEmpty {
      HTML.appendHeading(text.serials, to: &html)
      let ranges = ranges ?? allocation.retirement.filter { $0.body == body.body.code }
      // What the body's events' fractions leave below a whole tonne goes to the pool.
      let tonne = Quantity.gramsPerTonne
      let fraction = Quantity(
        grams: body.events.reduce(0) { $0 + $1.allocated.grams % tonne } % tonne)
      if fraction > .zero {
        let secretariat = allocation.retirement.last { $0.basis == .fractions }?.body
        add(
          "<p>\(HTML.escape(text.fractionNote(numbers.allocated(fraction).description, secretariat?.rawValue ?? "")))</p>\n"
        )
      }
      if ranges.isEmpty {
        add("<p>\(HTML.escape(text.noSerials))</p>\n")
      } else {
        HTML.appendTable(rangeTable, rows: ranges, language: language, to: &html)
      }
      if let retired = ranges.first(where: { $0.basis != .reserve }) {
        add(
          CertificatePage.retirementLine(
            retired.retirementDate, words: CertificateText(language: language)))
      }
    }
    HTML.appendHeading(text.purchase, to: &html)
    add(purchaseFacts(allocation, text))
    HTML.appendHeading(text.context, to: &html)
    add(contextFacts(allocation, totals ?? AllocationTotals(allocation), text))
    add(
      "<p class=\"muted\">\(HTML.escape(text.generated)) jointcredit \(JointCreditVersion.current)</p>"
    )
    HTML.writePage(title: title, language: language, body: html, to: &output)
  }
}
