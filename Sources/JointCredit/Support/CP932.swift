import Foundation
import Synchronization

/// Shift_JIS as Windows and Excel write it (Microsoft code page 932), for CSV output.
///
/// The table is read once from Foundation's Shift_JIS converter, which follows Microsoft's
/// mapping (～ U+FF5E is 0x8160, － U+FF0D is 0x817C; the em dash U+2014, the wave dash U+301C and
/// the minus sign U+2212 have no CP932 form).
package enum CP932 {
  /// For each BMP scalar, its CP932 code: one byte below 0x100, two bytes otherwise; 0 when it
  /// has none. ASCII maps to itself.
  static let table: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 0x10000)
    for value in 0..<0x80 { table[value] = UInt16(value) }
    for value in 0x80..<0x10000 {
      guard let scalar = Unicode.Scalar(UInt32(value)),
        let data = String(Character(scalar)).data(using: .shiftJIS),
        data.count == 1 || data.count == 2
      else { continue }
      table[value] = data.count == 1 ? UInt16(data[0]) : UInt16(data[0]) << 8 | UInt16(data[1])
    }
    return table
  }()

  /// Characters typed on other systems that CP932 lacks, and the look-alike it has, as Windows'
  /// best-fit mapping writes them: 〜 → ～, − → －, — → ―, ‖ → ∥, ¢ → ￠, £ → ￡, ¬ → ￢, ¦ → ￤.
  static let lookAlikes: [UInt32: UInt32] = [
    0x301C: 0xFF5E, 0x2212: 0xFF0D, 0x2014: 0x2015, 0x2016: 0x2225, 0x00A2: 0xFFE0,
    0x00A3: 0xFFE1, 0x00AC: 0xFFE2, 0x00A6: 0xFFE4,
  ]

  /// What writing a text in CP932 met.
  package struct Appended {
    /// The scalars that had no CP932 form nor a look-alike, written as `?`, in order.
    package var missing: [Unicode.Scalar] = []
    /// The scalars written as their look-alike, in order.
    package var replaced: [Unicode.Scalar] = []
  }

  /// Appends the CP932 bytes of UTF-8 text: a scalar without a CP932 form is written as its
  /// look-alike (``lookAlikes``) when it has one, else as `?`.
  @discardableResult
  package static func append(utf8: some Collection<UInt8>, to bytes: inout [UInt8]) -> Appended {
    var result = Appended()
    for original in String(decoding: utf8, as: UTF8.self).unicodeScalars {
      var scalar = original
      if let alike = lookAlikes[original.value], let substitute = Unicode.Scalar(alike) {
        scalar = substitute
        result.replaced.append(original)
      }
      let code = scalar.value < 0x10000 ? table[Int(scalar.value)] : 0
      if scalar.value < 0x80 {
        bytes.append(UInt8(scalar.value))
      } else if code == 0 {
        result.missing.append(scalar)
        bytes.append(UInt8(ascii: "?"))
      } else if code < 0x100 {
        bytes.append(UInt8(code))
      } else {
        bytes.append(UInt8(code >> 8))
        bytes.append(UInt8(code & 0xFF))
      }
    }
    return result
  }
}

/// Characters a CSV statement could not write in CP932, collected while it is written.
public final class EncodingProblems: Sendable {
  /// One character without a CP932 form, and where it was to be written.
  public struct Problem: Hashable, Sendable, CustomStringConvertible {
    /// The statement file.
    public var file: String
    /// The row (record) of the statement, counting the header as row 1.
    public var row: Int
    /// The column, counting from 1, and its header.
    public var column: Int
    /// The column's header.
    public var header: String
    /// The character.
    public var scalar: Unicode.Scalar
    /// The look-alike written instead, when CP932 has one.
    public var replacement: Unicode.Scalar?

    /// Where it was: `allocation.csv row 5, column 5 (event_name)`.
    public var place: String { "\(file) row \(row), column \(column) (\(header))" }

    public var description: String { description(.en) }

    /// The problem in a language, with its place; the fix is named by the CSV format's settings
    /// (the encoding `utf8-bom`, or '?' for what has no form), which a tool maps to its options.
    public func description(_ language: StatementLanguage) -> String {
      let code = Self.code(scalar)
      switch (language, replacement) {
      case (.en, let replacement?):
        return "\(place): '\(scalar)' (\(code)) has no Shift_JIS (CP932) form; "
          + "written as its look-alike '\(replacement)' (\(Self.code(replacement)))"
      case (.en, nil):
        return "\(place): '\(scalar)' (\(code)) has no "
          + "Shift_JIS (CP932) form; change the text, write the CSV files as utf8-bom, or write "
          + "'?' instead"
      case (.ja, let replacement?):
        return "\(japanesePlace): '\(scalar)' (\(code)) は Shift_JIS (CP932) で表せないため、"
          + "似た文字 '\(replacement)' (\(Self.code(replacement))) で書きました"
      case (.ja, nil):
        return "\(japanesePlace): '\(scalar)' (\(code)) は Shift_JIS (CP932) で表せません。"
          + "文字を変えるか、CSV ファイルを utf8-bom で書くか、代わりに '?' を書いてください"
      }
    }

    /// Where it was, in Japanese: `allocation.csv の 5 行目 5 列目（event_name）`.
    public var japanesePlace: String { "\(file) の \(row) 行目 \(column) 列目（\(header)）" }

    /// `U+301C`.
    static func code(_ scalar: Unicode.Scalar) -> String {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
  }

  /// The file the problems are in.
  public let file: String
  private let state = Mutex<
    (rows: Int, headers: [String], problems: [Problem], substitutions: [Problem])
  >((0, [], [], []))

  /// Creates a collector for one statement file.
  public init(file: String) {
    self.file = file
  }

  /// Every character without a CP932 form nor a look-alike, in row and column order.
  public var problems: [Problem] { state.withLock { $0.problems } }
  /// Every character written as its look-alike, in row and column order.
  public var substitutions: [Problem] { state.withLock { $0.substitutions } }

  func record(_ cells: [Int: CP932.Appended], headers: [String]? = nil) {
    state.withLock { state in
      state.rows += 1
      if let headers { state.headers = headers }
      for (column, found) in cells.sorted(by: { $0.key < $1.key }) {
        let header = column < state.headers.count ? state.headers[column] : ""
        for scalar in found.replaced {
          state.substitutions.append(
            Problem(
              file: file, row: state.rows, column: column + 1, header: header, scalar: scalar,
              replacement: CP932.lookAlikes[scalar.value].flatMap(Unicode.Scalar.init)))
        }
        for scalar in found.missing {
          state.problems.append(
            Problem(
              file: file, row: state.rows, column: column + 1, header: header, scalar: scalar))
        }
      }
    }
  }
}
