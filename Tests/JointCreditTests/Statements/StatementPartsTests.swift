import Foundation
import Testing

@testable import JointCredit

/// Statements made in parts on every core are the statements made in one piece.
@Suite struct StatementPartsTests {
  typealias Span = StatementParts.Span

  /// An allocation whose bodies have these numbers of events (a body may have none).
  static func allocation(events counts: [Int], reserve: Bool = false) throws -> Allocation {
    let codes = tokyoMunicipalities.prefix(counts.count)
    let submissions = zip(codes, counts).map { municipality, count in
      Submission(
        body: Body(
          code: Body.Code(municipality.code), name: municipality.name, kind: municipality.kind),
        events: (0..<count).map { index in
          try! Event(
            id: Event.ID(String(format: "E%03d", index)), name: "催し \(index)",
            emissions: Quantity(grams: Int64(index % 7 + 1) * 125_000))
        })
    }
    // With a reserve, events are capped at their estimates and the rest of a large lot is
    // the reserve's.
    let purchase =
      reserve
      ? try Purchase(
        lot: Fixtures.tonnes("10000"), unit: Fixtures.tonnes("0.1"), cap: .emissions,
        reserve: Body.Code("RESERVE"))
      : try Purchase(lot: Fixtures.tonnes("3"), unit: Fixtures.tonnes("0.1"))
    return try Allocator().allocate(purchase, among: Estimates(submissions: submissions))
  }

