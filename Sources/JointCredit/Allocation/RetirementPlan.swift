/// One contiguous range of credit serials retired for a body.
public struct RetirementRange: Hashable, Sendable {
  /// Why the body retires these serials.
  public enum Basis: String, Hashable, Sendable {
    /// The whole tonnes of the body's own allocation.
    case share
    /// The whole tonnes of the reserve.
    case reserve
    /// Allocations smaller than a whole tonne (the fractions of every body's share), pooled and
    /// retired in the secretariat's name.
    case fractions
  }

  /// The body the serials are retired for.
  public var body: Body.Code
  /// Its name, when it is a participating body.
  public var name: String
  /// Why.
  public var basis: Basis
  /// The block the serials come from.
  public var block: CreditBlock
  /// The first serial number of the range.
  public var first: Int64
  /// The last serial number of the range (inclusive).
  public var last: Int64

  /// How many tonnes the range retires.
  public var quantity: Quantity { Quantity(tonnes: last - first + 1) }
}

/// Assigns the serials bought to the bodies, deterministically: blocks in the order listed,
/// bodies in code order, then the reserve, then the pooled fractions.
///
/// Credits exist in whole tonnes. Each body retires serials for the whole tonnes of its
/// allocation; the fractions left over (0.4 t of a 3.4 t share, say) add up to whole tonnes
/// across all bodies, and those serials are retired in the secretariat's name (the
/// `secretariat` of the purchase, else the reserve body, else `secretariat`), so that every
/// serial bought is retired exactly once.
enum RetirementPlan {
  static func ranges(for allocation: Allocation) -> [RetirementRange] {
    let purchase = allocation.purchase
    guard !purchase.creditBlocks.isEmpty else { return [] }
    var claims: [(Body.Code, String, RetirementRange.Basis, Int64)] = []
    var fractions: Int64 = 0
    let tonne = Quantity.gramsPerTonne
    for body in allocation.bodies {
      claims.append((body.body.code, body.body.name, .share, body.allocated.grams / tonne))
      fractions += body.allocated.grams % tonne
    }
    if let reserve = allocation.reserve {
      claims.append((reserve.code, reserve.name, .reserve, reserve.allocated.grams / tonne))
      fractions += reserve.allocated.grams % tonne
    }
    let secretariat = purchase.secretariat ?? purchase.reserve ?? Body.Code("secretariat")
    let secretariatName = allocation.bodies.first { $0.body.code == secretariat }?.body.name ?? ""
    claims.append((secretariat, secretariatName, .fractions, fractions / tonne))

    var ranges: [RetirementRange] = []
    var blockIndex = 0
    var next = purchase.creditBlocks.first?.first ?? 0
    for (code, name, basis, tonnes) in claims where tonnes > 0 {
      var left = tonnes
      while left > 0, blockIndex < purchase.creditBlocks.count {
        let block = purchase.creditBlocks[blockIndex]
        // `last - next` and `next + (take - 1)` stay within the block, so nothing overflows even
        // for a block that ends at Int64.max.
        let take = min(left - 1, block.last - next) + 1
        let last = next + (take - 1)
        ranges.append(
          RetirementRange(
            body: code, name: name, basis: basis, block: block, first: next, last: last))
        left -= take
        if last < block.last {
          next = last + 1
        } else {
          blockIndex += 1
          next =
            blockIndex < purchase.creditBlocks.count ? purchase.creditBlocks[blockIndex].first : 0
        }
      }
    }
    return ranges
  }
}
