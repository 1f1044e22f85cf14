import Foundation

/// A submission file's path and bytes, read but not yet decoded.
public struct SubmissionFile: Hashable, Sendable {
  /// The path as it was given; error messages name the file by it.
  public var path: String
  /// The file's content.
  public var bytes: [UInt8]

  /// Creates a file from its path and content.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// Creates a file from its path and text, as UTF-8.
  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// `csv` or `json`, by the file name's extension (in any case).
  public var format: InputFile.Format? {
    InputFile.Format(rawValue: (path as NSString).pathExtension.lowercased())
  }
}

/// Finds and reads the submission files that command-line inputs name.
public enum SubmissionFiles {
  /// Reads every input: a file as it is; a folder as every `.csv` and `.json` file directly in
  /// it, in name order (hidden files and Excel's `~$` lock files are skipped).
  ///
  /// The same file named twice (say, a folder and a file in it) is read once.
  ///
  /// - Parameter paths: files and folders, as given on the command line.
  /// - Returns: the files, sorted by path, so that nothing depends on argument order.
  /// - Throws: ``InputErrors`` naming each path that could not be read.
  public static func read(_ paths: [String]) throws(InputErrors) -> [SubmissionFile] {
    let manager = FileManager.default
    var errors: [InputError] = []
    var files: [SubmissionFile] = []
    var seen: Set<String> = []
    func add(_ path: String) {
      let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      guard seen.insert(key).inserted else { return }
      switch FileBytes.read(path) {
      case .success(let bytes): files.append(SubmissionFile(path: path, bytes: bytes))
      case .failure(let failure):
        errors.append(InputError(.unreadable(failure.reason), at: InputLocation(path)))
      }
    }
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        errors.append(InputError(.unreadable("no such file or folder"), at: InputLocation(path)))
        continue
      }
      if isDirectory.boolValue {
        let names: [String]
        do {
          names = try manager.contentsOfDirectory(atPath: path)
        } catch {
          errors.append(
            InputError(
              .unreadable("the folder could not be listed"),
              at: InputLocation(path)))
          continue
        }
        let wanted = names.filter { name in
          !name.hasPrefix(".") && !name.hasPrefix("~$")
            && SubmissionFile(path: name, bytes: []).format != nil
        }.sorted(by: UTF8Bytes.precedes)
        if wanted.isEmpty {
          errors.append(InputError(.noSubmissionFiles, at: InputLocation(path)))
        }
        for name in wanted { add((path as NSString).appendingPathComponent(name)) }
      } else if SubmissionFile(path: path, bytes: []).format == nil {
        errors.append(
          InputError(
            .unsupportedFileType((path as NSString).pathExtension),
            at: InputLocation(path)))
      } else {
        add(path)
      }
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
    return files.sorted { UTF8Bytes.precedes($0.path, $1.path) }
  }
}
