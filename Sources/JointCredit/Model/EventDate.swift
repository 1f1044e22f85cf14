/// A calendar date in the proleptic Gregorian calendar, written `YYYY-MM-DD` (RFC 3339 full-date).
///
/// Held in four bytes as `yyyymmdd`, since a million events each carry one.
public struct EventDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  private var packed: UInt32

  /// The year, 1...9999.
  public var year: Int { Int(packed / 10_000) }
  /// The month, 1...12.
  public var month: Int { Int(packed / 100 % 100) }
  /// The day of the month, 1...28/29/30/31.
  public var day: Int { Int(packed % 100) }

  /// Creates a date, or `nil` when there is no such day (such as 2011-02-29).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...EventDate.days(inMonth: month, year: year)).contains(day)
    else { return nil }
    packed = UInt32(year * 10_000 + month * 100 + day)
  }

  /// Reads `YYYY-MM-DD`, or `nil` for any other text or a day that does not exist.
  public init?(iso text: String) {
    self.init(isoBytes: text.utf8)
  }

  /// Reads `YYYY-MM-DD` from UTF-8 bytes, as ``init(iso:)`` reads it from text.
  init?(isoBytes bytes: some Collection<UInt8>) {
    guard bytes.count == 10 else { return nil }
    var fields = (0, 0, 0)
    var index = 0
    for byte in bytes {
      switch index {
      case 4, 7:
        guard byte == UInt8(ascii: "-") else { return nil }
      default:
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        let digit = Int(byte - UInt8(ascii: "0"))
        switch index {
        case 0..<4: fields.0 = fields.0 * 10 + digit
        case 5..<7: fields.1 = fields.1 * 10 + digit
        default: fields.2 = fields.2 * 10 + digit
        }
      }
      index += 1
    }
    self.init(year: fields.0, month: fields.1, day: fields.2)
  }

  static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Appends `YYYY-MM-DD` as UTF-8.
  public func append(to bytes: inout [UInt8]) { append(to: &bytes, after: nil) }

  /// Appends `YYYY-MM-DD` as UTF-8 between two bytes (a separating comma, quotes), in one
  /// append.
  func append(to bytes: inout some ByteAppender, after prefix: UInt8?, before suffix: UInt8? = nil)
  {
    // `yyyymmdd`'s eight digits at once, laid out in two words with the dashes put in: the
    // prefix's byte at 0, the date at 1..<11, the suffix's byte at 11.
    let digits = DecimalText.eightDigits(UInt64(packed)) | 0x3030_3030_3030_3030
    let dash = UInt64(UInt8(ascii: "-"))
    let year = digits & 0xFFFF_FFFF
    let month = (digits &>> 32) & 0xFFFF
    let day = digits &>> 48
    var text = (
      (UInt64(prefix ?? 0) | year << 8 | dash << 40 | month << 48).littleEndian,
      (dash | day << 8 | UInt64(suffix ?? 0) << 24).littleEndian
    )
    withUnsafeBytes(of: &text) { text in
      bytes.append(
        raw: UnsafeRawBufferPointer(
          rebasing: text[(prefix == nil ? 1 : 0)..<(suffix == nil ? 11 : 12)]))
    }
  }

  /// The date as `YYYY-MM-DD`.
  public var description: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(10)
    append(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  public static func < (lhs: EventDate, rhs: EventDate) -> Bool { lhs.packed < rhs.packed }
}
