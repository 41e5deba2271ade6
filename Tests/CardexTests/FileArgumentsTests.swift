import Foundation
import Testing

@testable import Cardex

/// `cardex parse FILE …` with thousands of files: the names are taken out
/// before swift-argument-parser reads the options, so start-up is linear.
@Suite struct FileArgumentsTests {
  /// Options of `parse` that take a value, as the parser describes them:
  /// the list `FileArguments.valueOptions` must hold.
  @Test func theOptionsTakingAValueAreTheParsersOwn() throws {
    let r = try runCardex(["parse", "--experimental-dump-help"])
    let dump = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let arguments = (dump?["command"] as? [String: Any])?["arguments"] as? [[String: Any]] ?? []
    var names: Set<String> = []
    for argument in arguments where argument["kind"] as? String == "option" {
      for name in argument["names"] as? [[String: String]] ?? [] {
        names.insert((name["kind"] == "short" ? "-" : "--") + (name["name"] ?? ""))
      }
    }
    #expect(names == ["--files-from", "--rules", "--format", "--output", "-o", "--jobs", "--chunk-bytes"])
  }

  @Test func filesAmongOptionsKeepTheirOrderAndTheOptionsTheirValues() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let files = try InputFileTests.cards(4, in: dir)
    let out = dir.appendingPathComponent("feed.ndjson").path
    let r = try runCardex(["parse", files[0], "--format", "ndjson", files[1], "-qo", out, "--jobs", "1", files[2], "--", files[3]])
    #expect(r.status == 0, "\(r.stderr)")
    let sources = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").filter { $0.contains(#""type":"bout""#) }
      .map { line in files.firstIndex { line.contains($0) } ?? -1 }
    #expect(sources == [0, 1, 2, 3])
  }

  /// 8 000 names took 16 s in a debug build when the parser read them;
  /// twice as many must not take four times as long now.
  @Test func startUpIsLinearInTheNumberOfFiles() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let empty = dir.appendingPathComponent("empty.txt").path
    try "".write(toFile: empty, atomically: false, encoding: .utf8)
    func seconds(_ count: Int) throws -> Double {
      let start = Date()
      let r = try runCardex(["parse", "-q", "--jobs", "1"] + Array(repeating: empty, count: count))
      #expect(r.status == 0)
      return Date().timeIntervalSince(start)
    }
    let small = try seconds(4000)
    let large = try seconds(16000)
    #expect(large < small * 8 + 1, "4 000 files: \(small) s, 16 000: \(large) s")
  }
}
