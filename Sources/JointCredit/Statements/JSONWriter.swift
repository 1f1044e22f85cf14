/// Writes JSON to a ``ByteOutput`` as it goes, with two-space indentation and keys in the order
/// they are written, so that the same data always gives the same bytes.
///
/// Objects and arrays opened with `inline: true` are written on one line, which keeps documents
/// with a million small records readable and compact.
public struct JSONWriter<Output: ByteOutput> {
  /// Where the JSON goes.
  public var output: Output
  private var stack: [(first: Bool, inline: Bool)] = []
  private var afterKey = false

  /// Creates a writer.
  public init(output: Output) {
    self.output = output
  }

  private var inline: Bool { stack.last?.inline ?? false }

  private mutating func beforeValue() {
    if afterKey {
      afterKey = false
      return
    }
    separate()
  }

  private mutating func separate() {
    guard !stack.isEmpty else { return }
    if !stack[stack.count - 1].first { output.write(CollectionOfOne(UInt8(ascii: ","))) }
    stack[stack.count - 1].first = false
    if inline {
      output.write(CollectionOfOne(UInt8(ascii: " ")))
    } else {
      newline()
    }
  }

  private mutating func newline() {
    output.write(CollectionOfOne(UInt8(ascii: "\n")))
    output.write(repeatElement(UInt8(ascii: " "), count: stack.count * 2))
  }

  /// Opens an object.
  public mutating func beginObject(inline: Bool = false) {
    beforeValue()
    output.write(CollectionOfOne(UInt8(ascii: "{")))
    stack.append((true, inline || self.inline))
  }

  /// Closes the innermost object.
  public mutating func endObject() { close(UInt8(ascii: "}")) }

  /// Opens an array.
  public mutating func beginArray(inline: Bool = false) {
    beforeValue()
    output.write(CollectionOfOne(UInt8(ascii: "[")))
    stack.append((true, inline || self.inline))
  }

  /// Closes the innermost array.
  public mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func close(_ bracket: UInt8) {
    let (first, wasInline) = stack.removeLast()
    if !first {
      if wasInline {
        output.write(CollectionOfOne(UInt8(ascii: " ")))
      } else {
        newline()
      }
    }
    output.write(CollectionOfOne(bracket))
    if stack.isEmpty { output.write(CollectionOfOne(UInt8(ascii: "\n"))) }
  }

  /// Writes a key; the next call writes its value.
  public mutating func key(_ name: String) {
    separate()
    writeString(name)
    output.write([UInt8(ascii: ":"), UInt8(ascii: " ")])
    afterKey = true
  }

  /// Writes a string value.
  public mutating func string(_ value: String) {
    beforeValue()
    writeString(value)
  }

  /// Writes a string value, or `null`.
  public mutating func string(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  /// Writes a number exactly as given, such as an integer count.
  public mutating func number(_ value: Int) {
    beforeValue()
    output.write(String(value))
  }

  /// Writes `null`.
  public mutating func null() {
    beforeValue()
    output.write("null")
  }

  /// Writes `true` or `false`.
  public mutating func bool(_ value: Bool) {
    beforeValue()
    output.write(value ? "true" : "false")
  }

  /// Writes `"name": "value"`.
  public mutating func field(_ name: String, _ value: String?) {
    key(name)
    string(value)
  }

  /// Writes `"name": value` for an integer.
  public mutating func field(_ name: String, _ value: Int) {
    key(name)
    number(value)
  }

  private mutating func writeString(_ value: String) {
    output.write(CollectionOfOne(UInt8(ascii: "\"")))
    var plain = true
    for byte in value.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
      plain = false
      break
    }
    if plain {
      output.write(value)
    } else {
      var bytes: [UInt8] = []
      for byte in value.utf8 {
        switch byte {
        case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
        case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case 0..<0x20:
          let hex = Array("0123456789abcdef".utf8)
          bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        default: bytes.append(byte)
        }
      }
      output.write(bytes)
    }
    output.write(CollectionOfOne(UInt8(ascii: "\"")))
  }
}
