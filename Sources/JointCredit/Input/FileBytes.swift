import Foundation

/// Reads a whole file into bytes with one allocation for a regular file (no `Data` in between).
enum FileBytes {
  /// Why a file could not be read, as the system says it.
  struct Failure: Error {
    var reason: String
  }

  /// The file's bytes.
  static func read(_ path: String) -> Result<[UInt8], Failure> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(Failure(reason: String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      return .failure(Failure(reason: String(cString: strerror(errno))))
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      return .failure(Failure(reason: "It is a folder, not a file"))
    }
    // One byte more than the size, so that a regular file is read, end included, in one chunk.
    var chunkSize = max(Int(status.st_size), 0) + 1
    var result: [UInt8] = []
    while true {
      var failure: String?
      let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
        count = 0
        while count < chunkSize {
          let got = Foundation.read(descriptor, buffer.baseAddress! + count, chunkSize - count)
          if got < 0 {
            if errno == EINTR { continue }
            failure = String(cString: strerror(errno))
            return
          }
          if got == 0 { return }
          count += got
        }
      }
      if let failure { return .failure(Failure(reason: failure)) }
      if result.isEmpty { result = chunk } else { result.append(contentsOf: chunk) }
      if chunk.count < chunkSize { return .success(result) }
      chunkSize = 1 << 20
    }
  }
}

/// Reads one file named on the command line, with an input error naming it when it cannot.
public enum FileBytesReader {
  /// The file's bytes, or an error for its path.
  public static func read(_ path: String) -> Result<[UInt8], InputError> {
    FileBytes.read(path).mapError {
      InputError(.unreadable($0.reason.lowercased()), at: InputLocation(path))
    }
  }
}
