import ApportionmentModule

/// `allocation.json`: the whole allocation in one document for other programs.
///
/// It holds the purchase parameters, the totals per kind and overall, every body with its
/// events, every tie, the warnings and the input files read. Every decimal is a string, so no
/// consumer parses it through a float; every list is sorted, so the same inputs give the same
/// bytes.
public enum AllocationDocument {
  /// The file name.
  public static let fileName = "allocation.json"

  /// Identifies the document's layout; it changes only when the layout does.
  public static let formatVersion = 3

  /// The tie rule, stated in every document so that a reader can check decisions.
  public static let tieRule =
    "larger estimate first, then smaller identifier (body code, then event id, by UTF-8 bytes)"

  /// Writes the document.
  ///
  /// - Parameters:
  ///   - allocation: what was allocated.
  ///   - files: the input files read.
  ///   - warnings: the warnings noticed in the input.
  ///   - output: where to write.
  public static func write(
    _ allocation: Allocation, files: [InputFile], warnings: [InputWarning],
    to output: inout some ByteOutput
  ) {
    write(0, of: .whole(allocation), allocation, files: files, warnings: warnings, to: &output)
  }

  /// Writes one part of the document: the first part starts with everything before the
  /// bodies, the last ends with everything after them.
  static func write(
    _ part: Int, of parts: StatementParts, _ allocation: Allocation, files: [InputFile],
    warnings: [InputWarning], to output: inout some ByteOutput
  ) {
    let numbers = StatementNumbers(allocation)
    // A later part starts inside the document and its bodies, and inside a body's events when
    // it starts among them. The output is moved into the writer and back, not copied: a copy
    // would make the writer's first append copy the output's buffer, and drop its reserve.
    var json =
      part == 0
      ? JSONWriter(output: consume output)
      : JSONWriter(output: consume output, resumingAt: parts.startsInsideBody(part) ? 4 : 2)
    if part == 0 {
      writeHead(allocation, numbers: numbers, to: &json)
      json.key("bodies")
      json.beginArray()
    }
    for span in parts.spans(part) {
      let body = allocation.bodies[span.body]
      let reference = ShareLine.BodyReference(body)
      if span.opens {
        writeBodyOpening(reference, of: allocation.purchase, numbers: numbers, to: &json)
      }
      writeEvents(
        span.events, of: reference, purchase: allocation.purchase, numbers: numbers, to: &json)
      if span.closes {
        json.endArray()
        json.endObject()
      }
    }
    if part == parts.count - 1 {
      json.endArray()
      writeTail(allocation, files: files, warnings: warnings, to: &json)
    }
    output = json.output
  }

  /// Everything before the bodies.
  private static func writeHead<Output: ByteOutput>(
    _ allocation: Allocation, numbers: StatementNumbers, to json: inout JSONWriter<Output>
  ) {
    json.beginObject()
    json.field("format", "jointcredit-allocation")
    json.field("format_version", formatVersion)
    json.field("generator", "jointcredit \(JointCreditVersion.current)")
    if let revises = allocation.revises {
      json.key("revises")
      json.beginObject(inline: true)
      json.field("path", revises.path)
      json.field("retired", revises.retired)
      json.endObject()
    }

    json.key("purchase")
    writePurchase(allocation, numbers: numbers, to: &json)

    json.key("totals")
    writeTotals(allocation, totals: AllocationTotals(allocation), numbers: numbers, to: &json)

    json.key("reserve")
    if let reserve = allocation.reserve {
      json.beginObject(inline: true)
      json.field("body_code", reserve.code.rawValue)
      json.field("body_name", reserve.name)
      json.field("allocated_t", numbers.allocated(reserve.allocated))
      if let cost = reserve.cost { json.field("cost_jpy", cost) }
      json.endObject()
    } else {
      json.null()
    }

    json.key("kinds")
    json.beginArray()
    for kind in allocation.kinds {
      json.beginObject(inline: true)
      json.field("kind", kind.kind.rawValue)
      json.field("name", kind.kind.japaneseName)
      json.field("bodies", kind.bodies)
      json.field("events", kind.events)
      json.field("emissions_t", numbers.emissions(kind.emissions))
      json.field("allocated_t", numbers.allocated(kind.allocated))
      json.field("offset_rate_pct", numbers.rate(kind.offsetRate))
      json.field("shortfall_t", numbers.shortfall(kind.shortfall))
      json.endObject()
    }
    json.endArray()

  }

