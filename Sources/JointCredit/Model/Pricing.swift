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
  }

  /// How the amount is given.
  public var basis: Basis
  /// Whether the amount includes consumption tax, as stated (`nil`: not stated).
  public var taxIncluded: Bool?

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
    case .perTonne(let yen):
      let (quotient, remainder) = (Int128(yen) * Int128(lot.grams))
        .quotientAndRemainder(dividingBy: Int128(Quantity.gramsPerTonne))
      guard remainder == 0, quotient <= Int128(Int64.max) else { return nil }
      return Int64(quotient)
    }
  }
}

/// A block of credits bought: consecutive serial numbers, one per tonne.
public struct CreditBlock: Hashable, Sendable {
  /// The scheme, e.g. `J-VER`.
  public var scheme: String
  /// The project the credits come from.
  public var project: String
  /// What every serial starts with, e.g. `JP-JVER-0123-`.
  public var serialPrefix: String
  /// The first serial number of the block.
  public var first: Int64
  /// The last serial number of the block (inclusive).
  public var last: Int64
  /// The vintage (year of the reductions or removals), as stated.
  public var vintage: String
  /// How many digits serial numbers are written with (zero-padded), e.g. 6 for `000123`.
  public var digits: Int

  /// Creates a block.
  ///
  /// - Precondition: `0 <= first <= last < Int64.max`, so that the count fits.
  public init(
    scheme: String, project: String, serialPrefix: String, first: Int64, last: Int64,
    vintage: String, digits: Int = 1
  ) {
    precondition(
      first >= 0 && first <= last && last < .max, "a block runs from its first serial to its last")
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

  /// The serial with number `number`, zero-padded: `JP-JVER-0123-000042`.
  public func serial(_ number: Int64) -> String {
    let text = String(number)
    return serialPrefix + String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
