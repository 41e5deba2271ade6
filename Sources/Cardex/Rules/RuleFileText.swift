#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the text of one rule file, and says why when it cannot.
///
/// A rules folder is a place where a person's mistakes land: a file without
/// read permission, a symbolic link that points at itself, a FIFO or a
/// folder whose name ends in `.yaml`. "cannot read rule file" alone sent
/// them hunting; the reason names the fix. The file is opened once, without
/// blocking (a FIFO with no writer would otherwise hang the run), and only a
/// regular file is read.
enum RuleFileText {
  /// Rule files are written by hand; anything this large is a mistake or an
  /// attack, and is refused before it is parsed.
  static let maxBytes = 4 << 20

  static func text(_ path: String) throws(YAMLError) -> String {
    try text(decoding: try readBytes(path), path: path)
  }

  /// The text of bytes `readBytes` gave for `path`.
  static func text(decoding bytes: [UInt8], path: String) throws(YAMLError) -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else { throw failure(path, "rule file is not valid UTF-8") }
    return text
  }

  /// The file's bytes, refused past `limit`.
  static func readBytes(_ path: String, limit: Int = maxBytes) throws(YAMLError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw failure(path, "cannot read rule file: \(reason(errno: errno))") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure(path, "cannot read rule file: \(reason(errno: errno))") }
    if let kind = notRegular(info.st_mode) { throw failure(path, "cannot read rule file: \(kind)") }
    if Int(info.st_size) > limit { throw tooLarge(path, Int(info.st_size)) }
    // Read straight into a buffer of the size `fstat` gave (and one byte
    // more, to see the end), grown only if the file grows meanwhile: a
    // compiled-rules cache entry is megabytes, read at every start.
    var out = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
    var filled = 0
    while true {
      if filled == out.count { out += [UInt8](repeating: 0, count: 64 << 10) }
      let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress.map { $0 + filled }, $0.count - filled) }
      if n < 0, errno == EINTR { continue }
      guard n >= 0 else { throw failure(path, "cannot read rule file: \(reason(errno: errno))") }
      if n == 0 {
        out.removeLast(out.count - filled)
        return out
      }
      filled += n
      // The file grew after `fstat`: the cap holds all the same.
      if filled > limit { throw tooLarge(path, filled) }
    }
  }

  /// What the file is when it is not a regular file, or nil.
  static func notRegular(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "it is a folder, not a file"
    case S_IFIFO: "it is a FIFO (named pipe), not a regular file"
    case S_IFSOCK: "it is a socket, not a regular file"
    default: "it is a device, not a regular file"
    }
  }

  /// The reason for a failed `open` or `read`, in the words of the fix.
  static func reason(errno code: Int32) -> String {
    switch code {
    case EACCES, EPERM: "permission denied"
    case ELOOP: "too many levels of symbolic links (a link that leads back to itself?)"
    case ENOENT: "no such file (a symbolic link to nothing?)"
    case EISDIR: "it is a folder, not a file"
    default: String(cString: strerror(code))
    }
  }

  private static func tooLarge(_ path: String, _ size: Int) -> YAMLError {
    failure(path, "rule file is \(size / 1_048_576) MB; rule files may be at most \(maxBytes / 1_048_576) MB")
  }

  private static func failure(_ path: String, _ message: String) -> YAMLError {
    YAMLError(file: path, mark: Mark(line: 1, column: 1), message: message)
  }
}
