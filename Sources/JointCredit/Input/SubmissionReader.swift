/// Reads and validates submissions into ``Estimates``: the library's front door for input.
///
/// ```swift
/// let files = try SubmissionFiles.read(["submissions/"])
/// let estimates = try SubmissionReader().read(files).value
/// ```
public struct SubmissionReader: Sendable {
  /// The reference list that codes, names and kinds are checked against.
  public var directory: MunicipalityDirectory
  /// Whether a valid code that a complete reference list lacks (a new or merged municipality)
  /// is accepted with a warning instead of rejected.
  public var allowsUnknownCodes: Bool

  /// Creates a reader that checks codes against a reference list (every local government of
  /// Japan by default).
  public init(directory: MunicipalityDirectory = .japan, allowsUnknownCodes: Bool = false) {
    self.directory = directory
    self.allowsUnknownCodes = allowsUnknownCodes
  }

  /// Reads every file, checks every row and across rows and files, and returns the estimates.
  ///
  /// Files are read in path order, so that results and messages do not depend on the order
  /// they were given in.
  ///
  /// - Returns: the estimates, with warnings (unknown columns, names spelt differently from the
  ///   reference list, unknown codes when allowed).
  /// - Throws: ``InputErrors`` with every problem in every file.
  /// - Complexity: O(*n* log *n*) for *n* rows.
  public func read(_ files: consuming [SubmissionFile]) throws(InputErrors)
    -> WithWarnings<Estimates>
  {
    var builder = EstimatesBuilder(directory: directory, allowsUnknownCodes: allowsUnknownCodes)
    var read: [InputFile] = []
    var sorted = files.sorted { UTF8Bytes.precedes($0.path, $1.path) }
    // Each file's bytes are let go once read (when the caller gave them up too), so that they are
    // not held while the estimates are assembled: a national file is 60 MB.
    files = []
    for index in sorted.indices {
      let file = sorted[index]
      defer { sorted[index].bytes = [] }
      guard let format = file.format else {
        builder.report(InputError(.unsupportedFileType(""), at: InputLocation(file.path)))
        continue
      }
      if file.bytes.isEmpty {
        builder.report(InputError(.emptyFile, at: InputLocation(file.path, line: 1, column: 1)))
        continue
      }
      if format == .xlsx {
        let events = XLSXSubmission.read(file.bytes, source: file.path, into: &builder)
        read.append(InputFile(path: file.path, format: .xlsx, encoding: .utf8, events: events))
        continue
      }
      let decoded: TextDecoding.Decoded
      do {
        decoded = try TextDecoding.decode(file.bytes, source: file.path)
      } catch {
        builder.report(error)
        continue
      }
      let events =
        switch format {
        case .csv: CSVSubmission.read(decoded.utf8, source: file.path, into: &builder).accepted
        case .json: JSONSubmission.read(decoded.utf8, source: file.path, into: &builder)
        case .xlsx: 0  // read above, without decoding
        }
      read.append(
        InputFile(
          path: file.path, format: format, encoding: decoded.encoding,
          events: events))
    }
    return try builder.finish(files: read)
  }
}
