/// A value in one cell of a statement, typed, so that each format writes it its own way.
public enum StatementCell: Hashable, Sendable {
  /// Free text, such as a name or a code.
  case text(String)
  /// Two texts joined by an ASCII separator, as one text: `131032/E01`.
  case joined(String, separator: UInt8, String)
  /// A decimal with fixed places; empty when `nil`.
  case decimal(FixedDecimal?)
  /// A whole number (yen, serials, a count); empty when `nil`.
  case integer(Int64?)
  /// A date, `YYYY-MM-DD`; empty when `nil`.
  case date(EventDate?)
  /// A date still to come, empty until then: the retirement date of credits not yet retired,
  /// which `jointcredit retire` fills in.
  case pendingDate
  /// The word for a total row, in each format's own words (`total` in CSV, `Total` on a page).
  case total
  /// The word for the reserve's kind (`reserve`, 留保).
  case reserve
  /// A level of offset-rates.csv, in the statement's language.
  case level(StatementLevel)
  /// A kind of body, in the statement's language (`ward`, 区).
  case kind(Body.Kind)
  /// Why serials are retired, in the statement's language.
  case basis(RetirementRange.Basis)
  /// What a retirement application is for, in the statement's language (English in JSON).
  case purposeDetail(RetirementRange.PurposeDetail)
}

/// A line of a statement: it gives its cell in each column it has.
///
/// Each row model defines every column once, in ``cell(_:numbers:)`` (or, for a row of a large
/// statement, in ``write(_:numbers:to:)``, its cell then captured from it); tables pick the
/// columns they show, and the generic writers render them to CSV, JSON and HTML.
public protocol StatementRow: Sendable {
  /// The row's cell in a column.
  ///
  /// - Precondition: the column is one this kind of row has.
  func cell(_ column: StatementColumn, numbers: StatementNumbers) -> StatementCell

  /// Writes the row's cell in a column to `sink`: what the writers call. By default, the cell
  /// that ``cell(_:numbers:)`` gives; a row of a large statement writes its text in place
  /// (``StatementCellSink/writeText(_:)``) instead of copying it into a cell.
  ///
  /// - Precondition: the column is one this kind of row has.
  func write(
    _ column: StatementColumn, numbers: StatementNumbers, to sink: inout some StatementCellSink)
}

extension StatementRow {
  /// Writes the cell that ``cell(_:numbers:)`` gives.
  public func write(
    _ column: StatementColumn, numbers: StatementNumbers, to sink: inout some StatementCellSink
  ) {
    sink.write(cell(column, numbers: numbers))
  }
}

/// Where a row writes its cells: each format's writer, which writes a cell as it comes.
///
/// Text is handed over borrowed, by ``writeText(_:)`` and ``writeJoined(_:separator:_:)``,
/// rather than in a ``StatementCell``: a statement of a million events then reads each name
/// where it is stored, instead of copying it (and counting a reference to it, on two cores at
/// once) for every cell.
public protocol StatementCellSink {
  /// Writes a cell.
  mutating func write(_ cell: StatementCell)
  /// Writes free text: the same as `write(.text(text))`.
  mutating func writeText(_ text: String)
  /// Writes two texts joined by an ASCII separator, as one text: the same as
  /// `write(.joined(first, separator: separator, second))`.
  mutating func writeJoined(_ first: String, separator: UInt8, _ second: String)
}

extension StatementCellSink {
  /// Writes `.text(text)`.
  public mutating func writeText(_ text: String) { write(.text(text)) }

  /// Writes `.joined(first, separator: separator, second)`.
  public mutating func writeJoined(_ first: String, separator: UInt8, _ second: String) {
    write(.joined(first, separator: separator, second))
  }
}

/// A sink that keeps the cell written to it: a row's ``StatementRow/cell(_:numbers:)`` from
/// its ``StatementRow/write(_:numbers:to:)``.
struct StatementCellCapture: StatementCellSink {
  var cell = StatementCell.text("")

  mutating func write(_ cell: StatementCell) { self.cell = cell }
}

/// The layout of a statement: typed columns over a row model, defined once and rendered to every
/// format by the generic writers below, so that every row has exactly its header's cells.
public struct StatementTable<Row: StatementRow>: Sendable {
  /// The columns, in order.
  public let columns: [StatementColumn]
  /// How figures are printed.
  public let numbers: StatementNumbers
  /// Each column's key in JSON as written before its value, after the separator of a line's
  /// fields (`, "event_id": `), made once for a table rather than for every row: the keys one
  /// after the other, and where each ends.
  let jsonKeys: [UInt8]
  let jsonKeyEnds: [Int]

  /// Where the key of the column at `index` is in ``jsonKeys``, its `, ` included.
  func jsonKey(_ index: Int) -> Range<Int> {
    (index == 0 ? 0 : jsonKeyEnds[index - 1])..<jsonKeyEnds[index]
  }

