/// `retirement.csv`: the credit serials retired for each event, each body's pooled event
/// fractions, the reserve and the secretariat's pooled fractions, when credit blocks were given.
///
/// ```text
/// body_code,body_name,event_id,basis,scheme,project,vintage,serial_from,serial_to,quantity_t
/// 131016,千代田区,E01,event,J-VER,…,2010,JV-000001,JV-000003,3
/// 131016,千代田区,,event-fractions,J-VER,…,2010,JV-000004,JV-000004,1
/// ```
///
/// Every serial bought appears in exactly one row: blocks in the order listed; bodies in code
/// order, each body's events by id, then its event fractions; then the reserve; then the pooled
/// fractions.
public enum RetirementStatement {
  /// The file name.
  public static let fileName = "retirement.csv"

  /// The columns, in order.
  public static let columns: [StatementColumn] = [
    .bodyCode, .bodyName, .eventID, .basis, .scheme, .project, .vintage, .serialFrom, .serialTo,
    .quantity,
  ]

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
    RetirementRange.write(
      allocation, columns: columns, writer: csv, language: language, to: &output)
  }
}

extension RetirementRange {
  /// Writes an allocation's ranges as a CSV statement of these columns.
  static func write(
    _ allocation: Allocation, columns: [StatementColumn], writer csv: CSVWriter,
    language: StatementLanguage, to output: inout some ByteOutput
  ) {
    csv.writeStart(to: &output)
    csv.write(table(columns), rows: allocation.retirement, language: language, to: &output)
  }
}