  /// Everything after the bodies.
  private static func writeTail<Output: ByteOutput>(
    _ allocation: Allocation, files: [InputFile], warnings: [InputWarning],
    to json: inout JSONWriter<Output>
  ) {
    json.key("ties")
    json.beginArray()
    for tie in allocation.ties {
      json.beginObject()
      json.field("level", tie.level.rawValue)
      json.field("within", tie.within?.rawValue)
      json.field("method", tie.method.rawValue)
      json.field("unit_t", tie.unit.description)
      json.field("units", tie.winners.count)
      if tie.method.isDivisorMethod {
        json.field("priority_t_per_unit", TieText.priority(tie.priority))
      } else {
        json.field("remainder_t", tie.remainderText)
        json.field("remainder_of_unit", tie.priority.fractionText)
      }
      json.key("winners")
      json.beginArray(inline: true)
      for key in tie.winners { json.string(key.description) }
      json.endArray()
      json.key("losers")
      json.beginArray(inline: true)
      for key in tie.losers { json.string(key.description) }
      json.endArray()
      json.endObject()
    }
    json.endArray()

    json.key("retirement")
    writeRetirement(allocation.retirement, to: &json)

    writeLines("notes", allocation.notes.map { $0.text(.en) }, to: &json)

    json.key("warnings")
    json.beginArray()
    for warning in warnings {
      json.beginObject(inline: true)
      json.field("file", warning.location?.source)
      if let sheet = warning.location?.sheet {
        json.field("sheet", sheet)
        json.field("cell", warning.location?.position.map { SpreadsheetXML.cellReference($0) })
      }
      if let position = warning.location?.position {
        json.field("line", position.line)
        json.field("column", position.column)
      }
      json.field("message", warning.reason.message)
      json.endObject()
    }
    json.endArray()

    json.key("inputs")
    json.beginArray()
    for file in files {
      json.beginObject(inline: true)
      json.field("path", file.path)
      json.field("format", file.format.rawValue)
      json.field("encoding", file.encoding.rawValue)
      json.field("events", file.events)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }
}

extension AllocationDocument {
  static func writePurchase<Output: ByteOutput>(
    _ allocation: Allocation, numbers: StatementNumbers, to json: inout JSONWriter<Output>
  ) {
    let purchase = allocation.purchase
    json.beginObject()
    json.field("description", purchase.description)
    json.field("lot_t", numbers.allocated(purchase.lot))
    json.field("unit_t", purchase.unit.description)
    json.field("body_unit_t", purchase.mode == .bodyThenEvent ? purchase.bodyUnit.description : nil)
    json.field("mode", purchase.mode.rawValue)
    json.field("method", purchase.method.rawValue)
    json.field("body_method", purchase.mode == .bodyThenEvent ? purchase.bodyMethod.rawValue : nil)
    json.field("min_t", purchase.minimum.map(numbers.allocated))
    json.field(
      "floor",
      purchase.floor.map { floor -> String in
        if case .emissions = floor { return "emissions" } else { return "rate" }
      })
    json.field(
      "min_rate_pct",
      purchase.floor.map { FixedDecimal($0.percent, decimals: $0.percent.significantDecimals) })
    json.field("surplus", purchase.surplus.rawValue)
    json.field(
      "cap",
      purchase.cap.map { cap -> String in
        if case .emissions = cap { return "emissions" } else { return "rate" }
      })
    json.field(
      "cap_rate_pct",
      purchase.cap.map { FixedDecimal($0.percent, decimals: $0.percent.significantDecimals) })
    json.field("reserve", purchase.reserve?.rawValue)
    json.field("tie_rule", tieRule)
    if let pricing = purchase.pricing {
      switch pricing.basis {
      case .perTonne(let yen): json.field("price_jpy_per_t", yen)
      case .invoiceTotal(let yen): json.field("invoice_total_jpy", yen)
      case .blockPrices: break
      }
      json.field("tax_included", pricing.taxIncluded)
    }
    if purchase.creditBlocks.contains(where: { $0.price != nil }),
      let average = purchase.averagePrice
    {
      json.field("average_price_jpy_per_t", FixedDecimal(rounding: average, decimals: 2))
    }
    if !purchase.issuer.isEmpty { json.field("issuer", purchase.issuer) }
    if let issued = purchase.issuedOn { json.field("issued_on", issued) }
    if !purchase.creditBlocks.isEmpty {
      json.field(
        "secretariat",
        allocation.retirement.last { $0.basis == .fractions }?.body.rawValue
          ?? (purchase.secretariat ?? purchase.reserve)?.rawValue ?? "secretariat")
      json.field("purpose", purchase.purpose)
      json.field("mix", purchase.effectiveMix.rawValue)
      json.key("credit_blocks")
      json.beginArray()
      for block in purchase.creditBlocks {
        json.beginObject(inline: true)
        json.field("scheme", block.scheme)
        json.field("project", block.project)
        json.field("vintage", block.vintage)
        json.field("serial_from", block.serial(block.first))
        json.field("serial_to", block.serial(block.last))
        json.field("quantity_t", Int(block.count))
        if let price = block.price { json.field("price_jpy_per_t", price) }
        json.endObject()
      }
      json.endArray()
    }
    json.endObject()

  }

