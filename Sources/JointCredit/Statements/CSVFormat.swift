/// How CSV statements are encoded: the choices that make a file open cleanly where it is used.
public struct CSVFormat: Hashable, Sendable {
  /// Text encodings for CSV statements.
  public enum Encoding: String, CaseIterable, Hashable, Sendable {
    /// UTF-8 with a byte order mark, which Excel needs to recognise UTF-8 (the default).
    case utf8BOM = "utf8-bom"
    /// UTF-8 without a byte order mark, for programs that do not expect one.
    case utf8
    /// Shift_JIS as Windows writes it (CP932), for older Japanese accounting imports.
    case cp932
  }

  /// Line endings.
  public enum LineEnding: String, CaseIterable, Hashable, Sendable {
    /// CR LF, as RFC 4180 and Excel write (the default).
    case crlf
    /// LF alone.
    case lf

    var bytes: [UInt8] { self == .crlf ? [0x0D, 0x0A] : [0x0A] }
  }

  /// The encoding.
  public var encoding: Encoding
  /// The line ending.
  public var lineEnding: LineEnding
  /// In CP932, whether a character without a CP932 form is written as `?` (otherwise it is an
  /// error that names its row and column).
  public var replacesUnmappable: Bool

  /// Creates a format; by default UTF-8 with BOM and CRLF, which Excel opens cleanly.
  public init(
    encoding: Encoding = .utf8BOM, lineEnding: LineEnding = .crlf,
    replacesUnmappable: Bool = false
  ) {
    self.encoding = encoding
    self.lineEnding = lineEnding
    self.replacesUnmappable = replacesUnmappable
  }

  /// UTF-8 with BOM and CRLF.
  public static let excel = CSVFormat()
}
