// The apportionment core on its own: every method, 10k / 100k / 1M items, 10M units.
// Run by `make bench` in release mode. Not a test: figures vary with the machine.
import ApportionmentModule
import Foundation
import JointCredit

struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Milliseconds with one decimal, from a Duration, without floating point.
func milliseconds(_ duration: Duration) -> String {
  let (seconds, attoseconds) = duration.components
  let tenths = seconds * 10_000 + attoseconds / 100_000_000_000_000
  return "\(tenths / 10).\(tenths % 10)"
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let sizes = arguments.isEmpty ? [10_000, 100_000, 1_000_000] : arguments
let units: Int64 = 10_000_000
let runs = 3
let clock = ContinuousClock()

print("apportionment core: \(units) units, median of \(runs) runs, milliseconds")
print(
  "items".padding(toLength: 9, withPad: " ", startingAt: 0)
    + ApportionmentMethod.allCases.map {
      $0.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
    }.joined())
for size in sizes {
  var rng = SplitMix64(state: UInt64(size))
  // Estimates from 0.001 t to 5 t, in grams, as events carry them.
  let weights = (0..<size).map { _ in Int64(rng.next() % 5_000_000) + 1_000 }
  var row = String(size).padding(toLength: 9, withPad: " ", startingAt: 0)
  for method in ApportionmentMethod.allCases {
    var times: [Duration] = []
    var checksum: Int64 = 0
    for _ in 0..<runs {
      let start = clock.now
      let result = try Apportioner(method: method).apportion(units, among: weights)
      times.append(clock.now - start)
      checksum = result.units.reduce(0, +)
    }
    precondition(checksum == units, "allocations must add up")
    row += milliseconds(times.sorted()[runs / 2]).padding(toLength: 18, withPad: " ", startingAt: 0)
  }
  print(row)
}
