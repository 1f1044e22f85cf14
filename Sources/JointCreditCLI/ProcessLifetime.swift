import Synchronization

/// Values a command has finished with but that are not freed, because the process is about to
/// end: freeing a million events one by one takes longer than some whole checks do, and the
/// system takes the memory back at once when the process exits.
///
/// Only the `jointcredit` process keeps them (``Tool/prepareProcess()`` starts it); a program
/// or a test that runs many commands in one process frees them as usual.
enum ProcessLifetime {
  private static let kept = Mutex<[any Sendable]?>(nil)

  /// From now on, values given to ``keep(_:)`` are kept until the process ends.
  static func keepUntilExit() {
    kept.withLock { $0 = $0 ?? [] }
  }

  /// Keeps `value` until the process ends, when ``keepUntilExit()`` was called; otherwise does
  /// nothing.
  static func keep(_ value: some Sendable) {
    kept.withLock { $0?.append(value) }
  }
}
