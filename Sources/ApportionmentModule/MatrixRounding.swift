/// Rounds the proportional shares of a matrix to whole numbers with its row and column sums kept
/// exactly: a biproportional (controlled) rounding.
///
/// Row *i* holds `rows[i]` units and column *j* `columns[j]`, both adding up to the same total
/// *L*; cell *(i, j)* would get `rows[i] × columns[j] ÷ L`. Every cell is rounded to the floor or
/// the ceiling of that share, and every row and column still adds up exactly — such a rounding
/// always exists (the shares are a fractional flow with integral margins, so an integral one
/// exists). Which cells round up: the largest remainders first (ties: lower row, then lower
/// column), as far as rows and columns have room; what is left is settled by augmenting paths,
/// each of which moves one rounding up from a cell to another of the same row or column. All
/// arithmetic is exact; the result depends only on the margins and their order.
package struct MatrixRounding {
  /// The cells, row by row: `cells[i * columns + j]`.
  private(set) var cells: [Int64]
  let rowCount: Int
  let columnCount: Int

  /// - Precondition: non-negative margins with equal sums.
  package init(rows: [Int64], columns: [Int64]) {
    rowCount = rows.count
    columnCount = columns.count
    let total = rows.reduce(Int128(0)) { $0 + Int128($1) }
    precondition(total == columns.reduce(Int128(0)) { $0 + Int128($1) }, "margins must agree")
    cells = Array(repeating: 0, count: rows.count * columns.count)
    guard total > 0 else { return }
    var rowLeft = rows, columnLeft = columns
    // Floors, and the cells that may round up, with their remainders (over the total).
    // A remainder is below the total, a number of tonnes, so it fits in 64 bits.
    var candidates: [(remainder: Int64, cell: Int)] = []
    for i in rows.indices {
      for j in columns.indices {
        let (share, remainder) = (Int128(rows[i]) * Int128(columns[j]))
          .quotientAndRemainder(dividingBy: total)
        let cell = i * columns.count + j
        cells[cell] = Int64(share)
        rowLeft[i] -= Int64(share)
        columnLeft[j] -= Int64(share)
        if remainder > 0 { candidates.append((Int64(remainder), cell)) }
      }
    }
    candidates.sort {
      $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.cell < $1.cell
    }
    var raised = Array(repeating: false, count: cells.count)
    var isCandidate = Array(repeating: false, count: cells.count)
    for (_, cell) in candidates {
      isCandidate[cell] = true
      let (i, j) = cell.quotientAndRemainder(dividingBy: columns.count)
      if rowLeft[i] > 0, columnLeft[j] > 0 {
        raised[cell] = true
        rowLeft[i] -= 1
        columnLeft[j] -= 1
      }
    }
    // Rows still short: find a path row → (unraised cell) → column → (raised cell) → row … that
    // ends at a column with room, and flip every cell on it.
    for start in rows.indices {
      while rowLeft[start] > 0 {
        let path = Self.augmentingPath(
          from: start, rows: rows.count, columns: columns.count, isCandidate: isCandidate,
          raised: raised, columnLeft: columnLeft)
        // The integral flow theorem guarantees a path; none would be a bug in this type.
        guard let path else { preconditionFailure("no rounding keeps the margins") }
        for cell in path { raised[cell].toggle() }
        rowLeft[start] -= 1
        columnLeft[path.last! % columns.count] -= 1
      }
    }
    for cell in cells.indices where raised[cell] { cells[cell] += 1 }
  }

  /// The cell of row `i` and column `j`.
  package subscript(i: Int, j: Int) -> Int64 { cells[i * columnCount + j] }

  /// A breadth-first path of cells from a short row to a column with room, alternating cells that
  /// would round up and cells that do; `nil` when there is none.
  private static func augmentingPath(
    from start: Int, rows: Int, columns: Int, isCandidate: [Bool], raised: [Bool],
    columnLeft: [Int64]
  ) -> [Int]? {
    // The cell by which each column and row was reached.
    var columnVia = Array(repeating: -1, count: columns)
    var rowVia = Array(repeating: -1, count: rows)
    rowVia[start] = -2
    var queue = [start], head = 0
    while head < queue.count {
      let i = queue[head]
      head += 1
      for j in 0..<columns where columnVia[j] == -1 {
        let cell = i * columns + j
        guard isCandidate[cell], !raised[cell] else { continue }
        columnVia[j] = cell
        if columnLeft[j] > 0 {
          // Walk back: column ← row ← column … ← start.
          var path: [Int] = []
          var column = j
          while true {
            let down = columnVia[column]
            path.append(down)
            let row = down / columns
            let up = rowVia[row]
            if up == -2 { break }
            path.append(up)
            column = up % columns
          }
          return path.reversed()
        }
        // Through the column, to every row that rounds up in it.
        for k in 0..<rows where rowVia[k] == -1 && raised[k * columns + j] {
          rowVia[k] = k * columns + j
          queue.append(k)
        }
      }
    }
    return nil
  }
}
