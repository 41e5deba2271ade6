import Testing

@testable import Cardex

/// A line that pairs two names with a separator and that no pattern took is
/// reported with the pattern that came closest, so that an editor can see
/// why and a rule writer where.
@Suite struct NearMissTests {
  private func nearMisses(_ text: String) -> [Diagnostic] {
    Repo.extractor.extract(text, source: "t").compactMap {
      guard case .diagnostic(let d) = $0, d.code == "near-miss" else { return nil }
      return d
    }
  }

  @Test func aLineAFormatTakesOnlyUnderItsHeadingSaysSo() {
    let found = nearMisses("Some prose.\n\nJuventus v Sevilla, 7.45pm\n")
    #expect(found.map(\.line) == [3])
    #expect(found.first?.column == 1)
    #expect(
      found.first?.message
        == "line pairs two names with a separator but no pattern took it; closest: format 'dash-time-fixtures' matches the whole line but takes records only under one of its headings"
    )
  }

  @Test func otherwiseThePatternThatGotFurthestAndWhatItExpected() {
    let found = nearMisses("John Smith v Bob Jones at the arena\n\nAli (UAE) v Mike Jones (GBR) (72kg)xx\n")
    #expect(found.map(\.line) == [1, 3])
    #expect(found.map(\.column) == [24, 30])
    #expect(
      found.map(\.message) == [
        #"line pairs two names with a separator but no pattern took it; closest: format 'day-fixture-list' pattern "[- ]{home} {sep} {away} ({kickoff})" stopped at column 24, expecting '('"#,
        #"line pairs two names with a separator but no pattern took it; closest: format 'club-country-fixtures' pattern "[- ]{home} ({_:country}) {sep} {away} ({_:country}) - {kickoff}" stopped at column 30, expecting '-'"#,
      ])
  }

  @Test func aRecordIsNoNearMiss() {
    #expect(nearMisses("FIGHT CARD\nCatchweight 67kg Mohamed El Mesbahi (MAR) v Fouad Mesdari (ALG)\n").isEmpty)
  }
}
