import Foundation
import Testing

@testable import Cardex

/// A composition rule's `set:` gives its records the values their lines
/// leave unsaid; what a line says wins. (The values used to be read and
/// dropped.)
@Suite struct RuleValuesTests {
  /// The shipped rules, with `versus` and `result` given `set:` values by
  /// a rules folder that overrides them by id.
  static func rules(in dir: URL) throws -> RuleSet {
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("grammar"), withIntermediateDirectories: true)
    try """
      version: 2
      grammar: finals
      rules:
        - rule: versus
          record: either
          sequence: "side separator[!dash,!away-home] side"
          set: { title: true, rounds: 5, stage: Final, competition: Premier League, homeScore: 3, awayScore: 0 }
        - rule: result
          record: bout
          sequence: "winner result-verb[!loser-first,!draw,!no-contest,!with-method] loser"
          set: { method: Decision, round: R3 }
      """.write(to: dir.appendingPathComponent("grammar/finals.yaml"), atomically: false, encoding: .utf8)
    return try RuleLoader().load(directories: [Repo.rules, dir.path])
  }

  @Test func ruleValuesFillWhatTheLineLeavesUnsaid() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let extractor = Extractor(rules: try Self.rules(in: dir))

    let card = extractFeed("FIGHT CARD\n\nLightweight Mohamed Ali (MAR) vs Fouad Mesdari (ALG)\n", extractor: extractor)
    let bout = try #require(card.bouts.first)
    #expect(bout.title && bout.scheduledRounds == 5)
    #expect(bout.result == nil)

    let results = extractFeed("Results\n\nTom Ward def. Joe Lane\nSam Reed def. Ali Khan by TKO in round 2\n", extractor: extractor)
    #expect(results.bouts.map { $0.result?.method } == ["Decision", "TKO"])
    #expect(results.bouts.map { $0.result?.round } == [3, 2])

    let fixtures = extractFeed("Fixtures\n\nArsenal v Chelsea\nLiverpool v Everton 2-1\n", extractor: extractor).fixtures
    #expect(fixtures.map(\.stage) == ["Final", "Final"])
    #expect(fixtures.map { $0.competition?.canonical } == ["Premier League", "Premier League"])
    #expect(fixtures.first?.competition?.known == true)
    #expect(fixtures.map(\.score) == [Score(home: 3, away: 0), Score(home: 2, away: 1)])
  }

  @Test func withoutSetTheRecordsAreAsBefore() throws {
    let card = extractFeed("FIGHT CARD\n\nLightweight Mohamed Ali (MAR) vs Fouad Mesdari (ALG)\n")
    #expect(card.bouts.first?.title == false)
    #expect(card.bouts.first?.scheduledRounds == nil)
  }
}
