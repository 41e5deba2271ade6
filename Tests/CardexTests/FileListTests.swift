import Foundation
import Testing

@testable import Cardex

/// `parse --files-from LIST` (`-` for standard input, `-0` for NUL
/// separators): lists longer than a command line, read in linear time.
@Suite struct FileListTests {
  static func boutNames(_ ndjson: String) -> [String] {
    ndjson.split(separator: "\n").filter { $0.contains(#""type":"bout""#) }.map { String($0.prefix(60)) }
  }

  @Test func aListOfLinesReadsWhatTheSameNamesAsArgumentsRead() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let files = try InputFileTests.cards(5, in: dir)
    let list = dir.appendingPathComponent("list.txt").path
    // A blank line and a Windows line ending are not names.
    try (files[0..<3].joined(separator: "\n") + "\n\n" + files[3] + "\r\n" + files[4]).write(toFile: list, atomically: false, encoding: .utf8)
    let listed = try runCardex(["parse", "-q", "--format", "ndjson", "--files-from", list])
    let named = try runCardex(["parse", "-q", "--format", "ndjson"] + files)
    #expect(listed.status == 0, "\(listed.stderr)")
    #expect(Self.boutNames(listed.stdout).count == 5)
    #expect(Self.boutNames(listed.stdout) == Self.boutNames(named.stdout))
  }

  @Test func aNulSeparatedListOnStandardInputAddsToTheNamedFiles() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let files = try InputFileTests.cards(3, in: dir)
    let r = try runCardex(["parse", "-q", "--format", "ndjson", files[0], "--files-from", "-", "-0"], stdin: files[1] + "\0" + files[2] + "\0")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Self.boutNames(r.stdout).count == 3)
  }

  @Test func aMissingListedFileFailsBeforeAnythingIsWritten() throws {
    let r = try runCardex(["parse", "-q", "--files-from", "-"], stdin: "/nonexistent/a.txt\n")
    #expect(r.status == 1)
    #expect(r.stderr == "cardex: error: cannot open '/nonexistent/a.txt': No such file or directory\n")
    #expect(r.stdout.isEmpty)
  }

  @Test func nulSeparatorsWithoutAListAreABadFlag() throws {
    let r = try runCardex(["parse", "-0"], stdin: "")
    #expect(r.status == 64)
    #expect(r.stderr.hasPrefix("Error: -0 applies to a --files-from list; name one."))
  }
}
