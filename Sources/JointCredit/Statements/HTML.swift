/// Small helpers for writing self-contained HTML: escaping, and one stylesheet shared by every
/// page (no external scripts, fonts or images).
enum HTML {
  /// Text with `&`, `<`, `>`, `"` and `'` escaped.
  static func escape(_ text: String) -> String {
    guard UTF8Bytes.contains(text, where: isSpecial) else { return text }
    var bytes: [UInt8] = []
    appendEscaping(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the text's UTF-8 bytes with `&`, `<`, `>`, `"` and `'` escaped. Byte by byte: the
  /// five characters are ASCII (never part of another character's bytes), and most text has
  /// none of them.
  static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
    if !UTF8Bytes.append(text, ifNone: isSpecial, to: &bytes) { appendEscaping(text, to: &bytes) }
  }

  /// Appends the text byte by byte, escaping the five characters.
  private static func appendEscaping(_ text: String, to bytes: inout [UInt8]) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
      default: bytes.append(byte)
      }
    }
  }

  private static func isSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
      || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
  }

  static let style = """
    body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif;\
    margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;line-height:1.5}
    h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
    table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
    th,td{border-bottom:1px solid #e2e2e2;padding:.3rem .5rem;text-align:left;vertical-align:top}
    th{background:#f3f5f7;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    tr.total td{font-weight:600;border-top:2px solid #999}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
    dt{color:#555}dd{margin:0}.muted{color:#666;font-size:.85rem}svg{max-width:100%;height:auto;font-size:11px}
    svg text{fill:#1a1a1a}svg .bar{fill:#3b7dd8}svg .over{fill:#2e9e62}svg .axis{stroke:#999;stroke-width:1}
    .scroll,.chart{overflow-x:auto;margin:.5rem 0 1rem}.scroll table{margin:0}    .nb{white-space:nowrap}td.t{min-width:7em}
    @media (max-width:640px){body{margin:1rem auto;padding:0 .75rem}h1{font-size:1.3rem}    table{font-size:.85rem;width:auto;min-width:100%}    th:first-child,td:first-child{position:sticky;left:0;background:#fff;z-index:1}    th:first-child{background:#f3f5f7}tr.total td:first-child{background:#fff}    dl{grid-template-columns:1fr;gap:0}dt{margin-top:.5rem}.chart svg{max-width:none}}
    @page{size:A4;margin:14mm 12mm}
    @media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt;line-height:1.35}    h1{font-size:15pt}h2{font-size:11pt;margin-top:.9rem;break-after:avoid;page-break-after:avoid}    table{font-size:8.5pt;margin:.3rem 0 .6rem}tr,dt,dd,p{break-inside:avoid;page-break-inside:avoid}    .scroll,.chart{overflow:visible}th:first-child,td:first-child{position:static}    .chart svg{max-width:100%}}
    """

  /// The page around a body of HTML.
  static func page(title: String, language: StatementLanguage, body: String) -> String {
    pageStart(title: title, language: language) + body + pageEnd
  }

  /// Writes the page around a body of HTML given as bytes.
  static func writePage(
    title: String, language: StatementLanguage, body: [UInt8], to output: inout some ByteOutput
  ) {
    output.write(pageStart(title: title, language: language))
    output.write(body)
    output.write(pageEnd)
  }

  /// A page up to its body.
  private static func pageStart(title: String, language: StatementLanguage) -> String {
    """
    <!DOCTYPE html>
    <html lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>
    \(style)
    </style>
    </head>
    <body>

    """
  }

  /// A page after its body.
  private static let pageEnd = "\n</body>\n</html>\n"

  /// A table in a box that scrolls sideways on a narrow screen (its first column stays in
  /// view): header cells, rows of cells; a cell is (text, is-numeric). Columns in `unbroken`
  /// (codes, ids, dates, serials) never break inside a value; other text columns keep room
  /// for a few words, so that a name is not wrapped a character per line.
  static func table(
    _ header: [(String, Bool)], _ rows: [[(String, Bool)]], totalRow: [(String, Bool)]? = nil,
    unbroken: Set<Int> = []
  ) -> String {
    var table = HTMLTable(appendingTo: [], header: header, unbroken: unbroken)
    func append(_ row: [(String, Bool)], total: Bool = false) {
      table.beginRow(total: total)
      for (text, numeric) in row { table.text(text, numeric: numeric) }
      table.endRow()
    }
    for row in rows { append(row) }
    if let totalRow { append(totalRow, total: true) }
    return String(decoding: table.finish(), as: UTF8.self)
  }

  /// Whole yen with thousands separators, for people: `1,200,000`.
  static func yen(_ value: Int64) -> String {
    let digits = Array(String(value.magnitude))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return (value < 0 ? "-" : "") + text
  }

  /// A definition list of label and value pairs; a value of one short word (a date, a code,
  /// a serial) never breaks across lines.
  static func definitions(_ pairs: [(String, String)]) -> String {
    var bytes: [UInt8] = []
    appendDefinitions(pairs, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends a heading of `level` (1 to 6), its text escaped, to bytes: `<h2>Events</h2>`.
  static func appendHeading(_ text: String, level: Int = 2, to bytes: inout [UInt8]) {
    UTF8Bytes.append("<h\(level)>\(escape(text))</h\(level)>\n", to: &bytes)
  }

  /// Appends a definition list, as ``definitions(_:)`` gives it, to bytes.
  static func appendDefinitions(_ pairs: [(String, String)], to bytes: inout [UInt8]) {
    bytes.append(contentsOf: "<dl>\n".utf8)
    for (label, value) in pairs {
      // The space by its byte: `contains(" ")` is Foundation's locale-aware search.
      let unbroken = value.count <= 24 && !value.utf8.contains(UInt8(ascii: " "))
      bytes.append(contentsOf: "<dt>".utf8)
      appendEscaped(label, to: &bytes)
      bytes.append(contentsOf: (unbroken ? "</dt><dd class=\"nb\">" : "</dt><dd>").utf8)
      appendEscaped(value, to: &bytes)
      bytes.append(contentsOf: "</dd>\n".utf8)
    }
    bytes.append(contentsOf: "</dl>\n".utf8)
  }
}