  /// Creates a table.
  public init(_ columns: [StatementColumn], numbers: StatementNumbers) {
    self.columns = columns
    self.numbers = numbers
    // From each column's key made once: allocation.json makes two tables a body, and a body's
    // statements theirs, so escaping every key anew cost more than a small body's lines.
    var keys: [UInt8] = [], ends: [Int] = []
    ends.reserveCapacity(columns.count)
    for column in columns {
      keys += column.separatedJSONKey
      ends.append(keys.count)
    }
    jsonKeys = keys
    jsonKeyEnds = ends
  }

}

extension StatementColumn {
  /// Every column's key in JSON after the separator of a line's fields, made once.
  private static let separatedJSONKeys = Dictionary(
    uniqueKeysWithValues: allCases.map {
      ($0, Array(", ".utf8) + JSONWriter<[UInt8]>.keyBytes($0.rawValue))
    })

  /// The column's key in JSON after the separator of a line's fields: `, "event_id": `.
  fileprivate var separatedJSONKey: [UInt8] {
    guard let key = Self.separatedJSONKeys[self] else {
      preconditionFailure("every column has its key made: \(self)")
    }
    return key
  }
}

extension CSVWriter {
  /// Writes a table: the header in `language`, then one record per row.
  public func write<Row: StatementRow>(
    _ table: StatementTable<Row>, rows: some Sequence<Row>, language: StatementLanguage,
    to output: inout some ByteOutput
  ) {
    writeHeader(language.headers(table.columns), to: &output)
    writeRows(table, rows: rows, language: language, to: &output)
  }

  /// Writes one record per row, without the header: a table's rows after the first part's.
  func writeRows<Row: StatementRow>(
    _ table: StatementTable<Row>, rows: some Sequence<Row>, language: StatementLanguage,
    to output: inout some ByteOutput
  ) {
    let columns = table.columns, numbers = table.numbers
    for row in rows {
      writeRecord(to: &output) { record in
        record.language = language
        for column in columns { row.write(column, numbers: numbers, to: &record) }
      }
    }
  }
}

extension CSVWriter.Record: StatementCellSink {
  /// Writes a typed cell as CSV has it: numbers as they are, text guarded and quoted, words
  /// (`total`, kinds, levels) in the language of the statement being written, English for a
  /// record written through ``CSVWriter/writeRecord(to:_:)``.
  public mutating func write(_ cell: StatementCell) {
    switch cell {
    case .text(let text): self.text(text)
    case .joined(let first, let separator, let second):
      self.text(first, joinedBy: separator, second)
    case .decimal(let value): decimal(value)
    case .integer(let value?): integer(value)
    case .integer(nil): number("")
    case .date(let value): date(value)
    case .pendingDate: date(nil)
    case .total, .reserve, .level, .kind, .basis, .purposeDetail:
      self.text(language.word(cell) ?? "")
    }
  }

  /// Writes free text, guarded and quoted as needed.
  public mutating func writeText(_ text: String) { self.text(text) }

  /// Writes two texts joined by an ASCII separator as one text cell.
  public mutating func writeJoined(_ first: String, separator: UInt8, _ second: String) {
    text(first, joinedBy: separator, second)
  }
}

extension JSONWriter: StatementCellSink {
  /// Writes a row's fields as members of the object being written: each key is its column's
  /// name; decimals and dates as strings, whole numbers as numbers, an empty cell as `null`, and
  /// words (`total`, `reserve`, levels, bases) as their machine names, whatever the language.
  public mutating func fields<Row: StatementRow>(_ table: StatementTable<Row>, of row: Row) {
    guard !table.columns.isEmpty else { return }
    // A line's fields made on the stack and written in one go: an event's line of
    // allocation.json, a million times.
    let staged = inlineMembers { line, first in
      var members = JSONMembers()
      swap(&members.line, &line)
      table.jsonKeys.withUnsafeBufferPointer { keys in
        for (index, column) in table.columns.enumerated() {
          // The first member after a space only, not `, `.
          let key = table.jsonKey(index)
          let start = key.lowerBound + (first && index == 0 ? 1 : 0)
          members.line.append(bytes: UnsafeBufferPointer(rebasing: keys[start..<key.upperBound]))
          row.write(column, numbers: table.numbers, to: &members)
        }
      }
      swap(&members.line, &line)
    }
    guard !staged else { return }
    for (index, column) in table.columns.enumerated() {
      // The key's bytes where they are: no array of its own to count references to. (One look
      // for all the keys, around the loop and its writes to `self`, measured +3 % instructions
      // on the 100k main statements.)
      table.jsonKeys.withUnsafeBufferPointer { keys in
        key(separated: UnsafeBufferPointer(rebasing: keys[table.jsonKey(index)]))
      }
      row.write(column, numbers: table.numbers, to: &self)
    }
  }

