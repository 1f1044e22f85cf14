import Dispatch
import Foundation
import Synchronization

/// How work on many items is shared among the cores: contiguous ranges, in order, so that the
/// parts' results joined in range order are the results of one loop.
enum CoreRanges {
  /// How many parts work worth `limit` parts at most is cut into: `perCore` per core, but no
  /// more than `limit`, and at least one.
  ///
  /// Several parts per core balance the load: a core that runs slower (one also takes the
  /// machine's interrupts) takes fewer parts, rather than the others waiting for its one.
  static func parts(atMost limit: Int, perCore: Int = 1) -> Int {
    max(1, min(ProcessInfo.processInfo.activeProcessorCount * perCore, limit))
  }

  /// `count` items cut into one range per core, but into no more than `limit` ranges (how many
  /// the work is worth) and at least one.
  static func of(_ count: Int, atMost limit: Int) -> [Range<Int>] {
    let parts = parts(atMost: min(limit, count))
    return (0..<parts).map { part in count * part / parts..<count * (part + 1) / parts }
  }

  /// The results of `transform` for `0..<count`, in that order, made on every core at once.
  ///
  /// Each result is made on one core and then held only by the array returned, so that a part
  /// it holds (a million events, say) can be moved on rather than copied.
  static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    let results = Mutex([T?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let result = transform(index)
      results.withLock { $0[index] = result }
    }
    return results.withLock { results in
      defer { results = [] }
      return results.map { result in
        guard let result else { preconditionFailure("every part is made") }
        return result
      }
    }
  }
}
