/// The statements `jointcredit allocate` writes, written together or not at all.
public struct StatementSet: Sendable {
  /// How CSV statements are encoded.
  public var csvFormat: CSVFormat

  /// Creates a set with a CSV format (UTF-8 with BOM and CRLF by default).
  public init(csvFormat: CSVFormat = .excel) {
    self.csvFormat = csvFormat
  }

  /// The file names, in the order they are listed.
  public static let fileNames = [
    AllocationStatement.fileName, BodyStatement.fileName, OffsetRateStatement.fileName,
    AllocationDocument.fileName,
  ]

  /// Writes every statement into `directory`, replacing earlier ones only once all are written.
  ///
  /// - Returns: the paths written, in the order of ``fileNames``.
  /// - Throws: ``OutputError``; then no statement file was created or replaced.
  public func write(
    _ allocation: Allocation, files: [InputFile], warnings: [InputWarning],
    to directory: String
  ) throws(OutputError) -> [String] {
    let format = csvFormat
    // Largest first, so that the two cores finish together.
    let staged = [
      StagedFile(AllocationDocument.fileName) {
        AllocationDocument.write(allocation, files: files, warnings: warnings, to: &$0)
      },
      StagedFile(AllocationStatement.fileName) {
        AllocationStatement.write(allocation, format: format, to: &$0)
      },
      StagedFile(OffsetRateStatement.fileName) {
        OffsetRateStatement.write(allocation, format: format, to: &$0)
      },
      StagedFile(BodyStatement.fileName) {
        BodyStatement.write(allocation, format: format, to: &$0)
      },
    ]
    let paths = try StagedDirectory(directory: directory).write(staged)
    let byName = Dictionary(uniqueKeysWithValues: zip(staged.map(\.name), paths))
    return Self.fileNames.map { byName[$0]! }
  }
}
