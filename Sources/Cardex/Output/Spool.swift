#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bytes set aside to be written later: in memory up to `memoryBytes`, then
/// in a nameless temporary file.
///
/// The JSON feed's keys are sorted, so its diagnostics and fixtures follow
/// every bout; they wait here while the bouts stream out, and memory stays
/// flat however many there are. The file has no name (`O_TMPFILE`, or a
/// name removed at once), so a run that dies leaves nothing behind.
final class Spool {
  private var buffer: [UInt8] = []
  private var fd: Int32 = -1
  /// Bytes spooled so far.
  private(set) var count = 0
  /// Kept in memory before a file is made: a feed of a few articles never
  /// touches the disk.
  let memoryBytes: Int

  init(memoryBytes: Int = 1 << 20) {
    self.memoryBytes = memoryBytes
  }

  var isEmpty: Bool { count == 0 }

  /// Lets `body` append to the spool in place.
  func append(_ body: (inout [UInt8]) -> Void) throws(OutputFile.Failure) {
    let before = buffer.count
    body(&buffer)
    count += buffer.count - before
    if buffer.count >= memoryBytes { try spill() }
  }

  /// Everything spooled, less its first `skipping` bytes, written to `sink`
  /// a piece at a time; the spool is empty after.
  func drain(skipping: Int, into sink: OutputFile) throws(OutputFile.Failure) {
    defer {
      buffer = []
      count = 0
      if fd >= 0 { close(fd) }
      fd = -1
    }
    guard fd >= 0 else {
      try sink.append { $0.append(contentsOf: buffer.dropFirst(skipping)) }
      return
    }
    try spill()
    guard lseek(fd, 0, SEEK_SET) == 0 else { throw Self.failure("cannot read back a temporary file") }
    var piece = [UInt8](repeating: 0, count: max(memoryBytes, 1 << 16))
    var skip = skipping
    while true {
      let n = piece.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw Self.failure("cannot read back a temporary file")
      }
      if n == 0 { return }
      let from = min(skip, n)
      skip -= from
      try sink.append { $0.append(contentsOf: piece[from..<n]) }
    }
  }

  /// Moves what is in memory to the file, making the file first.
  private func spill() throws(OutputFile.Failure) {
    if fd < 0 { fd = try Self.makeFile() }
    var offset = 0
    while offset < buffer.count {
      let n = buffer[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw Self.failure("cannot write a temporary file in \(Self.folder)")
      }
      offset += n
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// `$TMPDIR`, else `/tmp`.
  static var folder: String {
    guard let dir = getenv("TMPDIR").map({ String(cString: $0) }), !dir.isEmpty else { return "/tmp" }
    return dir
  }

  private static func makeFile() throws(OutputFile.Failure) -> Int32 {
    #if os(Linux)
      // O_TMPFILE (not imported by Glibc's module): a file with no name.
      let nameless = open(folder, O_RDWR | O_CLOEXEC | O_DIRECTORY | 0o20000000, 0o600)
      if nameless >= 0 { return nameless }
    #endif
    var template = Array("\(folder)/.cardex-spool-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw failure("cannot make a temporary file in \(folder)") }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return fd
  }

  private static func failure(_ what: String) -> OutputFile.Failure {
    OutputFile.Failure(description: "\(what): \(String(cString: strerror(errno)))")
  }

  deinit {
    if fd >= 0 { close(fd) }
  }
}
