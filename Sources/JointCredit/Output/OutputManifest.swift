import Foundation

/// The list of files a run wrote into its output folder, kept in the folder as
/// `.jointcredit-manifest`, so that the next run replaces or removes only those and leaves every
/// other file as it is.
struct OutputManifest: Equatable {
  /// The manifest's file name in the output folder.
  static let fileName = ".jointcredit-manifest"
  private static let header =
    "# jointcredit 1: the files the last run wrote here; the next run replaces or removes only these"
  /// A manifest larger than this is not one JointCredit wrote.
  private static let sizeLimit = 64 << 20

  /// The files, as paths relative to the folder.
  var files: Set<String>

  init(files: Set<String>) {
    self.files = files
  }

  /// The manifest in a folder: empty when there is none; lines that are not a plain relative path
  /// are ignored, so that a damaged manifest can never name a file outside the folder.
  init(readingFrom folder: String) {
    let path = folder + "/" + Self.fileName
    guard FileSystem.kind(path) == .file,
      case .success(let bytes) = FileBytes.read(path, limit: Self.sizeLimit)
    else {
      files = []
      return
    }
    files = Set(
      String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).filter(
        Self.isPlainRelativePath))
  }

  /// The manifest's text: the header, then one path per line in UTF-8 byte order.
  var text: String {
    // Bytes compared where they are stored: comparing the strings' UTF-8 views through their
    // indices cost more than writing a million certificates' names.
    let sorted = files.sorted(by: UTF8Bytes.precedes)
    return ([Self.header] + sorted).joined(separator: "\n") + "\n"
  }

  /// A path inside the folder: no leading `/`, no `.` or `..` part, no control character.
  static func isPlainRelativePath(_ path: String) -> Bool {
    guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("#") else { return false }
    guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
      return false
    }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
      !$0.isEmpty && $0 != "." && $0 != ".."
    }
  }
}
