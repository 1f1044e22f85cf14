/// A place in a text file: a 1-based line and a 1-based column counted in characters.
public struct TextPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The line, counting from 1.
  public var line: Int
  /// The column, counting from 1, in characters (Unicode scalars) of the decoded text.
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }

  public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// Where an input problem is: a file (or a command-line option) and, when known, a position in it.
public struct InputLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The file's path as it was given, or the option that gave the value, such as `--lot`.
  public var source: String
  /// The position in the file, when the problem is at a particular place.
  public var position: TextPosition?
  /// The sheet of a workbook the position is in: the position's line is then the row and its
  /// column the column, written as a cell reference (`Sheet1!G3`).
  public var sheet: String?

  /// Creates a location.
  public init(_ source: String, _ position: TextPosition? = nil, sheet: String? = nil) {
    self.source = source
    self.position = position
    self.sheet = sheet
  }

  /// Creates a location from a 1-based line and column.
  public init(_ source: String, line: Int, column: Int) {
    self.init(source, TextPosition(line: line, column: column))
  }

  /// `file:line:column`, `file.xlsx:Sheet!G3` in a workbook, or just the file when there is
  /// no position.
  public var description: String {
    if let sheet {
      let cell = position.map { "!" + SpreadsheetXML.cellReference($0) }
      return "\(source):\(sheet)" + (cell ?? "")
    }
    return position.map { "\(source):\($0)" } ?? source
  }

  public static func < (lhs: InputLocation, rhs: InputLocation) -> Bool {
    if lhs.source != rhs.source {
      return UTF8Bytes.precedes(lhs.source, rhs.source)
    }
    switch (lhs.position, rhs.position) {
    case (let l?, let r?): return l < r
    case (nil, _?): return true
    default: return false
    }
  }
}
