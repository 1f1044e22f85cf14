/// `bodies.csv`: one row per body, with its number of events and its totals.
///
/// ```text
/// body_code,body_name,body_kind,events,emissions_t,quota_t,allocated_t,offset_rate_pct
/// 131032,港区,ward,2,1.500,1.522843,1.5,100.0
/// ```
public enum BodyStatement {
  /// The file name.
  public static let fileName = "bodies.csv"

  /// The columns, in order.
  public static let columns = [
    "body_code", "body_name", "body_kind", "events", "emissions_t", "quota_t", "allocated_t",
    "offset_rate_pct",
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
      csv.writeRecord([
        .text(body.body.code.rawValue), .text(body.body.name), .text(body.body.kind.rawValue),
        .integer(body.events.count), .decimal(numbers.emissions(body.emissions)),
        .decimal(numbers.quota(body.quota)), .decimal(numbers.allocated(body.allocated)),
        .decimal(numbers.rate(body.offsetRate)),
      ], to: &output)
    }
    if let reserve = allocation.reserve {
      csv.writeRecord([
        .text(reserve.code.rawValue), .text(reserve.name), .text(ReserveAllocation.kindLabel),
        .integer(0), .number(""), .number(""), .decimal(numbers.allocated(reserve.allocated)),
        .number(""),
      ], to: &output)
    }
  }
}
