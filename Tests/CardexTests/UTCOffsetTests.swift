import Foundation
import Testing

@testable import Cardex

/// One definition of the offsets in use, −12:00 … +14:00: what
/// `UTCOffset.parse` reads (from text and rule files) is what `validate`
/// accepts (`UTCOffset.isInRange`).
@Suite struct UTCOffsetTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var text: String
    var parsed: String?
    var testDescription: String { text }
  }

  static let cases = [
    Case(text: "+4", parsed: "+04:00"), Case(text: "UTC+04:00", parsed: "+04:00"), Case(text: "GMT", parsed: "+00:00"),
    Case(text: " utc-5 ", parsed: "-05:00"), Case(text: "+05:45", parsed: "+05:45"), Case(text: "+14", parsed: "+14:00"),
    Case(text: "+14:00", parsed: "+14:00"), Case(text: "-12:00", parsed: "-12:00"), Case(text: "+14:30", parsed: nil),
    Case(text: "UTC-12:59", parsed: nil), Case(text: "-13", parsed: nil), Case(text: "+15", parsed: nil),
    Case(text: "+04:60", parsed: nil), Case(text: "varies", parsed: nil),
  ]

  @Test(arguments: cases)
  func offsetIsReadOnlyInsideTheRange(_ c: Case) {
    #expect(UTCOffset.parse(c.text) == c.parsed)
  }

  /// Every hour and a spread of minutes, both signs: read exactly when the
  /// feed check accepts the normalized form.
  @Test func parseAndTheFeedCheckAgreeOnEveryOffset() {
    for sign in ["+", "-"] {
      for h in 0...16 {
        for m in [0, 1, 15, 30, 45, 59] {
          let written = sign + (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
          #expect((UTCOffset.parse(written) != nil) == UTCOffset.isInRange(written), "\(written)")
        }
      }
    }
  }

  /// A time zone whose rule value is out of range gives a kick-off with
  /// no offset, not a record `validate` would refuse.
  @Test func aZoneOutOfRangeInTheRulesGivesNoOffset() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("elements"), withIntermediateDirectories: true)
    try """
      version: 2
      element: time-zone
      entries:
        - phrases: [LINT]
          value: "+14:30"
        - phrases: [LINX]
          value: "+14:00"
      """.write(to: dir.appendingPathComponent("elements/more-zones.yaml"), atomically: false, encoding: .utf8)
    let rules = try RuleLoader().load(directories: [Repo.rules, dir.path])
    let text = "Fixtures\n\nMatchday 5\nBarcelona v Sevilla, 19:00 LINT\nValencia v Getafe, 21:00 LINX\n"
    let fixtures = extractFeed(text, extractor: Extractor(rules: rules)).fixtures
    #expect(fixtures.map(\.home) == ["Barcelona", "Valencia"])
    #expect(fixtures.map { $0.kickoff?.utcOffset } == [nil, "+14:00"])
    #expect(fixtures.map { $0.kickoff?.local } == ["19:00", "21:00"])
  }
}
