import Foundation
import Testing

@testable import Cardex

/// `parse --output`: the permissions it gives, the links it will not follow,
/// and what every signal that ends a run leaves (the previous output, and
/// no temporary file).
@Suite struct OutputFileTests {
  static let seed = Repo.fixtures.appendingPathComponent("the-national-2019-12-30.txt").path

  /// Runs `cardex ARGS` under `sh` after `setup` (`umask 077`, `ulimit -f 1`).
  static func cardex(_ setup: String, _ arguments: [String], cwd: URL? = nil) throws -> CommandResult {
    try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "\(setup); exec \"$0\" \"$@\"", Repo.binary.path] + arguments, cwd: cwd)
  }

  static func mode(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
  }

  static func leftovers(_ dir: URL, keeping: Set<String>) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !keeping.contains($0) }.sorted()
  }

  /// `feed.json` in `dir`, holding "previous".
  static func previousOutput(in dir: URL) throws -> String {
    let out = dir.appendingPathComponent("feed.json").path
    try "previous".write(toFile: out, atomically: false, encoding: .utf8)
    return out
  }

  /// The previous output is as it was, with no temporary beside it.
  static func expectPreviousOutputAlone(_ out: String, in dir: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous", sourceLocation: sourceLocation)
    #expect(try leftovers(dir, keeping: ["feed.json"]).isEmpty, sourceLocation: sourceLocation)
  }

  @Test func aNewFileHonoursTheUmask() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("feed.json").path
    #expect(try Self.cardex("umask 077", ["parse", "-q", "-o", out, Self.seed]).status == 0)
    #expect(Self.mode(out) == 0o600)
    let shared = dir.appendingPathComponent("shared.json").path
    #expect(try Self.cardex("umask 002", ["parse", "-q", "-o", shared, Self.seed]).status == 0)
    #expect(Self.mode(shared) == 0o664)
  }

  @Test func aReplacedFileKeepsItsMode() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("feed.json").path
    try "previous".write(toFile: out, atomically: false, encoding: .utf8)
    #expect(chmod(out, 0o640) == 0)
    #expect(try Self.cardex("umask 022", ["parse", "-q", "-o", out, Self.seed]).status == 0)
    #expect(Self.mode(out) == 0o640)
    #expect(try String(contentsOfFile: out, encoding: .utf8) != "previous")
  }

  /// A shared sticky folder (`/tmp`) with a link in it to `victim`, owned
  /// by `owner`.
  static func plantedLink(owner: uid_t, in dir: URL) throws -> (link: String, victim: String) {
    let shared = dir.appendingPathComponent("shared")
    try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: false)
    #expect(chmod(shared.path, 0o1777) == 0)
    let victim = dir.appendingPathComponent("victim.json").path
    try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
    let link = shared.appendingPathComponent("feed.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
    #expect(lchown(link, owner, owner) == 0)
    return (link, victim)
  }

  /// Only root can give a link another owner: as any other user (a fresh
  /// machine's CI user) the case cannot be set up, and is skipped.
  @Test(.enabled(if: geteuid() == 0, "needs root to plant a link owned by another user"))
  func aLinkPlantedByAnotherUserInASharedFolderIsRefused() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (link, victim) = try Self.plantedLink(owner: 65534, in: dir)
    let r = try runCardex(["parse", "-q", "-o", link, Self.seed])
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "cardex: error: cannot write '\(link)': '\(link)' is a symbolic link of another user (uid 65534) in a "
        + "world-writable sticky folder; cardex does not follow it (it could point at any of your files)\n")
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
  }

  @Test func aLinkOfTheUserInASharedFolderIsFollowed() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (link, victim) = try Self.plantedLink(owner: geteuid(), in: dir)
    #expect(try runCardex(["parse", "-q", "-o", link, Self.seed]).status == 0)
    #expect(try String(contentsOfFile: victim, encoding: .utf8).contains("Hamza Bougamza"))
  }

  /// A run reading standard input waits with its temporary open; the
  /// signal then ends it.
  @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM])
  func aSignalEndsTheRunAndLeavesThePreviousOutput(_ signal: Int32) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = try Self.previousOutput(in: dir)
    let process = Process()
    process.executableURL = Repo.binary
    process.arguments = ["parse", "-q", "-o", out]
    process.currentDirectoryURL = dir
    let input = Pipe()
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data("FIGHT CARD\nBantamweight Hamza Bougamza (MAR) v Jalal Al Daaja (JOR)\n".utf8))
    let deadline = Date().addingTimeInterval(20)
    while try Self.leftovers(dir, keeping: ["feed.json"]).isEmpty && Date() < deadline { usleep(10_000) }
    #expect(try Self.leftovers(dir, keeping: ["feed.json"]).count == 1, "the run never made its temporary file")
    kill(process.processIdentifier, signal)
    if !waitForExit(process, seconds: 20) { Issue.record("the run went on after signal \(signal)") }
    try? input.fileHandleForWriting.close()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    try Self.expectPreviousOutputAlone(out, in: dir)
  }

  /// `ulimit -f`: the write past the limit raises SIGXFSZ.
  @Test func aFileSizeLimitLeavesNoTemporary() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = try Self.previousOutput(in: dir)
    let r = try Self.cardex("ulimit -f 1", ["parse", "-q", "--format", "ndjson", "-o", out, Self.seed])
    #expect(r.status == SIGXFSZ)
    try Self.expectPreviousOutputAlone(out, in: dir)
  }

  /// What SIGKILL leaves is swept by the next run writing the same name,
  /// unless a live run holds it.
  @Test func staleTemporariesOfTheSameOutputAreSwept() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let hourAgo = Date().addingTimeInterval(-3600)
    for name in [".feed.json.cardex-AAAAAA", ".feed.json.cardex-BBBBBB", ".other.json.cardex-CCCCCC"] {
      let path = dir.appendingPathComponent(name).path
      try "partial".write(toFile: path, atomically: false, encoding: .utf8)
      try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: path)
    }
    let held = open(dir.appendingPathComponent(".feed.json.cardex-BBBBBB").path, O_RDONLY)
    defer { close(held) }
    #expect(flock(held, LOCK_EX) == 0)
    let out = dir.appendingPathComponent("feed.json").path
    #expect(try runCardex(["parse", "-q", "-o", out, Self.seed]).status == 0)
    #expect(try Self.leftovers(dir, keeping: ["feed.json"]) == [".feed.json.cardex-BBBBBB", ".other.json.cardex-CCCCCC"])
  }
}
