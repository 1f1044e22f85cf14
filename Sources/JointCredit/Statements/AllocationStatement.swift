/// `allocation.csv`: one row per event, the statement event organisers check their share in.
///
/// ```text
/// body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t,quota_t,allocated_t,offset_rate_pct
/// 131032,港区,ward,E01,環境フェア,2011-10-15,1.250,1.269036,1.3,104.0
/// ```
///
/// Rows are sorted by body code, then event id. When a reserve body was named, a last row with
/// kind `reserve` holds what caps left unplaced, so that the column adds up to the lot. With a
/// price, a `cost_jpy` column follows, adding up to the invoice.
public enum AllocationStatement {
  /// The file name.
  public static let fileName = "allocation.csv"

  /// The columns, in order; `cost_jpy` only when the purchase has a price.
  public static func columns(priced: Bool) -> [StatementColumn] {
    [
      .bodyCode, .bodyName, .bodyKind, .eventID, .eventName, .eventDate, .emissions, .quota,
      .allocated, .offsetRate,
    ] + (priced ? [.cost] : [])
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
      let kind = language.kind(body.body.kind)
      for share in body.events {
        csv.writeRecord(to: &output) { row in
          row.text(body.body.code.rawValue)
          row.text(body.body.name)
          row.text(kind)
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
    }
    if let reserve = allocation.reserve {
      csv.writeRecord(to: &output) { row in
        row.text(reserve.code.rawValue)
        row.text(reserve.name)
        row.text(language.reserve)
        for _ in 0..<6 { row.number("") }
        row.decimal(numbers.allocated(reserve.allocated))
        row.number("")
        if priced { row.integer(reserve.cost ?? 0) }
      }
    }
  }
}
