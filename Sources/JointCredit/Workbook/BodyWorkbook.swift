/// `statements/<body_code>.xlsx`: one body's statement as a workbook: the statement's facts,
/// the body's events with its total (and the reserve, when it holds it), and the serials retired
/// for it — the figures of its CSV statement, in typed cells.
public enum BodyWorkbook {
  /// The file, relative to the output folder.
  public static func fileName(for code: Body.Code) -> String {
    "\(BodyStatementFiles.folder)/\(code.rawValue).xlsx"
  }

  /// Writes a body's workbook.
  ///
  /// - Parameters:
  ///   - body: the body's allocation.
  ///   - allocation: the allocation it is part of.
  ///   - ranges: the body's retired ranges, when already picked out of the allocation's.
  ///   - language: the language of the headers, sheet names and words.
  ///   - output: where the workbook's bytes go.
  public static func write(
    _ body: BodyAllocation, of allocation: Allocation, ranges: [RetirementRange]? = nil,
    language: StatementLanguage = .en, to output: inout some ByteOutput
  ) {
    let ranges = ranges ?? allocation.retirement.filter { $0.body == body.body.code }
    let names = SheetNames(language: language)
    var workbook = SpreadsheetPackage(fontName: names.fontName)
    workbook.addFacts(
      names.statement, BodyStatementFiles.facts(body, of: allocation, language: language),
      language: language)
    workbook.addSheet(
      names.events, table: BodyStatementFiles.eventTable(for: allocation),
      rows: BodyStatementFiles.eventLines(body, of: allocation), language: language)
    if !ranges.isEmpty {
      workbook.addSheet(
        names.retirement, table: BodyStatementFiles.rangeTable, rows: ranges, language: language)
    }
    workbook.write(to: &output)
  }
}
