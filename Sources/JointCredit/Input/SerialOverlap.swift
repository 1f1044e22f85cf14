/// Finds credit blocks whose printed serials would be the same text.
///
/// Blocks are compared by what a registry reads, the printed serial, not by their numbers: the
/// block `JV-` 10–14 and the block `JV-1` 0–4 both print `JV-10` … `JV-14`. A printed serial is
/// a *stem* (the prefix without its trailing digits) and a *digit tail* (the prefix's trailing
/// digits, then the zero-padded number). Two serials are the same text exactly when stem and tail
/// are; two tails of one length are the same exactly when they compare equal, and equal-length
/// digit strings compare as their numbers do. So each block is a few runs of tails of one length
/// each (a run per number of digits its numbers are written with), and blocks collide exactly
/// when two runs of one stem and one length overlap.
///
/// - Complexity: O(*b* log *b* + *p*) for *b* blocks of which *p* pairs collide.
enum SerialOverlap {
  /// A run of printed serials of one block: tails of one length, from `low` to `high`.
  private struct Run {
    var stem: [UInt8]
    var length: Int
    var low: [UInt8]
    var high: [UInt8]
    var block: Int
  }

  /// Pairs of colliding blocks, as indices into `blocks`: for each block that collides with one
  /// listed before it, the earliest such block; in the order of the later block.
  static func collisions(in blocks: [CreditBlock]) -> [(earlier: Int, later: Int)] {
    var runs: [Run] = []
    for (index, block) in blocks.enumerated() { runs += Self.runs(of: block, index: index) }
    runs.sort { a, b in
      if a.stem != b.stem { return a.stem.lexicographicallyPrecedes(b.stem) }
      if a.length != b.length { return a.length < b.length }
      if a.low != b.low { return a.low.lexicographicallyPrecedes(b.low) }
      return a.block < b.block
    }
    // Within one stem and length, in order of `low`: a run meets the runs after it up to the
    // first that starts beyond its end. The work is the runs plus the pairs that meet.
    var partner: [Int: Int] = [:]
    for (index, run) in runs.enumerated() {
      for other in runs[(index + 1)...] {
        guard other.stem == run.stem, other.length == run.length,
          !run.high.lexicographicallyPrecedes(other.low)
        else { break }
        guard other.block != run.block else { continue }
        let earlier = min(run.block, other.block), later = max(run.block, other.block)
        partner[later] = min(partner[later] ?? earlier, earlier)
      }
    }
    return partner.keys.sorted().map { (earlier: partner[$0]!, later: $0) }
  }

  /// The runs of a block: one for each number of digits its serial numbers print with.
  private static func runs(of block: CreditBlock, index: Int) -> [Run] {
    let prefix = Array(block.serialPrefix.utf8)
    var stemEnd = prefix.count
    while stemEnd > 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(prefix[stemEnd - 1]) {
      stemEnd -= 1
    }
    let stem = Array(prefix[..<stemEnd])
    let tailStart = Array(prefix[stemEnd...])
    var runs: [Run] = []
    var width = max(block.digits, 1)
    var low = block.first
    // Numbers below 10^width print with `width` digits; above, with as many as they have.
    while low <= block.last {
      let limit = width >= 18 ? Int64.max : power(width) - 1
      let high = min(block.last, limit)
      if low <= high {
        runs.append(
          Run(
            stem: stem, length: tailStart.count + width,
            low: tailStart + padded(low, width), high: tailStart + padded(high, width),
            block: index))
      }
      guard high < block.last else { break }
      low = max(low, high + 1)
      width += 1
    }
    return runs
  }

  private static func power(_ exponent: Int) -> Int64 {
    (0..<exponent).reduce(1) { value, _ in value * 10 }
  }

  private static func padded(_ number: Int64, _ width: Int) -> [UInt8] {
    let digits = Array(String(number).utf8)
    return [UInt8](repeating: UInt8(ascii: "0"), count: max(0, width - digits.count)) + digits
  }
}
