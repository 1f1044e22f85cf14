import Foundation

/// Everything an allocation needs, read and checked: the purchase and the estimates.
public struct AllocationInput: Sendable {
  /// The purchase parameters, when a lot was given.
  public var purchase: Purchase?
  /// The validated estimates.
  public var estimates: Estimates
}

/// Reads a purchase file, options and submission files in one pass, reporting every problem in
/// all of them together.
public enum InputLoader {
  /// Loads and checks all input.
  ///
  /// - Parameters:
  ///   - paths: submission files and folders.
  ///   - purchaseFile: the purchase file's path, if any.
  ///   - overrides: purchase parameters given as options; they win over the file's.
  ///   - requirePurchase: whether a missing lot is an error; when `false`, the purchase is only
  ///     checked if a lot was given.
  ///   - directory: the reference list of local governments.
  ///   - allowsUnknownCodes: whether a valid code the list lacks is a warning, not an error.
  /// - Throws: ``InputErrors`` with every problem in every input.
  public static func load(
    paths: [String], purchaseFile: String? = nil, overrides: PurchaseSettings = .init(),
    requirePurchase: Bool = true, directory: MunicipalityDirectory = .japan,
    allowsUnknownCodes: Bool = false
  ) throws(InputErrors) -> WithWarnings<AllocationInput> {
    var errors: [InputError] = []
    var warnings: [InputWarning] = []
    var settings = PurchaseSettings()
    var purchaseReadable = true
    if let purchaseFile {
      switch FileBytes.read(purchaseFile) {
      case .success(let bytes):
        let reading = PurchaseFile.read(SubmissionFile(path: purchaseFile, bytes: bytes))
        settings = reading.settings
        errors += reading.errors
        purchaseReadable = reading.isReadable
      case .failure(let failure):
        errors.append(
          InputError(
            .unreadable(failure.reason),
            at: InputLocation(purchaseFile)))
        purchaseReadable = false
      }
    }
    settings = settings.overridden(by: overrides)

    var estimates: Estimates?
    do {
      let files = try SubmissionFiles.read(paths)
      let read = try SubmissionReader(directory: directory, allowsUnknownCodes: allowsUnknownCodes)
        .read(consume files)
      estimates = read.value
      warnings += read.warnings
    } catch {
      errors += error.errors
      warnings += error.warnings
    }

    var purchase: Purchase?
    if purchaseReadable, requirePurchase || settings.lot != nil {
      do {
        let resolved = try settings.resolved()
        purchase = resolved.value
        warnings += resolved.warnings
      } catch {
        errors += error.errors
        warnings += error.warnings
      }
    }
    guard errors.isEmpty, let estimates else { throw InputErrors(errors, warnings: warnings) }
    return WithWarnings(
      AllocationInput(purchase: purchase, estimates: estimates),
      warnings: warnings)
  }
}
