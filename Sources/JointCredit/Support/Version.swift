/// The version of JointCredit, written into every JSON statement.
public enum JointCreditVersion {
  /// The current version, `MAJOR.MINOR.PATCH`.
  public static let current = "0.1.0"
}
