import ApportionmentModule

/// The input of `jointcredit apportion`: ids with non-negative decimal weights.
///
/// ```text
/// id,weight
/// north,5
/// south,3
/// east,2
/// ```
public struct WeightTable: Hashable, Sendable {
  /// One row of the table.
  public struct Row: Hashable, Sendable {
    /// The row's id, unique in the table.
    public var id: String
    /// Its weight, at least zero.
    public var weight: Quantity

    /// Creates a row.
    public init(id: String, weight: Quantity) {
      self.id = id
      self.weight = weight
    }
  }

  /// The rows, in input order.
  public var rows: [Row]
  /// The most decimals a weight was written with.
  public var decimals: Int

  /// Creates a table.
  public init(rows: [Row], decimals: Int? = nil) {
    self.rows = rows
    self.decimals = decimals ?? rows.map(\.weight.significantDecimals).max() ?? 0
  }

  /// The columns a weight table must have.
  public static let columns = ["id", "weight"]

  /// Reads a CSV weight table with an `id` and a `weight` column (in any order).
  ///
  /// - Throws: ``InputErrors`` with every problem: missing columns, empty or duplicate ids,
  ///   weights that are not non-negative decimals.
  public static func read(_ file: SubmissionFile) throws(InputErrors) -> WithWarnings<WeightTable> {
    let decoded: TextDecoding.Decoded
    do {
      decoded = try TextDecoding.decode(file.bytes, source: file.path)
    } catch {
      throw InputErrors([error])
    }
    var errors: [InputError] = []
    var warnings: [InputWarning] = []
    var reader = CSVReader(utf8: decoded.utf8)
    var record = CSVRecord()
    func location(_ field: Int) -> InputLocation {
      InputLocation(file.path, reader.position(ofField: field, in: record))
    }
    repeat {
      guard reader.next(into: &record) else {
        throw InputErrors([InputError(.emptyFile, at: InputLocation(file.path, line: 1, column: 1))]
        )
      }
    } while record.isBlank
    var index: [String: Int] = [:]
    for (field, cell) in record.fields.enumerated() {
      let name = TextNormalization.normalized(cell).lowercased()
      if columns.contains(name) {
        if index[name] != nil {
          errors.append(InputError(.duplicateColumn(name), at: location(field)))
        }
        index[name] = field
      } else if !name.isEmpty {
        warnings.append(
          InputWarning(
            .unknownColumn(TextNormalization.trimmed(cell)),
            at: location(field)))
      }
    }
    for name in columns where index[name] == nil {
      errors.append(InputError(.missingColumn(name, required: columns), at: location(0)))
    }
    guard errors.isEmpty, let idField = index["id"], let weightField = index["weight"] else {
      throw InputErrors(errors, warnings: warnings)
    }
    // Room for the rows a file of this size may hold (about one per 16 bytes, as in
    // `I0000001,12.345`). Every row with an id is kept with where its id is and its weight, if
    // valid; repeated ids are found once all are read, by sorting them (which costs less than a
    // dictionary of a million ids).
    var read: [(id: String, position: TextPosition, weight: Quantity?)] = []
    read.reserveCapacity(decoded.utf8.count / 16)
    var decimals = 0
    var width = record.count
    while width > 1, record.isEmpty(width - 1) { width -= 1 }
    let headerLine = record.line
    // Fields are read through one pointer to the text, as the rows of a submission are.
    decoded.utf8.withUnsafeBufferPointer { text in
      while reader.next(into: &record, in: text) {
        if record.isBlank || record.isMalformed { continue }
        let extra = (width..<max(width, record.count)).contains { !record.isEmpty($0) }
        guard record.count >= width, !extra else {
          let at =
            extra ? reader.position(ofField: width, in: record) : reader.endPosition(of: record)
          errors.append(
            InputError(
              .fieldCount(expected: width, found: record.count),
              at: InputLocation(file.path, at)))
          continue
        }
        let id = TextNormalization.trimmed(record.field(idField, in: text))
        var weight: Quantity?
        // Plain digits and a point are read from their bytes (normalising them changes nothing);
        // anything else as text.
        if let parsed = record.plainDecimal(weightField, in: text) {
          weight = parsed.quantity
          decimals = max(decimals, parsed.writtenDecimals)
        } else {
          let written = TextNormalization.normalized(record.field(weightField, in: text))
          do throws(Quantity.ParseError) {
            let parsed = try Quantity.parse(written)
            decimals = max(decimals, parsed.writtenDecimals)
            if parsed.quantity < .zero {
              errors.append(InputError(.negativeWeight(written), at: location(weightField)))
            } else {
              weight = parsed.quantity
            }
          } catch {
            errors.append(InputError(.invalidWeight(written, error), at: location(weightField)))
          }
        }
        if id.isEmpty {
          errors.append(InputError(.missingValue("id"), at: location(idField)))
        } else {
          read.append((id, reader.position(ofField: idField, in: record), weight))
        }
      }
    }
    let rows = uniqueRows(read, source: file.path, errors: &errors)
    errors += reader.problems.map {
      InputError($0.reason, at: InputLocation(file.path, $0.position))
    }
    if rows.reduce(Int128(0), { $0 + Int128($1.weight.grams) }) > Int128(Int64.max) {
      errors.append(InputError(.weightsTooLarge, at: InputLocation(file.path)))
    }
    if rows.isEmpty && errors.isEmpty {
      errors.append(
        InputError(.noRows, at: InputLocation(file.path, line: headerLine + 1, column: 1)))
    }
    guard errors.isEmpty else { throw InputErrors(errors, warnings: warnings) }
    return WithWarnings(WeightTable(rows: rows, decimals: decimals), warnings: warnings)
  }
}

