import Dispatch
import Foundation
import Testing

@testable import JointCredit

/// A statement set makes a workbook's sheets as jobs beside its other files, on whatever threads
/// take them; the workbook must come out the same whoever ran which job, and in job order.
@Suite struct PendingWorkbookTests {
  static func pending(
    _ runs: Counter? = nil, before: [Int: @Sendable () -> Void] = [:]
  ) -> SpreadsheetPackage.Pending {
    SpreadsheetPackage.Pending(
      fontName: "Calibri", rowLimit: 3,
      jobs: ["Events", "Bodies", "Rates"].enumerated().map { index, name in
        { @Sendable package in
          runs?.add(index)
          before[index]?()
          // Five rows past a limit of three: the job adds two sheets.
          package.addSheet(name, header: ["n"], widths: [], rows: 1...5) { $1.text("\($0)") }
        }
      })
  }

  /// How often each job ran.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = [0, 0, 0]
    func add(_ index: Int) { lock.withLock { counts[index] += 1 } }
    var values: [Int] { lock.withLock { counts } }
  }

  @Test func sheetsComeInJobOrderWhoeverMadeThem() {
    let names = ["Events", "Events (2)", "Bodies", "Bodies (2)", "Rates", "Rates (2)"]
    // Made here, on every core, when no one took a job.
    var alone: [UInt8] = []
    Self.pending().package.write(to: &alone)
    #expect(Self.pending().package.sheetNames == names)

    // Made on other threads, last job first, and asked for twice.
    let runs = Counter()
    let pending = Self.pending(runs)
    DispatchQueue.concurrentPerform(iterations: 6) { pending.make(2 - $0 % 3) }
    var together: [UInt8] = []
    pending.package.write(to: &together)
    #expect(pending.package.sheetNames == names)
    #expect(runs.values == [1, 1, 1])
    #expect(together == alone)
  }

  @Test func aWorkbookDroppedUnmadeRunsNoJob() {
    // A write that fails before its files drops the workbook with no job run (and none counted
    // in its group, which libdispatch on Darwin traps on).
    let runs = Counter()
    _ = Self.pending(runs)
    #expect(runs.values == [0, 0, 0])
  }

  /// A job taken elsewhere is still running when the workbook is asked for: the workbook makes
  /// the others and waits for it. The order is forced: the last job is taken and started
  /// before the workbook is asked for, and finishes only once the workbook has made the
  /// second job.
  @Test func aWorkbookWaitsForAJobTakenElsewhere() {
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let runs = Counter()
    let pending = Self.pending(
      runs,
      before: [
        1: { release.signal() },
        2: {
          started.signal()
          release.wait()
        },
      ])
    let elsewhere = DispatchGroup()
    DispatchQueue.global().async(group: elsewhere) { pending.make(2) }
    started.wait()
    #expect(
      pending.package.sheetNames
        == ["Events", "Events (2)", "Bodies", "Bodies (2)", "Rates", "Rates (2)"])
    elsewhere.wait()
    #expect(runs.values == [1, 1, 1])
  }
}
