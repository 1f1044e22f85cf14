/// Somewhere statements can be written to, byte by byte: memory or a file.
///
/// Statements for a million events run to hundreds of megabytes, so they are streamed to their
/// files rather than built as one string.
public protocol ByteOutput {
  /// Appends bytes.
  mutating func write(_ bytes: some Collection<UInt8>)

  /// Appends one byte.
  mutating func write(byte: UInt8)

  /// Appends bytes through a scratch buffer: `body` appends to the buffer, which is then written.
  mutating func writeBuffered(_ body: (inout [UInt8]) -> Void)
}

extension ByteOutput {
  public mutating func write(byte: UInt8) { write(CollectionOfOne(byte)) }

  public mutating func writeBuffered(_ body: (inout [UInt8]) -> Void) {
    var scratch: [UInt8] = []
    body(&scratch)
    write(scratch)
  }

  /// Appends the UTF-8 bytes of a string.
  public mutating func write(_ text: String) {
    var text = text
    text.withUTF8 { write($0) }
  }
}

extension Array: ByteOutput where Element == UInt8 {
  public mutating func write(_ bytes: some Collection<UInt8>) { append(contentsOf: bytes) }
  public mutating func write(byte: UInt8) { append(byte) }
  public mutating func writeBuffered(_ body: (inout [UInt8]) -> Void) { body(&self) }
}
