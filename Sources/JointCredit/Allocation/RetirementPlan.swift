import ApportionmentModule

/// One contiguous range of credit serials retired for a holder: an event, a body's pooled event
/// fractions, the reserve, or the secretariat's pooled fractions.
public struct RetirementRange: Hashable, Sendable {
  /// Why the serials are retired, and so in whose name.
  public enum Basis: String, CaseIterable, Hashable, Sendable {
    /// The whole tonnes of one event's allocation, in its body's name, for that event.
    case event
    /// The whole tonnes that the fractions of a body's events add up to (0.4 t + 0.7 t of two
    /// events make 1 t), in the body's name, for its events together.
    case eventFractions = "event-fractions"
    /// The whole tonnes of the reserve.
    case reserve
    /// What is left of every body's event fractions (and the reserve's), pooled across bodies and
    /// retired in the secretariat's name.
    case fractions
  }

  /// The body the serials are retired for (the credit user).
  public var body: Body.Code
  /// Its name, when it is a participating body.
  public var name: String
  /// Why.
  public var basis: Basis
  /// The event, for ``Basis/event``.
  public var event: Event?
  /// The block the serials come from.
  public var block: CreditBlock
  /// The first serial number of the range.
  public var first: Int64
  /// The last serial number of the range (inclusive).
  public var last: Int64
  /// The retirement application the range belongs to: one per holder (an event, a body's
  /// event fractions, the reserve, the pooled fractions), numbered from 1 in the order above.
  public var application: Int = 0
  /// The purpose stated on the application (the purchase's ``Purchase/purpose``).
  public var purpose: String = ""
  /// The day the range was retired at the registry, once recorded.
  public var retirementDate: EventDate?

  /// Who uses the credits, as an application names them: the body's name, or its code when it
  /// has none.
  public var creditUser: String { name.isEmpty ? body.rawValue : name }

  /// What the application is for, beyond its purpose.
  public var purposeDetail: PurposeDetail {
    switch basis {
    case .event: event.map { .event(body: creditUser, $0) } ?? .eventFractions(body: creditUser)
    case .eventFractions: .eventFractions(body: creditUser)
    case .reserve: .reserve(body: creditUser)
    case .fractions: .fractions(body: creditUser)
    }
  }

  /// What an application is for, in words each language renders
  /// (``StatementLanguage/purposeDetail(_:)``).
  public enum PurposeDetail: Hashable, Sendable {
    /// One event of a body: its name, id and date.
    case event(body: String, Event)
    /// A body's events together, for the whole tonnes their fractions add up to.
    case eventFractions(body: String)
    /// The reserve a body holds.
    case reserve(body: String)
    /// Every body's fractions, pooled, retired by the secretariat.
    case fractions(body: String)
  }

  /// How many tonnes the range retires.
  public var quantity: Quantity { Quantity(tonnes: last - first + 1) }
}

/// Who retires how many whole tonnes: the holders of a retirement, in the order serials go to them.
struct RetirementClaim: Hashable, Sendable {
  var body: Body.Code
  var name: String
  var basis: RetirementRange.Basis
  var event: Event?
  var tonnes: Int64
  /// The holder's application number, from 1.
  var application = 0
  /// The purpose its application states.
  var purpose = ""
}

/// Assigns the serials bought to holders, deterministically.
///
/// Credits exist in whole tonnes. Each event retires serials for the whole tonnes of its own
/// allocation, in its body's name; the fractions of a body's events (0.4 t of a 3.4 t share, say)
/// add up to whole tonnes that the body retires for its events together; what is left of each
/// body's fractions (under a tonne per body) is pooled with the reserve's across all bodies and
/// retired in the secretariat's name (the `secretariat` of the purchase, else the reserve body,
/// else `secretariat`). Serials go to holders in that order — bodies by code, each body's events
/// by id, then its event fractions; then the reserve; then the pooled fractions — and blocks in
/// the order listed, so every serial bought is retired exactly once, in consecutive ranges per
/// holder and block.
enum RetirementPlan {
  /// The most holders × blocks a proportional mix is computed for (memory grows with it).
  static let maximumCells = 10_000_000

  /// The ranges, and a note when a proportional mix was too large to compute.
  static func ranges(for allocation: Allocation, maximumCells: Int = maximumCells) -> (
    ranges: [RetirementRange], note: AllocationNote?
  ) {
    let blocks = allocation.purchase.creditBlocks
    guard !blocks.isEmpty else { return ([], nil) }
    let claims = claims(for: allocation)
    var note: AllocationNote?
    var mix = allocation.purchase.effectiveMix
    if mix == .proportional, claims.count * blocks.count > maximumCells {
      note = .mixTooLarge(holders: claims.count, blocks: blocks.count)
      mix = .sequential
    }
    let ranges =
      mix == .proportional
      ? proportional(claims, blocks: blocks)
      : sequential(claims, pieces: blocks.map { Piece(block: $0, first: $0.first, last: $0.last) })
    return (ranges, note)
  }

