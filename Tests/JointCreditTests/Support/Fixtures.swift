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

extension Fixtures {
  /// The quickstart example: three bodies, five events, 8.0 t estimated.
  static let quickstartCSV =
    header + """
      131032,港区,ward,E01,環境フェア,2011-10-15,2.5
      131032,港区,ward,E02,省エネ講座,2011-11-20,0.4
      132012,八王子市,city,E01,エコフェスタ,2011-10-01,3.1
      132012,八王子市,city,E02,打ち水大作戦,2011-07-23,1.4
      133035,瑞穂町,town,E01,環境講演会,,0.6

      """

  static var quickstart: Estimates {
    try! read([("estimates.csv", quickstartCSV)]).value
  }

  static func tonnes(_ text: String) -> Quantity { try! Quantity.parse(text).quantity }

  /// Every statement an allocation produces, as bytes, for comparing runs.
  static func statementBytes(_ allocation: Allocation, files: [InputFile] = []) -> [[UInt8]] {
    var csv: [UInt8] = [], bodies: [UInt8] = [], rates: [UInt8] = [], json: [UInt8] = []
    AllocationStatement.write(allocation, format: .excel, to: &csv)
    BodyStatement.write(allocation, format: .excel, to: &bodies)
    OffsetRateStatement.write(allocation, format: .excel, to: &rates)
    AllocationDocument.write(allocation, files: files, warnings: [], to: &json)
    return [csv, bodies, rates, json]
  }
}
