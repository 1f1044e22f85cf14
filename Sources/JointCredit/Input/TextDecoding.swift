import Foundation

/// Turns the bytes of a submission into UTF-8 text, as Excel and other tools save it.
///
/// Valid UTF-8 is taken as it is (a leading byte order mark is dropped). Anything else is read as
/// Shift_JIS in Microsoft's CP932 form, which Excel uses in a Japanese locale.
public enum TextDecoding {
  /// The encodings a submission can arrive in.
  public enum Encoding: String, CaseIterable, Hashable, Sendable {
    /// UTF-8 without a byte order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    case utf8WithBOM = "UTF-8 with BOM"
    /// Shift_JIS as Windows writes it (CP932).
    case shiftJIS = "Shift_JIS (CP932)"
  }

  /// Decoded text: its UTF-8 bytes and the encoding it was read from.
  public struct Decoded: Sendable {
    /// The text as UTF-8, without a byte order mark.
    public var utf8: [UInt8]
    /// The encoding the bytes were in.
    public var encoding: Encoding
  }

  /// Decodes a file's bytes.
  ///
  /// - Throws: ``InputError`` with ``InputError/Reason/utf16`` or
  ///   ``InputError/Reason/undecodable(byte:)``, positioned at the first byte that is not UTF-8.
  public static func decode(_ bytes: [UInt8], source: String) throws(InputError) -> Decoded {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw InputError(.utf16, at: InputLocation(source, line: 1, column: 1))
    }
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
    guard let invalid = UTF8Validation.firstInvalidOffset(in: body) else {
      return Decoded(utf8: body, encoding: hasBOM ? .utf8WithBOM : .utf8)
    }
    if !hasBOM, let text = String(data: Data(bytes), encoding: .shiftJIS) {
      return Decoded(utf8: Array(text.utf8), encoding: .shiftJIS)
    }
    let offset = hasBOM ? invalid : firstLineReadByNeither(body) ?? invalid
    let position = UTF8Validation.position(ofOffset: offset, in: body)
    throw InputError(.undecodable(byte: body[offset]), at: InputLocation(source, position))
  }

  /// The first byte not UTF-8 on the first line that is neither UTF-8 nor Shift_JIS: a file may
  /// mix the two, and the line to fix is the one that neither reads. (A line feed is never part
  /// of a Shift_JIS character, so lines can be tried one by one.)
  private static func firstLineReadByNeither(_ bytes: [UInt8]) -> Int? {
    var start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      let line = Array(bytes[start..<end])
      if let invalid = UTF8Validation.firstInvalidOffset(in: line),
        String(data: Data(line), encoding: .shiftJIS) == nil
      {
        return start + invalid
      }
      start = end + 1
    }
    return nil
  }
}

/// Strict UTF-8 validation over bytes (RFC 3629: no overlong forms, no surrogates).
enum UTF8Validation {
  /// The fewest bytes worth a core of their own.
  static let minimumBytes = 1 << 20

  /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
  ///
  /// A large text is checked in parts at once, four per core. Each cut is made before a byte
  /// that is not a continuation byte, so that no valid sequence spans a cut: each part is then
  /// checked as the whole text is, and the first invalid byte of the first part that has one
  /// is the text's first.
  ///
  /// - Parameter parts: how many parts; `nil` for four per core, each at least
  ///   ``minimumBytes``.
  static func firstInvalidOffset(in bytes: [UInt8], parts: Int? = nil) -> Int? {
    let parts = parts ?? CoreRanges.parts(atMost: bytes.count / minimumBytes, perCore: 4)
    var starts = [0]
    for part in 1..<max(parts, 1) {
      var cut = max(bytes.count / parts * part, starts[starts.count - 1])
      while cut < bytes.count, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
      starts.append(cut)
    }
    let cuts = starts + [bytes.count]
    guard cuts.count > 2 else { return firstInvalidOffset(in: bytes, 0..<bytes.count) }
    let found = CoreRanges.map(cuts.count - 1) { part in
      firstInvalidOffset(in: bytes, cuts[part]..<cuts[part + 1])
    }
    return found.lazy.compactMap { $0 }.first
  }

  /// The offset of the first byte of `range` that does not start or continue a valid UTF-8
  /// sequence within `range`.
  ///
  /// Read through the array's pointer, eight bytes at a time: a word of ASCII is passed in one
  /// step, and in a word with a byte above ASCII the ASCII before it is too (text in Japanese
  /// has a comma, a code or a date between its characters, shorter than a word). A character of
  /// three bytes whose lead is not one of the two with a narrower second byte (E0, ED), as every
  /// kana and kanji is, is checked by its two continuation bytes alone.
  private static func firstInvalidOffset(in bytes: [UInt8], _ range: Range<Int>) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress else { return nil }
      var index = range.lowerBound
      let end = range.upperBound
      while index < end {
        if end - index >= 8 {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          let aboveASCII = UInt64(littleEndian: word) & 0x8080_8080_8080_8080
          if aboveASCII == 0 {
            index += 8
            continue
          }
          index += aboveASCII.trailingZeroBitCount >> 3
        } else if base[index] < 0x80 {
          index += 1
          continue
        }
        let lead = base[index]
        if lead >= 0xE1, lead <= 0xEF, lead != 0xED {
          guard end - index >= 3, base[index + 1] & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80
          else { return index }
          index += 3
          continue
        }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return index
        }
        guard end - index >= length else { return index }
        let second = base[index + 1]
        guard second >= low, second <= high else { return index }
        for next in (index + 2)..<(index + length) where base[next] & 0xC0 != 0x80 {
          return index
        }
        index += length
      }
      return nil
    }
  }

  /// The line and column of a byte offset in UTF-8 text that is valid before that offset.
  static func position(ofOffset offset: Int, in bytes: [UInt8]) -> TextPosition {
    var line = 1
    var column = 1
    var index = 0
    while index < offset {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte == UInt8(ascii: "\r") {
        if index + 1 < offset, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return TextPosition(line: line, column: column)
  }
}
