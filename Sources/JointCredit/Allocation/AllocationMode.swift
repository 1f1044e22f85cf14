/// How a lot is shared between bodies and their events.
public enum AllocationMode: String, CaseIterable, Hashable, Sendable {
  /// Events are the items: the lot is apportioned among all events at once by their estimates,
  /// and a body's figures are the sums of its events'.
  case event
  /// Two levels: the lot is apportioned among bodies by their total estimates (in the body unit),
  /// then each body's share among its events (in the unit).
  case bodyThenEvent = "body-then-event"
}
