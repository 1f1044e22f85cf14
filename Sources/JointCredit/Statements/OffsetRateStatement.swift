/// `offset-rates.csv`: offset rates at every level, as published offset statements show them.
///
/// ```text
/// level,key,name,emissions_t,allocated_t,offset_rate_pct
/// event,131032/E01,環境フェア,1.250,1.3,104.0
/// body,131032,港区,1.500,1.5,100.0
/// kind,ward,ward,37.330,37.9,101.5
/// total,total,total,98.500,100.0,101.5
/// ```
///
/// Levels come from finest to coarsest: every event, every body, every kind present, the total
/// (of what went to events). When a reserve body was named, a `reserve` row follows with what
/// caps left unplaced; total and reserve add up to the lot.
public enum OffsetRateStatement {
  /// The file name.
  public static let fileName = "offset-rates.csv"

  /// The columns, in order.
  public static let columns: [StatementColumn] = [
    .level, .key, .name, .emissions, .allocated, .offsetRate, .shortfall,
  ]

  /// Writes the statement.
  public static func write(
    _ allocation: Allocation, format: CSVFormat, language: StatementLanguage = .en,
    to output: inout some ByteOutput
  ) {
    write(allocation, writer: CSVWriter(format: format), language: language, to: &output)
  }

  /// The statement's table: its columns over its lines.
  public static func table(for allocation: Allocation) -> StatementTable<ShareLine> {
    ShareLine.table(columns, numbers: StatementNumbers(allocation))
  }

  /// The lines, finest first: events, bodies, kinds, the total, then the reserve.
  public static func lines(of allocation: Allocation) -> some Sequence<ShareLine> {
    Chained(ShareLine.events(of: ShareLine.bodies(of: allocation)), closingLines(of: allocation))
  }

  /// The lines after the events': bodies, kinds, the total, then the reserve.
  static func closingLines(of allocation: Allocation) -> [ShareLine] {
    ShareLine.bodies(of: allocation).map(ShareLine.body) + allocation.kinds.map(ShareLine.kind)
      + [ShareLine.total(of: allocation)]
      + (allocation.reserve.map { [ShareLine.reserve($0)] } ?? [])
  }

  /// Writes the statement with a given writer (which may collect encoding problems).
  public static func write(
    _ allocation: Allocation, writer csv: CSVWriter, language: StatementLanguage,
    to output: inout some ByteOutput
  ) {
    write(0, of: .whole(allocation), allocation, writer: csv, language: language, to: &output)
  }
}

extension OffsetRateStatement: EventLineStatement {}
