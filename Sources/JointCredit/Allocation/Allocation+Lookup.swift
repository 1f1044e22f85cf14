extension Allocation {
  /// A body's share, found by binary search (bodies are sorted by code).
  ///
  /// ```swift
  /// let estimates = try SubmissionReader().read([
  ///   SubmissionFile(path: "a.csv", text: """
  ///     body_code,body_name,body_kind,event_id,event_name,emissions_t
  ///     131032,港区,ward,E01,環境フェア,2.5
  ///     """)
  /// ]).value
  /// let allocation = try Allocator().allocate(try Purchase(lot: 3), among: estimates)
  /// let minato = allocation.body(Body.Code("131032"))?.allocated   // 3 t
  /// ```
  ///
  /// - Complexity: O(log *n*) for *n* bodies.
  public func body(_ code: Body.Code) -> BodyAllocation? {
    let index = bodies.partitioningIndex { $0.body.code >= code }
    return index < bodies.count && bodies[index].body.code == code ? bodies[index] : nil
  }

  /// An event's share, by its body's code and its id.
  ///
  /// - Complexity: O(log *n* + log *m*) for *n* bodies and a body of *m* events.
  public func event(_ key: AllocationKey) -> EventAllocation? {
    guard let event = key.event, let body = body(key.body) else { return nil }
    let index = body.events.partitioningIndex { $0.event.id >= event }
    return index < body.events.count && body.events[index].event.id == event
      ? body.events[index] : nil
  }
}
