import Foundation
import Testing

@testable import Cardex

/// A new event format is a YAML file: written at run time, picked up by
/// `parse --rules DIR` with no rebuild.
@Suite struct RuleFolderTests {
  static let kickboxingFormat = """
    version: 1
    format: kickboxing-results-box
    description: A format the shipped rules do not have, written by the test.
    record: bout
    sport: kickboxing
    ruleset: glory
    headings:
      - "KICKBOXING RESULTS"
    patterns:
      - "{weightClass}: {winner} ({winnerCountry}) beat {loser} ({loserCountry}) by {method} in round {round}"
    """

  static let text = """
    Some prose about a night of kickboxing.
    KICKBOXING RESULTS
    Welterweight: Nieky Holzken (NED) beat Murthel Groenhart (NED) by KO in round 2
    """

  @Test func newFormatInATemporaryFolderIsUsedByTheBuiltBinary() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeAll(at: dir) }
    let formats = dir.appendingPathComponent("formats")
    try FileManager.default.createDirectory(at: formats, withIntermediateDirectories: true)
    let input = dir.appendingPathComponent("card.txt")
    try Self.text.write(to: input, atomically: true, encoding: .utf8)

    // Without the new format: nothing.
    let before = try runCardex(["parse", "--format", "ndjson", "-q", input.path])
    #expect(before.status == 0)
    #expect(!before.stdout.contains("\"type\":\"bout\""))

    try Self.kickboxingFormat.write(to: formats.appendingPathComponent("kickboxing.yaml"), atomically: true, encoding: .utf8)
    let after = try runCardex(["parse", "--rules", dir.path, "--format", "ndjson", "-q", input.path])
    #expect(after.status == 0, "\(after.stderr)")
    let bouts = after.stdout.split(separator: "\n").filter { $0.contains("\"type\":\"bout\"") }
    #expect(bouts.count == 1)
    let bout = try JSONDecoder().decode(Bout.self, from: Data(try #require(bouts.first).utf8))
    #expect(bout.format == "kickboxing-results-box")
    #expect(bout.sport == "kickboxing")
    #expect(bout.fighters.map(\.name) == ["Nieky Holzken", "Murthel Groenhart"])
    #expect(bout.fighters[0].country?.iso3 == "NLD")
    #expect(bout.result == BoutResult(winner: "Nieky Holzken", method: "KO", round: 2, time: nil))
    #expect(bout.weightClass?.classLimit == Weight.kilograms(77))
    #expect(bout.provenance.line == 3)
  }

  @Test func laterFolderReplacesAFormatWithTheSameId() throws {
    let override = """
      version: 1
      format: fact-box-bouts
      record: bout
      sport: boxing
      ruleset: boxing
      section: { required: false }
      patterns:
        - "{weightClass} {fighter1} ({country1}) {sep} {fighter2} ({country2})"
      """
    let rules = try RuleLoader().load(directories: [Repo.rules])
    let replaced = try RuleLoader().load(texts: [("override.yaml", override)])
    var merged = rules
    merged.formats.removeAll { $0.id == "fact-box-bouts" }
    merged.formats += replaced.formats
    let feed = extractFeed("Lightweight Amir Khan (GBR) vs Zab Judah (USA)", extractor: Extractor(rules: merged))
    let bout = try #require(feed.bouts.first)
    #expect(bout.sport == "boxing")
    // Lightweight is 135 lb in boxing, not the MMA table's 155.
    #expect(bout.weightClass?.classLimit == Weight.pounds(135))
  }

  /// A promotion's name on a heading picks the weight-class table:
  /// lightweight is 155 lb under the unified rules, 170 lb in ONE.
  @Test func headingNamingAPromotionPicksItsWeightClassTable() throws {
    let format = """
      version: 1
      format: promotion-cards
      record: bout
      sport: mma
      ruleset: mma-unified
      headings:
        - "UFC CARD"
        - { pattern: "ONE CHAMPIONSHIP CARD", set: { ruleset: one-championship } }
      patterns:
        - "{weightClass}: {fighter1} {sep} {fighter2}"
      """
    let base = try RuleLoader().load(directories: [Repo.rules])
    var rules = base
    rules.formats = try RuleLoader().load(texts: [("promotion.yaml", format)]).formats
    let feed = extractFeed(
      "UFC CARD\nLightweight: Ann Smith vs Bo Jones\n\nONE CHAMPIONSHIP CARD\nLightweight: Cy Ray vs Di Lee\n",
      extractor: Extractor(rules: rules))
    #expect(feed.bouts.map(\.ruleset) == ["mma-unified", "one-championship"])
    #expect(feed.bouts.map { $0.weightClass?.classLimit?.lb } == [155, 170])
  }

  @Test func shippedRulesLoadAndEveryFormatHasExamples() throws {
    let rules = Repo.shippedRules
    #expect(rules.formats.count >= 2)
    for format in rules.formats {
      #expect(format.examples.count >= 5, "format \(format.id) has \(format.examples.count) examples")
      #expect(format.examples.contains { $0.expected.isEmpty }, "format \(format.id) has no counter-example")
    }
  }
}

extension FileManager {
  func removeAll(at url: URL) throws { try removeItem(at: url) }
}
