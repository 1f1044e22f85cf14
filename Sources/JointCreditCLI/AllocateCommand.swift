import JointCredit

/// `jointcredit allocate`: the main job.
enum AllocateCommand {
  static let spec = CommandSpec(
    name: "allocate",
    overview: "Allocate a lot among the submitted events and write the statements.",
    discussion: "Reads every submission, checks everything, shares the lot by the rounding rule "
      + "and writes allocation.csv, bodies.csv, offset-rates.csv and allocation.json. When any "
      + "input is invalid, every problem is reported and nothing is written.",
    arguments: [
      .init(name: "input", help: "A submission file (.csv or .json) or a folder of them.",
            repeating: true)
    ],
    options: PurchaseOptions.specs + [
      .init(name: "out", valueName: "dir", help: "Where to write the statements. (default: out)"),
      .init(name: "csv-encoding", valueName: "encoding",
            help: "utf8-bom (Excel opens it cleanly) or utf8 (no byte order mark). "
              + "(default: utf8-bom)"),
      .init(name: "explain", valueName: nil,
            help: "Add to allocation.json, for every event and body, the steps that produced its "
              + "figure."),
    ])

  static func run(_ parsed: ParsedArguments, console: inout some Console) throws(UsageError)
    -> ExitCode
  {
    let options = try PurchaseOptions(parsed)
    let format = CSVFormat(encoding: try csvEncoding(parsed))
    let directory = parsed.values["out"] ?? "out"
    let input: WithWarnings<AllocationInput>
    do {
      input = try InputLoader.load(paths: parsed.positionals, purchaseFile: options.purchaseFile,
                                   overrides: options.overrides)
    } catch {
      return Diagnostics.reject(error, writesFiles: true, to: &console)
    }
    guard let purchase = input.value.purchase else { return .failure }
    let allocation: Allocation
    do {
      allocation = try Allocator(explains: parsed.flags.contains("explain"))
        .allocate(purchase, among: input.value.estimates)
    } catch {
      Diagnostics.warn(input.warnings, to: &console)
      console.errorLine("Error: \(error); nothing was written.")
      return .failure
    }
    let paths: [String]
    do {
      paths = try StatementSet(csvFormat: format).write(
        allocation, files: input.value.estimates.files, warnings: input.warnings, to: directory)
    } catch {
      Diagnostics.warn(input.warnings, to: &console)
      console.errorLine("Error: \(error); nothing was written.")
      return .failure
    }
    Diagnostics.warn(input.warnings, to: &console)
    Diagnostics.report(allocation, to: &console)
    console.write(AllocationSummary.text(allocation, statements: paths))
    return .success
  }

  static func csvEncoding(_ parsed: ParsedArguments) throws(UsageError) -> CSVFormat.Encoding {
    guard let text = parsed.values["csv-encoding"] else { return .utf8BOM }
    guard let encoding = CSVFormat.Encoding(rawValue: text) else {
      throw .invalidValue(option: "--csv-encoding <encoding>", value: text,
                          reason: "expected one of "
                            + CSVFormat.Encoding.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return encoding
  }
}

