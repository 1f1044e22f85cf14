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
    var total: Int128 = 0
    for block in creditBlocks {
      guard let price = block.price ?? perTonne else { return nil }
      total += Int128(block.count) * Int128(price)
    }
    return total <= Int128(WholeNumber.maximumYen) ? Int64(total) : nil
  }

  /// The invoice per tonne, an exact fraction of yen, when priced.
  public var averagePrice: Fraction? {
    invoiceTotal.map {
      Fraction(Int128($0) * Int128(Quantity.gramsPerTonne), over: Int128(lot.grams))
    }
  }
}

extension CreditBlock {
  /// What is wrong with the prices of blocks: a block without a price beside priced ones and no
  /// price per tonne to fall back on, block prices beside an invoice total, a sum past
  /// ``WholeNumber/maximumYen``.
  static func priceProblems(of blocks: [CreditBlock], pricing: Pricing?) -> [InputError.Reason] {
    guard blocks.contains(where: { $0.price != nil }) else {
      if case .blockPrices? = pricing?.basis, let block = blocks.first {
        return [.blockWithoutPrice(block.serial(block.first) + "–" + block.serial(block.last))]
      }
      return []
    }
    var perTonne: Int64?
    switch pricing?.basis {
    case .invoiceTotal?: return [.blockPricesWithInvoice]
    case .perTonne(let yen)?: perTonne = yen
    case .blockPrices?, nil: break
    }
    var problems: [InputError.Reason] = []
    var total: Int128 = 0
    for block in blocks {
      guard let price = block.price ?? perTonne else {
        problems.append(
          .blockWithoutPrice(block.serial(block.first) + "–" + block.serial(block.last)))
        continue
      }
      total += Int128(block.count) * Int128(price)
    }
    if problems.isEmpty, total > Int128(WholeNumber.maximumYen) {
      problems.append(.blockInvoiceTooLarge(String(total)))
    }
    return problems
  }
}
