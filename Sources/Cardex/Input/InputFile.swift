#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input text read in chunks, so that memory does not grow with the input.
///
/// A file is checked when named and opened only when its turn comes: its
/// first read opens it, and the end of it closes it and lets its buffer go.
/// A run over 100 000 files then holds one descriptor and one buffer at a
/// time, not one of each per file (which ran out of descriptors at 1 024
/// files and took 4 GB at 16 000).
public final class InputFile {
  public let name: String
  /// A pipe, socket or terminal (or another character device): input that
  /// arrives over time, as from `tail -f`, whose records are written out
  /// as its lines arrive instead of when a buffer fills.
  public let isStream: Bool
  private let path: String?
  /// -1 until the first read, and again once the input has ended.
  private var fd: Int32
  private var ended = false
  /// Reused by every read, so reading costs no allocation per chunk.
  private var buffer: [UInt8] = []

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Names `path`, or standard input for `-`. A missing, unreadable or
  /// directory path is refused here, before any output is written; the
  /// file is opened at its first read.
  public init(path: String) throws(Failure) {
    name = path
    if path == "-" {
      self.path = nil
      fd = 0
      var info = stat()
      isStream = fstat(0, &info) == 0 && Self.streams(info.st_mode)
      return
    }
    self.path = path
    fd = -1
    var info = stat()
    guard stat(path, &info) == 0, access(path, R_OK) == 0 else {
      throw Failure(description: "cannot open '\(path)': \(String(cString: strerror(errno)))")
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw Failure(description: "cannot read '\(path)': it is a directory")
    }
    isStream = Self.streams(info.st_mode)
  }

  private static func streams(_ mode: mode_t) -> Bool {
    let type = mode & S_IFMT
    return type == S_IFIFO || type == S_IFSOCK || type == S_IFCHR
  }

  /// How long a stream may be silent before the lines read so far are
  /// decided without waiting for the lines below them: records then come
  /// out within about this long of their line, while a pipe that keeps
  /// bytes coming is read as a file is.
  public static let pauseMilliseconds: Int32 = 50

  /// Whether more input is ready within `milliseconds`; true at once for
  /// anything but a stream (a read will not wait), and at the end of the
  /// input (a read returns at once).
  public func hasInput(within milliseconds: Int32) throws(Failure) -> Bool {
    guard isStream, !ended else { return true }
    try openIfNeeded()
    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    while true {
      let n = poll(&p, 1, milliseconds)
      if n < 0 && errno == EINTR { continue }
      return n != 0
    }
  }

  private func openIfNeeded() throws(Failure) {
    guard fd < 0, let path else { return }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw Failure(description: "cannot open '\(path)': \(String(cString: strerror(errno)))")
    }
    self.fd = fd
  }

  /// Closes the file (never standard input) and lets the buffer go.
  private func release() {
    ended = true
    buffer = []
    if path != nil, fd >= 0 { close(fd) }
    fd = -1
  }

  /// Whether the input is open now: for tests of how many are.
  var isOpen: Bool { path != nil && fd >= 0 }

  /// Reads at most one chunk; calls `body` unless the input has ended.
  public func readChunk(size: Int = 1 << 20, _ body: (ArraySlice<UInt8>) -> Void) throws(Failure) {
    guard !ended else { return }
    try openIfNeeded()
    if buffer.count != size { buffer = [UInt8](repeating: 0, count: size) }
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, size) }
      if n < 0 {
        if errno == EINTR { continue }
        let message = String(cString: strerror(errno))
        release()
        throw Failure(description: "cannot read '\(name)': \(message)")
      }
      if n > 0 { body(buffer[0..<n]) } else { release() }
      return
    }
  }

  /// Reads the whole input chunk by chunk, calling `body` with each, and
  /// `paused` each time a stream has been silent for `pauseMilliseconds`
  /// (then the read waits for more).
  public func forEachChunk(size: Int = 1 << 16, paused: () -> Void = {}, _ body: (ArraySlice<UInt8>) -> Void) throws(Failure) {
    var more = true
    while more {
      more = false
      if !(try hasInput(within: Self.pauseMilliseconds)) { paused() }
      try readChunk(size: size) { chunk in
        body(chunk)
        more = true
      }
    }
  }

  deinit {
    if path != nil, fd >= 0 { close(fd) }
  }
}
