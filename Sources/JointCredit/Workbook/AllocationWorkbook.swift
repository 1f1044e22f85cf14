import Dispatch

/// `allocation.xlsx`: the statements as one workbook, a sheet each (events, bodies, offset
/// rates, the retirement and its applications when credits are listed, the events' certificates
/// and the purchase), with
/// typed cells a spreadsheet cannot misread.
///
/// Codes, event ids and names are text (no leading zero lost, no `1E5` read as a number, no
/// `1-2` read as a date, and no apostrophe guard needed, since nothing is a formula); quantities
/// and yen are numbers shown with the statement's decimals (yen with thousands separators);
/// dates are dates. The header row stays in view. Headers are the CSV statements' headers, in
/// the statements' language, so a cell can be checked against its CSV twin.
///
/// Spreadsheets hold numbers as binary floating point with about 15 significant digits: the
/// decimals written are exact, and a spreadsheet shows them exactly up to that size (a billion
/// tonnes with six decimals); the CSV and JSON statements are the record beyond it.
public enum AllocationWorkbook {
  /// The file name.
  public static let fileName = "allocation.xlsx"

  /// Writes the workbook.
  ///
  /// Its large sheets are built at once on the cores there are; called from within other
  /// concurrent work, it may build them in turn.
  ///
  /// - Parameters:
  ///   - allocation: what was allocated.
  ///   - language: the language of the headers, sheet names and words.
  ///   - certificates: whether the certificates sheet is written (one row per event with
  ///     credits; a statement set writes it with the certificates' pages).
  ///   - output: where the workbook's bytes go.
  public static func write(
    _ allocation: Allocation, language: StatementLanguage = .en, certificates: Bool = true,
    to output: inout some ByteOutput
  ) {
    package(allocation, language: language, certificates: certificates).write(to: &output)
  }

  /// The workbook's sheets, compressed: the large ones (events, offset rates, certificates)
  /// built at once on the cores there are.
  static func package(
    _ allocation: Allocation, language: StatementLanguage, certificates: Bool = true,
    rowLimit: Int = SpreadsheetPackage.defaultRowLimit
  ) -> SpreadsheetPackage {
    pending(allocation, language: language, certificates: certificates, rowLimit: rowLimit)
      .package
  }

  /// The workbook with its sheets still to make, one job each, for a statement set to make
  /// alongside its other files.
  static func pending(
    _ allocation: Allocation, language: StatementLanguage, certificates: Bool = true,
    rowLimit: Int = SpreadsheetPackage.defaultRowLimit
  ) -> SpreadsheetPackage.Pending {
    let names = SheetNames(language: language)
    var jobs: [@Sendable (inout SpreadsheetPackage) -> Void] = [
      {
        $0.addSheet(
          names.events, table: AllocationStatement.table(for: allocation),
          rows: AllocationStatement.lines(of: allocation), language: language)
      },
      {
        $0.addSheet(
          names.bodies, table: BodyStatement.table(for: allocation),
          rows: BodyStatement.lines(of: allocation), language: language)
      },
      {
        $0.addSheet(
          names.offsetRates, table: OffsetRateStatement.table(for: allocation),
          rows: OffsetRateStatement.lines(of: allocation), language: language)
      },
    ]
    if !allocation.retirement.isEmpty {
      jobs.append {
        $0.addSheet(
          names.retirement, table: RetirementRange.table(RetirementStatement.columns),
          rows: allocation.retirement, language: language)
      }
      jobs.append {
        $0.addSheet(
          names.applications, table: RetirementRange.table(ApplicationStatement.columns),
          rows: allocation.retirement, language: language)
      }
    }
    if certificates {
      jobs.append {
        $0.addSheet(
          names.certificates,
          table: StatementTable(CertificateLine.columns, numbers: StatementNumbers(allocation)),
          rows: CertificateLine.lines(of: allocation), language: language)
      }
    }
    jobs.append {
      $0.addFacts(
        names.purchase,
        BodyStatementFiles.purchaseFacts(allocation, StatementText(language: language)),
        language: language)
    }
    return SpreadsheetPackage.Pending(fontName: names.fontName, rowLimit: rowLimit, jobs: jobs)
  }
}

/// The names of the sheets, in the statements' language.
struct SheetNames {
  let language: StatementLanguage

  private func pick(_ english: String, _ japanese: String) -> String {
    language == .en ? english : japanese
  }

  var events: String { pick("Events", "イベント別") }
  var bodies: String { pick("Bodies", "団体別") }
  var offsetRates: String { pick("Offset rates", "オフセット率") }
  var retirement: String { pick("Retirement", "無効化") }
  var applications: String { pick("Applications", "無効化申請") }
  var purchase: String { pick("Purchase", "購入") }
  var certificates: String { pick("Certificates", "証明書") }
  var instructions: String { pick("Instructions", "記入方法") }
  var statement: String { pick("Statement", "通知") }
  /// The font of every cell: one a spreadsheet has for the language.
  var fontName: String { pick("Calibri", "游ゴシック") }
}