  package mutating func writeText(_ text: String) { string(text) }

  package mutating func writeJoined(_ first: String, separator: UInt8, _ second: String) {
    string(first, joinedBy: separator, second)
  }
}

/// The members of an object on one line of JSON, written as ``JSONWriter`` writes values, to a
/// line staged on the stack (``JSONWriter/inlineMembers(_:)``).
struct JSONMembers: StatementCellSink {
  var line = StagedLine()

  mutating func write(_ cell: StatementCell) { JSONWriter<[UInt8]>.appendValue(cell, to: &line) }

  mutating func writeText(_ text: String) { JSONWriter<[UInt8]>.appendString(text, to: &line) }

  mutating func writeJoined(_ first: String, separator: UInt8, _ second: String) {
    JSONWriter<[UInt8]>.appendString(first, joinedBy: separator, second, to: &line)
  }
}

extension HTML {
  /// A table of the fields shown on pages, with their labels; yen with thousands separators.
  static func table<Row: StatementRow>(
    _ table: StatementTable<Row>, rows: some Sequence<Row>, totalRow: Row? = nil,
    language: StatementLanguage
  ) -> String {
    var bytes: [UInt8] = []
    appendTable(table, rows: rows, totalRow: totalRow, language: language, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends a table of the fields shown on pages to `bytes`, cell by cell.
  static func appendTable<Row: StatementRow>(
    _ table: StatementTable<Row>, rows: some Sequence<Row>, totalRow: Row? = nil,
    language: StatementLanguage, to bytes: inout [UInt8]
  ) {
    let text = StatementText(language: language)
    let columns = table.columns.filter(\.isShownOnPages)
    var before: [UInt8] = []
    swap(&before, &bytes)  // the table appends to them in place
    var cells = HTMLCells(
      table: HTMLTable(
        appendingTo: before, header: columns.map { (text.label(for: $0), $0.isNumeric) },
        unbroken: Set(columns.indices.filter { columns[$0].isUnbroken })),
      text: text, language: language)
    func write(_ row: Row, total: Bool) {
      cells.table.beginRow(total: total)
      for column in columns {
        cells.column = column
        row.write(column, numbers: table.numbers, to: &cells)
      }
      cells.table.endRow()
    }
    for row in rows { write(row, total: false) }
    if let totalRow { write(totalRow, total: true) }
    bytes = cells.table.finish()
  }
}

/// A table's cells on a page: figures right-aligned, yen with thousands separators, words in
/// the page's language.
struct HTMLCells: StatementCellSink {
  var table: HTMLTable
  let text: StatementText
  let language: StatementLanguage
  /// The column of the cell being written.
  var column = StatementColumn.key

  mutating func write(_ cell: StatementCell) {
    switch cell {
    case .text(let value): table.text(value)
    case .joined(let first, let separator, let second):
      writeJoined(first, separator: separator, second)
    case .decimal(let value): table.cell(numeric: true) { value?.append(to: &$0) }
    case .integer(let value):
      table.text(value.map { column == .cost ? HTML.yen($0) : String($0) } ?? "", numeric: true)
    case .date(let value): table.cell(numeric: false) { value?.append(to: &$0) }
    case .pendingDate: table.text("")
    // A page has its own words for the total and the reserve (`Total`); the others are the
    // data's.
    case .total: table.text(text.total)
    case .reserve: table.text(text.reserve)
    case .level, .kind, .basis, .purposeDetail: table.text(language.word(cell) ?? "")
    }
  }

  mutating func writeText(_ value: String) { table.text(value) }

  mutating func writeJoined(_ first: String, separator: UInt8, _ second: String) {
    table.cell(numeric: false) { bytes in
      HTML.appendEscaped(first, to: &bytes)
      HTML.appendEscaped(String(UnicodeScalar(separator)), to: &bytes)
      HTML.appendEscaped(second, to: &bytes)
    }
  }
}

extension StatementColumn {
  /// Whether pages for people (HTML) show it; data formats always do. The exact share is for
  /// checking, not for reading.
  var isShownOnPages: Bool { self != .quota && self != .retirementDate }

  /// Whether a value of the column must not break across lines: codes, ids, dates, serials.
  var isUnbroken: Bool {
    switch self {
    case .bodyCode, .eventID, .eventDate, .serialFrom, .serialTo, .vintage, .retirementDate,
      .key, .level, .basis:
      true
    default: false
    }
  }

  /// Whether the column holds figures (right-aligned on pages).
  var isNumeric: Bool {
    switch self {
    case .events, .emissions, .quota, .allocated, .offsetRate, .shortfall, .cost, .quantity,
      .application:
      true
    default: false
    }
  }
}
