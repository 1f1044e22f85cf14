import Foundation

/// One file for ``StagedDirectory`` to write: its name and what to write into it, in one piece or
/// in parts made on every core at once.
package struct StagedFile: Sendable {
  /// The file name, relative to the folder (it may contain subfolders).
  package var name: String
  /// How many parts the content is made in.
  package var parts: Int
  /// Writes one part of the content.
  package var render: @Sendable (_ part: Int, inout PartOutput) -> Void

  /// Creates a file to write in one piece.
  package init(_ name: String, render: @escaping @Sendable (inout PartOutput) -> Void) {
    self.init(name, parts: 1) { _, output in render(&output) }
  }

  /// Creates a file to write in parts: the file holds what `render` writes for part 0, then
  /// for part 1, and so on, whichever core makes each.
  package init(
    _ name: String, parts: Int, render: @escaping @Sendable (_ part: Int, inout PartOutput) -> Void
  ) {
    precondition(parts > 0, "a file has at least one part")
    self.name = name
    self.parts = parts
    self.render = render
  }
}

/// Writes a set of files as one whole: the folder holds the previous set or the new one, never a
/// mix, whenever the process stops.
///
/// The new set is written into a hidden staging folder beside the output folder; the staging
/// folder receives a hard link to every entry of the output folder that an earlier run did not
/// write (its manifest says which), and then the two folders swap places in one `rename` step
/// (`RENAME_EXCHANGE`). Only then is the previous set removed. So:
///
/// - after `kill -9` at any moment, the output folder holds the previous complete set or the new
///   one; the next run removes the staging folder a dead run left;
/// - SIGINT, SIGTERM and SIGHUP remove the staging folder first (see ``Interruption``);
/// - a second run into a folder that a live run is writing is refused (an advisory lock);
/// - only files listed in the folder's manifest (`.jointcredit-manifest`, the files the last run
///   wrote) are replaced or removed; any other entry is kept as it is, and one standing where a
///   file must go (a folder named `allocation.csv`, a symbolic link named `statements`) is an
///   error, so nothing is ever written through a link out of the folder;
/// - a run that fails removes every folder it created.
///
/// Files are written concurrently, one per core; a file made in parts (``StagedFile/parts``) has
/// its parts made on every core and written in their order.
package struct StagedDirectory: Sendable {
  /// The folder the files go to, as given.
  package let directory: String

  /// Prepares to write into a folder. Nothing is created until ``write(_:commitIf:)``.
  package init(directory: String) {
    self.directory = directory
  }

  /// The path a file of this name has once written.
  package func path(of name: String) -> String {
    (directory as NSString).appendingPathComponent(name)
  }

  /// The file that marks a folder as a closed, retired record.
  package static let retiredMarker = ".jointcredit-retired"

  /// Rewrites an existing folder as one whole set: `make` is given the folder's real path while
  /// the folder is locked, reads what it needs, and returns every file of the new set (the files
  /// the last run wrote that it leaves out are removed; foreign files stay).
  ///
  /// - Throws: ``OutputError`` when the folder does not exist, another run holds it, or `make`
  ///   or a write fails; then the folder is as it was.
  package func update(_ make: (_ folder: String) throws(OutputError) -> [StagedFile])
    throws(OutputError) -> [String]
  {
    guard
      FileSystem.kind(directory) == .folder
        || FileSystem.realPath(directory).map(FileSystem.kind) == .folder
    else { throw OutputError(path: directory, reason: "is not a folder") }
    return try commit(refusingRetired: false, work: [], shouldCommit: { true }, make)
  }

  /// Writes every file, then puts the whole set in place in one step.
  ///
  /// - Parameters:
  ///   - files: the files, started in this order (put the largest first), except that the
  ///     parts of files made in parts come first, round by round.
  ///   - work: jobs started before the files, on the same cores: what some files wait for
  ///     (a workbook's sheets), so that it shares the cores with the other files.
  ///   - shouldCommit: asked once every file is written; `false` discards them all (when what
  ///     was written turns out to be unusable).
  /// - Returns: the final paths, in the order of `files`; empty when `shouldCommit` said no.
  /// - Throws: ``OutputError`` when a file cannot be written, another run holds the folder, or an
  ///   entry that JointCredit did not write stands where a file must go; then the folder is as
  ///   it was.
  package func write(
    _ files: [StagedFile], alongside work: [@Sendable () -> Void] = [],
    commitIf shouldCommit: () -> Bool = { true }
  ) throws(OutputError) -> [String] {
    try commit(refusingRetired: true, work: work, shouldCommit: shouldCommit) {
      _ throws(OutputError) in files
    }
  }

  /// Locks the folder, gets the files from `make`, writes them and swaps the set in; on any
  /// failure removes the folders the write created.
  private func commit(
    refusingRetired: Bool, work: [@Sendable () -> Void], shouldCommit: () -> Bool,
    _ make: (_ folder: String) throws(OutputError) -> [StagedFile]
  ) throws(OutputError) -> [String] {
    var target = try OutputTarget.open(directory)
    do throws(OutputError) {
      // A retired record is closed: nothing replaces what was filed at the registry.
      if refusingRetired, FileSystem.kind(target.path + "/" + Self.retiredMarker) == .file {
        throw OutputError(
          path: directory,
          reason: "holds a retired record (written by jointcredit retire) and is never "
            + "rewritten: write a revision into another folder, giving this one's "
            + "allocation.json as the retired record")
      }
      let files = try make(target.path)
      let names = files.map(\.name)
      if let bad = names.first(where: { !OutputManifest.isPlainRelativePath($0) }) {
        throw OutputError(path: path(of: bad), reason: "is not a plain path inside the folder")
      }
      guard try target.commit(files, alongside: work, shouldCommit: shouldCommit) else {
        target.removeCreatedFolders()
        return []
      }
      return names.map(path(of:))
    } catch {
      target.removeCreatedFolders()
      throw error
    }
  }
}

