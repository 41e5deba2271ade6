#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A cache of built rule sets, so that a run does not parse and build
/// the same rule files again: most of cardex's start-up.
///
/// Each entry is one file, named by a hash of its key: the cache format,
/// cardex's version, the running executable (path, size, modification
/// time, inode), `lexiconsOnly` and the rule folders. The file holds the
/// key itself, the list of rule files read, the bytes of every file the
/// build read (rule files and the tables beside them), the built rule set
/// and a checksum. It is used only when the key is equal, the folders
/// hold the same rule files, every file has the same bytes, and the whole
/// reads back without a fault; anything else is a miss, and the rules are
/// built as if there were no cache. So a cache can make a run faster but
/// never different: an error in a rule file is always found by a build,
/// and reported as a build reports it. Entries are written to a temporary
/// file and renamed into place; a folder that cannot be written is not an
/// error.
public struct RuleCache: Sendable {
  /// Where entries are kept.
  public var directory: String
  /// The version of the program that builds the rules.
  public var version: String

  public init(directory: String, version: String) {
    self.directory = directory
    self.version = version
  }

  /// `$XDG_CACHE_HOME/cardex`, else `$HOME/.cache/cardex`; nil when
  /// `CARDEX_NO_CACHE` is set (to anything but the empty string) or when
  /// neither folder can be named.
  public static func standard(version: String) -> RuleCache? {
    let env = ProcessInfo.processInfo.environment
    if let off = env["CARDEX_NO_CACHE"], !off.isEmpty { return nil }
    if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return RuleCache(directory: xdg + "/cardex", version: version) }
    if let home = env["HOME"], home.hasPrefix("/") { return RuleCache(directory: home + "/.cache/cardex", version: version) }
    return nil
  }

  /// Raised when the entry's layout changes.
  static let format = 1
  /// What every entry opens with: a name and the format.
  static let header = Array("cardex rule cache \(format)\n".utf8)

  /// The entry's key; nil when the executable cannot be identified (then
  /// a changed cardex could read an old entry, so none is used).
  func key(directories: [String], lexiconsOnly: Bool) -> String? {
    guard let executable = Self.executableIdentity else { return nil }
    return ([String(Self.format), version, executable, lexiconsOnly ? "lexicons" : "all"] + directories).joined(separator: "\n")
  }

  func path(for key: String) -> String {
    directory + "/rules-" + String(Self.checksum(Array(key.utf8)), radix: 16) + ".bin"
  }

  /// The rule set of a valid entry for `key` built from exactly `files`,
  /// or nil.
  func read(key: String, files: [String]) -> RuleSet? {
    guard let bytes = try? RuleFileText.readBytes(path(for: key), limit: Self.maxEntryBytes), bytes.count >= 8 else { return nil }
    return bytes.withUnsafeBytes { raw -> RuleSet? in
      let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])
      let sum = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)
      guard UInt64(littleEndian: sum) == Self.checksum(body), body.starts(with: Self.header) else { return nil }
      do {
        var r = try BinaryReader(UnsafeRawBufferPointer(rebasing: body[Self.header.count...]))
        guard try r.string() == key, try r.strings() == files else { return nil }
        let sources = try r.list { r in RuleSource(path: try r.string(), bytes: try r.bytes()) }
        for source in sources {
          guard let now = try? RuleFileText.readBytes(source.path), now == source.bytes else { return nil }
        }
        let rules = try RuleSet(from: &r)
        return r.isAtEnd ? rules : nil
      } catch {
        return nil
      }
    }
  }

  /// Writes an entry; any failure leaves no entry (and no error).
  func write(_ rules: RuleSet, key: String, files: [String], sources: [RuleSource]) {
    var w = BinaryWriter()
    w.string(key)
    w.strings(files)
    w.list(sources) { w, s in
      w.string(s.path)
      w.bytes(s.bytes)
    }
    w.value(rules)
    var bytes = Self.header + w.finished()
    let sum = Self.checksum(bytes)
    withUnsafeBytes(of: sum.littleEndian) { bytes.append(contentsOf: $0) }
    Self.writeAtomically(bytes, to: path(for: key), in: directory)
    prune()
  }

  /// Entries kept: each rebuilt cardex and each set of folders makes a
  /// new one, and old ones would pile up.
  static let maxEntries = 8

  /// Removes all but the `maxEntries` newest entries, and temporary
  /// files a killed run left (older than an hour).
  func prune() {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return }
    var entries: [(path: String, modified: Date)] = []
    for name in names where name.hasPrefix("rules-") {
      let path = directory + "/" + name
      guard let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { continue }
      if name.hasSuffix(".tmp") {
        if modified.timeIntervalSinceNow < -3600 { try? fm.removeItem(atPath: path) }
      } else if name.hasSuffix(".bin") {
        entries.append((path, modified))
      }
    }
    for old in entries.sorted(by: { $0.modified > $1.modified }).dropFirst(Self.maxEntries) {
      try? fm.removeItem(atPath: old.path)
    }
  }

  /// Entries larger than this are not read (rule files are at most 4 MB
  /// each; the shipped rules make an entry of a few MB).
  static let maxEntryBytes = 256 << 20

  static func writeAtomically(_ bytes: [UInt8], to path: String, in directory: String) {
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let temp = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    var written = 0
    let ok = bytes.withUnsafeBytes { raw -> Bool in
      while written < raw.count {
        let n = posixWrite(fd, raw.baseAddress.map { $0 + written }, raw.count - written)
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { return false }
        written += n
      }
      return true
    }
    guard close(fd) == 0, ok, rename(temp, path) == 0 else {
      unlink(temp)
      return
    }
  }

  private static func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer?, _ n: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(fd, p, n)
    #else
      Darwin.write(fd, p, n)
    #endif
  }

  /// A 64-bit checksum of `bytes`, eight at a time: finds a damaged or
  /// cut-off entry (the files' own bytes are compared in full).
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var i = 0
    while i + 8 <= bytes.count {
      h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01b3
      h ^= h >> 29
      i += 8
    }
    while i < bytes.count {
      h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01b3
      i += 1
    }
    return h ^ UInt64(bytes.count)
  }

  static func checksum(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { checksum($0) } }

  /// The running executable: path, size, modification time and inode.
  /// A rebuilt or replaced cardex has another, so it never reads entries
  /// an earlier build wrote.
  static let executableIdentity: String? = {
    #if os(Linux)
      guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    #else
      return nil
    #endif
  }()
}
