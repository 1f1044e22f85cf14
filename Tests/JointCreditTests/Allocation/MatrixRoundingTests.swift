import Testing

@testable import ApportionmentModule
@testable import JointCredit

/// Biproportional rounding: every cell the floor or ceiling of its share, rows and columns exact.
@Suite struct MatrixRoundingTests {
  @Test func aSmallTableRoundsByTheLargestRemainders() {
    // Rows 3, 2, 1 over columns 4, 2 (total 6): shares 2, 1 | 1.333, 0.667 | 0.667, 0.333.
    // Floors 2, 1 | 1, 0 | 0, 0 leave row 2 one and row 3 one, column 1 one and column 2 one;
    // remainders .667 (2,2) and (3,1) are largest: (2,2) and (3,1) round up.
    let rounding = MatrixRounding(rows: [3, 2, 1], columns: [4, 2])
    #expect(rounding.cells == [2, 1, 1, 1, 1, 0])
  }

  /// Every rounding of the shares to floor or ceiling that keeps the margins, by brute force.
  static func roundings(rows: [Int64], columns: [Int64]) -> [[Int64]]? {
    let total = rows.reduce(0, +)
    var floors: [Int64] = [], fractional: [Int] = []
    for i in rows.indices {
      for j in columns.indices {
        let share = rows[i] * columns[j]
        floors.append(share / total)
        if share % total != 0 { fractional.append(floors.count - 1) }
      }
    }
    guard fractional.count <= 10 else { return nil }
    var found: [[Int64]] = []
    for mask in 0..<(1 << fractional.count) {
      var cells = floors
      for (bit, cell) in fractional.enumerated() where mask & (1 << bit) != 0 { cells[cell] += 1 }
      let rowsOK = rows.indices.allSatisfy { i in
        columns.indices.reduce(0) { $0 + cells[i * columns.count + $1] } == rows[i]
      }
      let columnsOK = columns.indices.allSatisfy { j in
        rows.indices.reduce(0) { $0 + cells[$1 * columns.count + j] } == columns[j]
      }
      if rowsOK && columnsOK { found.append(cells) }
    }
    return found
  }

  @Test func everySmallCaseIsAValidRoundingAndOneExists() {
    var rng = SplitMix64(seed: 2026)
    var checked = 0
    for _ in 0..<1_500 {
      let rowCount = Int(rng.next() % 5) + 1, columnCount = Int(rng.next() % 3) + 1
      let rows = (0..<rowCount).map { _ in Int64(rng.next() % 6) }
      let total = rows.reduce(0, +)
      guard total > 0 else { continue }
      // Split the total into the columns at random cut points.
      var cuts = (0..<(columnCount - 1)).map { _ in Int64(rng.next() % UInt64(total + 1)) }
      cuts.sort()
      let bounds = [0] + cuts + [total]
      let columns = (0..<columnCount).map { bounds[$0 + 1] - bounds[$0] }
      guard let all = Self.roundings(rows: rows, columns: columns) else { continue }
      let rounding = MatrixRounding(rows: rows, columns: columns)
      #expect(!all.isEmpty, "\(rows) \(columns)")
      #expect(all.contains(rounding.cells), "\(rows) \(columns): \(rounding.cells)")
      checked += 1
    }
    #expect(checked > 1_000, "\(checked) checked")
  }

  @Test func largeTablesKeepTheirMarginsAndBounds() {
    var rng = SplitMix64(seed: 7)
    for round in 0..<30 {
      let rowCount = Int(rng.next() % 400) + 1, columnCount = Int(rng.next() % 12) + 1
      let rows = (0..<rowCount).map { _ in Int64(rng.next() % (round % 2 == 0 ? 4 : 1_000)) }
      let total = max(rows.reduce(0, +), 1)
      let fixedRows = rows.reduce(0, +) == 0 ? [1] + rows.dropFirst() : rows
      var cuts = (0..<(columnCount - 1)).map { _ in Int64(rng.next() % UInt64(total + 1)) }
      cuts.sort()
      let bounds = [0] + cuts + [total]
      let columns = (0..<columnCount).map { bounds[$0 + 1] - bounds[$0] }
      let rounding = MatrixRounding(rows: fixedRows, columns: columns)
      for i in fixedRows.indices {
        #expect(columns.indices.reduce(0) { $0 + rounding[i, $1] } == fixedRows[i])
        for j in columns.indices {
          let share = fixedRows[i] * columns[j]
          #expect(rounding[i, j] == share / total || rounding[i, j] == (share + total - 1) / total)
        }
      }
      for j in columns.indices {
        #expect(fixedRows.indices.reduce(0) { $0 + rounding[$1, j] } == columns[j])
      }
    }
  }
}