/// The output folder of one write: resolved, locked, and the folders created to reach it.
private struct OutputTarget: ~Copyable {
  /// The folder's real path (links resolved), its parent and its own name.
  let path: String
  let parent: String
  let name: String
  /// Folders this write created, outermost first (the folder itself last, when it was made).
  private(set) var created: [String]
  private let lock: FolderLock

  /// Resolves the folder (creating it and its parents when missing) and locks it.
  static func open(_ given: String) throws(OutputError) -> OutputTarget {
    var created: [String] = []
    let absolute =
      given.hasPrefix("/")
      ? given : FileManager.default.currentDirectoryPath + "/" + given
    switch FileSystem.kind(absolute) {
    case .folder: break
    case .symbolicLink where FileSystem.realPath(absolute).map(FileSystem.kind) == .folder: break
    case .missing:
      // Make each missing folder on the way, remembering which, so that a failure removes them.
      var prefix = ""
      for part in absolute.split(separator: "/") {
        prefix += "/" + part
        guard FileSystem.kind(prefix) == .missing else { continue }
        guard mkdir(prefix, 0o777) == 0 else {
          let reason = FileSystem.lastError
          for folder in created.reversed() { rmdir(folder) }
          throw OutputError(path: prefix, reason: "the folder cannot be created: \(reason)")
        }
        created.append(prefix)
      }
    default:
      throw OutputError(path: given, reason: "is not a folder")
    }
    guard let real = FileSystem.realPath(absolute), real != "/" else {
      for folder in created.reversed() { rmdir(folder) }
      throw OutputError(path: given, reason: "cannot be used as an output folder")
    }
    let parent = (real as NSString).deletingLastPathComponent
    let name = (real as NSString).lastPathComponent
    let lock: FolderLock?
    do {
      lock = try FolderLock(real)
    } catch {
      for folder in created.reversed() { rmdir(folder) }
      throw error
    }
    // Another run holds the folder: the folders made on the way are its now too, so they stay.
    guard let lock, lock.isStill(at: real) else {
      throw OutputError(
        path: given,
        reason: "another jointcredit run is writing to this folder; wait for it to finish, "
          + "or choose another output folder")
    }
    return OutputTarget(path: real, parent: parent, name: name, created: created, lock: lock)
  }

