/// A workbook (.xlsx) read for its cells: its sheets' names, and a sheet's rows as texts, the way
/// a person sees them: shared and inline strings, numbers as decimals (to the 15 significant
/// digits a spreadsheet shows), dates stored as serial numbers as `YYYY-MM-DD`, booleans and
/// errors as their words.
///
/// Workbooks from Excel, LibreOffice and openpyxl are read the same way. An encrypted workbook
/// (a password-protected file is an OLE container, not a ZIP archive), a damaged one, and a part
/// that would expand past ``partLimit`` are refused with a reason.
package struct WorkbookReader {
  /// Why a workbook cannot be read.
  package typealias Failure = InputError.WorkbookProblem

  /// One sheet: its name and its part in the archive.
  package struct Sheet: Hashable, Sendable {
    package let name: String
    let part: String
  }

  /// One row with its cells' texts: 1-based row number; 0-based column index and text.
  package struct Row: Sendable {
    package let number: Int
    package var cells: [(column: Int, text: String)]
  }

  /// The most bytes one part (a sheet, the shared strings) may expand to, by default.
  package static let defaultPartLimit = 256 << 20
  /// The most bytes one part may expand to.
  private let partLimit: Int

  private let archive: ZIPReader
  /// The sheets, in the workbook's order.
  package let sheets: [Sheet]
  private let sharedStrings: [String]
  /// What each cell format (by index) does to a number: show it as a date, or with at least so
  /// many decimals.
  private let numberStyles: NumberStyles

  /// Opens a workbook.
  package init(_ bytes: [UInt8], partLimit: Int = WorkbookReader.defaultPartLimit) throws(Failure) {
    self.partLimit = partLimit
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      throw .encrypted  // an OLE compound file: an encrypted workbook (or an .xls)
    }
    do {
      archive = try ZIPReader(bytes)
    } catch {
      throw .notAnArchive
    }
    let workbook = try Self.part(limit: partLimit, "xl/workbook.xml", in: archive, required: true)!
    let relationships = try Self.part(
      limit: partLimit, "xl/_rels/workbook.xml.rels", in: archive, required: true)!
    var targets: [String: String] = [:]
    var scanner = XMLScanner(relationships)
    while let token = scanner.next() {
      guard case .open("Relationship", let attributes, _) = token else { continue }
      if let id = attributes.first(where: { $0.0 == "Id" })?.1,
        let target = attributes.first(where: { $0.0 == "Target" })?.1
      {
        targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      }
    }
    var sheets: [Sheet] = []
    scanner = XMLScanner(workbook)
    while let token = scanner.next() {
      guard case .open("sheet", let attributes, _) = token,
        let name = attributes.first(where: { $0.0 == "name" })?.1,
        let id = attributes.first(where: { $0.0 == "id" })?.1, let part = targets[id]
      else { continue }
      sheets.append(Sheet(name: name, part: part))
    }
    guard !sheets.isEmpty else { throw .noSheet }
    self.sheets = sheets
    sharedStrings = try Self.strings(
      Self.part(limit: partLimit, "xl/sharedStrings.xml", in: archive, required: false))
    numberStyles = NumberStyles(
      try Self.part(limit: partLimit, "xl/styles.xml", in: archive, required: false))
  }

  /// The sheet a submission is read from: the one named like a form's submission sheet, else
  /// the first.
  package var submissionSheet: Sheet {
    sheets.first { WorkbookReader.submissionSheetNames.contains($0.name) } ?? sheets[0]
  }

  /// The names of the submission sheet of JointCredit's forms, in English and Japanese.
  package static let submissionSheetNames: Set<String> = ["Submission", "提出"]

  /// A sheet's rows that hold at least one cell, in order.
  package func rows(of sheet: Sheet) throws(Failure) -> [Row] {
    guard let bytes = try Self.part(limit: partLimit, sheet.part, in: archive, required: true)
    else { return [] }
    var scanner = XMLScanner(bytes)
    var rows: [Row] = []
    var row: Row?
    var nextRow = 1
    var cell: (column: Int, type: String, style: Int)?
    var nextColumn = 0
    var value = ""
    var inValue = false, inInline = false
    while let token = scanner.next() {
      switch token {
      case .open("row", let attributes, let selfClosing):
        let number = attributes.first { $0.0 == "r" }.flatMap { Int($0.1) } ?? nextRow
        nextRow = number + 1
        nextColumn = 0
        if !selfClosing { row = Row(number: number, cells: []) }
      case .close("row"):
        if let finished = row, !finished.cells.isEmpty { rows.append(finished) }
        row = nil
      case .open("c", let attributes, let selfClosing):
        let column =
          attributes.first { $0.0 == "r" }.flatMap { Self.columnIndex($0.1) } ?? nextColumn
        nextColumn = column + 1
        let type = attributes.first { $0.0 == "t" }?.1 ?? "n"
        let style = attributes.first { $0.0 == "s" }.flatMap { Int($0.1) } ?? 0
        cell = selfClosing ? nil : (column, type, style)
        value = ""
      case .close("c"):
        if let open = cell, row != nil {
          let text = self.text(value, type: open.type, style: open.style)
          if !text.isEmpty { row!.cells.append((open.column, text)) }
        }
        cell = nil
      case .open("v", _, let selfClosing): inValue = !selfClosing
      case .close("v"): inValue = false
      case .open("is", _, _): inInline = true
      case .close("is"): inInline = false
      case .open("rPh", _, _): inInline = false  // phonetic guides are not the cell's text
      case .text(let text) where cell != nil && (inValue || inInline): value += text
      default: break
      }
    }
    return rows
  }

  /// A cell's text as a person reads it.
  private func text(_ value: String, type: String, style: Int) -> String {
    switch type {
    case "s":
      return Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil }
        ?? ""
    case "inlineStr", "str", "e": return value
    case "b": return value == "1" ? "TRUE" : "FALSE"
    case "d": return String(value.prefix(10))
    default:
      if numberStyles.dates.contains(style), let date = SpreadsheetNumber.date(serial: value) {
        return date
      }
      guard let text = SpreadsheetNumber.text(value) else { return value }
      return SpreadsheetNumber.padded(text, decimals: numberStyles.decimals[style] ?? 0)
    }
  }

  /// A part's bytes, expanded and checked; `nil` when an optional part is absent.
  private static func part(limit: Int, _ name: String, in archive: ZIPReader, required: Bool)
    throws(Failure) -> [UInt8]?
  {
    guard let entry = archive.entry(name) else {
      if required { throw .missingPart(name) }
      return nil
    }
    do {
      return try archive.data(of: entry, limit: limit)
    } catch .tooLarge {
      throw .tooLarge(part: name, limit: limit)
    } catch .encrypted {
      throw .encrypted
    } catch {
      throw .damagedPart(name)
    }
  }

  /// The shared strings: each `<si>`'s text runs joined, phonetic guides left out.
  private static func strings(_ bytes: [UInt8]?) -> [String] {
    guard let bytes else { return [] }
    var scanner = XMLScanner(bytes)
    var strings: [String] = []
    var current: String?
    var inText = false, inPhonetic = false
    while let token = scanner.next() {
      switch token {
      case .open("si", _, let selfClosing):
        if selfClosing { strings.append("") } else { current = "" }
      case .close("si"):
        strings.append(current ?? "")
        current = nil
      case .open("t", _, let selfClosing): inText = !selfClosing
      case .close("t"): inText = false
      case .open("rPh", _, _): inPhonetic = true
      case .close("rPh"): inPhonetic = false
      case .text(let text) where inText && !inPhonetic && current != nil: current! += text
      default: break
      }
    }
    return strings
  }

  /// The 0-based column of a cell reference such as `AB12`.
  static func columnIndex(_ reference: String) -> Int? {
    var index = 0
    var letters = 0
    for byte in reference.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        index = index * 26 + Int(byte - UInt8(ascii: "A")) + 1
        letters += 1
      case UInt8(ascii: "a")...UInt8(ascii: "z"):
        index = index * 26 + Int(byte - UInt8(ascii: "a")) + 1
        letters += 1
      default:
        return letters == 0 || letters > 3 ? nil : index - 1
      }
    }
    return letters == 0 || letters > 3 ? nil : index - 1
  }
}