  /// A body's figures in allocation.json: the columns of bodies.csv but the count of events.
  static func bodyTable(priced: Bool, numbers: StatementNumbers) -> StatementTable<ShareLine> {
    ShareLine.table(
      ShareLine.bodyColumns + ShareLine.figureColumns, priced: priced, numbers: numbers)
  }

  /// An event's figures in allocation.json: the columns of a body statement's events.
  static func eventTable(priced: Bool, numbers: StatementNumbers) -> StatementTable<ShareLine> {
    ShareLine.table(ShareLine.eventColumns, priced: priced, numbers: numbers)
  }

  /// Writes one body, with its events, as allocation.json and the body's own statement have it.
  static func writeBody<Output: ByteOutput>(
    _ body: BodyAllocation, of purchase: Purchase, numbers: StatementNumbers,
    to json: inout JSONWriter<Output>
  ) {
    let reference = ShareLine.BodyReference(body)
    writeBodyOpening(reference, of: purchase, numbers: numbers, to: &json)
    writeEvents(body.events.indices, of: reference, purchase: purchase, numbers: numbers, to: &json)
    json.endArray()
    json.endObject()
  }

  /// Opens a body's object, writes its figures and opens its array of events.
  private static func writeBodyOpening<Output: ByteOutput>(
    _ reference: ShareLine.BodyReference, of purchase: Purchase, numbers: StatementNumbers,
    to json: inout JSONWriter<Output>
  ) {
    let body = reference.body
    json.beginObject()
    json.fields(
      bodyTable(priced: body.cost != nil, numbers: numbers), of: ShareLine.body(reference))
    if purchase.mode == .bodyThenEvent, purchase.isConstrained {
      json.field("constraint", body.bound.constraintName)
    }
    if let lines = body.explanation { writeLines("explanation", lines, to: &json) }
    json.key("events")
    json.beginArray()
  }

  /// Writes some of a body's events, each an object on one line.
  private static func writeEvents<Output: ByteOutput>(
    _ indices: Range<Int>, of reference: ShareLine.BodyReference, purchase: Purchase,
    numbers: StatementNumbers, to json: inout JSONWriter<Output>
  ) {
    let body = reference.body
    let events = eventTable(priced: body.cost != nil, numbers: numbers)
    // By index, each field read in place: a copy of each event's share costs more than its line.
    for index in indices {
      json.beginObject(inline: true)
      json.fields(events, of: ShareLine.event(index, of: reference))
      if purchase.isConstrained {
        json.field("constraint", body.events[index].bound.constraintName)
      }
      if !body.events[index].event.calculation.isEmpty {
        json.field("calculation", body.events[index].event.calculation)
      }
      if let lines = body.events[index].explanation {
        json.key("explanation")
        json.beginArray(inline: true)
        for line in lines { json.string(line) }
        json.endArray()
      }
      json.endObject()
    }
  }

  static func writeTotals<Output: ByteOutput>(
    _ allocation: Allocation, totals: AllocationTotals, numbers: StatementNumbers,
    to json: inout JSONWriter<Output>
  ) {
    json.beginObject()
    json.field("bodies", totals.bodies)
    json.field("events", totals.events)
    json.field("emissions_t", numbers.emissions(totals.emissions))
    json.field("allocated_t", numbers.allocated(totals.allocated))
    json.field("reserve_t", allocation.reserve.map { numbers.allocated($0.allocated) })
    json.field("offset_rate_pct", numbers.rate(totals.offsetRate))
    // From the totals summed once: a body's statement writes them too, for every body.
    json.field("shortfall_t", numbers.shortfall(totals.shortfall))
    if let invoice = allocation.invoiceTotal { json.field("cost_jpy", invoice) }
    json.endObject()

  }

  /// The keys of a range in JSON: the columns of retirement.csv, then those of its application.
  public static let documentColumns =
    RetirementStatement.columns
    + ApplicationStatement.columns.filter { !RetirementStatement.columns.contains($0) }