  private init(
    path: String, parent: String, name: String, created: [String], lock: consuming FolderLock
  ) {
    self.path = path
    self.parent = parent
    self.name = name
    self.created = created
    self.lock = lock
  }

  /// The prefix of staging folders beside this one: `.<name>.jointcredit-`.
  private var stagingPrefix: String { ".\(name).jointcredit-" }

  /// Removes the folders this write created, innermost first, if they are empty.
  func removeCreatedFolders() {
    for folder in created.reversed() { rmdir(folder) }
  }

  /// Writes the files into a staging folder and swaps it in; `false` when `shouldCommit` said no.
  mutating func commit(
    _ files: [StagedFile], alongside work: [@Sendable () -> Void], shouldCommit: () -> Bool
  ) throws(OutputError) -> Bool {
    sweepDeadStagingFolders()
    let manifest = OutputManifest(readingFrom: path)
    let names = files.map(\.name)
    try checkNothingInTheWay(of: names, manifest: manifest)

    let token = "\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    let staging = parent + "/" + stagingPrefix + token
    guard mkdir(staging, 0o700) == 0 else {
      throw OutputError(path: staging, reason: "cannot create: \(FileSystem.lastError)")
    }
    let registration = Interruption.register(staging)
    var keepStaging = false
    defer {
      if !keepStaging {
        FileSystem.removeTree(staging)
        Interruption.unregister(registration)
      }
    }
    // Held until this run ends, so that no other run takes the folder for a dead run's.
    guard let stagingLock = try FolderLock(staging) else {
      throw OutputError(path: staging, reason: "is locked by another process")
    }
    defer { stagingLock.hold() }

    try Self.writeFiles(files, alongside: work, into: staging)
    guard shouldCommit() else { return false }
    var carried = Set<String>()
    try carry("", from: path, into: staging, manifest: manifest, carried: &carried)
    try Self.writeManifest(OutputManifest(files: Set(names)), into: staging)
    if let mode = FileSystem.mode(path) { chmod(staging, mode) }

    try Interruption.withoutInterruption { () throws(OutputError) in
      if FileSystem.exchange(staging, path) {
        // The previous set now sits at the staging path; it is what an interruption removes.
        return
      }
      // A file system that cannot swap: move the old set aside, then the new one in.
      let reason = FileSystem.lastError
      guard errno == EINVAL || errno == ENOSYS || errno == EXDEV,
        rename(path, staging + ".old") == 0
      else {
        throw OutputError(path: path, reason: "cannot replace the folder: \(reason)")
      }
      guard rename(staging, path) == 0 else {
        let reason = FileSystem.lastError
        rename(staging + ".old", path)
        throw OutputError(path: path, reason: "cannot replace the folder: \(reason)")
      }
      rename(staging + ".old", staging)
    }
    keepStaging = true
    created.removeAll()
    // Entries that appeared in the old folder while this run wrote are moved over, not lost.
    keepLateArrivals(from: staging, carried: carried, manifest: manifest)
    FileSystem.removeTree(staging)
    Interruption.unregister(registration)
    return true
  }

  /// Removes staging folders beside this one that no live process holds (a run killed with
  /// `kill -9` leaves one).
  private func sweepDeadStagingFolders() {
    for entry in FileSystem.entries(parent) where entry.hasPrefix(stagingPrefix) {
      let stale = parent + "/" + entry
      guard FileSystem.kind(stale) == .folder else { continue }
      // One that cannot be opened, or that a live run holds, is left for later.
      if let lock = try? FolderLock(stale) {
        FileSystem.removeTree(stale)
        _ = consume lock
      }
    }
  }

