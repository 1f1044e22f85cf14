import ApportionmentModule

extension Purchase {
  /// How the serials of several blocks are shared among the holders of a retirement.
  public enum Mix: String, CaseIterable, Hashable, Sendable {
    /// Blocks in the order listed, holders in order: the first holders get the first block.
    case sequential
    /// Every holder gets from each block its proportional share, rounded down or up, with every
    /// block's and every holder's total exact (``Allocator`` documents the rule).
    case proportional
  }

  /// The mix that applies: the one given, else ``Mix/proportional`` when the blocks differ in
  /// scheme, project, vintage or price, else ``Mix/sequential``.
  public var effectiveMix: Mix {
    if let mix { return mix }
    guard let first = creditBlocks.first else { return .sequential }
    return creditBlocks.allSatisfy { $0.isLike(first) } ? .sequential : .proportional
  }

  /// The invoice in whole yen: the sum over blocks when a block has its own price (the others
  /// at the purchase's price per tonne), else the purchase's invoice; `nil` when unpriced.
  public var invoiceTotal: Int64? {
    guard creditBlocks.contains(where: { $0.price != nil }) else {
      return pricing?.invoiceTotal(for: lot)
    }
    var perTonne: Int64?
    if case .perTonne(let yen) = pricing?.basis { perTonne = yen }
    guard case .success(let total) = CreditBlock.invoice(of: creditBlocks, perTonne: perTonne),
      total <= Int128(WholeNumber.maximumYen)
    else { return nil }
    return Int64(total)
  }

  /// The invoice per tonne, an exact fraction of yen, when priced.
  public var averagePrice: Fraction? {
    invoiceTotal.map {
      Fraction(Int128($0) * Int128(Quantity.gramsPerTonne), over: Int128(lot.grams))
    }
  }
}

extension CreditBlock {
  /// The block's first and last serials: `JV-001–JV-060`.
  var rangeText: String { serial(first) + "–" + serial(last) }

  /// Σ serials × price over the blocks, a block without its own price at `perTonne`; the blocks
  /// with neither, when there are any.
  static func invoice(of blocks: [CreditBlock], perTonne: Int64?) -> Result<Int128, Unpriced> {
    var total: Int128 = 0
    var unpriced: [CreditBlock] = []
    for block in blocks {
      guard let price = block.price ?? perTonne else {
        unpriced.append(block)
        continue
      }
      total += Int128(block.count) * Int128(price)
    }
    return unpriced.isEmpty ? .success(total) : .failure(Unpriced(blocks: unpriced))
  }

  /// Blocks with no price of their own nor one to fall back on.
  struct Unpriced: Error {
    var blocks: [CreditBlock]
  }

  /// What is wrong with the prices of blocks: a block without a price beside priced ones and no
  /// price per tonne to fall back on, block prices beside an invoice total, a sum past
  /// ``WholeNumber/maximumYen``.
  static func priceProblems(of blocks: [CreditBlock], pricing: Pricing?) -> [InputError.Reason] {
    guard blocks.contains(where: { $0.price != nil }) else {
      if case .blockPrices? = pricing?.basis, let block = blocks.first {
        return [.blockWithoutPrice(block.rangeText)]
      }
      return []
    }
    var perTonne: Int64?
    switch pricing?.basis {
    case .invoiceTotal?: return [.blockPricesWithInvoice]
    case .perTonne(let yen)?: perTonne = yen
    case .blockPrices?, nil: break
    }
    switch invoice(of: blocks, perTonne: perTonne) {
    case .failure(let unpriced): return unpriced.blocks.map { .blockWithoutPrice($0.rangeText) }
    case .success(let total) where total > Int128(WholeNumber.maximumYen):
      return [.blockInvoiceTooLarge(String(total))]
    case .success: return []
    }
  }
}
