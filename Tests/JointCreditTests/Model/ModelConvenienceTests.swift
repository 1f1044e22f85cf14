import Foundation
import Testing

@testable import JointCredit

@Suite struct ModelConvenienceTests {
  static func event(_ id: String, _ tonnes: String) throws -> Event {
    try Event(id: Event.ID(id), name: id, emissions: Fixtures.tonnes(tonnes))
  }

  static let minato = Body(code: Body.Code("131032"), name: "港区", kind: .ward)

  @Test func estimatesRefuseRepeatedBodiesAndEvents() throws {
    let twice = Submission(body: Self.minato, events: [try Self.event("E1", "1")])
    #expect {
      try Estimates(submissions: [twice, twice])
    } throws: { error in
      (error as? InputErrors)?.errors.map(\.message) == [
        "body 131032 is given twice; give each body's events in one submission"
      ]
    }
    let repeated = Submission(
      body: Self.minato, events: [try Self.event("E1", "1"), try Self.event("E1", "2")])
    #expect {
      try Estimates(submissions: [repeated])
    } throws: { error in
      (error as? InputErrors)?.errors.map(\.message) == [
        "event 'E1' of body 131032 is given twice; event ids must be unique within a body"
      ]
    }
    let huge = Submission(
      body: Self.minato,
      events: [
        try Event(id: Event.ID("E1"), name: "", emissions: .max),
        try Event(id: Event.ID("E2"), name: "", emissions: .max),
      ])
    #expect(throws: InputErrors([InputError(.totalTooLarge)])) {
      try Estimates(submissions: [huge])
    }
  }

  @Test func bodiesAndEventsAreFoundByCode() throws {
    let allocation = try Allocator().allocate(
      try Purchase(lot: 10, unit: Fixtures.tonnes("0.1")), among: Fixtures.quickstart)
    #expect(allocation.body(Body.Code("132012"))?.body.name == "八王子市")
    #expect(allocation.body(Body.Code("999999")) == nil)
    #expect(
      allocation.event(AllocationKey(body: Body.Code("131032"), event: Event.ID("E02")))?.event
        .name == "省エネ講座")
    #expect(
      allocation.event(AllocationKey(body: Body.Code("131032"), event: Event.ID("E9"))) == nil)
    #expect(allocation.event(AllocationKey(body: Body.Code("131032"))) == nil)
    #expect(Fixtures.quickstart.submission(of: Body.Code("133035"))?.events.count == 1)
    // Every body, found by search, is the one at its place.
    for body in allocation.bodies { #expect(allocation.body(body.body.code) == body) }
  }

  @Test func quantitiesAddAndComeFromWholeTonnes() throws {
    let lot: Quantity = 100
    #expect(lot == Quantity(tonnes: 100))
    #expect(try Quantity(parsing: "1.25") + Quantity(parsing: "0.75") == 2)
    #expect(try Quantity(parsing: "1") - Quantity(parsing: "0.000001") == Quantity(grams: 999_999))
    #expect([Quantity(grams: 1), Quantity(grams: 2)].reduce(.zero, +) == Quantity(grams: 3))
  }

  @Test func estimatesRoundTripThroughJSONWithDecimalsAsStrings() throws {
    let estimates = Fixtures.quickstart
    let data = try JSONEncoder().encode(estimates)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""emissions_t":"2.5""#))
    #expect(text.contains(#""event_date":"2011-10-15""#))
    let decoded = try JSONDecoder().decode(Estimates.self, from: data)
    #expect(decoded.submissions == estimates.submissions)
    #expect(decoded.decimals == estimates.decimals)
  }

  /// (JSON, what is wrong): decoding checks what the initialisers check.
  @Test(arguments: [
    (#"{"event_id":"E1","event_name":"","emissions_t":"-1"}"#, "negative"),
    (#"{"event_id":"E1","event_name":"","emissions_t":1.5}"#, "a number, not a string"),
    (#"{"event_id":"E1","event_name":"","emissions_t":"1e3"}"#, "exponent"),
    (#"{"event_id":"E1","event_name":"","event_date":"2011-02-30","emissions_t":"1"}"#, "no day"),
  ])
  func badJSONIsNotAnEvent(_ json: String, _ why: String) {
    #expect(throws: (any Error).self, "\(why)") {
      try JSONDecoder().decode(Event.self, from: Data(json.utf8))
    }
  }
}

/// A national allocation holds a million event shares: their layout is part of its memory.
@Suite struct ShareLayoutTests {
  /// The bound's byte comes after the optional cost's tag: 128 bytes a share, not 144.
  @Test func anEventShareTakes128Bytes() {
    #expect(MemoryLayout<EventAllocation>.stride == 128)
    #expect(MemoryLayout<Event>.stride == 64)
  }
}
