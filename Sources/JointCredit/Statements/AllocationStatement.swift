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
    ShareLine.bodyColumns + ShareLine.eventColumns + (priced ? [.cost] : [])
  }

  /// Writes the statement.
  public static func write(
    _ allocation: Allocation, format: CSVFormat, language: StatementLanguage = .en,
    to output: inout some ByteOutput
  ) {
    write(allocation, writer: CSVWriter(format: format), language: language, to: &output)
  }

  /// The statement's table: its columns over its lines.
  public static func table(for allocation: Allocation) -> StatementTable<ShareLine> {
    ShareLine.table(
      columns(priced: allocation.invoiceTotal != nil), numbers: StatementNumbers(allocation))
  }

  /// The lines: every event of every body, then the reserve.
  public static func lines(of allocation: Allocation) -> some Sequence<ShareLine> {
    Chained(ShareLine.events(of: ShareLine.bodies(of: allocation)), closingLines(of: allocation))
  }

  /// The lines after the events': the reserve.
  static func closingLines(of allocation: Allocation) -> [ShareLine] {
    allocation.reserve.map { [ShareLine.reserve($0)] } ?? []
  }

  /// Writes the statement with a given writer (which may collect encoding problems).
  public static func write(
    _ allocation: Allocation, writer csv: CSVWriter, language: StatementLanguage,
    to output: inout some ByteOutput
  ) {
    write(0, of: .whole(allocation), allocation, writer: csv, language: language, to: &output)
  }
}

extension AllocationStatement: EventLineStatement {}
