import Dispatch
import Foundation
import Synchronization

/// Removes the temporary folders of writes in progress when the process is interrupted.
///
/// ``StagedDirectory`` registers each staging folder here while it exists. A program that writes
/// statements calls ``installSignalHandlers()`` once: then SIGINT, SIGTERM and SIGHUP remove every
/// registered folder before the process ends with status 128 + the signal's number, so that an
/// interrupted run leaves nothing behind. (After `kill -9`, which no program can catch, the next
/// run into the same folder removes what was left.)
package enum Interruption {
  private static let registered = Mutex<[Int: String]>([:])
  private static let nextKey = Atomic<Int>(0)
  private nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
  private static let installed = Mutex(false)

  /// Makes SIGINT, SIGTERM and SIGHUP remove the temporary folders of writes in progress and end
  /// the process. Calling it again does nothing.
  package static func installSignalHandlers() {
    let first = installed.withLock { done in
      defer { done = true }
      return !done
    }
    guard first else { return }
    let queue = DispatchQueue(label: "jointcredit.interruption")
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler {
        // Holding the lock keeps a commit in progress from starting or from being cut short.
        registered.withLock { paths in
          for path in paths.values.sorted() {
            // Moved aside first, so that writers still at work create nothing more in it (they
            // open files by the old path); then removed.
            let doomed = path + ".interrupted"
            FileSystem.removeTree(rename(path, doomed) == 0 ? doomed : path)
          }
          paths.removeAll()
          _exit(128 + number)
        }
      }
      source.resume()
      sources.append(source)
    }
  }

  /// Registers a path to remove on interruption; returns the key to unregister it with.
  static func register(_ path: String) -> Int {
    let key = nextKey.add(1, ordering: .relaxed).newValue
    registered.withLock { $0[key] = path }
    return key
  }

  /// Stops removing a path on interruption.
  static func unregister(_ key: Int) {
    _ = registered.withLock { $0.removeValue(forKey: key) }
  }

  /// Runs `body` with interruption held off: a signal that arrives meanwhile is handled after it.
  static func withoutInterruption<Result>(_ body: () throws(OutputError) -> Result)
    throws(OutputError) -> Result
  {
    try registered.withLock { (_) throws(OutputError) -> Result in try body() }
  }

}
