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
    ShareLine.bodyColumns + [.events] + ShareLine.figureColumns + (priced ? [.cost] : [])
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

  /// The lines: every body, then the reserve.
  public static func lines(of allocation: Allocation) -> [ShareLine] {
    ShareLine.bodies(of: allocation).map(ShareLine.body)
      + (allocation.reserve.map { [ShareLine.reserve($0)] } ?? [])
  }

  /// Writes the statement with a given writer (which may collect encoding problems).
  public static func write(
    _ allocation: Allocation, writer csv: CSVWriter, language: StatementLanguage,
    to output: inout some ByteOutput
  ) {
    csv.writeStart(to: &output)
    csv.write(
      table(for: allocation), rows: lines(of: allocation),
      language: language, to: &output)
  }
}