  /// The holders, in the order they receive serials, with the whole tonnes each retires.
  static func claims(for allocation: Allocation) -> [RetirementClaim] {
    let purchase = allocation.purchase
    let tonne = Quantity.gramsPerTonne
    var claims: [RetirementClaim] = []
    var pooled: Int64 = 0
    for body in allocation.bodies {
      let code = body.body.code, name = body.body.name
      var fractions: Int64 = 0
      for event in body.events {
        claims.append(
          RetirementClaim(
            body: code, name: name, basis: .event, event: event.event,
            tonnes: event.allocated.grams / tonne))
        fractions += event.allocated.grams % tonne
      }
      claims.append(
        RetirementClaim(
          body: code, name: name, basis: .eventFractions, tonnes: fractions / tonne))
      pooled += fractions % tonne
    }
    if let reserve = allocation.reserve {
      claims.append(
        RetirementClaim(
          body: reserve.code, name: reserve.name, basis: .reserve,
          tonnes: reserve.allocated.grams / tonne))
      pooled += reserve.allocated.grams % tonne
    }
    let secretariat = purchase.secretariat ?? purchase.reserve ?? Body.Code("secretariat")
    let secretariatName = allocation.bodies.first { $0.body.code == secretariat }?.body.name ?? ""
    claims.append(
      RetirementClaim(
        body: secretariat, name: secretariatName, basis: .fractions, tonnes: pooled / tonne))
    return claims.filter { $0.tonnes > 0 }.enumerated().map { index, claim in
      var claim = claim
      claim.application = index + 1
      claim.purpose = purchase.purpose
      return claim
    }
  }

  /// Consecutive serials of a block that are free to hand out: a whole block, or (in a
  /// revision) what its retired ranges leave.
  struct Piece {
    var block: CreditBlock
    var first: Int64
    var last: Int64
  }

  /// Serials in the order of the pieces, to the claims in their order.
  static func sequential(_ claims: [RetirementClaim], pieces: [Piece]) -> [RetirementRange] {
    var ranges: [RetirementRange] = []
    var index = 0
    var next = pieces.first?.first ?? 0
    for claim in claims {
      var left = claim.tonnes
      while left > 0, index < pieces.count {
        let piece = pieces[index]
        // `last - next` and `next + (take - 1)` stay within the piece, so nothing overflows even
        // for a block that ends at Int64.max.
        let take = min(left - 1, piece.last - next) + 1
        let last = next + (take - 1)
        ranges.append(claim.range(of: piece.block, from: next, to: last))
        left -= take
        if last < piece.last {
          next = last + 1
        } else {
          index += 1
          next = index < pieces.count ? pieces[index].first : 0
        }
      }
    }
    return ranges
  }
}

extension RetirementPlan {
  /// Every holder gets from each block its proportional share of the block, rounded down or up,
  /// with every block's and every holder's total exact (`MatrixRounding`). Within a block,
  /// holders take consecutive serials in their order; a holder's ranges follow the blocks' order.
  static func proportional(_ claims: [RetirementClaim], blocks: [CreditBlock])
    -> [RetirementRange]
  {
    let rounding = MatrixRounding(rows: claims.map(\.tonnes), columns: blocks.map(\.count))
    // The first serial each holder takes in each block: blocks are dealt out in holder order.
    var next = blocks.map(\.first)
    var starts = [Int64](repeating: 0, count: claims.count * blocks.count)
    for i in claims.indices {
      for j in blocks.indices {
        starts[i * blocks.count + j] = next[j]
        // Within the block: next[j] + count stays at most block.last + 1, which fits.
        next[j] += rounding[i, j]
      }
    }
    var ranges: [RetirementRange] = []
    for (i, claim) in claims.enumerated() {
      for (j, block) in blocks.enumerated() where rounding[i, j] > 0 {
        let first = starts[i * blocks.count + j]
        ranges.append(claim.range(of: block, from: first, to: first + (rounding[i, j] - 1)))
      }
    }
    return ranges
  }
}

extension RetirementClaim {
  func range(of block: CreditBlock, from first: Int64, to last: Int64) -> RetirementRange {
    RetirementRange(
      body: body, name: name, basis: basis, event: event, block: block, first: first, last: last,
      application: application, purpose: purpose)
  }
}