/// The cell formats of a workbook's styles, by index: which show numbers as dates, and how many
/// decimals the others show (so that `0.650` formatted `0.000` reads as written).
struct NumberStyles {
  var dates: Set<Int> = []
  var decimals: [Int: Int] = [:]

  init(_ bytes: [UInt8]?) {
    guard let bytes else { return }
    var scanner = XMLScanner(bytes)
    var custom: [Int: String] = [:]
    var formats: [Int] = []
    var inCellFormats = false
    while let token = scanner.next() {
      switch token {
      case .open("numFmt", let attributes, _):
        if let id = attributes.first(where: { $0.0 == "numFmtId" }).flatMap({ Int($0.1) }),
          let code = attributes.first(where: { $0.0 == "formatCode" })?.1
        {
          custom[id] = code
        }
      case .open("cellXfs", _, _): inCellFormats = true
      case .close("cellXfs"): inCellFormats = false
      case .open("xf", let attributes, _) where inCellFormats:
        formats.append(attributes.first { $0.0 == "numFmtId" }.flatMap { Int($0.1) } ?? 0)
      default: break
      }
    }
    for (index, id) in formats.enumerated() {
      if let code = custom[id] {
        if SpreadsheetNumber.isDateFormat(code) {
          dates.insert(index)
        } else {
          decimals[index] = SpreadsheetNumber.decimals(ofFormat: code)
        }
      } else if SpreadsheetNumber.builtInDateFormats.contains(id) {
        dates.insert(index)
      } else if id == 2 || id == 4 {
        decimals[index] = 2  // 0.00 and #,##0.00
      }
    }
  }
}