extension WeightTable {
  /// The rows whose id no earlier row has and whose weight is valid, in input order; each later
  /// row with an id already seen is reported against the first.
  private static func uniqueRows(
    _ read: [(id: String, position: TextPosition, weight: Quantity?)], source: String,
    errors: inout [InputError]
  ) -> [Row] {
    // By id, then by place in the file: the first of equal ids comes first. Ids read are in
    // Normalization Form C (trimming composes them), where ids equal by canonical equivalence
    // (as a dictionary of them found them) are the same bytes, and byte order is `String`'s.
    let order = read.indices.sorted { a, b in
      let order = UTF8Bytes.compare(read[a].id, read[b].id)
      return order != 0 ? order < 0 : a < b
    }
    var repeated = [Bool](repeating: false, count: read.count)
    var first = 0
    for (place, index) in order.enumerated() {
      if place > 0, read[order[place - 1]].id == read[index].id {
        repeated[index] = true
        errors.append(
          InputError(
            .duplicateID(read[index].id, first: InputLocation(source, read[first].position)),
            at: InputLocation(source, read[index].position)))
      } else {
        first = index
      }
    }
    var rows: [Row] = []
    rows.reserveCapacity(read.count)
    for index in read.indices where !repeated[index] {
      if let weight = read[index].weight { rows.append(Row(id: read[index].id, weight: weight)) }
    }
    return rows
  }

  /// Apportions `total` among the rows, in steps of `unit`.
  ///
  /// Ties go to the larger weight, then the smaller id (UTF-8 byte order), never to whoever came
  /// first in the file.
  ///
  /// - Precondition: `unit > 0`, `total >= 0` and `total` a multiple of `unit`.
  /// - Throws: `ApportionmentError.noPositiveWeight(units:)` when `total > 0` and every weight
  ///   is zero.
  public func apportion(
    _ total: Quantity, unit: Quantity, method: ApportionmentMethod
  ) throws(ApportionmentError) -> WeightedShares {
    precondition(unit > .zero && total >= .zero && total.isMultiple(of: unit))
    // Ids in UTF-8 byte order (for text in Normalization Form C, as every id read from a file
    // is, the order of `<` on strings too).
    let order = rows.indices.sorted { UTF8Bytes.precedes(rows[$0].id, rows[$1].id) }
    let result = try Apportioner(method: method).apportion(
      total.grams / unit.grams, among: order.map { rows[$0].weight.grams })
    var allocations = [Quantity](repeating: .zero, count: rows.count)
    for (position, row) in order.enumerated() {
      allocations[row] = Quantity(grams: result.units[position] * unit.grams)
    }
    let weightSum = rows.reduce(Int128(0)) { $0 + Int128($1.weight.grams) }
    let quotas = rows.map { row in
      weightSum == 0
        ? Fraction(0, over: 1)
        : Fraction(Int128(total.grams) * Int128(row.weight.grams), over: weightSum)
    }
    let ties = result.ties.map { tie in
      WeightedShares.Tie(
        winners: tie.winners.map { rows[order[$0]].id },
        losers: tie.losers.map { rows[order[$0]].id }, priority: tie.priority)
    }
    return WeightedShares(
      table: self, total: total, unit: unit, quotas: quotas,
      allocations: allocations, ties: ties)
  }
}

/// A weight table apportioned: each row's exact quota and allocation.
public struct WeightedShares: Hashable, Sendable {
  /// Units that the tie rule decided.
  public struct Tie: Hashable, Sendable {
    /// Ids that got a unit each.
    public var winners: [String]
    /// Ids with the same priority that got none.
    public var losers: [String]
    /// The shared priority (the remainder as a fraction of a unit, for largest remainder).
    public var priority: Priority
  }

  /// The table apportioned.
  public var table: WeightTable
  /// The total shared.
  public var total: Quantity
  /// The step of the allocations.
  public var unit: Quantity
  /// Each row's exact quota, in grams, in row order.
  public var quotas: [Fraction]
  /// Each row's allocation, in row order; they add up to the total.
  public var allocations: [Quantity]
  /// The ties.
  public var ties: [Tie]

  /// The columns of the output.
  public static let columns = ["id", "weight", "quota", "allocation"]

  /// Writes `id,weight,quota,allocation` in input order.
  public func write(format: CSVFormat, to output: inout some ByteOutput) {
    let csv = CSVWriter(format: format)
    let allocationDecimals = max(unit.significantDecimals, total.significantDecimals)
    csv.writeStart(to: &output)
    csv.writeHeader(Self.columns, to: &output)
    // Cell by cell into the record, without an array of cells per row.
    for index in table.rows.indices {
      csv.writeRecord(to: &output) { record in
        record.text(table.rows[index].id)
        record.decimal(FixedDecimal(table.rows[index].weight, decimals: table.decimals))
        record.decimal(StatementNumbers.quotaDecimal(quotas[index]))
        record.decimal(FixedDecimal(allocations[index], decimals: allocationDecimals))
      }
    }
  }
}
