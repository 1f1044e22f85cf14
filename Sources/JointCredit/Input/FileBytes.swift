import Foundation

/// Reads a whole regular file into bytes, with one allocation (no `Data` in between) and a limit
/// on its size, so that a FIFO, a device such as `/dev/zero` or a runaway file is a clear error
/// instead of a hang or an exhausted memory.
enum FileBytes {
  /// The largest file read: 1 GiB, room for more than ten million events.
  static let defaultLimit = 1 << 30

  /// Why a file could not be read, as the system says it or as a sentence of ours.
  struct Failure: Error {
    /// The reason, starting in lower case so that it can follow "cannot read: ".
    var reason: String

    init(reason: String) {
      self.reason = reason.prefix(1).lowercased() + reason.dropFirst()
    }
  }

  /// The size from which a file is read in parts at once, one per core.
  static let partsFrom = 8 << 20

  /// The file's bytes.
  ///
  /// - Parameters:
  ///   - limit: the most bytes accepted; a larger file is a failure that says so.
  ///   - partsFrom: the size from which the file is read in parts at once, one per core: the
  ///     kernel's copy and the new memory's pages then cost each core a part (a national file
  ///     is 60 MB).
  static func read(_ path: String, limit: Int = defaultLimit, partsFrom: Int = partsFrom)
    -> Result<[UInt8], Failure>
  {
    // Non-blocking, so that opening a FIFO returns at once (and is then refused) instead of
    // waiting for a writer.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      return .failure(Failure(reason: String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      return .failure(Failure(reason: String(cString: strerror(errno))))
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(Failure(reason: "It is a folder, not a file"))
    case S_IFIFO: return .failure(Failure(reason: "It is a FIFO (named pipe), not a regular file"))
    case S_IFCHR, S_IFBLK: return .failure(Failure(reason: "It is a device, not a regular file"))
    case S_IFSOCK: return .failure(Failure(reason: "It is a socket, not a regular file"))
    default: return .failure(Failure(reason: "It is not a regular file"))
    }
    let size = max(Int(status.st_size), 0)
    guard size <= limit else { return .failure(tooLarge(limit)) }
    let parts = CoreRanges.parts(atMost: size / max(partsFrom, 1))
    if parts > 1, var bytes = readInParts(descriptor, size: size, parts: parts) {
      // Bytes written after the size was taken are read on, as one read would have; appending
      // none (the usual case) leaves the bytes read where they are.
      guard lseek(descriptor, off_t(size), SEEK_SET) == off_t(size) else {
        return .failure(Failure(reason: String(cString: strerror(errno))))
      }
      return readAll(descriptor, limit: limit - size).map { tail in
        bytes.append(contentsOf: tail)
        return bytes
      }
    }
    return readAll(descriptor, expected: size, limit: limit)
  }

  /// Where the parts' bytes go: each part writes its own range, and only while it is read.
  private struct Destination: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt8>
  }

  /// The first `size` bytes of a regular file, read in `parts` ranges at once with `pread`;
  /// `nil` when a part could not be read whole (the file shrank, or a read failed), for the
  /// caller to read it in one go and report what it finds.
  private static func readInParts(_ descriptor: Int32, size: Int, parts: Int) -> [UInt8]? {
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      let destination = Destination(base: base)
      let whole = CoreRanges.map(parts) { part in
        let range = size * part / parts..<size * (part + 1) / parts
        var offset = range.lowerBound
        while offset < range.upperBound {
          let got = pread(
            descriptor, destination.base + offset, range.upperBound - offset, off_t(offset))
          if got < 0, errno == EINTR { continue }
          guard got > 0 else { return false }
          offset += got
        }
        return true
      }
      count = whole.allSatisfy { $0 } ? size : 0
    }
    return bytes.count == size ? bytes : nil
  }

  /// Everything a descriptor yields (standard input, say), up to `limit` bytes.
  static func readAll(_ descriptor: Int32, expected: Int = 0, limit: Int = defaultLimit)
    -> Result<[UInt8], Failure>
  {
    // One byte more than expected, so that a regular file is read, end included, in one chunk.
    var chunkSize = min(expected, limit) + 1
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
      if result.count > limit { return .failure(tooLarge(limit)) }
      if chunk.count < chunkSize { return .success(result) }
      chunkSize = 1 << 20
    }
  }

  private static func tooLarge(_ limit: Int) -> Failure {
    Failure(
      reason: "It is larger than \(limit) bytes, the most JointCredit reads from one file; "
        + "split it into several files")
  }
}

/// Reads one file named on the command line, with an input error naming it when it cannot.
public enum FileBytesReader {
  /// The file's bytes, or an error for its path.
  public static func read(_ path: String) -> Result<[UInt8], InputError> {
    FileBytes.read(path).mapError {
      InputError(.unreadable($0.reason), at: InputLocation(path))
    }
  }

  /// Standard input's bytes, up to the same limit as a file's.
  public static func readStandardInput() -> Result<[UInt8], InputError> {
    FileBytes.readAll(0).mapError {
      InputError(.unreadable($0.reason), at: InputLocation("<stdin>"))
    }
  }
}
