extension SpreadsheetPackage {
  /// Adds a statement table as a sheet: the CSV's header, then each row's typed cells.
  mutating func addSheet<Row: StatementRow>(
    _ name: String, table: StatementTable<Row>, rows: some Sequence<Row>,
    language: StatementLanguage
  ) {
    let columns = table.columns, numbers = table.numbers
    let header = language.headers(columns)
    addSheet(
      name, header: header,
      widths: zip(columns, header).map { $0.sheetWidth(header: $1) }, rows: rows
    ) { row, cells in
      cells.language = language
      for column in columns {
        cells.statementColumn = column
        row.write(column, numbers: numbers, to: &cells)
      }
    }
  }

  /// Adds a sheet of labelled facts: a label and a value per row, both text.
  mutating func addFacts(
    _ name: String, _ facts: [(String, String)], language: StatementLanguage
  ) {
    let header = language == .en ? ["item", "value"] : ["項目", "内容"]
    addSheet(name, header: header, widths: [28, 60], rows: facts) { fact, cells in
      cells.text(fact.0)
      cells.text(fact.1)
    }
  }
}

extension SheetRow: StatementCellSink {
  /// Writes a statement's cell as a typed cell: codes, ids, names and words as text; decimals
  /// as numbers shown with their own decimals; yen with thousands separators; dates as dates.
  mutating func write(_ cell: StatementCell) {
    switch cell {
    case .text(let value): text(value)
    case .joined(let first, let separator, let second): text(first, separator, second)
    case .decimal(let value?): number(value)
    case .integer(let value?): number(value, style: statementColumn == .cost ? .yen : .integer)
    case .date(let date?):
      if let serial = SpreadsheetXML.serial(date) {
        number(Int64(serial), style: .date)
      } else {
        text(date.description)  // before 1900-03-01, where spreadsheets miscount
      }
    case .decimal(nil), .integer(nil), .date(nil): empty()
    case .pendingDate: styled(.date)
    case .total, .reserve, .level, .kind, .basis, .purposeDetail:
      text(language.word(cell) ?? "")
    }
  }

  mutating func writeText(_ text: String) { self.text(text) }

  mutating func writeJoined(_ first: String, separator: UInt8, _ second: String) {
    text(first, separator, second)
  }
}

extension StatementColumn {
  /// A column's width in a sheet, in characters: room for its header (wide characters count
  /// twice) and for what it usually holds.
  func sheetWidth(header: String) -> Int {
    let headerWidth = header.unicodeScalars.reduce(0) { $0 + ($1.value < 0x1100 ? 1 : 2) }
    let usual =
      switch self {
      case .bodyName, .eventName, .name, .creditUser, .project: 24
      case .purpose, .purposeDetail, .calculation, .serials: 40
      case .serialFrom, .serialTo: 20
      default: 10
      }
    return max(usual, headerWidth + 2)
  }
}
