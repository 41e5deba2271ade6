import Foundation
import Testing

@testable import Cardex

/// A rule file can write rules whose readings multiply; a line then stops
/// at the step budget with a warning instead of running for minutes.
@Suite struct StepBudgetTests {
  static let hostileGrammar = """
    version: 2
    grammar: hostile
    description: Gaps that multiply.
    rules:
      - rule: many-gaps
        record: fixture
        sequence: "home separator ... ','? ... ','? ... ','? ... ','? ... ','? ... ','? ... away"
    """

  func hostileRules() throws -> URL {
    let dir = try temporaryDirectory()
    let grammar = dir.appendingPathComponent("grammar")
    try FileManager.default.createDirectory(at: grammar, withIntermediateDirectories: true)
    try Self.hostileGrammar.write(to: grammar.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test func aLineWhoseReadingsMultiplyStopsWithAWarning() throws {
    let line = "Arsenal vs " + Array(repeating: "the ,", count: 40).joined(separator: " ") + " chelsea"
    let r = try runCardex(["parse", "--format", "ndjson", "--rules", try hostileRules().path], stdin: "Fixtures\n\(line)\n")
    #expect(r.status == 0)
    #expect(r.stdout.contains("\"code\":\"line-budget\""))
    #expect(r.stderr.contains("[line-budget]"))
  }

  @Test func rulesCheckWarnsOfARuleWhoseReadingsMultiply() throws {
    let r = try runCardex(["rules", "check", try hostileRules().path])
    #expect((r.stdout + r.stderr).contains("rule 'many-gaps' may cost much on long lines: 7 gaps and 6 optional terms"))
  }

  @Test func theShippedRulesStayWithinTheBudgetOnEveryLabelledText() throws {
    for url in Repo.labelledTexts {
      let feed = extractFeed(try String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent)
      #expect(!feed.diagnostics.contains { $0.code == "line-budget" }, "\(url.lastPathComponent)")
    }
  }
}
