@testable import JointCredit

/// Small helpers to read submissions from text in tests.
enum Fixtures {
  static let header = "body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t\n"

  static func files(_ files: [(String, String)]) -> [SubmissionFile] {
    files.map { SubmissionFile(path: $0.0, text: $0.1) }
  }

  static func read(_ files: [(String, String)]) throws(InputErrors) -> WithWarnings<Estimates> {
    try SubmissionReader().read(Self.files(files))
  }

  /// Every error (or nothing) reading the files gives, as the command line prints them.
  static func errors(_ files: [(String, String)]) -> [String] {
    do {
      _ = try read(files)
      return []
    } catch {
      return error.errors.map(\.description)
    }
  }
}
