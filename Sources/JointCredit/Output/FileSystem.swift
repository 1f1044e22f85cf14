import Foundation

/// The few POSIX calls the output folder needs, spelled so that none of them follows a symbolic
/// link unless asked to.
package enum FileSystem {
  /// What a path names, without following a final symbolic link.
  enum Kind: Equatable {
    case missing
    case file
    case folder
    case symbolicLink
    /// A FIFO, socket or device.
    case other
  }

  /// What `path` names (`lstat`).
  static func kind(_ path: String) -> Kind {
    var status = stat()
    guard lstat(path, &status) == 0 else { return .missing }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    case S_IFLNK: return .symbolicLink
    default: return .other
    }
  }

  /// The text of the last system error.
  static var lastError: String { String(cString: strerror(errno)).lowercased() }

  /// The entries of a folder, sorted by their UTF-8 bytes; empty when it cannot be listed.
  static func entries(_ path: String) -> [String] {
    guard let folder = opendir(path) else { return [] }
    defer { closedir(folder) }
    var names: [String] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted(by: UTF8Bytes.precedes)
  }

  /// Removes a file or a folder and everything in it, never following a symbolic link (a link is
  /// removed, not what it points to). Errors are ignored: this tidies what the tool made.
  static func removeTree(_ path: String) {
    if kind(path) == .folder {
      for name in entries(path) { removeTree(path + "/" + name) }
      rmdir(path)
    } else {
      unlink(path)
    }
  }

  /// The folder's permission bits.
  static func mode(_ path: String) -> mode_t? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return status.st_mode & 0o7777
  }

  /// The device and inode a path names (following links), to tell whether two paths are one.
  static func identity(_ path: String) -> [UInt64]? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return [UInt64(status.st_dev), UInt64(status.st_ino)]
  }

  /// The device and inode of an open descriptor.
  static func identity(descriptor: Int32) -> [UInt64]? {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    return [UInt64(status.st_dev), UInt64(status.st_ino)]
  }

  /// The absolute path with every symbolic link and `.`/`..` resolved; `nil` when it does not
  /// exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Writes all the bytes to a descriptor, again after an interrupted or partial `write`.
  ///
  /// - Returns: `nil`, or the `errno` of the write that failed.
  package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
  }

  /// Swaps two paths in one step (`renameat2` with `RENAME_EXCHANGE`, Linux 3.15 and later):
  /// whoever looks sees either both before or both after, never neither.
  ///
  /// - Returns: `true` on success; `false` with `errno` set otherwise (`ENOSYS` or `EINVAL` when
  ///   the system or file system cannot swap).
  static func exchange(_ first: String, _ second: String) -> Bool {
    #if os(Linux)
      typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
      // Glibc has renameat2 since 2.28 but Swift's Glibc module does not declare it.
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
        errno = ENOSYS
        return false
      }
      let renameExchange: UInt32 = 2
      return unsafeBitCast(symbol, to: RenameAt2.self)(
        AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    #else
      errno = ENOSYS
      return false
    #endif
  }
}

/// An exclusive, advisory lock on a folder, held while the value lives or until the process ends
/// (the system drops it then, even after `kill -9`).
struct FolderLock: ~Copyable {
  private let descriptor: Int32

  /// Locks a folder without waiting.
  ///
  /// - Returns: `nil` when another process holds the lock.
  /// - Throws: ``OutputError`` when the folder cannot be opened.
  init?(_ path: String) throws(OutputError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { throw OutputError(path: path, reason: FileSystem.lastError) }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      return nil
    }
    self.descriptor = descriptor
  }

  /// Whether the locked folder is still the one at `path` (it is not once swapped away).
  func isStill(at path: String) -> Bool {
    FileSystem.identity(descriptor: descriptor) == FileSystem.identity(path)
  }

  /// Does nothing: called last, it keeps the lock held until then.
  func hold() {}

  deinit { close(descriptor) }
}
