/// The retirement of an allocation's credits at the registry, recorded in its output folder.
///
/// ``record(in:)`` turns a folder written by `jointcredit allocate` into a closed record: every
/// application except the reserve's gets its `retirement_date` (in `allocation.json`,
/// `retirement-application.csv` and the per-body `.csv` and `.json` statements),
/// `allocation.json` gains a `retired` member with the date and reference, and the folder is
/// marked so that no later run rewrites it (``StatementSet/write(_:files:warnings:to:)`` refuses
/// it). The reserve stays unretired: it is what a revision may still place. The folder is
/// rewritten as one whole set, as every run writes it, and only files JointCredit wrote there
/// are touched.
public struct RetirementRecord: Hashable, Sendable {
  /// The day the credits were retired.
  public var date: EventDate
  /// The registry's reference for the retirement (an application or transaction number), if any.
  public var reference: String?

  /// Creates a record.
  public init(date: EventDate, reference: String? = nil) {
    self.date = date
    self.reference = reference
  }

  /// Records the retirement in a folder written by `jointcredit allocate`.
  ///
  /// - Returns: the paths of the files written, in name order.
  /// - Throws: ``OutputError`` when the folder holds no allocation, lists no credit blocks, is
  ///   already retired, or cannot be rewritten; then the folder is as it was.
  public func record(in directory: String) throws(OutputError) -> [String] {
    try StagedDirectory(directory: directory).update { folder throws(OutputError) in
      try files(in: folder, given: directory)
    }
  }

  /// The new set: every file the last run wrote, the retired ones patched, and the marker.
  private func files(in folder: String, given directory: String) throws(OutputError)
    -> [StagedFile]
  {
    let manifest = OutputManifest(readingFrom: folder)
    guard manifest.files.contains(AllocationDocument.fileName) else {
      throw OutputError(
        path: directory,
        reason: "holds no allocation.json written by jointcredit allocate; give the folder an "
          + "allocate run wrote")
    }
    let document = try read(AllocationDocument.fileName, in: folder)
    let reserved = try reserveApplications(in: document, path: directory)
    let dateText = Array(date.description.utf8)
    var staged: [StagedFile] = []
    for name in manifest.files.sorted(by: UTF8Bytes.precedes) {
      var bytes = name == AllocationDocument.fileName ? document : try read(name, in: folder)
      if name == AllocationDocument.fileName || isBodyStatement(name, ".json") {
        bytes = retiredJSON(bytes)
      } else if name == ApplicationStatement.fileName {
        bytes = Self.datingRows(bytes, date: dateText, skipping: reserved, after: nil)
      } else if isBodyStatement(name, ".csv") {
        bytes = Self.datingRows(bytes, date: dateText, skipping: reserved, after: Self.rangeHeads)
      } else if name.hasSuffix(".html") {
        bytes = datedPage(bytes)
      } else if name.hasSuffix(".xlsx") {
        bytes = try datedWorkbook(bytes, path: folder + "/" + name)
      }
      let contents = bytes
      staged.append(StagedFile(name) { $0.write(contents) })
    }
    let marker = Array(
      ("retired on \(date)"
        + (reference.map { " (\(QuotedText.escapingControlCharacters($0)))" }
          ?? "") + "\n").utf8)
    staged.append(StagedFile(StagedDirectory.retiredMarker) { $0.write(marker) })
    return staged
  }

  /// A page with its pending retirement line (a notice's, a certificate's) dated, in the page's
  /// language.
  private func datedPage(_ bytes: [UInt8]) -> [UInt8] {
    let marker = Array(CertificatePage.pendingMarker.utf8)
    guard let start = bytes.firstRange(of: marker) else { return bytes }
    let close = Array("</span>".utf8)
    guard let end = bytes[start.upperBound...].firstRange(of: close) else { return bytes }
    let language: StatementLanguage =
      bytes.firstRange(of: Array("<html lang=\"ja\"".utf8)) != nil ? .ja : .en
    let suffix = CertificateText(language: language).reference(reference)
    return Array(bytes[..<start.lowerBound])
      + Array(
        "<span class=\"retirement\"><span class=\"nb\">\(date)</span>\(HTML.escape(suffix))</span>"
          .utf8)
      + Array(bytes[end.upperBound...])
  }

  /// A workbook with every pending retirement date cell (the date format and no value) given
  /// the date; every other part as it was.
  private func datedWorkbook(_ bytes: [UInt8], path: String) throws(OutputError) -> [UInt8] {
    let pending = Array(SheetRow.pendingSuffix.utf8)
    // `<c r="K2" s="3"/>` becomes `<c r="K2" s="3"><v>40999</v></c>` (a date before 1900-03-01,
    // which spreadsheets miscount, as text).
    let filled =
      Array(SheetRow.pendingSuffix.dropLast(2).utf8)
      + Array(
        (SpreadsheetXML.serial(date).map { "><v>\($0)</v></c>" }
          ?? " t=\"inlineStr\"><is><t>\(date)</t></is></c>").utf8)
    var out: [UInt8] = []
    do {
      let archive = try ZIPReader(bytes)
      var writer = ZIPWriter()
      for entry in archive.entries {
        var data = try archive.data(of: entry)
        if entry.name.hasPrefix("xl/worksheets/") { data.replace(pending, with: filled) }
        writer.add(entry.name, bytes: data, to: &out)
      }
      writer.finish(to: &out)
    } catch {
      throw OutputError(path: path, reason: "cannot be read back as the workbook it was: \(error)")
    }
    return out
  }

