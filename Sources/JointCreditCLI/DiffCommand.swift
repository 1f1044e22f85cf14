import JointCredit

/// `jointcredit diff`: what a revision of the estimates changed.
enum DiffCommand: FileSubcommand {
  static let spec = CommandSpec(
    name: "diff",
    overview: "List what changed between two allocations, per event and body, and in the totals.",
    discussion: "Compares two allocation.json documents written by allocate (before and after a "
      + "revision of the estimates, say): estimate, allocation, offset rate and cost of every event "
      + "and body that differs, and the totals. Prints text, or CSV with --format csv.",
    arguments: [
      .init(name: "old", help: "The earlier allocation.json."),
      .init(name: "new", help: "The later allocation.json."),
    ],
    options: [
      .init(
        name: "format", valueName: "text|csv",
        help: "text (for people) or csv (one row per difference, for spreadsheets).",
        defaultValue: Format.text.rawValue)
    ])

  enum Format: String, CaseIterable {
    case text, csv
  }

  static func run(_ parsed: ParsedArguments, console: inout some Console) throws(UsageError)
    -> ExitCode
  {
    let format: Format = try AllocateCommand.choice(parsed, "format", "text|csv") ?? .text
    let files: [SubmissionFile]
    do {
      files = try parsed.positionals.map { (path: String) throws(InputErrors) in
        switch FileBytesReader.read(path) {
        case .success(let bytes): return SubmissionFile(path: path, bytes: bytes)
        case .failure(let error): throw InputErrors([error])
        }
      }
    } catch {
      return Diagnostics.reject(error, writesFiles: false, to: &console)
    }
    let diff: AllocationDiff
    do {
      diff = try AllocationDiff(old: files[0], new: files[1])
    } catch {
      return Diagnostics.reject(error, writesFiles: false, to: &console)
    }
    switch format {
    case .text:
      console.line("Comparing \(files[0].path) with \(files[1].path)")
      console.write(diff.text)
    case .csv:
      diff.writeCSV(format: CSVFormat(encoding: .utf8, lineEnding: .lf), to: &console)
    }
    return .success
  }
}
