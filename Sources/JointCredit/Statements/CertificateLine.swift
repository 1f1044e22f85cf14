/// One event's certificate as a line of a table: the event's figures, how its estimate was made,
/// and the credits retired for it, for the workbook's certificates sheet.
public struct CertificateLine: StatementRow {
  let line: ShareLine
  let share: EventAllocation
  /// The ranges retired for the event itself (basis `event`).
  let ranges: [RetirementRange]
  let creditUser: String
  let purpose: String
  let hasCredits: Bool

  /// The columns of the certificates sheet.
  public static let columns: [StatementColumn] =
    ShareLine.bodyColumns + [.eventID, .eventName, .eventDate, .emissions, .calculation]
    + [.allocated, .offsetRate, .shortfall, .serials, .creditUser, .purpose, .retirementDate]

  /// The lines of every event that gets a certificate, body by body.
  public static func lines(of allocation: Allocation) -> [CertificateLine] {
    let byBody = Dictionary(grouping: allocation.retirement.filter { $0.basis == .event }) {
      $0.body
    }
    var lines: [CertificateLine] = []
    for body in allocation.bodies {
      let reference = ShareLine.BodyReference(body)
      let ranges = Dictionary(grouping: byBody[body.body.code] ?? []) { $0.event?.id }
      for (index, share) in body.events.enumerated() where CertificatePage.isCertified(share) {
        let own = ranges[share.event.id] ?? []
        lines.append(
          CertificateLine(
            line: .event(index, of: reference), share: share, ranges: own,
            creditUser: own.first?.creditUser ?? body.body.name,
            purpose: allocation.purchase.purpose,
            hasCredits: !allocation.purchase.creditBlocks.isEmpty))
      }
    }
    return lines
  }

  public func cell(_ column: StatementColumn, numbers: StatementNumbers) -> StatementCell {
    switch column {
    case .serials:
      .text(
        ranges.map { range in
          range.block.serial(range.first)
            + (range.first == range.last ? "" : "–" + range.block.serial(range.last))
        }.joined(separator: "; "))
    case .creditUser: .text(hasCredits ? creditUser : "")
    case .purpose: .text(hasCredits ? purpose : "")
    case .retirementDate:
      !hasCredits ? .date(nil) : ranges.first?.retirementDate.map { .date($0) } ?? .pendingDate
    default: line.cell(column, numbers: numbers)
    }
  }
}
