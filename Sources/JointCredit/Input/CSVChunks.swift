/// Reads the rows of a large CSV text in parts at once, one per core, with the result of reading
/// them in one go.
///
/// The rows are cut into consecutive parts after line feeds. Each part is read into a builder
/// ``EstimatesBuilder/forked()`` from the one the rows belong to, by its own ``CSVReader`` that
/// starts on the right line; the parts are then absorbed in order. When that could differ from
/// reading the rows in one go, the parts are dropped and the caller reads the rows in one go:
///
/// - a cut inside a quoted field leaves that part's quote unclosed, so a part that met a problem
///   with the CSV itself is not used (every part after a cut at a record's end starts at a
///   record's start, and reads what one reader would have read);
/// - a part that reported a problem or a warning is not used, since reading in one go reports
///   some of them once per file rather than once per part;
/// - a body accepted in two parts with different names or kinds is not used, since reading in
///   one go reports the second.
///
/// Files with problems are rare and small next to files without, and they lose only the time
/// of the parts.
enum CSVChunks {
  /// The fewest bytes of rows worth a part of their own.
  static let minimumBytes = 1 << 20

  /// Reads the records `reader` has left in parts, into `builder`.
  ///
  /// - Parameter chunks: how many parts; `nil` for one per core, each at least
  ///   ``minimumBytes``. (Four per core, which would balance a core slower than the others,
  ///   measured no faster: each part checks every body it meets anew.)
  /// - Returns: the counts of rows, or `nil` (with `builder` untouched) when the rows are to be
  ///   read in one go.
  static func read(
    _ rows: CSVRows, from reader: CSVReader, chunks: Int?, into builder: inout EstimatesBuilder
  ) -> CSVRows.Counts? {
    let text = reader.utf8
    let records = reader.offset..<text.count
    let count = chunks ?? CoreRanges.parts(atMost: records.count / minimumBytes)
    let cuts = cuts(records, of: text, into: count)
    guard cuts.count > 2 else { return nil }
    let base = builder
    // The line each part starts on: the line breaks of each part but the last, counted at once,
    // then summed.
    let breaks = CoreRanges.map(cuts.count - 2) { index in
      lineBreaks(in: text, cuts[index]..<cuts[index + 1])
    }
    let firstLines = breaks.reduce(into: [reader.line]) { lines, count in
      lines.append(lines[lines.count - 1] + count)
    }
    var parts = CoreRanges.map(cuts.count - 1) { index in
      let part = cuts[index]..<cuts[index + 1]
      let line = firstLines[index]
      var partReader = CSVReader(utf8: text, records: part, line: line)
      var partBuilder = base.forked()
      partBuilder.reserveEvents(part.count / 32)
      let counts = rows.copy().read(&partReader, into: &partBuilder)
      return partReader.problems.isEmpty ? (builder: partBuilder, counts: counts) : nil
    }
    guard parts.allSatisfy({ $0 != nil }), builder.canAbsorb(parts.compactMap { $0?.builder })
    else { return nil }
    var total = CSVRows.Counts()
    for index in parts.indices {
      builder.absorb(&parts[index]!.builder)
      total = total + parts[index]!.counts
    }
    return total
  }

  /// Where to cut `records` into at most `count` parts of about the same size: the offsets of
  /// the parts' starts, each just after a line feed, then the end.
  static func cuts(_ records: Range<Int>, of text: [UInt8], into count: Int) -> [Int] {
    var cuts = [records.lowerBound]
    guard count > 1 else { return cuts + [records.upperBound] }
    for index in 1..<count {
      // The next line feed at or after an equal share, and after the last cut.
      let target = max(records.lowerBound + records.count / count * index, cuts[cuts.count - 1])
      guard let lineFeed = text[target..<records.upperBound].firstIndex(of: UInt8(ascii: "\n")),
        lineFeed + 1 < records.upperBound
      else { continue }
      cuts.append(lineFeed + 1)
    }
    return cuts + [records.upperBound]
  }

  /// How many line breaks `range` holds, as ``CSVReader`` counts them: a CRLF, a lone LF, a
  /// lone CR.
  ///
  /// A part's reader needs this count for the text before it, half the file for the second of
  /// two parts, before it can start: so it is counted a word at a time, and a word with no CR
  /// in it (every word of a file with LF line ends) takes a few instructions.
  static func lineBreaks(in text: [UInt8], _ range: Range<Int>) -> Int {
    text.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress, !range.isEmpty else { return 0 }
      let raw = UnsafeRawPointer(base)
      var count = 0
      var index = range.lowerBound
      while index + 8 <= range.upperBound {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let returns = zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
        guard returns == 0 else { break }
        count &+= zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A).nonzeroBitCount
        index += 8
      }
      // From the first word with a CR in it, byte by byte: such files are rare.
      var lineFeeds = 0
      var returns = 0
      var pairs = 0
      while index < range.upperBound {
        let byte = bytes[index]
        lineFeeds &+= byte == UInt8(ascii: "\n") ? 1 : 0
        if byte == UInt8(ascii: "\r") {
          returns &+= 1
          if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { pairs &+= 1 }
        }
        index += 1
      }
      return count + lineFeeds + returns - pairs
    }
  }

  /// The top bit of each byte of `word` that is zero, and no other bit: exact for every byte,
  /// with no carry from one byte into the next.
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~((word & low) &+ low | word | low)
  }
}
