import JointCredit

/// What `allocate`, `validate` and `explain` share: read every input with the purchase options,
/// allocate, and report problems (with the warnings) the same way.
enum AllocationJob {
  /// `--allow-unknown-codes`: a valid local government code missing from the built-in list is a
  /// warning, not an error.
  static let allowUnknownCodes = CommandSpec.Option(
    name: "allow-unknown-codes", valueName: nil,
    help: "Accept, with a warning, a local government code with a valid check digit that the "
      + "built-in list of Japan's local governments (\(MunicipalityDirectory.japanListDate)) "
      + "lacks, such as a new or merged municipality's.")

  /// The input read and, when a lot was given, its allocation.
  struct Outcome: Sendable {
    var input: WithWarnings<AllocationInput>
    var allocation: Allocation?
  }

  /// Reads and allocates; prints the warnings, and on failure every problem.
  ///
  /// - Parameters:
  ///   - requirePurchase: whether a missing lot is an error (else the allocation is skipped).
  ///   - explanations: which shares carry their explanations.
  ///   - writesFiles: whether failure messages say that nothing was written.
  ///   - language: the language of the messages (after their `error:` or `warning:` prefix).
  ///   - explanationLanguage: the language of the explanations (English for allocation.json).
  /// - Returns: the outcome, or `nil` when the command must end with exit status 1.
  static func run(
    _ parsed: ParsedArguments, requirePurchase: Bool = true,
    explanations: Allocator.Explanations = .none,
    writesFiles: Bool, language: StatementLanguage = .en,
    explanationLanguage: StatementLanguage = .en, console: inout some Console
  ) throws(UsageError) -> Outcome? {
    let options = try PurchaseOptions(parsed)
    let input: WithWarnings<AllocationInput>
    do {
      input = try InputLoader.load(
        paths: parsed.positionals, purchaseFile: options.purchaseFile,
        overrides: options.overrides, requirePurchase: requirePurchase,
        allowsUnknownCodes: parsed.flags.contains(allowUnknownCodes.name))
    } catch {
      _ = Diagnostics.reject(
        error, writesFiles: writesFiles, language: language, to: &console)
      return nil
    }
    Diagnostics.warn(input.warnings, language: language, to: &console)
    guard let purchase = input.value.purchase else {
      ProcessLifetime.keep(input)
      return requirePurchase ? nil : Outcome(input: input, allocation: nil)
    }
    // A revision of a retired allocation keeps what was retired.
    var revision: Revision?
    if let path = parsed.values["retired"] {
      do throws(InputErrors) {
        let file: SubmissionFile
        switch FileBytesReader.read(path) {
        case .success(let bytes): file = SubmissionFile(path: path, bytes: bytes)
        case .failure(let error): throw InputErrors([error])
        }
        revision = try Revision(
          purchase, estimates: input.value.estimates, retired: RetiredAllocation.read(file))
      } catch {
        _ = Diagnostics.reject(
          error, writesFiles: writesFiles, language: language, to: &console)
        return nil
      }
    }
    do throws(AllocationError) {
      let allocator = Allocator(explaining: explanations, in: explanationLanguage)
      let allocation =
        if let revision {
          try allocator.allocate(revision)
        } else {
          try allocator.allocate(purchase, among: input.value.estimates)
        }
      let outcome = Outcome(input: input, allocation: allocation)
      ProcessLifetime.keep(outcome)
      return outcome
    } catch {
      console.errorLine(
        Diagnostics.failure(error.message(language), writesFiles: writesFiles, language))
      return nil
    }
  }
}
