/// Writes an HTML table as bytes, cell by cell: the markup every page's tables share (a box that
/// scrolls sideways, a header row, body rows, a total row), without a string per cell.
///
/// A body's page of a national purchase has hundreds of thousands of cells; building each as a
/// string and the page by string concatenation cost four times what its JSON statement does.
///
/// A cell's class says how it is laid out: `n` for figures (right-aligned), `nb` for values that
/// must not break (codes, ids, dates), `t` for other text in the body, none for other headers.
struct HTMLTable {
  /// The bytes written so far.
  private(set) var bytes: [UInt8]
  /// For each column, whether its values never break across lines.
  private let unbroken: [Bool]
  private var column = 0
  private var inHeader = true

  /// Starts a table after `bytes`, with its header cells: (label, is-numeric).
  init(appendingTo bytes: consuming [UInt8], header: [(String, Bool)], unbroken: Set<Int>) {
    self.bytes = bytes
    self.unbroken = header.indices.map { unbroken.contains($0) }
    append("<div class=\"scroll\"><table>\n<thead><tr>")
    for (label, numeric) in header { text(label, numeric: numeric) }
    append("</tr></thead>\n<tbody>\n")
    inHeader = false
  }

  /// Starts a row; the total row stands out.
  mutating func beginRow(total: Bool = false) {
    column = 0
    append(total ? "<tr class=\"total\">" : "<tr>")
  }

  /// Ends a row.
  mutating func endRow() { append("</tr>\n") }

  /// A cell of text, escaped.
  mutating func text(_ value: String, numeric: Bool = false) {
    cell(numeric: numeric) { HTML.appendEscaped(value, to: &$0) }
  }

  /// A cell whose content `write` appends, already safe in HTML (figures, dates, escaped text).
  mutating func cell(numeric: Bool, _ write: (inout [UInt8]) -> Void) {
    let loose = !(column < unbroken.count && unbroken[column])
    switch (inHeader, numeric, loose) {
    case (true, true, _): append("<th class=\"n\">")
    case (true, false, false): append("<th class=\"nb\">")
    case (true, false, true): append("<th>")
    case (false, true, _): append("<td class=\"n\">")
    case (false, false, false): append("<td class=\"nb\">")
    case (false, false, true): append("<td class=\"t\">")
    }
    write(&bytes)
    append(inHeader ? "</th>" : "</td>")
    column += 1
  }

  /// Ends the table and gives its bytes, after whatever came before it.
  consuming func finish() -> [UInt8] {
    append("</tbody>\n</table></div>\n")
    return bytes
  }

  private mutating func append(_ markup: StaticString) {
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
  }
}
