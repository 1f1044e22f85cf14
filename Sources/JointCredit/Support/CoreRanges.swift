import Foundation

/// How work on many items is shared among the cores: contiguous ranges, in order, so that the
/// parts' results joined in range order are the results of one loop.
enum CoreRanges {
  /// `count` items cut into one range per core, but into no more than `limit` ranges (how many
  /// the work is worth) and at least one.
  static func of(_ count: Int, atMost limit: Int) -> [Range<Int>] {
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, limit, count))
    return (0..<parts).map { part in count * part / parts..<count * (part + 1) / parts }
  }
}
