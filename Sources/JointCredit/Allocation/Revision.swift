/// A revision of a retired allocation: revised estimates and a purchase (with any top-up
/// blocks) checked against what was retired, so that ``Allocator/allocate(_:)`` can share the
/// lot without moving a retired credit or lowering any event.
///
/// Every event of the retired allocation keeps at least what it had: its old allocation is its
/// lower bound, and new credit (blocks the old purchase did not have, and its unretired reserve)
/// is placed by the rule on the revised estimates. Every retired range stays with its holder,
/// byte for byte.
public struct Revision: Hashable, Sendable {
  /// The revised purchase.
  public let purchase: Purchase
  /// The revised estimates.
  public let estimates: Estimates
  /// What was retired.
  public let retired: RetiredAllocation
  /// Each retired range, placed in the revised purchase's blocks.
  let placed: [Placed]

  struct Placed: Hashable, Sendable {
    var range: RetiredAllocation.Range
    var block: Int
    var first: Int64
    var last: Int64
  }

  /// Checks the revision.
  ///
  /// - Throws: ``InputErrors`` when an event of the retired allocation is missing from the
  ///   estimates, an old allocation is not a multiple of the revised unit, the lot is smaller than
  ///   what events already hold, or a retired serial is not in the revised credit blocks.
  public init(_ purchase: Purchase, estimates: Estimates, retired: RetiredAllocation)
    throws(InputErrors)
  {
    var problems: [InputError] = []
    let here = InputLocation(retired.source)
    func problem(_ why: String) {
      problems.append(InputError(.invalidRetiredRecord(why), at: here))
    }
    var present = Set<AllocationKey>()
    for submission in estimates.submissions {
      for event in submission.events {
        present.insert(AllocationKey(body: submission.body.code, event: event.id))
      }
    }
    var held: Int128 = 0
    for (key, allocated) in retired.allocations.sorted(by: { $0.key < $1.key }) {
      held += Int128(allocated.grams)
      if allocated > .zero, !present.contains(key) {
        problem(
          "event \(key) holds \(allocated) t in the retired allocation but is not in the "
            + "revised submissions; keep it (an estimate of 0 keeps what it had)")
      }
      if !allocated.isMultiple(of: purchase.unit) {
        problem(
          "event \(key) holds \(allocated) t, not a multiple of the revised unit "
            + "\(purchase.unit) t; keep the unit of the retired allocation or a finer one")
      }
    }
    if held > Int128(purchase.lot.grams) {
      problem(
        "the events already hold more than the revised lot of \(purchase.lot) t; a revision "
          + "keeps every block it had")
    }
    var placed: [Placed] = []
    for range in retired.ranges {
      guard let found = Self.place(range, in: purchase.creditBlocks) else {
        problem(
          "retired serials '\(QuotedText.quote(range.serialFrom))'–"
            + "'\(QuotedText.quote(range.serialTo))' are not in the revised credit_blocks; a "
            + "revision keeps every block it had")
        continue
      }
      placed.append(Placed(range: range, block: found.block, first: found.first, last: found.last))
    }
    // Ranges of one block that share a serial: a record JointCredit did not write.
    for (b, block) in purchase.creditBlocks.enumerated() {
      let inBlock = placed.filter { $0.block == b }.sorted { $0.first < $1.first }
      for (earlier, later) in zip(inBlock, inBlock.dropFirst()) where later.first <= earlier.last {
        problem(
          "retired ranges '\(QuotedText.quote(earlier.range.serialFrom))'– and "
            + "'\(QuotedText.quote(later.range.serialFrom))'– share serial "
            + "'\(QuotedText.quote(block.serial(later.first)))'; each serial is retired once")
      }
    }
    guard problems.isEmpty else { throw InputErrors(problems) }
    self.purchase = purchase
    self.estimates = estimates
    self.retired = retired
    self.placed = placed
  }

  /// The block and numbers of a printed range.
  private static func place(_ range: RetiredAllocation.Range, in blocks: [CreditBlock])
    -> (block: Int, first: Int64, last: Int64)?
  {
    for (index, block) in blocks.enumerated() {
      guard let first = block.number(of: range.serialFrom),
        let last = block.number(of: range.serialTo), last - first + 1 == range.quantity
      else { continue }
      return (index, first, last)
    }
    return nil
  }

}

extension CreditBlock {
  /// The number of a serial as this block prints it, when it is one of the block's.
  func number(of serial: String) -> Int64? {
    guard serial.hasPrefix(serialPrefix) else { return nil }
    let tail = serial.dropFirst(serialPrefix.count)
    guard !tail.isEmpty, tail.allSatisfy(\.isASCII), tail.allSatisfy(\.isNumber),
      let number = Int64(tail), number >= first, number <= last, self.serial(number) == serial
    else { return nil }
    return number
  }
}
