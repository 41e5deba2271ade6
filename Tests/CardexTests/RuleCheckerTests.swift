import Foundation
import Testing

@testable import Cardex

/// `cardex rules check`: every mistake in a folder, each at its position.
@Suite struct RuleCheckerTests {
  static let brokenFiles: [(String, String)] = [
    ("syntax.yaml", "version: 2\ngrammar: a\nrules: [{rule: x, sequence: \"side separator side\"}\n"),
    ("key.yaml", "version: 2\nfamily: b\nrecord: bout\nexampels: []\n"),
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
      "\(dir.path)/key.yaml:4:1: error: unknown key 'exampels' in a family (did you mean 'examples'?); allowed keys: version, family, description, record, sports, ruleset, timezone, requires, priority, examples",
      "\(dir.path)/lexicon.yaml:2:10: error: unknown lexicon 'countrys' (did you mean 'countries'?); known: weight-classes, countries, competitions",
      "\(dir.path)/syntax.yaml:4:1: error: while parsing a flow sequence: did not find expected ',' or ']'",
    ])
  }

  @Test func commandPrintsFindingsAndFails() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.brokenFiles[0].1.write(to: dir.appendingPathComponent("syntax.yaml"), atomically: true, encoding: .utf8)
    let r = try runCardex(["rules", "check", dir.path])
    #expect(r.status == 1)
    #expect(r.stdout == "\(dir.path)/syntax.yaml:4:1: error: while parsing a flow sequence: did not find expected ',' or ']'\n1 error, 0 warnings\n")
  }

  @Test func familyWithoutExamplesAndUnexercisedRuleAreWarnings() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let family = """
      version: 2
      family: no-examples
      record: bout
      sports: [sumo]
      """
    let grammar = """
      version: 2
      grammar: extra
      rules:
        - rule: meets
          record: bout
          sequence: "side 'meets' side"
      """
    try family.write(to: dir.appendingPathComponent("f.yaml"), atomically: true, encoding: .utf8)
    try grammar.write(to: dir.appendingPathComponent("g.yaml"), atomically: true, encoding: .utf8)
    let findings = RuleChecker().check(directory: dir.path, base: [Repo.rules]).map(\.description)
    #expect(findings == [
      "\(dir.path)/f.yaml:2:9: warning: family 'no-examples' has no examples",
      "\(dir.path)/g.yaml:4:5: warning: no example is read by rule 'meets'; add one (a rule no line can match is a bug)",
    ])
  }

  /// Unknown element types in `headings:` and `names:` are reported at the
  /// item that names them (they were reported at the section, or the
  /// file's first line).
  @Test func unknownTypesInHeadingsAndNamesAreReportedWhereWritten() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let grammar = """
      version: 2
      grammar: extra
      headings:
        bout: [weight-class, weigth-class]
      names:
        never:
          - separator
          - separater
      """
    try grammar.write(to: dir.appendingPathComponent("g.yaml"), atomically: true, encoding: .utf8)
    let findings = RuleChecker().check(directory: dir.path, base: [Repo.rules]).map(\.description)
    #expect(findings == [
      "\(dir.path)/g.yaml:4:24: error: unknown element type 'weigth-class' (did you mean 'weight-class'?)",
      "\(dir.path)/g.yaml:8:7: error: unknown element type 'separater' (did you mean 'separator'?)",
    ])
  }

  /// One broken file no longer hides another file's unknown types: every
  /// file's errors are reported.
  @Test func aBrokenFileDoesNotHideAnotherFilesUnknownType() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.brokenFiles[1].1.write(to: dir.appendingPathComponent("key.yaml"), atomically: true, encoding: .utf8)
    let grammar = """
      version: 2
      grammar: extra
      rules:
        - rule: meets
          record: bout
          sequence: "side meets-word side"
      """
    try grammar.write(to: dir.appendingPathComponent("g.yaml"), atomically: true, encoding: .utf8)
    let findings = RuleChecker().check(directory: dir.path, base: [Repo.rules]).map(\.description)
    #expect(findings.count == 2)
    #expect(findings.first?.hasPrefix("\(dir.path)/key.yaml:4:1: error: unknown key 'exampels'") == true)
    #expect(findings.last?.hasPrefix("\(dir.path)/g.yaml:6:21: error: unknown element type 'meets-word'") == true)
  }

  /// A broken element file's type is not also reported at every use.
  @Test func aBrokenElementFilesTypeIsNotUnknownElsewhere() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "version: 2\nelement: meets-word\nentries:\n  - { phrases: [meets], valu: x }\n"
      .write(to: dir.appendingPathComponent("e.yaml"), atomically: true, encoding: .utf8)
    try "version: 2\ngrammar: extra\nrules:\n  - rule: meets\n    record: bout\n    sequence: \"side meets-word side\"\n"
      .write(to: dir.appendingPathComponent("g.yaml"), atomically: true, encoding: .utf8)
    let findings = RuleChecker().check(directory: dir.path, base: [Repo.rules]).map(\.description)
    #expect(findings.count == 1)
    #expect(findings.first?.hasPrefix("\(dir.path)/e.yaml:4:25: error: unknown key 'valu'") == true)
  }

  /// A weight for a name no feature has loads and counts for nothing: a
  /// warning at its key, with the name meant.
  @Test func misspeltEvidenceNamesAreWarnedAtTheirKeys() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let evidence = """
      version: 2
      evidence: extra
      weights:
        side.one-word: -0.5
        side.one-wrod: -0.5
        rule.versu: 1
        element.weigth: 1
      kind:
        context.section-bout: 1
        context.sectoin-fixture: -1
      """
    try evidence.write(to: dir.appendingPathComponent("my-evidence.yaml"), atomically: true, encoding: .utf8)
    let findings = RuleChecker().check(directory: dir.path, base: [Repo.rules]).map(\.description)
    let file = "\(dir.path)/my-evidence.yaml"
    #expect(findings == [
      "\(file):5:3: warning: weight 'side.one-wrod' is no evidence feature (did you mean 'side.one-word'?), so its weight counts for nothing",
      "\(file):6:3: warning: weight 'rule.versu' names no composition rule (did you mean 'versus'?)",
      "\(file):7:3: warning: weight 'element.weigth' is no evidence feature (did you mean 'element.weight'?), so its weight counts for nothing",
      "\(file):10:3: warning: weight 'context.sectoin-fixture' is no evidence feature (did you mean 'context.section-fixture'?), so its weight counts for nothing",
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
      version: 2
      family: wrong-example
      record: bout
      sports: [sumo]
      examples:
        - text: |
            Sumo card
            Ann Smith vs. Bo Jones
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

  @Test func aPairingWithNoNameAfterItIsANearMiss() throws {
    // The second fighter's name is missing; only the country is left.
    let text = "FIGHT CARD\nLightweight Abdullah Mohammed Ali (UAE) v (MAR)\n"
    let r = try runCardex(["parse", "--format", "ndjson"], stdin: text)
    #expect(r.status == 0)
    #expect(!r.stdout.contains("\"type\":\"bout\""))
    #expect(r.stderr.contains("-:2: warning: pairs two sides with 'v' but no rule reads a name on both sides of it [near-miss]"))
  }

  @Test func explainShowsRuleElementsAndEvidenceOfARecord() throws {
    let text = "FIGHT CARD\nLighweight Abdullah Mohammed Ali (UAE) v Abdelhak Amhidra (MAR)\n"
    let r = try runCardex(["parse", "--explain", "-q"], stdin: text)
    #expect(r.stdout.contains("-:1: heading\n    card-heading 'FIGHT CARD'"))
    #expect(r.stdout.contains("-:2: record by rule versus"))
    #expect(r.stdout.contains("side 'Abdullah Mohammed Ali' with country 'UAE' → ARE (United Arab Emirates, by ioc)"))
    #expect(r.stdout.contains("weight-class 'Lighweight' → Lightweight (corrected)"))
    #expect(r.stdout.contains("evidence: anchor.strong=1×1.5"))
    #expect(r.stdout.contains("a bout (bout evidence"))
  }
}
