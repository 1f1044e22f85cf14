import Dispatch
import Foundation
import Synchronization

/// A workbook being written: its sheets compressed as they are written, then the package's
/// parts (ECMA-376 part 1 and 2) around them, as one ZIP archive.
///
/// Sheets are streamed: a sheet of a million rows is held compressed, never as XML text. A sheet
/// holds at most 1,048,575 rows under its header, the most a spreadsheet opens; rows past that
/// go on in a sheet of the same name with `(2)`, `(3)`… after it.
struct SpreadsheetPackage: Sendable {
  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  /// The most rows under the header of one sheet.
  static let defaultRowLimit = 1_048_575

  private var sheets: [(name: String, compressed: DeflateEncoder)] = []
  private let fontName: String
  private let rowLimit: Int

  /// A workbook with no sheet yet; `fontName` is the font of every cell.
  init(fontName: String, rowLimit: Int = SpreadsheetPackage.defaultRowLimit) {
    self.fontName = fontName
    self.rowLimit = rowLimit
  }

  /// The sheets' names, in order.
  var sheetNames: [String] { sheets.map(\.name) }

  /// Adds a sheet (or, past the row limit, several): a bold header row that stays in view, then
  /// one row per element of `rows`, each given as its cells.
  ///
  /// - Parameter trailer: worksheet XML that follows the rows, such as data validations.
  mutating func addSheet<Rows: Sequence>(
    _ name: String, header: [String], widths: [Int], rows: Rows, trailer: String = "",
    cells: (Rows.Element, inout SheetRow) -> Void
  ) {
    var iterator = rows.makeIterator()
    var next = iterator.next()
    var part = 1
    repeat {
      var sheet = SheetWriter(header: header, widths: widths)
      var count = 0
      while count < rowLimit, let row = next {
        sheet.row { cells(row, &$0) }
        count += 1
        next = iterator.next()
      }
      sheets.append((Self.partName(name, part), sheet.finish(trailer: trailer)))
      part += 1
    } while next != nil
  }

  /// A sheet's name: at most 31 characters, none of `[]:*?/\`, with ` (n)` for later parts.
  private static func partName(_ name: String, _ part: Int) -> String {
    let suffix = part == 1 ? "" : " (\(part))"
    let clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
    return String(clean.prefix(31 - suffix.count)) + suffix
  }

  /// Writes the workbook as a ZIP archive.
  func write(to output: inout some ByteOutput) {
    var archive = ZIPWriter()
    let sheetParts = sheets.indices.map { "xl/worksheets/sheet\($0 + 1).xml" }
    let worksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    let contentTypes =
      Self.declaration
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + sheetParts.map { "<Override PartName=\"/\($0)\" ContentType=\"\(worksheetType)\"/>" }
      .joined()
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
      + "</Types>"
    let packageRelationships =
      Self.declaration
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(Self.relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
      + "</Relationships>"
    let workbook =
      Self.declaration
      + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
      + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
      + sheets.enumerated().map { index, sheet in
        "<sheet name=\"\(SpreadsheetXML.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
      }.joined()
      + "</sheets></workbook>"
    let workbookRelationships =
      Self.declaration
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + sheetParts.enumerated().map { index, part in
        "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationshipNamespace)/worksheet\" Target=\"\(part.dropFirst(3))\"/>"
      }.joined()
      + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
      + "</Relationships>"
    archive.add("[Content_Types].xml", bytes: Array(contentTypes.utf8), to: &output)
    archive.add("_rels/.rels", bytes: Array(packageRelationships.utf8), to: &output)
    archive.add("xl/workbook.xml", bytes: Array(workbook.utf8), to: &output)
    archive.add("xl/_rels/workbook.xml.rels", bytes: Array(workbookRelationships.utf8), to: &output)
    archive.add(
      "xl/styles.xml", bytes: Array(CellStyle.stylesheet(fontName: fontName).utf8), to: &output)
    for (part, sheet) in zip(sheetParts, sheets) {
      archive.add(part, encoder: sheet.compressed, to: &output)
    }
    archive.finish(to: &output)
  }
}

extension SpreadsheetPackage {
  /// A workbook whose sheets are added by jobs run one by one with ``make(_:)``, on whatever
  /// threads and in whatever order, then put together in the order of the jobs: so that a
  /// workbook's sheets are made alongside other statements, sharing the cores with them,
  /// instead of before them.
  final class Pending: Sendable {
    /// The jobs; each adds its sheets to an empty workbook.
    private let jobs: [@Sendable (inout SpreadsheetPackage) -> Void]
    private let fontName: String
    private let rowLimit: Int
    /// For each job: whether someone has taken it, and the workbook it made once made.
    private let parts: Mutex<[(taken: Bool, made: SpreadsheetPackage?)]>
    private let done = DispatchGroup()

    init(fontName: String, rowLimit: Int, jobs: [@Sendable (inout SpreadsheetPackage) -> Void]) {
      self.jobs = jobs
      self.fontName = fontName
      self.rowLimit = rowLimit
      parts = Mutex(Array(repeating: (false, nil), count: jobs.count))
    }

    /// Runs job `index`, unless it was taken already.
    func make(_ index: Int) {
      // Counted in the group only when taken, under the lock: a workbook dropped unmade (a
      // write that failed before its files) leaves no job counted in the group, which
      // libdispatch on Darwin traps on.
      let taken = parts.withLock { parts in
        guard !parts[index].taken else { return false }
        parts[index].taken = true
        done.enter()
        return true
      }
      guard taken else { return }
      var part = SpreadsheetPackage(fontName: fontName, rowLimit: rowLimit)
      jobs[index](&part)
      parts.withLock { [part] in $0[index].made = part }
      done.leave()
    }

    /// The jobs as work to start alongside other work (each runs its job once, if no one took
    /// it yet).
    var work: [@Sendable () -> Void] { jobs.indices.map { index in { self.make(index) } } }

    /// The workbook: the jobs no one has taken are run here, on every core, then those taken
    /// elsewhere are waited for.
    var package: SpreadsheetPackage {
      DispatchQueue.concurrentPerform(iterations: jobs.count) { make($0) }
      done.wait()
      var workbook = SpreadsheetPackage(fontName: fontName, rowLimit: rowLimit)
      for part in parts.withLock({ $0.map(\.made) }) { workbook.sheets += part?.sheets ?? [] }
      return workbook
    }
  }
}
