import ApportionmentModule

/// Shares the invoice among bodies (and the reserve) by their allocations, then each body's cost
/// among its events, in whole yen, with the purchase's rounding rules: the costs add up to the
/// invoice exactly, at every level. Ties over a single yen follow the same tie rule but are not
/// listed: the ties reported are those over units of credit.
enum CostApportionment {
  /// Fills in the costs of an allocation whose purchase has a price.
  ///
  /// - Throws: ``AllocationError`` when a rule cannot share the yen (a method that gives every
  ///   positive share at least one yen, with fewer yen than shares).
  static func apply(to allocation: inout Allocation) throws(AllocationError) {
    let purchase = allocation.purchase
    guard let invoice = purchase.invoiceTotal else { return }
    allocation.invoiceTotal = invoice
    let yen = Quantity(grams: 1)  // one "unit" is one yen; the size only matters for messages
    var weights = allocation.bodies.map(\.allocated.grams)
    if let reserve = allocation.reserve { weights.append(reserve.allocated.grams) }
    // Event mode has no body level: a body method given there is ignored (the purchase reader
    // warns so, and allocation.json records none), for the yen as for the credit.
    let bodyMethod = purchase.mode == .event ? purchase.method : purchase.bodyMethod
    let bodyCosts: [Int64]
    do {
      bodyCosts = try Apportioner(method: bodyMethod).apportion(invoice, among: weights).units
    } catch {
      var failure = AllocationError(error, level: .body, unit: yen, method: bodyMethod)
      failure.isCost = true
      throw failure
    }
    for index in allocation.bodies.indices {
      let cost = bodyCosts[index]
      allocation.bodies[index].cost = cost
      let events = allocation.bodies[index].events.map(\.allocated.grams)
      let eventCosts: [Int64]
      do {
        eventCosts =
          cost == 0
          ? events.map { _ in 0 }
          : try Apportioner(method: purchase.method).apportion(cost, among: events).units
      } catch {
        throw AllocationError(
          error, level: .event, within: allocation.bodies[index].body.code,
          unit: yen, method: purchase.method)
      }
      for (e, eventCost) in eventCosts.enumerated() {
        allocation.bodies[index].events[e].cost = eventCost
      }
    }
    if allocation.reserve != nil { allocation.reserve?.cost = bodyCosts.last }
  }
}
