import Foundation
import Testing

@testable import Cardex

/// The checks across records: what a card is, for `fighter-twice`.
@Suite struct FeedCheckerTests {
  /// Two fact boxes under the same heading, with prose between them: the
  /// second event's card books a fighter of the first.
  static let twoCards = """
    Fight night in Abu Dhabi

    FIGHT CARD

    Bantamweight Hamza Bougamza (MAR) v Jalal Al Daaja (JOR)

    Catchweight 67kg Mohamed El Mesbahi (MAR) v Fouad Mesdari (ALG)

    The promotion returns next month with a second event at the same arena, and several of the fighters from this card are already booked for it, the organisers said on Sunday.

    FIGHT CARD

    Bantamweight Hamza Bougamza (MAR) v Omar Hussein (MAR)

    Middleweight Tarek Suleiman (SYR) v Laid Zerhouni (ALG)

    """

  /// What `parse` writes: the records with the feed checks' findings.
  static func parsed(_ text: String) -> [ExtractedItem] {
    var checks = RecordCheck(rules: Repo.shippedRules)
    return checks.pass(Repo.extractor.extract(text, source: "cards.txt")).items
  }

  static func errors(_ items: [ExtractedItem]) -> [String] {
    items.compactMap { item in
      guard case .diagnostic(let d) = item, d.severity == .error else { return nil }
      return "\(d.line): \(d.code)"
    }
  }

  @Test func aSecondCardHeadingStartsANewCard() throws {
    let items = Self.parsed(Self.twoCards)
    let bouts = items.compactMap { item -> Bout? in if case .bout(let b) = item { b } else { nil } }
    #expect(bouts.map(\.sectionLine) == [3, 3, 11, 11])
    #expect(Self.errors(items) == [])
    var feed = Feed()
    for item in items { feed.append(item) }
    let findings = try FeedValidation(rules: Repo.shippedRules).validate(try FeedEncoder().json(feed))
    #expect(findings.map { "\($0.pointer): \($0.rule)" } == [])
  }

  @Test func aFighterTwiceUnderOneHeadingIsStillAnError() {
    let oneCard = Self.twoCards.replacing("FIGHT CARD\n\nBantamweight Hamza Bougamza (MAR) v Omar", with: "Bantamweight Hamza Bougamza (MAR) v Omar")
    #expect(Self.errors(Self.parsed(oneCard)) == ["11: fighter-twice"])
  }

  /// A feed from another tool gives no heading lines: its cards are still
  /// runs under one heading text, as before.
  @Test func recordsWithoutHeadingLinesShareTheCardOfTheirHeadingText() {
    var checker = FeedChecker(rules: Repo.shippedRules)
    var found: [String] = []
    for (i, item) in Self.parsed(Self.twoCards).enumerated() {
      guard case .bout(var b) = item else { continue }
      b.sectionLine = nil
      found += checker.check(b, at: "/bouts/\(i)").map { "\($0.pointer): \($0.rule)" }
    }
    #expect(found.contains { $0.hasSuffix("/fighters/0/name: fighter-twice") })
  }
}
