import Testing

@testable import JointCredit

/// `explain` asks for one share's steps; only that share's prose is built, and it is the same
/// prose an allocation that explains everything gives.
@Suite struct ExplanationScopeTests {
  @Test(arguments: [AllocationMode.event, .bodyThenEvent])
  func oneShareIsExplainedAsWhenAllAre(_ mode: AllocationMode) throws {
    let purchase = try Purchase(lot: 10, unit: Fixtures.tonnes("0.1"), mode: mode)
    let all = try Allocator(explains: true).allocate(purchase, among: Fixtures.quickstart)
    let keys =
      Fixtures.quickstart.submissions.flatMap { submission in
        [AllocationKey(body: submission.body.code)]
          + submission.events.map { AllocationKey(body: submission.body.code, event: $0.id) }
      }
    for key in keys {
      let one = try Allocator(explaining: .only(key)).allocate(purchase, among: Fixtures.quickstart)
      for body in one.bodies {
        let bodyKey = AllocationKey(body: body.body.code)
        #expect(
          body.explanation == (bodyKey == key ? all.body(body.body.code)?.explanation : nil),
          "\(mode) \(key) \(bodyKey)")
        for share in body.events {
          let eventKey = AllocationKey(body: body.body.code, event: share.event.id)
          #expect(
            share.explanation == (eventKey == key ? all.event(eventKey)?.explanation : nil),
            "\(mode) \(key) \(eventKey)")
        }
      }
      // The figures do not depend on what is explained.
      #expect(one.bodies.map(\.allocated) == all.bodies.map(\.allocated))
    }
    #expect(all.bodies.allSatisfy { body in body.events.allSatisfy { $0.explanation != nil } })
  }
}