  static func writeRetirement<Output: ByteOutput>(
    _ ranges: [RetirementRange], to json: inout JSONWriter<Output>
  ) {
    json.beginArray()
    let table = RetirementRange.table(documentColumns)
    for range in ranges {
      json.beginObject(inline: true)
      json.fields(table, of: range)
      json.endObject()
    }
    json.endArray()
  }

  static func writeLines<Output: ByteOutput>(
    _ key: StaticString, _ lines: [String], to json: inout JSONWriter<Output>
  ) {
    json.key(key)
    json.beginArray()
    for line in lines { json.string(line) }
    json.endArray()
  }
}

extension Apportionment.BoundState {
  /// `minimum`, `cap`, or `nil` when the rule alone decided.
  public var constraintName: String? {
    switch self {
    case .free: nil
    case .lower: "minimum"
    case .upper: "cap"
    }
  }
}

extension TieDecision {
  /// The shared remainder in tonnes with six decimals: remainder × unit (largest remainder).
  public var remainderText: String { TieText.remainder(priority, unit: unit) }

  /// One line for people: who got which units, over whom, and why.
  ///
  /// `1 unit of 0.1 t among the events of 131032 went to 131032/E01 over 131032/E02 by the tie
  /// rule (equal remainders of 0.050000 t)`.
  public var summary: String { summary(.en) }

  /// One line for people, in a language.
  public func summary(_ language: StatementLanguage) -> String {
    let scope =
      switch (level, language) {
      case (.body, .en): "among bodies"
      case (.event, .en): within.map { "among the events of \($0)" } ?? "among events"
      case (.body, .ja): "団体間"
      case (.event, .ja): within.map { "\($0)のイベント間" } ?? "イベント間"
      }
    return TieText.sentence(
      method: method, unit: unit, scope: scope, winners: winners.map(\.description),
      losers: losers.map(\.description), priority: priority, language: language)
  }
}

extension WeightedShares.Tie {
  /// One line for people, like ``TieDecision/summary``.
  public func summary(method: ApportionmentMethod, unit: Quantity) -> String {
    TieText.sentence(
      method: method, unit: unit, scope: "among ids", winners: winners,
      losers: losers, priority: priority)
  }
}

/// The wording of tie reports, shared by statements and the command line.
enum TieText {
  /// How many names a sentence lists before "and N more".
  static let shown = 5

  /// A remainder (a fraction of a unit) in tonnes with six decimals.
  static func remainder(_ priority: Priority, unit: Quantity) -> String {
    let grams = Priority(priority.numerator * UInt128(unit.grams), over: priority.denominator)
    return FixedDecimal(digits: Int128(grams.roundedValue ?? 0), decimals: 6).description
  }

  /// A divisor priority (grams of estimate per unit) in tonnes with six decimals.
  static func priority(_ priority: Priority) -> String {
    priority.roundedValue.map { FixedDecimal(digits: Int128($0), decimals: 6).description } ?? "∞"
  }

  static func sentence(
    method: ApportionmentMethod, unit: Quantity, scope: String, winners: [String],
    losers: [String], priority: Priority, language: StatementLanguage = .en
  ) -> String {
    if language == .ja {
      func list(_ names: [String]) -> String {
        let first = names.prefix(shown).joined(separator: "、")
        return names.count > shown ? "\(first) ほか\(names.count - shown)件" : first
      }
      let equal =
        method.isDivisorMethod
        ? "1単位当たりの優先度がいずれも \(self.priority(priority)) t"
        : "端数がいずれも \(remainder(priority, unit: unit)) t"
      return "\(scope)の\(winners.count)単位（1単位 \(unit) t）は同順位規則により"
        + "\(list(winners))に配分し、\(list(losers))には配分しませんでした（\(equal)）"
    }
    func list(_ names: [String]) -> String {
      let first = names.prefix(shown).joined(separator: ", ")
      return names.count > shown ? "\(first) and \(names.count - shown) more" : first
    }
    let count = winners.count
    let equal =
      method.isDivisorMethod
      ? "equal priorities of \(self.priority(priority)) t per unit"
      : "equal remainders of \(remainder(priority, unit: unit)) t"
    return "\(count) unit\(count == 1 ? "" : "s") of \(unit) t \(scope) went to \(list(winners)) "
      + "over \(list(losers)) by the tie rule (\(equal))"
  }
}

extension Priority {
  /// The value in lowest terms, as `"p/q"` (largest remainder: the remainder of a unit).
  public var fractionText: String {
    let divisor = Swift.max(greatestCommonDivisor(numerator, denominator), 1)
    let (p, q) = (numerator / divisor, denominator / divisor)
    return q == 1 ? "\(p)" : "\(p)/\(q)"
  }
}
