/// A statement file that could not be written.
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file or folder.
  public var path: String
  /// Why, as the system says it.
  public var reason: String

  /// Creates an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { description(.en) }

  /// The error in a language. The reason is shown as the system or the check gave it.
  public func description(_ language: StatementLanguage) -> String {
    switch language {
    case .en: "cannot write \(path): \(reason)"
    case .ja: "\(path) に書き込めません: \(reason)"
    }
  }
}
