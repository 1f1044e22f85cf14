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
    .level, .key, .name, .emissions, .allocated, .offsetRate,
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
    let numbers = StatementNumbers(allocation)
    func row(
      _ level: StatementLevel, _ key: (inout CSVWriter.Record) -> Void, _ name: String,
      _ emissions: Quantity, _ allocated: Quantity
    ) {
      csv.writeRecord(to: &output) { row in
        row.text(language.level(level))
        key(&row)
        row.text(name)
        row.decimal(numbers.emissions(emissions))
        row.decimal(numbers.allocated(allocated))
        row.decimal(numbers.rate(OffsetRate.of(allocated, per: emissions)))
      }
    }
    csv.writeStart(to: &output)
    csv.writeHeader(language.headers(columns), to: &output)
    for body in allocation.bodies {
      let code = body.body.code.rawValue
      for share in body.events {
        row(
          .event, { $0.text(code, joinedBy: UInt8(ascii: "/"), share.event.id.rawValue) },
          share.event.name, share.event.emissions, share.allocated)
      }
    }
    for body in allocation.bodies {
      row(
        .body, { $0.text(body.body.code.rawValue) }, body.body.name, body.emissions,
        body.allocated)
    }
    for kind in allocation.kinds {
      row(
        .kind, { $0.text(kind.kind.rawValue) }, language.kind(kind.kind), kind.emissions,
        kind.allocated)
    }
    row(.total, { $0.text("total") }, language.total, allocation.emissions, allocation.allocated)
    if let reserve = allocation.reserve {
      csv.writeRecord(to: &output) { row in
        row.text(language.level(.reserve))
        row.text(reserve.code.rawValue)
        row.text(reserve.name)
        row.number("")
        row.decimal(numbers.allocated(reserve.allocated))
        row.number("")
      }
    }
  }
}
