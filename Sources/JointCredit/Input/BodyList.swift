/// A list of participating bodies, `body_code,body_name,body_kind` (English or Japanese headers,
/// any encoding submissions may have): who gets a form.
public enum BodyList {
  /// Reads a list, checking each body as a submission's bodies are checked (the code against
  /// the list of Japan's local governments, with its name and kind), and no code twice.
  ///
  /// - Returns: the bodies, by code.
  /// - Throws: ``InputErrors`` with every problem, located in the list.
  public static func read(_ file: SubmissionFile, allowsUnknownCodes: Bool = false)
    throws(InputErrors) -> [Body]
  {
    let decoded: TextDecoding.Decoded
    do {
      decoded = try TextDecoding.decode(file.bytes, source: file.path)
    } catch {
      throw InputErrors([error])
    }
    // The list read as a submission whose rows each carry one placeholder event: the columns
    // are added at the end of each line, so every place in the list keeps its line and column.
    var text = ""
    var header = true
    var row = 0
    for line in String(decoding: decoded.utf8, as: UTF8.self).split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    {
      let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
      if trimmed.allSatisfy({ $0 == "," || $0 == " " }) {
        text += "\n"
      } else if header {
        text += trimmed + ",event_id,event_name,emissions_t\n"
        header = false
      } else {
        row += 1
        text += trimmed + ",F\(row),form,1\n"
      }
    }
    let estimates = try SubmissionReader(allowsUnknownCodes: allowsUnknownCodes)
      .read([SubmissionFile(path: file.path, text: text)]).value
    let repeated = estimates.submissions.filter { $0.events.count > 1 }
    guard repeated.isEmpty else {
      throw InputErrors(
        repeated.map { InputError(.repeatedBody($0.body.code), at: InputLocation(file.path)) })
    }
    return estimates.submissions.map(\.body)
  }
}
