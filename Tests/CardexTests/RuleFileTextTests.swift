import Foundation
import Testing

@testable import Cardex

/// A rule file that cannot be read says why, and a rules folder with no
/// rule file is an error for `parse` as for `rules check`.
@Suite struct RuleFileTextTests {
  /// The one error a folder holding `a.yaml` made by `make` gives.
  static func loadError(_ make: (String) throws -> Void) throws -> String {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try make(dir.appendingPathComponent("a.yaml").path)
    do {
      _ = try RuleLoader().load(directories: [dir.path])
      return "loaded"
    } catch {
      return error.description.replacing(dir.path + "/", with: "")
    }
  }

  @Test func aFolderNamedLikeARuleFileIsNotAFile() throws {
    let message = try Self.loadError { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
    #expect(message == "a.yaml:1:1: error: cannot read rule file: it is a folder, not a file")
  }

  @Test func aSymbolicLinkLoopIsNamed() throws {
    let message = try Self.loadError { path in
      try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + ".b")
      try FileManager.default.createSymbolicLink(atPath: path + ".b", withDestinationPath: path)
    }
    #expect(message == "a.yaml:1:1: error: cannot read rule file: too many levels of symbolic links (a link that leads back to itself?)")
  }

  /// Opened without blocking: a FIFO with no writer does not hang the run.
  @Test func aFIFOIsNotARegularFile() throws {
    let message = try Self.loadError { #expect(mkfifo($0, 0o600) == 0) }
    #expect(message == "a.yaml:1:1: error: cannot read rule file: it is a FIFO (named pipe), not a regular file")
  }

  @Test func aDanglingLinkIsNamed() throws {
    let message = try Self.loadError { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "/nonexistent/x.yaml") }
    #expect(message == "a.yaml:1:1: error: cannot read rule file: no such file (a symbolic link to nothing?)")
  }

  /// The tests run as root, which reads any file, so the denied open is
  /// checked by its errno.
  @Test func permissionDeniedIsNamed() {
    #expect(RuleFileText.reason(errno: EACCES) == "permission denied")
    #expect(RuleFileText.reason(errno: EPERM) == "permission denied")
  }

  @Test func anEmptyRulesFolderIsTheSameErrorForParseAndCheck() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let line = "\(dir.path):1:1: error: no rule files (*.yaml) in this folder"
    let parse = try runCardex(["parse", "--rules", dir.path], stdin: "Ann Smith v Bea Jones\n")
    #expect(parse.status == 1)
    #expect(parse.stderr == line + "\n")
    #expect(parse.stdout.isEmpty)
    let check = try runCardex(["rules", "check", dir.path])
    #expect(check.status == 1)
    #expect(check.stdout.hasPrefix(line + "\n"))
  }

  @Test func rulesCheckGivesTheReasonToo() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(mkfifo(dir.appendingPathComponent("x.yaml").path, 0o600) == 0)
    let check = try runCardex(["rules", "check", dir.path])
    #expect(check.status == 1)
    #expect(check.stdout.contains("x.yaml:1:1: error: cannot read rule file: it is a FIFO (named pipe), not a regular file"))
  }
}
