import Foundation
import Testing

@testable import Cardex

/// `cardex eval --folding ascii` and the corpus's own scorer
/// (`../shared/tools/score.py`, beside the project where it is checked out
/// with it) give the same counts on the same documents: the two measuring
/// sticks cannot drift apart. Skipped where that script or python3 is
/// missing, since the project must build and test without `../shared`.
@Suite struct EvalAgreementTests {
  static let scorer = Repo.root.deletingLastPathComponent().appendingPathComponent("shared/tools/score.py")
  static var available: Bool {
    FileManager.default.fileExists(atPath: scorer.path) && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
  }

  /// The dev set, and every fourth document of each wild split.
  static func sample() throws -> URL {
    let dir = try temporaryDirectory()
    let fm = FileManager.default
    for sub in ["raw", "expected"] { try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true) }
    func link(_ corpus: URL, prefix: String, every: Int) throws {
      let names = try fm.contentsOfDirectory(atPath: corpus.appendingPathComponent("expected").path)
        .filter { $0.hasSuffix(".json") }.sorted()
      for (i, name) in names.enumerated() where i % every == 0 {
        let stem = String(name.dropLast(5))
        try fm.createSymbolicLink(
          at: dir.appendingPathComponent("raw/\(prefix)\(stem).txt"), withDestinationURL: corpus.appendingPathComponent("raw/\(stem).txt"))
        try fm.createSymbolicLink(
          at: dir.appendingPathComponent("expected/\(prefix)\(stem).json"), withDestinationURL: corpus.appendingPathComponent("expected/\(name)"))
      }
    }
    try link(Repo.fixtures.appendingPathComponent("dev"), prefix: "dev-", every: 1)
    for split in ["tune", "check"] {
      let corpus = Repo.fixtures.appendingPathComponent("wild/\(split)")
      if fm.fileExists(atPath: corpus.path) { try link(corpus, prefix: "\(split)-", every: 4) }
    }
    return dir
  }

  @Test(.enabled(if: available)) func evalCountsWhatScorePyCounts() throws {
    let dir = try Self.sample()
    defer { try? FileManager.default.removeItem(at: dir) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [Self.scorer.path, "--dir", dir.path, "--cmd", "'\(Repo.binary.path)' parse -q --jobs 1 {file}"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // "docs 28 bouts 122/130 (got 123) fixtures 46/57 (got 46) fields 245/265"
    let numbers = printed.split(separator: "\n").first { $0.hasPrefix("docs ") }.map {
      $0.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }
    let counts = try #require(numbers, "score.py printed: \(printed)")

    let report = try CorpusEvaluator(extractor: Repo.extractor, folding: .ascii).evaluate(directory: dir.path)
    let b = report.bouts
    let f = report.fixtures
    let fields = report.fieldAccuracy
    #expect(
      counts == [report.documents.count, b.matched, b.expected, b.found, f.matched, f.expected, f.found, fields.correct, fields.checked])
  }
}
