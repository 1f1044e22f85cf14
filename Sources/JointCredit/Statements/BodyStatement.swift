/// `bodies.csv`: one row per body, with its number of events and its totals.
///
/// ```text
/// body_code,body_name,body_kind,events,emissions_t,quota_t,allocated_t,offset_rate_pct
/// 131032,港区,ward,2,1.500,1.522843,1.5,100.0
/// ```
///
/// A reserve body gets its own row of kind `reserve`; with a price, `cost_jpy` adds up to the
/// invoice.
public enum BodyStatement {
  /// The file name.
  public static let fileName = "bodies.csv"

  /// The columns, in order; `cost_jpy` only when the purchase has a price.
  public static func columns(priced: Bool) -> [StatementColumn] {
    [.bodyCode, .bodyName, .bodyKind, .events, .emissions, .quota, .allocated, .offsetRate]
      + (priced ? [.cost] : [])
  }

  /// Writes the statement.
  public static func write(
    _ allocation: Allocation, format: CSVFormat, language: StatementLanguage = .en,
    to output: inout some ByteOutput
  ) {
    write(allocation, writer: CSVWriter(format: format), language: language, to: &output)
  }

  /// Writes the statement with a given writer (which may collect encoding problems).
  public static func write(
    _ allocation: Allocation, writer csv: CSVWriter, language: StatementLanguage,
    to output: inout some ByteOutput
  ) {
    let numbers = StatementNumbers(allocation)
    let priced = allocation.invoiceTotal != nil
    csv.writeStart(to: &output)
    csv.writeHeader(language.headers(columns(priced: priced)), to: &output)
    for body in allocation.bodies {
      csv.writeRecord(to: &output) { row in
        row.text(body.body.code.rawValue)
        row.text(body.body.name)
        row.text(language.kind(body.body.kind))
        row.integer(body.events.count)
        row.decimal(numbers.emissions(body.emissions))
        row.decimal(numbers.quota(body.quota))
        row.decimal(numbers.allocated(body.allocated))
        row.decimal(numbers.rate(body.offsetRate))
        if priced { row.integer(body.cost ?? 0) }
      }
    }
    if let reserve = allocation.reserve {
      csv.writeRecord(to: &output) { row in
        row.text(reserve.code.rawValue)
        row.text(reserve.name)
        row.text(language.reserve)
        row.integer(0)
        row.number("")
        row.number("")
        row.decimal(numbers.allocated(reserve.allocated))
        row.number("")
        if priced { row.integer(reserve.cost ?? 0) }
      }
    }
  }
}