  private func isBodyStatement(_ name: String, _ suffix: String) -> Bool {
    name.hasPrefix(BodyStatementFiles.folder + "/") && name.hasSuffix(suffix)
  }

  private func read(_ name: String, in folder: String) throws(OutputError) -> [UInt8] {
    switch FileBytes.read(folder + "/" + name) {
    case .success(let bytes): return bytes
    case .failure(let error): throw OutputError(path: folder + "/" + name, reason: error.reason)
    }
  }

  /// The applications of the reserve (left unretired), from allocation.json; checks that there
  /// is something to retire and that it has not been retired.
  private func reserveApplications(in document: [UInt8], path: String) throws(OutputError)
    -> Set<Int>
  {
    let root: JSONNode
    do {
      root = try JSONParser.parse(document)
    } catch {
      throw OutputError(path: path, reason: "its allocation.json cannot be read: \(error)")
    }
    guard case .object(let members) = root.value else {
      throw OutputError(path: path, reason: "its allocation.json is not an allocation")
    }
    if let retired = members.first(where: { $0.key == "retired" }) {
      var on = ""
      if case .object(let fields) = retired.value.value,
        case .string(let date)? = fields.first(where: { $0.key == "date" })?.value.value
      {
        on = " on \(date)"
      }
      throw OutputError(path: path, reason: "was already retired\(on); a retirement is final")
    }
    guard let retirement = members.first(where: { $0.key == "retirement" }),
      case .array(let rows) = retirement.value.value, !rows.isEmpty
    else {
      throw OutputError(
        path: path,
        reason: "lists no credit blocks, so there are no serials to retire; list "
          + "credit_blocks in the purchase file and allocate again")
    }
    var reserved: Set<Int> = []
    for row in rows {
      guard case .object(let fields) = row.value,
        case .string("reserve")? = fields.first(where: { $0.key == "basis" })?.value.value,
        case .number(let number)? = fields.first(where: { $0.key == "application" })?.value.value,
        let application = Int(number)
      else { continue }
      reserved.insert(application)
    }
    return reserved
  }

  /// A JSON statement with every retirement row but the reserve's dated, and the record last.
  func retiredJSON(_ bytes: [UInt8]) -> [UInt8] {
    let null = Array(#""retirement_date": null"#.utf8)
    let dated = Array(#""retirement_date": ""#.utf8) + Array(date.description.utf8) + [0x22]
    let reserve = Array(#""basis": "reserve""#.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 256)
    var first = true
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      if !first { out.append(0x0A) }
      first = false
      if let range = line.firstRange(of: null), line.firstRange(of: reserve) == nil {
        out += line[..<range.lowerBound] + dated + line[range.upperBound...]
      } else {
        out += line
      }
    }
    // The writer ends a document with "\n}\n": the record goes in as its last member.
    guard out.suffix(3) == [0x0A, 0x7D, 0x0A] else { return out }
    var json = JSONWriter(output: [UInt8]())
    json.beginObject(inline: true)
    json.field("date", date)
    json.field("reference", reference)
    json.endObject()
    out.removeLast(3)
    var record = json.output
    while record.last == 0x0A { record.removeLast() }
    return out + Array(",\n  \"retired\": ".utf8) + record + [0x0A, 0x7D, 0x0A]
  }

  /// The first bytes of the header of a body statement's application table, in each language
  /// and encoding.
  private static let rangeHeads: [[UInt8]] = {
    var cp932: [UInt8] = []
    CP932.append(utf8: Array("申請番号,".utf8), to: &cp932)
    return [Array("application,".utf8), Array("申請番号,".utf8), cp932]
  }()

  /// A CSV with the date appended to every application row (a line that starts with its number
  /// and ends with the empty `retirement_date` cell) but the reserve's; with `after`, only rows
  /// below a line that starts with one of those heads.
  static func datingRows(
    _ bytes: [UInt8], date: [UInt8], skipping reserved: Set<Int>, after heads: [[UInt8]]?
  ) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    var inTable = heads == nil
    var first = true
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      if !first { out.append(0x0A) }
      first = false
      if let heads, !inTable {
        inTable = heads.contains { line.starts(with: $0) }
        out += line
        continue
      }
      let digits = line.prefix { $0 >= 0x30 && $0 <= 0x39 }
      let body = line.last == 0x0D ? line.dropLast() : line[...]
      guard !digits.isEmpty, line.dropFirst(digits.count).first == 0x2C, body.last == 0x2C,
        let number = Int(String(decoding: digits, as: UTF8.self)), !reserved.contains(number)
      else {
        out += line
        continue
      }
      out += body + date + (line.last == 0x0D ? [0x0D] : [])
    }
    return out
  }
}
