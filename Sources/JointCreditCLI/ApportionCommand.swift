import ApportionmentModule
import JointCredit

/// `jointcredit apportion`: the rounding core on its own, over a CSV of weights.
enum ApportionCommand: Subcommand {
  static let spec = CommandSpec(
    name: "apportion",
    overview: "Apportion a total among weighted ids read from CSV (the rounding core on its own).",
    discussion: "Reads CSV with a header 'id,weight' (non-negative decimal weights) and writes "
      + "'id,weight,quota,allocation' to standard output in input order. Allocations are "
      + "multiples of the unit and add up to the total exactly; ties go to the larger weight, "
      + "then the smaller id.",
    arguments: [
      .init(
        name: "file", help: "The weights as CSV; '-' or nothing reads standard input.",
        optional: true)
    ],
    options: [
      .init(
        name: "total", valueName: "q", help: "The quantity to share, e.g. 100.",
        isRequired: true),
      .init(
        name: "unit", valueName: "u", help: "The step of the allocations, e.g. 0.1.",
        defaultValue: "1"),
      .init(
        name: "method", valueName: "method",
        help: "The rounding rule: "
          + ApportionmentMethod.allCases.map(\.nameWithAlias).joined(separator: ", ") + ".",
        defaultValue: ApportionmentMethod.largestRemainder.rawValue),
    ])

  static func run(
    _ parsed: ParsedArguments, console: inout some Console,
    standardInput: () -> Result<[UInt8], InputError>
  ) throws(UsageError) -> ExitCode {
    guard let totalSetting = try PurchaseOptions.quantity(parsed, "total") else {
      throw .missingArgument("--total <q>")
    }
    let unit = try PurchaseOptions.quantity(parsed, "unit")?.value ?? Quantity(tonnes: 1)
    let total = totalSetting.value
    let method =
      try parsed.values["method"].map { (text: String) throws(UsageError) in
        try PurchaseOptions.method(text, option: "--method <method>")
      } ?? .largestRemainder
    guard unit > .zero else {
      throw .invalidValue(
        option: "--unit <u>", value: parsed.values["unit"] ?? "",
        reason: "the unit must be greater than zero")
    }
    guard total >= .zero else {
      throw .invalidValue(
        option: "--total <q>", value: parsed.values["total"] ?? "",
        reason: "the total must not be negative")
    }
    guard total.isMultiple(of: unit) else {
      throw .invalidValue(
        option: "--total <q>", value: parsed.values["total"] ?? "",
        reason: "the total must be a whole multiple of the unit \(unit)")
    }
    let path = parsed.positionals.first ?? "-"
    let file: SubmissionFile
    if path == "-" {
      switch standardInput() {
      case .success(let bytes): file = SubmissionFile(path: "<stdin>", bytes: bytes)
      case .failure(let error):
        return Diagnostics.reject(InputErrors([error]), writesFiles: false, to: &console)
      }
    } else {
      do {
        guard let read = try SubmissionFiles.read([path]).first else { return .failure }
        file = read
      } catch {
        return Diagnostics.reject(error, writesFiles: false, to: &console)
      }
    }
    let table: WithWarnings<WeightTable>
    do {
      table = try WeightTable.read(file)
    } catch {
      return Diagnostics.reject(error, writesFiles: false, to: &console)
    }
    Diagnostics.warn(table.warnings, to: &console)
    let shares: WeightedShares
    do {
      shares = try table.value.apportion(total, unit: unit, method: method)
    } catch {
      let reason = error.message(
        items: "ids", weights: "weight", scope: "the total of ",
        unit: unit, method: method)
      console.errorLine("\(file.path): error: \(reason)")
      console.errorLine("Error: 1 problem in the input.")
      return .failure
    }
    Diagnostics.list(
      shares.ties.lazy.map { "warning: tie: \($0.summary(method: method, unit: unit))" },
      noun: .tie, to: &console)
    shares.write(format: CSVFormat(encoding: .utf8, lineEnding: .lf), to: &console)
    ProcessLifetime.keep(shares)
    return .success
  }
}
