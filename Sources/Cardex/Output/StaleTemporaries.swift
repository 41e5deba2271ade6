#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporaries that killed runs left beside an output file.
///
/// SIGKILL, a power cut or a crash ends a run without `SignalCleanup`, and
/// its `.NAME.cardex-XXXXXX` stays. The next run writing NAME removes those
/// of its own user that are older than itself and that no live run holds
/// (each run locks its temporary for as long as it lives), so a run still
/// writing is never robbed of its file.
enum StaleTemporaries {
  static func sweep(dir: String, base: String) {
    let prefix = ".\(base).cardex-"
    guard let folder = opendir(dir) else { return }
    defer { closedir(folder) }
    let started = processStart()
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name.hasPrefix(prefix), name.utf8.count == prefix.utf8.count + 6 else { continue }
      let path = dir + "/" + name
      let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
        Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9 < started,
        flock(fd, LOCK_EX | LOCK_NB) == 0
      else { continue }
      unlink(path)
    }
  }

  /// When this process started, in seconds since 1970: from `/proc` (boot
  /// time plus the start tick), else now.
  static func processStart() -> Double {
    let now = Double(time(nil))
    guard let stat = read("/proc/self/stat"), let close = stat.lastIndex(of: ")"),
      let boot = read("/proc/stat")?.split(separator: "\n").first(where: { $0.hasPrefix("btime ") })
    else { return now }
    // Fields after the command name start at field 3; the start tick is 22.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 19, let ticks = Double(fields[19]), let btime = Double(boot.dropFirst(6)) else { return now }
    return btime + ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  private static func read(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while out.count < 1 << 20 {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      guard n > 0 else { break }
      out += chunk[0..<n]
    }
    return String(decoding: out, as: UTF8.self)
  }
}
