import Foundation
import Testing

@testable import Cardex

/// Hostile and broken input: a clear one-line error or a documented repair
/// with a diagnostic; never a crash, a hang or a partial output file.
@Suite struct BadInputTests {
  static let cardLine = "Bantamweight Hamza Bougamza (MAR) v Jalal Al Daaja (JOR)"

  func parse(_ bytes: [UInt8], extra: [String] = []) throws -> (CommandResult, Feed?) {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("input.txt")
    try Data(bytes).write(to: input)
    let out = dir.appendingPathComponent("feed.json")
    let r = try runCardex(["parse", "-q", "-o", out.path] + extra + [input.path])
    let feed = try? JSONDecoder().decode(Feed.self, from: Data(contentsOf: out))
    return (r, feed)
  }

  @Test func emptyInputGivesAnEmptyFeed() throws {
    let (r, feed) = try parse([])
    #expect(r.status == 0)
    #expect(feed?.bouts.isEmpty == true && feed?.fixtures.isEmpty == true && feed?.diagnostics.isEmpty == true)
  }

  @Test func invalidUTF8IsRepairedWithADiagnostic() throws {
    let bytes = Array("FIGHT CARD\n".utf8) + [0xFF, 0xFE, 0x41, 10] + Array(Self.cardLine.utf8)
    let (r, feed) = try parse(bytes)
    #expect(r.status == 0)
    #expect(feed?.bouts.count == 1)
    #expect(feed?.bouts.first?.provenance.line == 3)
    #expect(feed?.diagnostics.contains { $0.code == "invalid-utf8" && $0.line == 2 } == true)
  }

  @Test func nulBytesAndBinaryDoNotCrash() throws {
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes += Array("\nFIGHT CARD\n".utf8) + Array(Self.cardLine.utf8) + [0, 10]
    let (r, feed) = try parse(bytes)
    #expect(r.status == 0)
    #expect(feed?.diagnostics.contains { $0.code == "nul-bytes" } == true)
    #expect(feed?.bouts.contains { $0.fighters.first?.name == "Hamza Bougamza" } == true)
  }

  @Test func fiftyMegabyteLineWithoutNewlineIsSkippedWithANote() throws {
    let bytes = Array("FIGHT CARD\n".utf8) + Array(Self.cardLine.utf8) + [10] + [UInt8](repeating: 65, count: 50 << 20)
    let (r, feed) = try parse(bytes)
    #expect(r.status == 0)
    #expect(feed?.bouts.count == 1)
    #expect(feed?.diagnostics.contains { $0.code == "line-too-long" && $0.line == 3 } == true)
  }

  @Test(arguments: ["\r\n", "\r"])
  func otherLineEndingsKeepLineNumbers(_ ending: String) throws {
    let text = ["FIGHT CARD", "", Self.cardLine, "", "Middleweight Tarek Suleiman (SYR) v Laid Zerhouni (ALG)"].joined(separator: ending)
    let (r, feed) = try parse(Array(text.utf8))
    #expect(r.status == 0)
    #expect(feed?.bouts.map(\.provenance.line) == [3, 5])
    #expect(feed?.bouts.first?.provenance.raw == Self.cardLine)
  }

  @Test func byteOrderMarkIsIgnored() throws {
    let (r, feed) = try parse([0xEF, 0xBB, 0xBF] + Array("FIGHT CARD\n\(Self.cardLine)\n".utf8))
    #expect(r.status == 0)
    #expect(feed?.bouts.first?.section == "FIGHT CARD")
  }

  @Test func unreadablePathIsOneLineError() throws {
    let r = try runCardex(["parse", Repo.fixtures.appendingPathComponent("SOURCES.md/x.txt").path])
    #expect(r.status == 1)
    #expect(r.stderr == "cardex: error: cannot open '\(Repo.fixtures.path)/SOURCES.md/x.txt': Not a directory\n")
  }

  @Test func tenMegabyteRuleFileIsRefusedWithItsName() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var yaml = "version: 1\nlexicon: competitions\ncompetitions:\n"
    let entry = "  - {name: Competition number, sport: football}\n"
    yaml += String(repeating: entry, count: (10 << 20) / entry.utf8.count)
    try yaml.write(to: dir.appendingPathComponent("big.yaml"), atomically: true, encoding: .utf8)
    let r = try runCardex(["parse", "--rules", dir.path, "-"], stdin: "")
    #expect(r.status == 1)
    #expect(r.stderr == "\(dir.path)/big.yaml:1:1: error: rule file is 10 MB; rule files may be at most 4 MB\n")
  }

  @Test func aliasBombInARuleFileIsRefused() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
    try yaml.write(to: dir.appendingPathComponent("bomb.yaml"), atomically: true, encoding: .utf8)
    let r = try runCardex(["rules", "check", dir.path])
    #expect(r.status == 1)
    #expect(r.stdout.contains("bomb.yaml:7:"))
    #expect(r.stdout.contains("error: document expands to more than 2000000 nodes (an alias bomb?)"))
  }

  @Test func deeplyNestedRuleFileIsRefused() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let yaml = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
    try yaml.write(to: dir.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
    let r = try runCardex(["parse", "--rules", dir.path, "-"], stdin: "")
    #expect(r.status == 1)
    #expect(r.stderr == "\(dir.path)/deep.yaml:1:257: error: nesting deeper than 256 levels\n")
  }

  @Test func brokenSurrogatePairInAFeedIsAnErrorNotACrash() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("surrogate.json").path
    try #"{"a":"\ud800\u0041"}"#.write(toFile: path, atomically: true, encoding: .utf8)
    let r = try runCardex(["validate", path])
    #expect(r.status == 1)
    #expect(r.stdout.contains(#"error[malformed-json]: invalid \u escape: a high surrogate without its low half"#))
  }

  /// Every input a fuzzer crashed on is kept in `Fixtures/fuzz/` and must
  /// now run clean.
  @Test func fuzzCrashReproducersRunClean() throws {
    let dir = Repo.fixtures.appendingPathComponent("fuzz")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("matcher-crash") }
    #expect(!names.isEmpty)
    for name in names.sorted() {
      let path = dir.appendingPathComponent(name).path
      for format in ["json", "ndjson"] {
        let r = try runCardex(["parse", "-q", "--format", format, path])
        #expect(r.status == 0, "\(name) (\(format)): \(r.stderr)")
      }
    }
  }

  @Test func hundredDigitLimitIsNotAWeight() {
    let feed = extractFeed("FIGHT CARD\nCatchweight " + String(repeating: "3", count: 100) + "kg Mohamed El Mesbahi (MAR) v Fouad Mesdari (ALG)\n")
    #expect(feed.bouts.allSatisfy { $0.limit == nil })
  }

  @Test func deeplyNestedFeedIsRefused() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("deep.json").path
    try (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).write(toFile: path, atomically: true, encoding: .utf8)
    let r = try runCardex(["validate", path])
    #expect(r.status == 1)
    #expect(r.stdout.contains("error[malformed-json]: nesting deeper than 512 levels at line 1, column 513"))
  }
}
