/// The cell formats of JointCredit's workbooks, by their index in `styles.xml`.
enum CellStyle: Int, CaseIterable {
  /// No format: General.
  case general = 0
  /// A header: bold text.
  case header
  /// Text, formatted as text (`@`), so that a code typed over stays text.
  case text
  /// A date, `yyyy-mm-dd`.
  case date
  /// A whole number.
  case integer
  /// Yen, with thousands separators.
  case yen
  /// Numbers with 1 to 6 decimals, `0.0` to `0.000000`.
  case decimals1, decimals2, decimals3, decimals4, decimals5, decimals6

  /// The style of a decimal with `places` decimals (at most 6, the scale of quantities).
  static func decimals(_ places: Int) -> CellStyle {
    places <= 0 ? .integer : CellStyle(rawValue: CellStyle.decimals1.rawValue + min(places, 6) - 1)!
  }

  /// `styles.xml`: the number formats, a regular and a bold font, and one cell format per case.
  static func stylesheet(fontName: String) -> String {
    let decimalFormats = (1...6).map { places in
      "<numFmt numFmtId=\"\(164 + places)\" formatCode=\"0.\(String(repeating: "0", count: places))\"/>"
    }
    let font =
      "<sz val=\"11\"/><name val=\"\(SpreadsheetXML.escaped(fontName))\"/><family val=\"2\"/>"
    let formats = allCases.map { style in
      let (format, fontID): (Int, Int) =
        switch style {
        case .general: (0, 0)
        case .header: (49, 1)
        case .text: (49, 0)
        case .date: (164, 0)
        case .integer: (1, 0)
        case .yen: (3, 0)
        default: (164 + style.rawValue - decimals1.rawValue + 1, 0)
        }
      return
        "<xf numFmtId=\"\(format)\" fontId=\"\(fontID)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
        + (style == .general ? "" : " applyNumberFormat=\"1\"")
        + (fontID == 1 ? " applyFont=\"1\"" : "") + "/>"
    }
    return SpreadsheetPackage.declaration
      + "<styleSheet xmlns=\"\(SpreadsheetPackage.mainNamespace)\">"
      + "<numFmts count=\"7\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
      + decimalFormats.joined() + "</numFmts>"
      + "<fonts count=\"2\"><font>\(font)</font><font><b/>\(font)</font></fonts>"
      + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
      + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
      + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
      + "</cellStyleXfs><cellXfs count=\"\(allCases.count)\">" + formats.joined() + "</cellXfs>"
      + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "</styleSheet>"
  }
}