  /// Refuses an entry that stands where a file must go and that JointCredit did not write.
  private func checkNothingInTheWay(of names: [String], manifest: OutputManifest)
    throws(OutputError)
  {
    var folders = Set<String>()
    for name in names {
      var parts = name.split(separator: "/").map(String.init)
      parts.removeLast()
      var prefix = ""
      for part in parts {
        prefix += (prefix.isEmpty ? "" : "/") + part
        folders.insert(prefix)
      }
    }
    for folder in folders.sorted() {
      switch FileSystem.kind(path + "/" + folder) {
      case .missing, .folder: continue
      case .symbolicLink:
        throw OutputError(
          path: path + "/" + folder,
          reason: "is a symbolic link; jointcredit writes only inside the output folder and never "
            + "through a link: remove the link or choose another output folder")
      default:
        throw OutputError(
          path: path + "/" + folder,
          reason: "is in the way: a folder of statements goes there; move it away or choose "
            + "another output folder")
      }
    }
    for name in names + [OutputManifest.fileName] {
      let kind = FileSystem.kind(path + "/" + name)
      let ours = name == OutputManifest.fileName || manifest.files.contains(name)
      if kind == .missing || (kind == .file && ours) { continue }
      throw OutputError(
        path: path + "/" + name,
        reason: "is in the way: jointcredit did not write it (it is not in "
          + "\(OutputManifest.fileName)), so it will not replace it; move it away or choose "
          + "another output folder")
    }
  }

  /// Writes every file into the staging folder, concurrently, after starting `work`.
  private static func writeFiles(
    _ files: [StagedFile], alongside work: [@Sendable () -> Void], into staging: String
  ) throws(OutputError) {
    let folders = Set(files.map { ($0.name as NSString).deletingLastPathComponent })
      .filter { !$0.isEmpty }
      .sorted()
    for folder in folders {
      var prefix = staging
      for part in folder.split(separator: "/") {
        prefix += "/" + part
        if FileSystem.kind(prefix) == .missing, mkdir(prefix, 0o777) != 0 {
          throw OutputError(path: prefix, reason: "cannot create: \(FileSystem.lastError)")
        }
      }
    }
    // The parts of every file, each a job: the files made in parts first, round by round
    // (each one's first part, then each one's second), so that each file's parts come in order
    // and little waits in memory for its turn; then the whole files, in order. (Giving one core
    // a round's parts of all three files, so that it alone reads those events, measured the
    // same.)
    let rounds = files.lazy.map(\.parts).max() ?? 0
    let parted = files.indices.filter { files[$0].parts > 1 }
    let jobs =
      (0..<rounds).flatMap { part in parted.filter { part < files[$0].parts }.map { ($0, part) } }
      + files.indices.filter { files[$0].parts == 1 }.map { ($0, 0) }
    let shared = files.map { file in
      file.parts > 1 ? PartedFile(path: staging + "/" + file.name, parts: file.parts) : nil
    }
    // Taken in order, so that the work is started before any file that waits for it, and a
    // file's parts one after the other.
    let failures = CoreRanges.map(work.count + jobs.count) { job -> OutputError? in
      guard job >= work.count else {
        work[job]()
        return nil
      }
      let (index, part) = jobs[job - work.count]
      let file = shared[index] ?? PartedFile(path: staging + "/" + files[index].name, parts: 1)
      var output = PartOutput(file, part: part)
      files[index].render(part, &output)
      output.finish()
      return shared[index] == nil ? file.failure : nil
    }
    // The first file, in the order given, that could not be written.
    var failed = shared.map { $0?.failure }
    for (job, failure) in zip(jobs, failures.dropFirst(work.count)) where failure != nil {
      failed[job.0] = failure
    }
    if let failure = failed.lazy.compactMap({ $0 }).first { throw failure }
  }

  private static func writeManifest(_ manifest: OutputManifest, into staging: String)
    throws(OutputError)
  {
    var output = try FileOutput(path: staging + "/" + OutputManifest.fileName)
    output.write(manifest.text)
    try output.close()
  }

