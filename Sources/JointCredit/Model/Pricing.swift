/// What the credits cost, in whole yen: a price per tonne or the invoice total.
///
/// Whether tax is included is stated, never computed: JointCredit shares the amount given.
public struct Pricing: Hashable, Sendable {
  /// How the amount is given.
  public enum Basis: Hashable, Sendable {
    /// Yen per tonne; the invoice is the price times the lot.
    case perTonne(Int64)
    /// The invoice total in yen.
    case invoiceTotal(Int64)
    /// The sum of the credit blocks' own prices (``CreditBlock/price``).
    case blockPrices
  }

  /// How the amount is given.
  public internal(set) var basis: Basis
  /// Whether the amount includes consumption tax, as stated (`nil`: not stated).
  public internal(set) var taxIncluded: Bool?

  /// Creates a pricing.
  public init(_ basis: Basis, taxIncluded: Bool? = nil) {
    self.basis = basis
    self.taxIncluded = taxIncluded
  }

  /// The invoice total in yen for a lot, or `nil` when a price per tonne times the lot is not a
  /// whole number of yen (or does not fit).
  public func invoiceTotal(for lot: Quantity) -> Int64? {
    switch basis {
    case .invoiceTotal(let yen): return yen
    case .blockPrices: return nil
    case .perTonne(let yen):
      let (quotient, remainder) = (Int128(yen) * Int128(lot.grams))
        .quotientAndRemainder(dividingBy: Int128(Quantity.gramsPerTonne))
      guard remainder == 0, quotient <= Int128(Int64.max) else { return nil }
      return Int64(quotient)
    }
  }

  /// What is wrong with the pricing of a lot: an amount that is not positive or past
  /// ``WholeNumber/maximumYen``, or a price per tonne that makes an invoice of a fraction of a
  /// yen or past the limit.
  func problems(for lot: Quantity) -> [InputError.Reason] {
    switch basis {
    case .blockPrices: return []
    case .invoiceTotal(let yen):
      guard yen > 0, yen <= WholeNumber.maximumYen else {
        return [.invalidYen(field: "invoice_total_jpy", text: String(yen))]
      }
      return []
    case .perTonne(let yen):
      guard yen > 0, yen <= WholeNumber.maximumYen else {
        return [.invalidYen(field: "price_jpy_per_t", text: String(yen))]
      }
      let total = Int128(yen) * Int128(lot.grams)
      let price = String(yen), lotText = "\(lot)"
      if total % Int128(Quantity.gramsPerTonne) != 0 {
        return [.priceNotWholeYen(price: price, lot: lotText)]
      }
      if total / Int128(Quantity.gramsPerTonne) > Int128(WholeNumber.maximumYen) {
        return [.invoiceTooLarge(price: price, lot: lotText)]
      }
      return []
    }
  }
}

/// A block of credits bought: consecutive serial numbers, one per tonne.
public struct CreditBlock: Hashable, Sendable {
  /// The scheme, e.g. `J-VER`.
  public internal(set) var scheme: String
  /// The project the credits come from.
  public internal(set) var project: String
  /// What every serial starts with, e.g. `JP-JVER-0123-`.
  public internal(set) var serialPrefix: String
  /// The first serial number of the block.
  public internal(set) var first: Int64
  /// The last serial number of the block (inclusive).
  public internal(set) var last: Int64
  /// The vintage (year of the reductions or removals), as stated.
  public internal(set) var vintage: String
  /// How many digits serial numbers are written with (zero-padded), e.g. 6 for `000123`.
  public internal(set) var digits: Int
  /// The block's own price per tonne in whole yen, when it has one: the invoice is then the sum
  /// over blocks (a block without a price takes the purchase's `price_jpy_per_t`).
  public internal(set) var price: Int64?

  /// Creates a block.
  ///
  /// - Throws: ``InputError`` with ``InputError/Reason/invalidBlock(_:)`` unless
  ///   `0 <= first <= last <= WholeNumber.maximumSerial` and `1 <= digits <= 18`.
  public init(
    scheme: String, project: String, serialPrefix: String, first: Int64, last: Int64,
    vintage: String, digits: Int = 1, price: Int64? = nil
  ) throws(InputError) {
    let limit = WholeNumber.maximumSerial
    guard first >= 0, first <= last, last <= limit else {
      throw InputError(
        .invalidBlock(
          "serials \(first) to \(last) do not run upwards from 0 to at most \(limit)"))
    }
    guard (1...18).contains(digits) else {
      throw InputError(.invalidBlock("serials are written with 1 to 18 digits, not \(digits)"))
    }
    if let price, price <= 0 || price > WholeNumber.maximumYen {
      throw InputError(.invalidYen(field: "price_jpy_per_t", text: String(price)))
    }
    self.price = price
    self.scheme = scheme
    self.project = project
    self.serialPrefix = serialPrefix
    self.first = first
    self.last = last
    self.vintage = vintage
    self.digits = digits
  }

  /// How many serials (tonnes) the block holds.
  public var count: Int64 { last - first + 1 }

  /// Whether two blocks are credits of one kind (scheme, project, vintage and price), so that
  /// which of them a holder gets does not matter.
  public func isLike(_ other: CreditBlock) -> Bool {
    scheme == other.scheme && project == other.project && vintage == other.vintage
      && price == other.price
  }

  /// What is wrong with the blocks of a lot: a lot that is not whole tonnes, another number of
  /// serials than its tonnes, and blocks that print the same serial (see ``SerialOverlap``).
  static func problems(of blocks: [CreditBlock], lot: Quantity) -> [InputError.Reason] {
    var problems: [InputError.Reason] = []
    let serials = blocks.reduce(Int128(0)) { $0 + Int128($1.count) }
    if !lot.isMultiple(of: Quantity(tonnes: 1)) {
      problems.append(.serialsNeedWholeTonnes(lot: "\(lot)"))
    } else if serials != Int128(lot.grams / Quantity.gramsPerTonne) {
      problems.append(.serialsDoNotMatchLot(serials: String(serials), lot: "\(lot)"))
    }
    for (earlier, later) in SerialOverlap.collisions(in: blocks) {
      let block = blocks[later], other = blocks[earlier]
      problems.append(
        .overlappingBlocks(block.rangeText, other.rangeText))
    }
    return problems
  }

  /// The serial with number `number`, zero-padded: `JP-JVER-0123-000042`.
  public func serial(_ number: Int64) -> String {
    let text = String(number)
    return serialPrefix + String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
