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

  /// Creates a location.
  public init(_ source: String, _ position: TextPosition? = nil) {
    self.source = source
    self.position = position
  }

  /// Creates a location from a 1-based line and column.
  public init(_ source: String, line: Int, column: Int) {
    self.init(source, TextPosition(line: line, column: column))
  }

  /// `file:line:column`, or just the file when there is no position.
  public var description: String {
    position.map { "\(source):\($0)" } ?? source
  }

  public static func < (lhs: InputLocation, rhs: InputLocation) -> Bool {
    if lhs.source != rhs.source {
      return lhs.source.utf8.lexicographicallyPrecedes(rhs.source.utf8)
    }
    switch (lhs.position, rhs.position) {
    case (let l?, let r?): return l < r
    case (nil, _?): return true
    default: return false
    }
  }
}