  /// Links into the staging folder every entry of the output folder that is not JointCredit's:
  /// the hard link is the same file, so nothing is copied and nothing is changed.
  private func carry(
    _ relative: String, from folder: String, into staging: String, manifest: OutputManifest,
    carried: inout Set<String>
  ) throws(OutputError) {
    for entry in FileSystem.entries(folder + "/" + relative) {
      let name = relative.isEmpty ? entry : relative + "/" + entry
      if name == OutputManifest.fileName || manifest.files.contains(name)
        || LegacyTemporary.matches(entry)
      {
        continue
      }
      let source = folder + "/" + name, destination = staging + "/" + name
      if FileSystem.kind(source) == .folder {
        // A folder is carried when it holds something to keep, or nothing at all.
        if FileSystem.entries(source).isEmpty {
          try makeFolders(name, in: staging, like: folder)
          carried.insert(name)
        }
        try carry(name, from: folder, into: staging, manifest: manifest, carried: &carried)
        continue
      }
      try makeFolders((name as NSString).deletingLastPathComponent, in: staging, like: folder)
      // linkat without AT_SYMLINK_FOLLOW links a symbolic link itself, never its target.
      guard linkat(AT_FDCWD, source, AT_FDCWD, destination, 0) == 0 else {
        throw OutputError(
          path: source,
          reason: "cannot be kept in the new set of statements: \(FileSystem.lastError)")
      }
      carried.insert(name)
    }
  }

  /// Creates each missing folder of a relative path in `root`, with the permissions the same
  /// folder has in `model`.
  private func makeFolders(_ relative: String, in root: String, like model: String)
    throws(OutputError)
  {
    var prefix = ""
    for part in relative.split(separator: "/") {
      prefix += (prefix.isEmpty ? "" : "/") + part
      let made = root + "/" + prefix
      guard FileSystem.kind(made) == .missing else { continue }
      guard mkdir(made, FileSystem.mode(model + "/" + prefix) ?? 0o755) == 0 else {
        throw OutputError(path: made, reason: "cannot create: \(FileSystem.lastError)")
      }
    }
  }

  /// Moves into the new folder whatever appeared in the old one after it was linked over.
  private func keepLateArrivals(from old: String, carried: Set<String>, manifest: OutputManifest) {
    func visit(_ relative: String) {
      for entry in FileSystem.entries(old + "/" + relative) {
        let name = relative.isEmpty ? entry : relative + "/" + entry
        if name == OutputManifest.fileName || manifest.files.contains(name)
          || LegacyTemporary.matches(entry)
        {
          continue
        }
        if FileSystem.kind(old + "/" + name) == .folder {
          visit(name)
        } else if !carried.contains(name), FileSystem.kind(path + "/" + name) == .missing {
          // Best effort: an entry that cannot be moved goes with the old folder (a race with a run
          // in progress; docs/reliability.md says so).
          try? makeFolders((name as NSString).deletingLastPathComponent, in: path, like: old)
          rename(old + "/" + name, path + "/" + name)
        }
      }
    }
    visit("")
  }
}

/// The temporary files of JointCredit 0.x, which renamed files one by one:
/// `.<name>.<pid>-<8 hex digits>.tmp` or `.old`. They are dropped, never kept.
private enum LegacyTemporary {
  static func matches(_ entry: String) -> Bool {
    guard entry.hasPrefix("."), entry.hasSuffix(".tmp") || entry.hasSuffix(".old") else {
      return false
    }
    let stem = entry.dropLast(4)
    guard let dot = stem.lastIndex(of: ".") else { return false }
    let token = stem[stem.index(after: dot)...]
    let parts = token.split(separator: "-")
    return parts.count == 2 && parts[0].allSatisfy(\.isNumber) && parts[1].count == 8
      && parts[1].allSatisfy(\.isHexDigit)
  }
}
