/// Somewhere statements can be written to, byte by byte: memory or a file.
///
/// Statements for a million events run to hundreds of megabytes, so they are streamed to their
/// files rather than built as one string.
public protocol ByteOutput {
  /// Appends bytes.
  mutating func write(_ bytes: some Collection<UInt8>)
}

extension ByteOutput {
  /// Appends the UTF-8 bytes of a string.
  public mutating func write(_ text: String) {
    var text = text
    text.withUTF8 { write($0) }
  }
}

extension Array: ByteOutput where Element == UInt8 {
  public mutating func write(_ bytes: some Collection<UInt8>) { append(contentsOf: bytes) }
}
