/// Writes JSON to a ``ByteOutput`` as it goes, with two-space indentation and keys in the order
/// they are written, so that the same data always gives the same bytes.
///
/// Objects and arrays opened with `inline: true` are written on one line, which keeps documents
/// with a million small records readable and compact. Decimals are written as strings, so that
/// no reader parses them through a float.
package struct JSONWriter<Output: ByteOutput> {
  /// Where the JSON goes.
  package var output: Output
  /// The objects and arrays open around the innermost one, outermost first.
  private var outer: [Level] = []
  /// The innermost open object or array, `nil` at the top: kept apart from ``outer``, so that
  /// separating a value, done for every value written, changes no array.
  private var innermost: Level?
  private var afterKey = false

  /// An open object or array: whether nothing was written in it yet, and whether it is on one
  /// line.
  private struct Level {
    var first = true
    var inline: Bool
  }

  /// Creates a writer.
  package init(output: Output) {
    self.output = output
  }

  /// Creates a writer that goes on inside `depth` objects and arrays opened by another writer,
  /// each on lines of its own and with something already written in it: a part of a document
  /// whose earlier parts are written by other writers.
  package init(output: Output, resumingAt depth: Int) {
    self.output = output
    if depth > 0 {
      outer = Array(repeating: Level(first: false, inline: false), count: depth - 1)
      innermost = Level(first: false, inline: false)
    }
  }

  private var inline: Bool { innermost?.inline ?? false }

  /// How many objects and arrays are open.
  private var depth: Int { innermost == nil ? 0 : outer.count + 1 }

  /// Writes what separates a value from the one before it: a comma and a new line or a space.
  private mutating func separate() {
    if afterKey {
      afterKey = false
      return
    }
    guard let level = innermost else { return }
    innermost!.first = false
    let indent = depth * 2
    output.writeBuffered { bytes in
      if !level.first { bytes.append(UInt8(ascii: ",")) }
      if level.inline {
        bytes.append(UInt8(ascii: " "))
      } else {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
      }
    }
  }

  /// Opens an object.
  package mutating func beginObject(inline: Bool = false) { open(UInt8(ascii: "{"), inline) }

  /// Closes the innermost object.
  package mutating func endObject() { close(UInt8(ascii: "}")) }

  /// Opens an array.
  package mutating func beginArray(inline: Bool = false) { open(UInt8(ascii: "["), inline) }

  /// Closes the innermost array.
  package mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func open(_ bracket: UInt8, _ inline: Bool) {
    separate()
    output.write(byte: bracket)
    let level = Level(inline: inline || self.inline)
    if let enclosing = innermost { outer.append(enclosing) }
    innermost = level
  }

  private mutating func close(_ bracket: UInt8) {
    guard let level = innermost else { preconditionFailure("nothing open to close") }
    innermost = outer.popLast()
    let indent = depth * 2
    let last = innermost == nil
    output.writeBuffered { bytes in
      if !level.first {
        if level.inline {
          bytes.append(UInt8(ascii: " "))
        } else {
          bytes.append(UInt8(ascii: "\n"))
          bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        }
      }
      bytes.append(bracket)
      if last { bytes.append(UInt8(ascii: "\n")) }
    }
  }

  /// Writes a key; the next call writes its value.
  ///
  /// Keys are literals in JointCredit's documents, plain ASCII with nothing to escape, so they
  /// are copied as they are.
  package mutating func key(_ name: StaticString) {
    separate()
    output.writeBuffered { bytes in
      bytes.append(UInt8(ascii: "\""))
      name.withUTF8Buffer { bytes.append(contentsOf: $0) }
      bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }
    afterKey = true
  }

  /// Writes a key given as a string (escaped as JSON needs); the next call writes its value.
  package mutating func key(_ name: String) {
    separate()
    output.writeBuffered { Self.appendKey(name, to: &$0) }
    afterKey = true
  }

  /// A key as JSON has it before its value: quoted, escaped, then a colon and a space.
  private static func appendKey(_ name: String, to bytes: inout [UInt8]) {
    appendString(name, to: &bytes)
    bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
  }

  /// A key as `key(_:)` writes a string key, made once to be written many times.
  package static func keyBytes(_ name: String) -> [UInt8] {
    var bytes: [UInt8] = []
    appendKey(name, to: &bytes)
    return bytes
  }

  /// Writes a key made by `keyBytes(_:)` after `, ` (which is not written: the separator
  /// before the key is); the next call writes its value. Members of an object on one line go
  /// through ``inlineMembers(_:)`` instead, separators and all.
  package mutating func key(separated bytes: UnsafeBufferPointer<UInt8>) {
    separate()
    output.write(UnsafeBufferPointer(rebasing: bytes[2...]))
    afterKey = true
  }

  /// Writes members of the innermost object, when it is on one line and no key waits for its
  /// value: `body` appends them to a line staged on the stack, each but the first in the object
  /// after `, ` (the first after a space, when `body` is told it is first), and they are
  /// written in one go.
  ///
  /// - Returns: `false`, with nothing written, when members cannot be written this way.
  mutating func inlineMembers(_ body: (inout StagedLine, _ first: Bool) -> Void) -> Bool {
    guard !afterKey, let level = innermost, level.inline else { return false }
    innermost!.first = false
    output.writeBuffered { bytes in
      StagedLine.staging(into: &bytes) { body(&$0, level.first) }
    }
    return true
  }

  /// Writes a typed cell as a JSON value (``appendValue(_:to:)``).
  package mutating func write(_ cell: StatementCell) {
    separate()
    output.writeBuffered { Self.appendValue(cell, to: &$0) }
  }

  /// Appends a typed cell as a JSON value: text and words as strings, decimals and dates as
  /// strings (`"1.250"`, `"2011-12-15"`), whole numbers as numbers, an empty cell as `null`.
  /// The one definition of JSON's values, for the writer and for members written on the stack
  /// (``JSONMembers``).
  static func appendValue(_ cell: StatementCell, to bytes: inout some ByteAppender) {
    let quote = UInt8(ascii: "\"")
    switch cell {
    case .text(let value): appendString(value, to: &bytes)
    case .joined(let first, let separator, let second):
      appendString(first, joinedBy: separator, second, to: &bytes)
    case .decimal(let value?): value.append(to: &bytes, after: quote, before: quote)
    case .integer(let value?):
      DecimalText.append(Int128(value), scale: 0, decimals: 0, to: &bytes)
    case .date(let value?): value.append(to: &bytes, after: quote, before: quote)
    case .decimal(nil), .integer(nil), .date(nil), .pendingDate:
      UTF8Bytes.append("null", to: &bytes)
    case .total: appendString("total", to: &bytes)
    case .reserve: appendString("reserve", to: &bytes)
    case .level(let level): appendString(level.rawValue, to: &bytes)
    case .kind(let kind): appendString(kind.rawValue, to: &bytes)
    case .basis(let basis): appendString(basis.rawValue, to: &bytes)
    case .purposeDetail(let detail):
      appendString(StatementLanguage.en.purposeDetail(detail), to: &bytes)
    }
  }

  /// Writes a string value, or `null`.
  package mutating func string(_ value: String?) {
    guard let value else { return null() }
    write(.text(value))
  }

  /// Writes a decimal as a string (`"1.250"`), or `null`.
  package mutating func decimal(_ value: FixedDecimal?) { write(.decimal(value)) }

  /// Writes a date as a string (`"2011-12-15"`), or `null`.
  package mutating func date(_ value: EventDate?) { write(.date(value)) }

  /// Writes a whole number.
  package mutating func number(_ value: some BinaryInteger) {
    separate()
    output.writeBuffered { DecimalText.append(Int128(value), scale: 0, decimals: 0, to: &$0) }
  }

  /// Writes `null`.
  package mutating func null() {
    separate()
    output.write("null")
  }

  /// Writes `true` or `false`.
  package mutating func bool(_ value: Bool) {
    separate()
    output.write(value ? "true" : "false")
  }

  /// Writes `"name": "value"` (or `null`).
  package mutating func field(_ name: StaticString, _ value: String?) {
    key(name)
    string(value)
  }

  /// Writes `"name": value` for a whole number.
  package mutating func field(_ name: StaticString, _ value: Int) {
    key(name)
    number(value)
  }

  /// Writes `"name": value` for a whole number (yen, say), or `null`.
  package mutating func field(_ name: StaticString, _ value: Int64?) {
    key(name)
    if let value { number(value) } else { null() }
  }

  /// Writes `"name": true/false`, or `null`.
  package mutating func field(_ name: StaticString, _ value: Bool?) {
    key(name)
    if let value { bool(value) } else { null() }
  }

  /// Writes `"name": "1.250"` (or `null`).
  package mutating func field(_ name: StaticString, _ value: FixedDecimal?) {
    key(name)
    decimal(value)
  }

  /// Writes `"name": "2011-12-15"` (or `null`).
  package mutating func field(_ name: StaticString, _ value: EventDate?) {
    key(name)
    date(value)
  }

  /// Writes two texts joined by an ASCII separator as one string value (`"131032/E01"`),
  /// without joining them into a string first.
  package mutating func string(_ first: String, joinedBy separator: UInt8, _ second: String) {
    write(.joined(first, separator: separator, second))
  }

  static func appendString(
    _ first: String, joinedBy separator: UInt8, _ second: String, to bytes: inout some ByteAppender
  ) {
    bytes.append(byte: UInt8(ascii: "\""))
    appendEscaped(first, to: &bytes)
    appendEscaped(String(UnicodeScalar(separator)), to: &bytes)
    appendEscaped(second, to: &bytes)
    bytes.append(byte: UInt8(ascii: "\""))
  }

  static func appendString(_ value: String, to bytes: inout some ByteAppender) {
    bytes.append(byte: UInt8(ascii: "\""))
    appendEscaped(value, to: &bytes)
    bytes.append(byte: UInt8(ascii: "\""))
  }

  /// Appends a text's bytes, escaped for a JSON string, without the quotes.
  private static func appendEscaped(_ value: String, to bytes: inout some ByteAppender) {
    func needsEscape(_ byte: UInt8) -> Bool {
      byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }
    // Every byte to escape is below `]` (the backslash is U+005C).
    if UTF8Bytes.append(value, ifNone: needsEscape, below: UInt8(ascii: "]"), to: &bytes) {
      return
    }
    for byte in value.utf8 {
      guard needsEscape(byte) else {
        bytes.append(byte: byte)
        continue
      }
      bytes.append(byte: 0x5C)
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte: byte)
      case 0x0A: bytes.append(byte: UInt8(ascii: "n"))
      case 0x0D: bytes.append(byte: UInt8(ascii: "r"))
      case 0x09: bytes.append(byte: UInt8(ascii: "t"))
      default:
        let code = [
          UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte >> 4),
          hexDigit(byte & 0xF),
        ]
        for next in code { bytes.append(byte: next) }
      }
    }
  }
}

private func hexDigit(_ value: UInt8) -> UInt8 {
  value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
}
