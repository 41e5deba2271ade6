#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input text read in chunks, so that memory does not grow with the input.
public final class InputFile {
  public let name: String
  private let fd: Int32
  private let owned: Bool
  /// Reused by every read, so reading costs no allocation per chunk.
  private var buffer: [UInt8] = []

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Opens `path`, or standard input for `-`. Directories and unreadable
  /// files are refused here, before any output is written.
  public init(path: String) throws(Failure) {
    if path == "-" {
      name = "-"
      fd = 0
      owned = false
      return
    }
    name = path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw Failure(description: "cannot open '\(path)': \(String(cString: strerror(errno)))")
    }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      close(fd)
      throw Failure(description: "cannot read '\(path)': it is a directory")
    }
    self.fd = fd
    owned = true
  }

  /// Reads at most one chunk; calls `body` unless the input has ended.
  public func readChunk(size: Int = 1 << 20, _ body: (ArraySlice<UInt8>) -> Void) throws(Failure) {
    if buffer.count != size { buffer = [UInt8](repeating: 0, count: size) }
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, size) }
      if n < 0 {
        if errno == EINTR { continue }
        throw Failure(description: "cannot read '\(name)': \(String(cString: strerror(errno)))")
      }
      if n > 0 { body(buffer[0..<n]) }
      return
    }
  }

  /// Reads the whole input chunk by chunk, calling `body` with each.
  public func forEachChunk(size: Int = 1 << 16, _ body: (ArraySlice<UInt8>) -> Void) throws(Failure) {
    var more = true
    while more {
      more = false
      try readChunk(size: size) { chunk in
        body(chunk)
        more = true
      }
    }
  }

  deinit {
    if owned { close(fd) }
  }
}
