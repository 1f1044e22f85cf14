/// `retirement-application.csv`: the retirement applications to file at the registry, one per
/// purpose (an event, a body's pooled event fractions, the reserve, the secretariat's pooled
/// fractions), one row per serial range, when credit blocks were given.
///
/// ```text
/// application,credit_user,purpose,purpose_detail,scheme,project,vintage,serial_from,serial_to,quantity_t,retirement_date
/// 1,千代田区,カーボン・オフセット（会議・イベントのオフセット）,千代田区: ちよだ環境フェア2011 (E01, 2011-10-22),J-VER,…,2010,JP-JVER-0042-000001,JP-JVER-0042-000003,3,
/// ```
///
/// The rows are those of ``RetirementStatement``, in the same order; an application whose
/// serials cross into another block has a row per block. The J-Credit registry takes one purpose
/// per application, with the credit user's name, and nothing can be changed once it is filed;
/// `retirement_date` is empty until the retirement is recorded.
public enum ApplicationStatement {
  /// The file name.
  public static let fileName = "retirement-application.csv"

  /// The columns, in order.
  public static let columns: [StatementColumn] = [
    .application, .creditUser, .purpose, .purposeDetail, .scheme, .project, .vintage,
    .serialFrom, .serialTo, .quantity, .retirementDate,
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
