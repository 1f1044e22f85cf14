import Testing

@testable import JointCredit

@Suite struct StagedLineTests {
  /// What a line holds after pieces are appended through a stage of `capacity` bytes.
  private func staged(_ pieces: [[UInt8]], before: [UInt8] = [], capacity: Int) -> [UInt8] {
    var bytes = before
    StagedLine.staging(into: &bytes, capacity: capacity) { line in
      for piece in pieces {
        if piece.count == 1 {
          line.append(byte: piece[0])
        } else {
          piece.withUnsafeBufferPointer { line.append(bytes: $0) }
        }
      }
    }
    return bytes
  }

  @Test(
    arguments: [
      // Pieces that fit, a piece that fills the stage, one that overflows it, one larger than
      // it, single bytes at the edge, empty pieces.
      ([Array("ab".utf8), Array("c".utf8), Array("def".utf8)], 8, "abcdef"),
      ([Array("abcdefgh".utf8), Array("i".utf8)], 8, "abcdefghi"),
      ([Array("abcde".utf8), Array("fghij".utf8)], 8, "abcdefghij"),
      (
        [Array("x".utf8), Array("0123456789abcdef".utf8), Array("y".utf8)], 8, "x0123456789abcdefy"
      ),
      ([Array("a".utf8), Array("b".utf8), Array("c".utf8), Array("d".utf8)], 3, "abcd"),
      ([[], Array("ab".utf8), [], Array("cd".utf8)], 2, "abcd"),
      ([Array("かな".utf8), Array(",".utf8), Array("漢字".utf8)], 4, "かな,漢字"),
    ] as [([[UInt8]], Int, String)])
  func appendsEveryPieceInOrder(pieces: [[UInt8]], capacity: Int, expected: String) {
    #expect(staged(pieces, capacity: capacity) == Array(expected.utf8))
    #expect(
      staged(pieces, before: Array("> ".utf8), capacity: capacity) == Array(("> " + expected).utf8))
  }

  /// A line without a stage (the placeholder a record swaps with) writes straight to its array.
  @Test func aLineWithoutAStageAppendsToItsArray() {
    var line = StagedLine()
    line.append(byte: UInt8(ascii: "a"))
    Array("bc".utf8).withUnsafeBufferPointer { line.append(bytes: $0) }
    #expect(line.count == 3)
    #expect(line.bytes == Array("abc".utf8))
    line.removeAll(after: 1)
    #expect(line.bytes == Array("a".utf8))
  }

  /// Going back to a position, whether it is still on the stage or already in the array.
  @Test(
    arguments: [
      // (pieces, back to, then, capacity, expected): "abc" stays staged in a stage of 8 bytes;
      // in a stage of 2, "ab" went to the array when "c" came.
      (["ab", "c"], 1, "Z", 8, "aZ"),
      (["ab", "c"], 1, "Z", 2, "aZ"),
      (["ab", "c"], 3, "Z", 2, "abcZ"),
      (["ab", "cd", "ef"], 0, "Z", 2, "Z"),
      (["ab", "cd", "ef"], 5, "", 4, "abcde"),
    ] as [([String], Int, String, Int, String)])
  func removesWhatCameAfterAPosition(
    pieces: [String], position: Int, then: String, capacity: Int, expected: String
  ) {
    var bytes = Array("> ".utf8)
    StagedLine.staging(into: &bytes, capacity: capacity) { line in
      for piece in pieces { Array(piece.utf8).withUnsafeBufferPointer { line.append(bytes: $0) } }
      line.removeAll(after: 2 + position)
      Array(then.utf8).withUnsafeBufferPointer { line.append(bytes: $0) }
    }
    #expect(bytes == Array(("> " + expected).utf8))
  }

  /// Seeded runs of appends and removals through stages of every small size hold what the same
  /// operations on an array hold.
  @Test func agreesWithAnArrayOverSeededRuns() {
    var random = SplitMix64(seed: 512)
    for run in 0..<300 {
      let capacity = [1, 2, 3, 5, 8, 16, 64][run % 7]
      var expected: [UInt8] = Array("start".utf8)
      var bytes = expected
      StagedLine.staging(into: &bytes, capacity: capacity) { line in
        for _ in 0..<Int(random.next() % 40) {
          switch random.next() % 5 {
          case 0:
            let byte = UInt8(truncatingIfNeeded: random.next())
            line.append(byte: byte)
            expected.append(byte)
          case 1:
            let position = 5 + Int(random.next() % UInt64(expected.count - 4))
            line.removeAll(after: position)
            expected.removeSubrange(position...)
          default:
            let piece = (0..<Int(random.next() % 20)).map { _ in
              UInt8(truncatingIfNeeded: random.next())
            }
            piece.withUnsafeBufferPointer { line.append(bytes: $0) }
            expected += piece
          }
          #expect(line.count == expected.count)
        }
      }
      #expect(bytes == expected, "run \(run), stage of \(capacity)")
    }
  }

  /// Records and lines of JSON longer than the stage are whole: a name of 3,000 characters.
  @Test func linesLongerThanTheStageAreWhole() {
    let long = String(repeating: "長い名前,", count: 1_000)
    var csv: [UInt8] = []
    CSVWriter(format: CSVFormat(encoding: .utf8, lineEnding: .crlf)).writeRecord(
      [.text("E01"), .text(long), .decimal(FixedDecimal(Quantity(grams: 1_250_000), decimals: 3))],
      to: &csv)
    #expect(String(decoding: csv, as: UTF8.self) == "E01,\"\(long)\",1.250\r\n")

    var json = JSONWriter(output: [UInt8]())
    json.beginObject(inline: true)
    json.fields(
      StatementTable<TextRow>(
        [.eventID, .eventName], numbers: .init(emissionDecimals: 3, allocationDecimals: 3)),
      of: TextRow(id: "E01", name: long + "\"q\""))
    json.endObject()
    let escaped = long + "\\\"q\\\""
    #expect(
      String(decoding: json.output, as: UTF8.self)
        == "{ \"event_id\": \"E01\", \"event_name\": \"\(escaped)\" }\n")
  }
}

/// A row of two texts, for a table's line on its own.
private struct TextRow: StatementRow {
  let id: String
  let name: String

  func cell(_ column: StatementColumn, numbers: StatementNumbers) -> StatementCell {
    column == .eventID ? .text(id) : .text(name)
  }
}
