import Foundation
import Testing

@testable import Cardex

/// Paths and shared fixtures for the tests.
enum Repo {
  /// The package root: `Tests/CardexTests/TestSupport.swift` → up three.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let rules = root.appendingPathComponent("Rules").path
  static let fixtures = root.appendingPathComponent("Fixtures")

  /// The shipped rules, loaded once for all tests.
  static let shippedRules: RuleSet = {
    do {
      return try RuleLoader().load(directories: [rules])
    } catch {
      fatalError("shipped rules do not load: \(error)")
    }
  }()

  static let extractor = Extractor(rules: shippedRules)

  /// Every labelled text the project holds: the founding document and the
  /// dev corpus (`Fixtures/dev/raw`), for tests that run all of them.
  static let labelledTexts: [URL] = {
    let fm = FileManager.default
    let top = ((try? fm.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
      .map { fixtures.appendingPathComponent($0) }
    let devRaw = fixtures.appendingPathComponent("dev/raw")
    let dev = ((try? fm.contentsOfDirectory(atPath: devRaw.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
      .map { devRaw.appendingPathComponent($0) }
    return top + dev
  }()

  /// The `cardex` binary built beside the test bundle.
  static var binary: URL {
    let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for dir in [bundleDir, bundleDir.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
      let candidate = dir.appendingPathComponent("cardex")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return root.appendingPathComponent(".build/debug/cardex")
  }
}

/// What running the `cardex` binary printed.
struct CommandResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs the built `cardex` with `arguments`, feeding `stdin` if given.
func runCardex(_ arguments: [String], stdin: String? = nil, cwd: URL? = nil) throws -> CommandResult {
  try run(Repo.binary, arguments, stdin: stdin, cwd: cwd)
}

/// Runs a Python script (`python3 -c`) with `arguments`; for the checks
/// made with an independent tool (`jsonschema`).
///
/// The interpreter is the first that can import `jsonschema`: the system's
/// (`/usr/bin/python3`, where apt's `python3-jsonschema` goes) before the
/// one on `PATH`, which may be a pyenv or virtual-environment Python that
/// does not see apt's packages. With none, the result says what to install
/// instead of a bare `ModuleNotFoundError`.
func runPython(_ script: String, _ arguments: [String]) throws -> CommandResult {
  guard let python = PythonWithJSONSchema.path else {
    return CommandResult(status: 127, stdout: "", stderr: PythonWithJSONSchema.missing)
  }
  return try run(URL(fileURLWithPath: "/usr/bin/env"), [python, "-c", script] + arguments)
}

/// The Python the schema cross-checks run with, found once.
enum PythonWithJSONSchema {
  static let missing =
    "no python3 with the jsonschema module: as root, apt-get install python3-jsonschema (README, \"Try it\")"

  static let path: String? = {
    for candidate in ["/usr/bin/python3", "python3"] {
      if let r = try? run(URL(fileURLWithPath: "/usr/bin/env"), [candidate, "-c", "import jsonschema"]), r.status == 0 {
        return candidate
      }
    }
    return nil
  }()
}

/// Runs a program to its end and collects what it printed.
func run(_ program: URL, _ arguments: [String], stdin: String? = nil, cwd: URL? = nil) throws -> CommandResult {
  let process = Process()
  process.executableURL = program
  process.arguments = arguments
  if let cwd { process.currentDirectoryURL = cwd }
  let out = Pipe()
  let err = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = input
  try process.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
}

/// Extracts from `text` with the shipped rules and returns the feed.
func extractFeed(_ text: String, source: String = "test.txt", extractor: Extractor = Repo.extractor) -> Feed {
  var feed = Feed()
  for item in extractor.extract(text, source: source) { feed.append(item) }
  return feed
}

/// A fresh temporary folder, removed by the caller.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("cardex-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Waits up to `seconds` for `process` to end; kills it if it has not, and
/// says whether it ended by itself. A test never hangs on a run that does
/// not stop.
func waitForExit(_ process: Process, seconds: Double) -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while process.isRunning && Date() < deadline { usleep(10_000) }
  let ended = !process.isRunning
  if !ended { kill(process.processIdentifier, SIGKILL) }
  process.waitUntilExit()
  return ended
}

/// Collects what a running process writes to a pipe, for tests that look
/// at output before the process ends.
final class OutputReader {
  private let fd: Int32
  private(set) var text = ""

  init(fd: Int32) {
    self.fd = fd
  }

  /// Seconds until `needle` appears in the output read so far, reading as
  /// it comes; nil if it has not within `seconds`.
  func wait(for needle: String, seconds: Double) -> Double? {
    let start = Date()
    while !text.contains(needle) {
      let left = seconds - Date().timeIntervalSince(start)
      guard left > 0, readSome(timeout: left) else { return text.contains(needle) ? Date().timeIntervalSince(start) : nil }
    }
    return Date().timeIntervalSince(start)
  }

  /// Everything, once the writer has closed its end.
  func rest() -> String {
    while readSome(timeout: 10) {}
    return text
  }

  /// One read, after waiting up to `timeout` seconds; false at the end or
  /// when nothing came.
  private func readSome(timeout: Double) -> Bool {
    var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    guard poll(&p, 1, Int32(timeout * 1000)) > 0 else { return false }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return false }
    text += String(decoding: buffer[..<n], as: UTF8.self)
    return true
  }
}
