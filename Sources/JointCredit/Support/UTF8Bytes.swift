/// Fast paths over a string's UTF-8 bytes, for the hot loops of reading and writing statements.
enum UTF8Bytes {
  /// Appends the string's UTF-8 bytes in one copy when the string is stored contiguously.
  @inline(__always)
  static func append(_ text: String, to bytes: inout [UInt8]) {
    let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
    if copied == nil { bytes.append(contentsOf: text.utf8) }
  }

  /// Whether any byte of the string satisfies `predicate`.
  @inline(__always)
  static func contains(_ text: String, where predicate: (UInt8) -> Bool) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) }
      ?? text.utf8.contains(where: predicate)
  }
}
