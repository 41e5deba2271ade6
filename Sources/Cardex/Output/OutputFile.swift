#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where output goes: standard output, or a file written under a temporary
/// name and renamed into place only when the run succeeds, so a failed run
/// never leaves a half-written file and the previous file stays intact.
///
/// A path that names something other than a file (`/dev/null`, a named
/// pipe, a terminal) is written to directly, as standard output is: renaming
/// a file over it would replace the device or pipe itself.
public final class OutputFile {
  private let fd: Int32
  private let finalPath: String?
  private let temporaryPath: String?
  /// A device or pipe opened here, closed when done with.
  private let ownsStream: Bool
  private var committed = false
  private var closed = false
  /// Output not yet written: one `write` per 64 KB, not one per record.
  private var buffer: [UInt8] = []
  private static let bufferBytes = 1 << 16

  public struct Failure: Error, CustomStringConvertible {
    public var description: String

    init(description: String) {
      self.description = description
    }

    /// The last system call's error, about `path`.
    init(cannotWrite path: String) {
      description = "cannot write '\(path)': \(String(cString: strerror(errno)))"
    }
  }

  /// Standard output, or nowhere when `discarding` (the feed is not wanted).
  public init(discarding: Bool = false) {
    fd = discarding ? -1 : 1
    finalPath = nil
    temporaryPath = nil
    ownsStream = false
  }

  /// Writes straight into `descriptor`, which stays the caller's: for
  /// tests, which must not touch the process-wide signal cleanup that a
  /// file's temporary registers with.
  init(descriptor: Int32) {
    fd = descriptor
    finalPath = nil
    temporaryPath = nil
    ownsStream = false
  }

  /// Whether output goes out as it is made (standard output, a device, a
  /// pipe), rather than appearing whole at `commit` or not at all.
  public var streams: Bool { temporaryPath == nil }

  /// A file at `path` (or the file a link there names), created next to
  /// it as `.path.cardex-XXXXXX` first, with the replaced file's mode or,
  /// for a new file, the mode the umask allows. A link planted by another
  /// user in a shared folder is refused (`resolvingLinks`).
  public init(path: String) throws(Failure) {
    var status = stat()
    if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
      let fd = open(path, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else {
        throw Failure(cannotWrite: path)
      }
      self.fd = fd
      finalPath = nil
      temporaryPath = nil
      ownsStream = true
      return
    }
    // A symbolic link (a link in a project, or `/dev/stdout` with standard
    // output redirected to a file) stays a link: the file it names is the
    // one replaced, never the link, which as root could be a system one.
    let path = try Self.resolvingLinks(path)
    let (dir, base) = Self.split(path)
    StaleTemporaries.sweep(dir: dir, base: base)
    pthread_mutex_lock(SignalCleanup.naming)
    guard let template = SignalCleanup.watchTemplate("\(dir)/.\(base).cardex-XXXXXX") else {
      pthread_mutex_unlock(SignalCleanup.naming)
      throw Failure(cannotWrite: path)
    }
    let fd = mkstemp(template)
    let temporary = String(cString: template)
    pthread_mutex_unlock(SignalCleanup.naming)
    guard fd >= 0 else {
      SignalCleanup.forget()
      throw Failure(cannotWrite: path)
    }
    // Held until the process ends: another run's sweep leaves a locked
    // temporary alone, however old.
    _ = flock(fd, LOCK_EX | LOCK_NB)
    Self.setPermissions(fd, replacing: path)
    self.fd = fd
    self.ownsStream = false
    self.finalPath = path
    self.temporaryPath = temporary
  }

  /// The folder and name of a path.
  static func split(_ path: String) -> (dir: String, base: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let dir = String(path[..<slash])
    return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
  }

  /// Gives the new file the mode (and, where allowed, the owner and group)
  /// of the file it replaces, else the mode the umask leaves: a feed kept
  /// private (0600, or `umask 077`) stays private.
  static func setPermissions(_ fd: Int32, replacing path: String) {
    var old = stat()
    if stat(path, &old) == 0 {
      // Fails unless root (or for a group the user is in); the mode is
      // kept either way. Set-id bits are not carried over to a feed.
      _ = fchown(fd, old.st_uid, old.st_gid)
      fchmod(fd, old.st_mode & 0o777)
      return
    }
    // Read by setting it: the run has not started its threads yet.
    let mask = umask(0o022)
    umask(mask)
    fchmod(fd, 0o666 & ~mask)
  }

  public func write(_ bytes: [UInt8]) throws(Failure) {
    try append { $0 += bytes }
  }

  /// Lets `body` append to the buffer in place (an encoder writing a
  /// record), so that no record needs an array of its own.
  public func append(_ body: (inout [UInt8]) -> Void) throws(Failure) {
    guard fd >= 0 else { return }
    body(&buffer)
    if buffer.count >= Self.bufferBytes { try flush() }
  }

  /// Writes out what is buffered.
  public func flush() throws(Failure) {
    guard fd >= 0, !buffer.isEmpty else { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    try writeAll(buffer)
  }

  private func writeAll(_ bytes: [UInt8]) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(description: "cannot write output: \(String(cString: strerror(errno)))")
      }
      offset += n
    }
  }

  /// Makes the output visible: renames the temporary file over the target.
  public func commit() throws(Failure) {
    try flush()
    guard let finalPath, let temporaryPath else { return }
    let synced = fsync(fd) == 0
    let syncError = errno
    let closedOK = close(fd) == 0
    closed = true
    guard synced, closedOK else {
      throw Failure(description: "cannot write '\(finalPath)': \(String(cString: strerror(synced ? errno : syncError)))")
    }
    committed = true
    defer { SignalCleanup.forget() }
    guard rename(temporaryPath, finalPath) == 0 else {
      let message = String(cString: strerror(errno))
      unlink(temporaryPath)
      throw Failure(description: "cannot write '\(finalPath)': \(message)")
    }
  }

  deinit {
    if ownsStream { close(fd) }
    if let temporaryPath, !committed {
      if !closed { close(fd) }
      unlink(temporaryPath)
      SignalCleanup.forget()
    }
  }
}
