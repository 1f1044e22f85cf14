/// `allocation.csv`: one row per event, the statement event organisers check their share in.
///
/// ```text
/// body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t,quota_t,allocated_t,offset_rate_pct
/// 131032,港区,ward,E01,環境フェア,2011-10-15,1.250,1.269036,1.3,104.0
/// ```
///
/// Rows are sorted by body code, then event id. When a reserve body was named, a last row with
/// kind `reserve` holds what caps left unplaced, so that the column adds up to the lot.
public enum AllocationStatement {
  /// The file name.
  public static let fileName = "allocation.csv"

  /// The columns, in order.
  public static let columns = [
    "body_code", "body_name", "body_kind", "event_id", "event_name", "event_date", "emissions_t",
    "quota_t", "allocated_t", "offset_rate_pct",
  ]

  /// Writes the statement.
  public static func write(
    _ allocation: Allocation, format: CSVFormat, to output: inout some ByteOutput
  ) {
    let csv = CSVWriter(format: format)
    let numbers = StatementNumbers(allocation)
    csv.writeStart(to: &output)
    csv.writeHeader(columns, to: &output)
    for body in allocation.bodies {
      for share in body.events {
        csv.writeRecord(to: &output) { row in
          row.text(body.body.code.rawValue)
          row.text(body.body.name)
          row.text(body.body.kind.rawValue)
          row.text(share.event.id.rawValue)
          row.text(share.event.name)
          row.date(share.event.date)
          row.decimal(numbers.emissions(share.event.emissions))
          row.decimal(numbers.quota(share.quota))
          row.decimal(numbers.allocated(share.allocated))
          row.decimal(numbers.rate(share.offsetRate))
        }
      }
    }
    if let reserve = allocation.reserve {
      csv.writeRecord(to: &output) { row in
        row.text(reserve.code.rawValue)
        row.text(reserve.name)
        row.text(ReserveAllocation.kindLabel)
        for _ in 0..<6 { row.number("") }
        row.decimal(numbers.allocated(reserve.allocated))
        row.number("")
      }
    }
  }
}