  @Test func cutsByEventsAcrossBodies() throws {
    // Bodies of 3, 0, 5, 1 and 0 events, cut every 2 events: at events 2, 4, 6 and 8 of 9.
    let parts = StatementParts(events: [3, 0, 5, 1, 0], eventsPerPart: 2)
    #expect(parts.count == 5)
    #expect(
      (0..<parts.count).map(parts.spans) == [
        [Span(body: 0, events: 0..<2, opens: true, closes: false)],
        [
          Span(body: 0, events: 2..<3, opens: false, closes: true),
          Span(body: 1, events: 0..<0, opens: true, closes: true),
          Span(body: 2, events: 0..<1, opens: true, closes: false),
        ],
        [Span(body: 2, events: 1..<3, opens: false, closes: false)],
        [Span(body: 2, events: 3..<5, opens: false, closes: true)],
        [
          Span(body: 3, events: 0..<1, opens: true, closes: true),
          Span(body: 4, events: 0..<0, opens: true, closes: true),
        ],
      ])
    #expect((0..<parts.count).map(parts.startsInsideBody) == [false, true, true, true, false])
  }

  @Test func wholeAndDegenerateCuts() throws {
    let whole = StatementParts.whole(try Self.allocation(events: [2, 1]))
    #expect(whole.count == 1)
    #expect(
      whole.spans(0) == [
        Span(body: 0, events: 0..<2, opens: true, closes: true),
        Span(body: 1, events: 0..<1, opens: true, closes: true),
      ])
    // A part per event; a part size of exactly all events gives one part.
    #expect(StatementParts(events: [2, 1], eventsPerPart: 1).count == 3)
    #expect(StatementParts(events: [2, 1], eventsPerPart: 3).count == 1)
    // Bodies without events only: one part that opens and closes each; no bodies: one part of
    // nothing.
    let empty = StatementParts(events: [0, 0], eventsPerPart: 1)
    #expect(empty.count == 1)
    #expect(empty.spans(0).map(\.events) == [0..<0, 0..<0])
    #expect(empty.spans(0).allSatisfy { $0.opens && $0.closes })
    #expect(StatementParts(events: [], eventsPerPart: 1).spans(0) == [])
  }

  /// Every body is opened once and closed once, its events written once, in order, whatever
  /// the cut.
  @Test func everyEventOnceInOrder() throws {
    var rng = SplitMix64(seed: 12)
    for _ in 0..<200 {
      let counts = (0..<Int(rng.next() % 9)).map { _ in Int(rng.next() % 6) }
      let perPart = Int(rng.next() % 7) + 1
      let parts = StatementParts(events: counts, eventsPerPart: perPart)
      let spans = (0..<parts.count).flatMap(parts.spans)
      var written: [[Int]] = Array(repeating: [], count: counts.count)
      for span in spans { written[span.body] += Array(span.events) }
      #expect(written == counts.map { Array(0..<$0) })
      #expect(spans.filter(\.opens).map(\.body) == Array(counts.indices))
      #expect(spans.filter(\.closes).map(\.body) == Array(counts.indices))
      // Parts of `perPart` events but the last; every part but the first starts at an event.
      let sizes = (0..<parts.count).map { parts.spans($0).map(\.events.count).reduce(0, +) }
      let total = counts.reduce(0, +)
      #expect(sizes.dropLast().allSatisfy { $0 == perPart })
      #expect(sizes.reduce(0, +) == total)
      #expect(parts.count == max(1, (total + perPart - 1) / perPart))
    }
  }

  /// Every statement in memory with parts of `eventsPerPart` events.
  static func rendered(
    _ allocation: Allocation, eventsPerPart: Int, format: CSVFormat = .excel
  ) throws -> [String: [UInt8]] {
    var set = StatementSet(csvFormat: format)
    set.eventsPerPart = eventsPerPart
    return try set.render(allocation, files: [], warnings: [])
  }

  @Test(arguments: [1, 2, 3, 5, 8, 64])
  func partsJoinToTheWholeStatements(eventsPerPart: Int) throws {
    var rng = SplitMix64(seed: UInt64(eventsPerPart))
    for seed in 0..<25 {
      let counts = (0..<Int(rng.next() % 9) + 1).map { _ in Int(rng.next() % 12) }
      let allocation = try Self.allocation(
        events: counts.allSatisfy { $0 == 0 } ? counts + [1] : counts, reserve: seed % 3 == 0)
      for format in [CSVFormat.excel, CSVFormat(encoding: .cp932)] {
        let whole = try Self.rendered(allocation, eventsPerPart: .max, format: format)
        let parted = try Self.rendered(allocation, eventsPerPart: eventsPerPart, format: format)
        #expect(parted == whole, "seed \(seed), \(counts)")
      }
    }
  }

  /// Files written in parts on every core hold the bytes made in memory.
  @Test func partsWrittenByEveryCoreJoinInOrder() throws {
    let scratch = try StagedDirectoryTests.Scratch()
    let allocation = try Self.allocation(events: [40, 0, 333, 7, 1_000], reserve: true)
    var set = StatementSet(includesBodyStatements: false, includesReport: false)
    set.eventsPerPart = 17
    _ = try set.write(allocation, files: [], warnings: [], to: scratch.path + "/out")
    let whole = try Self.rendered(allocation, eventsPerPart: .max)
    for name in [
      AllocationDocument.fileName, AllocationStatement.fileName, OffsetRateStatement.fileName,
    ] {
      let written = FileManager.default.contents(atPath: scratch.path + "/out/" + name)
      #expect(written.map(Array.init) == whole[name], "\(name)")
    }
  }

  /// A part made before its turn waits; the file holds the parts in their order.
  @Test func partsFinishedOutOfOrder() throws {
    let scratch = try StagedDirectoryTests.Scratch()
    let file = PartedFile(path: scratch.path + "/parts.txt", parts: 3)
    var third = PartOutput(file, part: 2)
    third.write(Array("third".utf8))
    #expect(!file.writeIfTurn(2, Array("x".utf8)))
    third.finish()
    var second = PartOutput(file, part: 1)
    second.write(Array("second,".utf8))
    #expect(scratch.read("parts.txt") == nil)
    var first = PartOutput(file, part: 0)
    first.write(Array("first,".utf8))
    #expect(file.writeIfTurn(0, Array("0,".utf8)))
    first.finish()
    #expect(scratch.read("parts.txt") == "0,first,")
    second.finish()
    #expect(scratch.read("parts.txt") == "0,first,second,third")
    #expect(file.failure == nil)
  }

  @Test func aFileThatCannotBeCreatedFails() throws {
    let scratch = try StagedDirectoryTests.Scratch()
    let file = PartedFile(path: scratch.path + "/missing/parts.txt", parts: 2)
    PartOutput(file, part: 1).finish()
    PartOutput(file, part: 0).finish()
    #expect(file.failure?.path == scratch.path + "/missing/parts.txt")
  }
}
