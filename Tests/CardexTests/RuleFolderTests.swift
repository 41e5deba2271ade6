import Foundation
import Testing

@testable import Cardex

/// A new layout or language is YAML: written at run time, picked up by
/// `parse --rules DIR` with no rebuild.
@Suite struct RuleFolderTests {
  /// Swahili writes `alimshinda` ("defeated") between winner and loser;
  /// the shipped rules do not know the word. One element file teaches it.
  static let swahiliVerb = """
    version: 2
    element: result-verb
    description: A result verb the shipped rules lack, written by the test.
    entries:
      - { phrases: [alimshinda], languages: [sw] }
    """

  static let text = """
    Matokeo ya ndondi
    Juma Hassan alimshinda Ali Bakari
    """

  @Test func newVocabularyInATemporaryFolderIsUsedByTheBuiltBinary() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let elements = dir.appendingPathComponent("elements")
    try FileManager.default.createDirectory(at: elements, withIntermediateDirectories: true)
    let input = dir.appendingPathComponent("card.txt")
    try Self.text.write(to: input, atomically: true, encoding: .utf8)

    // Without the new word: nothing.
    let before = try runCardex(["parse", "--format", "ndjson", "-q", input.path])
    #expect(before.status == 0)
    #expect(!before.stdout.contains("\"type\":\"bout\""))

    try Self.swahiliVerb.write(to: elements.appendingPathComponent("swahili.yaml"), atomically: true, encoding: .utf8)
    let after = try runCardex(["parse", "--rules", dir.path, "--format", "ndjson", "-q", input.path])
    #expect(after.status == 0, "\(after.stderr)")
    let bouts = after.stdout.split(separator: "\n").filter { $0.contains("\"type\":\"bout\"") }
    #expect(bouts.count == 1)
    let bout = try JSONDecoder().decode(Bout.self, from: Data(try #require(bouts.first).utf8))
    #expect(bout.fighters.map(\.name) == ["Juma Hassan", "Ali Bakari"])
    #expect(bout.result?.winner == "Juma Hassan")
    #expect(bout.format == "results-list")
    #expect(bout.provenance.line == 2)
  }

  /// A new composition rule: `A hosts B` makes a fixture with the host at
  /// home, which no shipped rule reads.
  @Test func newCompositionRuleReadsANewLayout() throws {
    let rule = """
      version: 2
      grammar: hosting
      rules:
        - rule: hosts
          record: fixture
          sequence: "home host-verb away"
      """
    let verb = """
      version: 2
      element: host-verb
      entries:
        - { phrases: [hosts, host, welcomes] }
      """
    let extra = try RuleLoader().load(texts: [("verb.yaml", verb), ("hosting.yaml", rule)], checkingTypes: false)
    var rules = Repo.shippedRules
    rules.grammar.rules += extra.grammar.rules
    for entry in extra.elements.entries { rules.elements.add(entry) }
    let feed = extractFeed("Saturday's fixtures\nArsenal hosts Chelsea, 3pm\nLeeds welcomes Everton, 5.30pm\n", extractor: Extractor(rules: rules))
    #expect(feed.fixtures.map(\.home) == ["Arsenal", "Leeds"])
    #expect(feed.fixtures.map(\.away) == ["Chelsea", "Everton"])
    #expect(feed.fixtures.map { $0.kickoff?.local } == ["15:00", "17:30"])
  }

  @Test func laterFolderReplacesAFamilyWithTheSameId() throws {
    let override = """
      version: 2
      family: mma-card
      record: bout
      sports: [mma]
      ruleset: one-championship
      """
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("families"), withIntermediateDirectories: true)
    try override.write(to: dir.appendingPathComponent("families/mma-card.yaml"), atomically: true, encoding: .utf8)
    let rules = try RuleLoader().load(directories: [Repo.rules, dir.path])
    let feed = extractFeed("FIGHT CARD\nLightweight: Ann Smith vs Bo Jones\n", extractor: Extractor(rules: rules))
    // Lightweight is 170 lb in ONE, not the unified rules' 155.
    #expect(feed.bouts.first?.weightClass?.classLimit?.lb == 170)
  }

  /// A promotion named in a heading picks the weight-class table:
  /// lightweight is 155 lb under the unified rules, 170 lb in ONE.
  @Test func headingNamingAPromotionPicksItsWeightClassTable() throws {
    let feed = extractFeed("UFC 300 fight card\nLightweight: Ann Smith vs Bo Jones\n\nONE Championship card\nLightweight: Cy Ray vs Di Lee\n")
    #expect(feed.bouts.map(\.ruleset) == ["mma-unified", "one-championship"])
    #expect(feed.bouts.map { $0.weightClass?.classLimit?.lb } == [155, 170])
  }

  @Test func shippedRulesLoadAndEveryFamilyHasExamples() throws {
    let rules = Repo.shippedRules
    #expect(rules.families.count >= 6)
    for family in rules.families {
      #expect(family.examples.count >= 1, "family \(family.id) has no examples")
      #expect(family.examples.contains { $0.expected.isEmpty } || family.requires.isEmpty == false, "family \(family.id) has no counter-example")
    }
  }
}
