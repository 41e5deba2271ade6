import Foundation
import Testing

@testable import Cardex

/// `cardex rules check`: every mistake in a folder, each at its position.
@Suite struct RuleCheckerTests {
  static let brokenFiles: [(String, String)] = [
    ("syntax.yaml", "version: 1\nformat: a\nrecord: bout\npatterns: [\"{fighter1} v {fighter2}\"\n"),
    ("key.yaml", "version: 1\nformat: b\nrecord: bout\npatterns:\n  - \"{fighter1} v {fighter2}\"\nexampels: []\n"),
    ("lexicon.yaml", "version: 1\nlexicon: countrys\n"),
  ]

  @Test func brokenFolderReportsEachFileAtItsPosition() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for (name, text) in Self.brokenFiles {
      try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let findings = RuleChecker().check(directory: dir.path).map(\.description)
    #expect(findings == [
      "\(dir.path)/key.yaml:6:1: error: unknown key 'exampels' in a format (did you mean 'examples'?); allowed keys: version, format, description, record, sport, ruleset, timezone, section, priority, set, headings, patterns, examples",
      "\(dir.path)/lexicon.yaml:2:10: error: unknown lexicon 'countrys' (did you mean 'countries'?); known: weight-classes, countries, competitions, separators",
      "\(dir.path)/syntax.yaml:5:1: error: while parsing a flow sequence: did not find expected ',' or ']'",
    ])
  }

  @Test func commandPrintsFindingsAndFails() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.brokenFiles[0].1.write(to: dir.appendingPathComponent("syntax.yaml"), atomically: true, encoding: .utf8)
    let r = try runCardex(["rules", "check", dir.path])
    #expect(r.status == 1)
    #expect(r.stdout == "\(dir.path)/syntax.yaml:5:1: error: while parsing a flow sequence: did not find expected ',' or ']'\n1 error, 0 warnings\n")
  }

  @Test func formatWithoutExamplesAndUncoveredPatternAreWarnings() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let yaml = """
      version: 1
      format: no-examples
      record: bout
      patterns:
        - "{fighter1} meets {fighter2} at {_:text}"
      """
    try yaml.write(to: dir.appendingPathComponent("f.yaml"), atomically: true, encoding: .utf8)
    let findings = RuleChecker().check(directory: dir.path, base: [Repo.rules]).map(\.description)
    #expect(findings == [
      "\(dir.path)/f.yaml:2:9: warning: format 'no-examples' has no examples",
      "\(dir.path)/f.yaml:5:6: warning: no example of format 'no-examples' is taken by this pattern; add one (a pattern no line can match is a bug)",
    ])
  }

  @Test func shippedRulesCheckClean() {
    let findings = RuleChecker().check(directory: Repo.rules)
    #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
  }
}

/// `cardex rules test` and `parse --explain` as a rule author uses them.
@Suite struct RuleAuthoringCommandTests {
  @Test func rulesTestPassesOnShippedRules() throws {
    let r = try runCardex(["rules", "test"])
    #expect(r.status == 0, "\(r.stdout)")
    let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.hasSuffix(" passed, 0 failed"))
  }

  @Test func rulesTestFailsOnAWrongExample() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let yaml = """
      version: 1
      format: wrong-example
      record: bout
      patterns:
        - "{fighter1} meets {fighter2} tonight"
      examples:
        - text: "Ann Smith meets Bo Jones tonight"
          records:
            - { fighter1: Ann Smith, fighter2: Bo Jonas }
      """
    try yaml.write(to: dir.appendingPathComponent("f.yaml"), atomically: true, encoding: .utf8)
    let r = try runCardex(["rules", "test", "--rules", dir.path])
    #expect(r.status == 1)
    #expect(r.stdout.contains("FAIL wrong-example (0/1)"))
    #expect(r.stdout.contains("record 1 fighter2: expected 'Bo Jonas', got 'Bo Jones'"))
    #expect(r.stdout.hasSuffix(" passed, 1 failed\n"))
  }

  @Test func explainNamesTheClosestPatternForABrokenBoutLine() throws {
    // The second country code has lost its closing bracket.
    let text = "FIGHT CARD\nLighweight Abdullah Mohammed Ali (UAE) v Abdelhak Amhidra (MAR\n"
    let r = try runCardex(["parse", "--explain"], stdin: text)
    #expect(r.status == 0)
    #expect(r.stdout.contains("-:2: near miss, closest fact-box-bouts: {weightClass} [{limit} ]{fighter1} ({country1}) {sep} {fighter2} ({country2})"))
    #expect(r.stdout.contains("stopped at column 63, expecting ')'"))
    #expect(r.stderr.contains("-:2:63: warning: line pairs two names with a separator but no pattern took it"))
  }

  @Test func explainShowsPatternAndNormalizationsOfARecord() throws {
    let text = "FIGHT CARD\nLighweight Abdullah Mohammed Ali (UAE) v Abdelhak Amhidra (MAR)\n"
    let r = try runCardex(["parse", "--explain", "-q"], stdin: text)
    #expect(r.stdout.contains("-:2: record by fact-box-bouts: {weightClass} [{limit} ]{fighter1} ({country1}) {sep} {fighter2} ({country2})"))
    #expect(r.stdout.contains("weight class 'Lighweight' → Lightweight"))
    #expect(r.stdout.contains("country 'UAE' → ARE (United Arab Emirates, by ioc)"))
  }
}
