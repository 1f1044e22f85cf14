/// The statements `jointcredit allocate` writes, written together or not at all.
public struct StatementSet: Sendable {
  /// How CSV statements are encoded.
  public var csvFormat: CSVFormat

  /// Creates a set with a CSV format (UTF-8 with BOM and CRLF by default).
  public init(csvFormat: CSVFormat = .excel) {
    self.csvFormat = csvFormat
  }

  /// The file names, in the order they are written.
  public static let fileNames = [
    AllocationStatement.fileName, BodyStatement.fileName, OffsetRateStatement.fileName,
    AllocationDocument.fileName,
  ]

  /// Writes every statement into `directory`, replacing earlier ones only once all are written.
  ///
  /// - Returns: the paths written.
  /// - Throws: ``OutputError``; then no statement file was created or replaced.
  public func write(
    _ allocation: Allocation, files: [InputFile], warnings: [InputWarning],
    to directory: String
  ) throws(OutputError) -> [String] {
    var staged = try StagedDirectory(directory: directory)
    do {
      let format = csvFormat
      try staged.write(AllocationStatement.fileName) {
        AllocationStatement.write(allocation, format: format, to: &$0)
      }
      try staged.write(BodyStatement.fileName) {
        BodyStatement.write(allocation, format: format, to: &$0)
      }
      try staged.write(OffsetRateStatement.fileName) {
        OffsetRateStatement.write(allocation, format: format, to: &$0)
      }
      try staged.write(AllocationDocument.fileName) {
        AllocationDocument.write(allocation, files: files, warnings: warnings, to: &$0)
      }
      return try staged.commit()
    } catch {
      staged.discard()
      throw error
    }
  }
}
