import Foundation
import Testing

@testable import Cardex

/// The founding article: every field the feed promises, checked on the
/// records that matter, and the whole feed against its committed snapshot.
@Suite struct SeedDocumentTests {
  static let name = "the-national-2019-12-30"

  static func feed() throws -> Feed {
    let text = try String(contentsOf: Repo.fixtures.appendingPathComponent("\(name).txt"), encoding: .utf8)
    return extractFeed(text, source: "Fixtures/\(name).txt")
  }

  @Test func catchweightWithNonBreakingSpaceGivesLimitInBothUnits() throws {
    let bout = try #require(try Self.feed().bouts.first { $0.provenance.line == 68 })
    #expect(bout.weightClass?.canonical == "Catchweight")
    #expect(bout.limit == Weight(kg: 67, lb: 147.7, asWritten: "67kg"))
    #expect(bout.fighters.map(\.name) == ["Mohamed El Mesbahi", "Fouad Mesdari"])
    #expect(bout.provenance.raw == "Catchweight 67kg\u{A0}Mohamed El Mesbahi (MAR) v Fouad Mesdari (ALG)")
    #expect(bout.section == "FIGHT CARD")
    #expect(bout.sport == "mma")
  }

  @Test func algeriaIsReadFromItsIOCCode() throws {
    let bout = try #require(try Self.feed().bouts.first { $0.provenance.line == 68 })
    let algeria = try #require(bout.fighters[1].country)
    #expect(algeria.asWritten == "ALG")
    #expect(algeria.matchedAs == "ioc")
    #expect(algeria.iso3 == "DZA")
    #expect(algeria.iso2 == "DZ")
    #expect(algeria.name == "Algeria")
  }

  @Test func pressCodePALResolvesToPalestineWithANote() throws {
    let feed = try Self.feed()
    let bout = try #require(feed.bouts.first { $0.provenance.line == 72 })
    let palestine = try #require(bout.fighters[0].country)
    #expect(palestine.asWritten == "PAL")
    #expect(palestine.matchedAs == "alias")
    #expect(palestine.ioc == "PLE")
    #expect(palestine.iso3 == "PSE")
    #expect(palestine.note?.contains("not an IOC, FIFA or ISO code") == true)
    #expect(feed.diagnostics.contains { $0.line == 72 && $0.code == "country-nonstandard-code" })
  }

  @Test func misspelledLightweightIsCorrectedWithAWarning() throws {
    let feed = try Self.feed()
    let bout = try #require(feed.bouts.first { $0.provenance.line == 70 })
    #expect(bout.weightClass?.asWritten == "Lighweight")
    #expect(bout.weightClass?.canonical == "Lightweight")
    #expect(bout.weightClass?.classLimit == Weight.pounds(155))
    let warning = try #require(feed.diagnostics.first { $0.line == 70 && $0.code == "weight-class-corrected" })
    #expect(warning.severity == .warning)
    #expect(warning.message == "weight class 'Lighweight' read as 'Lightweight'")
  }

  @Test func fixtureTakesCompetitionAndStageFromTheHeadingAbove() throws {
    let feed = try Self.feed()
    #expect(feed.fixtures.count == 1)
    let fixture = try #require(feed.fixtures.first)
    #expect(fixture.provenance.line == 60)
    #expect(fixture.competition == Competition(asWritten: "Uefa Champions League", canonical: "UEFA Champions League", known: true))
    #expect(fixture.stage == "Group B")
    #expect(fixture.home == "Barcelona")
    #expect(fixture.away == "Tottenham Hotspur")
    #expect(fixture.kickoff == Kickoff(asWritten: "midnight", local: "00:00", utcOffset: nil))
  }

  @Test func proseAndPercentEncodedNoiseGiveNothing() throws {
    let feed = try Self.feed()
    let lines = Set(feed.bouts.map(\.provenance.line) + feed.fixtures.map(\.provenance.line))
    #expect(lines == Set([60] + Array(stride(from: 66, through: 86, by: 2))))
  }

  /// The full feed, byte for byte after decoding, against
  /// `Fixtures/NAME.feed.json`. Set `CARDEX_RECORD=1` to re-record it.
  @Test func wholeFeedMatchesItsSnapshot() throws {
    let feed = try Self.feed()
    let url = Repo.fixtures.appendingPathComponent("\(Self.name).feed.json")
    let encoded = Data(try FeedEncoder().json(feed))
    if ProcessInfo.processInfo.environment["CARDEX_RECORD"] != nil || !FileManager.default.fileExists(atPath: url.path) {
      try encoded.write(to: url)
      Issue.record("recorded a new snapshot at \(url.path); check it and run again")
      return
    }
    let expected = try JSONDecoder().decode(Feed.self, from: Data(contentsOf: url))
    #expect(feed.bouts == expected.bouts)
    #expect(feed.fixtures == expected.fixtures)
    #expect(feed.diagnostics == expected.diagnostics)
    #expect(feed.schemaVersion == expected.schemaVersion)
  }
}
