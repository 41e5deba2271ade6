import Foundation
import Testing

@testable import Cardex

/// `FeedValidation` on one-record NDJSON feeds, each broken in one place:
/// numbers as RFC 8259 and JSON Schema 2020-12 read them, UTC offsets in
/// their documented range, countries whose every code and name agree, and
/// no blank or absurd values.
@Suite struct FeedValidationTests {
  /// A record line with `{{KEY}}` placeholders, and what they default to.
  static let bout = """
    {"fighters":[{"country":{"asWritten":"MAR","fifa":{{FIFA}},"ioc":"MAR","iso2":"MA","iso3":"MAR","matchedAs":{{MATCHED}},\
    "name":{{COUNTRY}}},"name":"Hamza Bougamza"},{"name":{{NAME}}}],"format":{{FORMAT}},"limit":{"kg":{{KG}},"lb":135},\
    "provenance":{"line":66,"raw":"x","source":"t.txt"},"result":{"round":{{ROUND}}},"scheduledRounds":{{ROUNDS}},\
    "sport":{{SPORT}},"title":false,"type":"bout",\
    "weightClass":{"asWritten":"Bantamweight","canonical":"Bantamweight","women":false}}
    """
  static let fixture = """
    {"away":"Tottenham Hotspur","format":"fixture-list","home":"Barcelona",\
    "kickoff":{"asWritten":"midnight","local":"00:00","utcOffset":{{OFFSET}}},\
    "provenance":{"line":60,"raw":"x","source":"t.txt"},"sport":"football","type":"fixture"}
    """
  static let defaults = [
    "FIFA": #""MAR""#, "MATCHED": #""ioc""#, "COUNTRY": #""Morocco""#, "NAME": #""Jalal Al Daaja""#,
    "FORMAT": #""mma-card""#, "KG": "61.2", "ROUND": "2", "ROUNDS": "3", "SPORT": #""mma""#, "OFFSET": #""+04:00""#,
  ]

  /// A feed of the header and `template` with `changes` made.
  static func feed(_ template: String, _ changes: [String: String] = [:]) -> [UInt8] {
    var line = template
    for (key, value) in defaults.merging(changes, uniquingKeysWith: { $1 }) {
      line = line.replacing("{{\(key)}}", with: value)
    }
    return Array("{\"generator\":\"test\",\"schemaVersion\":1,\"type\":\"feed\"}\n\(line)\n".utf8)
  }

  static let validation: FeedValidation = {
    do { return try FeedValidation(rules: Repo.shippedRules) } catch { fatalError("\(error)") }
  }()

  /// The findings as `rule pointer` strings.
  static func found(_ bytes: [UInt8]) -> [String] {
    validation.validate(bytes).map { "\($0.rule) \($0.pointer)" }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var template: String
    var changes: [String: String]
    var expected: [String]
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "unchanged records pass", template: bout, changes: [:], expected: []),
    Case(id: "unchanged fixture passes", template: fixture, changes: [:], expected: []),
    Case(id: "68.0 is an integer", template: bout, changes: ["ROUNDS": "3.0", "ROUND": "2.00"], expected: []),
    Case(id: "1e400 is out of range", template: bout, changes: ["KG": "1e400"], expected: ["out-of-range /limit/kg"]),
    Case(id: "-1e400 is out of range", template: bout, changes: ["ROUNDS": "-1e400"], expected: ["out-of-range /scheduledRounds"]),
    Case(id: "+14:00 is the last offset", template: fixture, changes: ["OFFSET": #""+14:00""#], expected: []),
    Case(id: "-12:00 is the first offset", template: fixture, changes: ["OFFSET": #""-12:00""#], expected: []),
    Case(id: "+14:30 is past the range", template: fixture, changes: ["OFFSET": #""+14:30""#], expected: ["invalid-kickoff /kickoff/utcOffset"]),
    Case(id: "-12:59 is before the range", template: fixture, changes: ["OFFSET": #""-12:59""#], expected: ["invalid-kickoff /kickoff/utcOffset"]),
    Case(id: "fifa must agree", template: bout, changes: ["FIFA": #""ALG""#], expected: ["country-mismatch /fighters/0/country/fifa"]),
    Case(id: "name must agree", template: bout, changes: ["COUNTRY": #""Algeria""#], expected: ["country-mismatch /fighters/0/country/name"]),
    Case(id: "matchedAs must agree", template: bout, changes: ["MATCHED": #""name""#], expected: ["country-mismatch /fighters/0/country/matchedAs"]),
    Case(id: "a name of spaces is blank", template: bout, changes: ["NAME": #""   ""#], expected: ["blank /fighters/1/name"]),
    Case(id: "empty sport", template: bout, changes: ["SPORT": #""""#], expected: ["min-length /sport"]),
    Case(id: "blank format", template: bout, changes: ["FORMAT": #"" ""#], expected: ["blank /format"]),
    Case(id: "1000 scheduled rounds", template: bout, changes: ["ROUNDS": "1000", "ROUND": "2"], expected: ["maximum /scheduledRounds"]),
    Case(id: "round 99999999", template: bout, changes: ["ROUND": "99999999"], expected: ["maximum /result/round"]),
  ]

  @Test(arguments: cases) func recordLine(_ c: Case) {
    #expect(Self.found(Self.feed(c.template, c.changes)) == c.expected)
  }

  @Test(arguments: ["067", "-01", "00", "-00.5"]) func leadingZerosAreMalformedJSON(_ kg: String) throws {
    let findings = Self.validation.validate(Self.feed(Self.bout, ["KG": kg]))
    #expect(findings.map(\.rule) == ["malformed-json"])
    #expect(try #require(findings.first).message.hasPrefix("a number may not start with 0 followed by a digit (RFC 8259)"))
  }

  @Test(arguments: ["0", "0.5", "-0", "0e1"]) func aSingleLeadingZeroIsANumber(_ kg: String) {
    let findings = Self.found(Self.feed(Self.bout, ["KG": kg]))
    #expect(!findings.contains { $0.hasPrefix("malformed-json") })
  }

  /// Each misshapen record is skipped by the meaning checks without asking
  /// every finding about it: 20 000 took 26 s, records × findings.
  @Test func manyMisshapenRecordsAreCheckedInLinearTime() {
    let bytes = Array(("{\"schemaVersion\":1,\"generator\":\"x\",\"bouts\":[" + Array(repeating: "1", count: 20_000).joined(separator: ",")
      + "],\"fixtures\":[],\"diagnostics\":[]}").utf8)
    let start = ContinuousClock.now
    let findings = Self.validation.validate(bytes)
    #expect(ContinuousClock.now - start < .seconds(5))
    #expect(findings.count == 20_000)
    #expect(findings.last.map { "\($0.rule) \($0.pointer)" } == "type /bouts/19999")
  }

  /// An NDJSON feed longer than a read (1 MB) is checked line by line as
  /// it is read, lines cut between reads included, with the findings a feed
  /// in memory gives.
  @Test func aLongNDJSONFeedReadAsAStreamGivesWhatItGivesInMemory() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var text = "{\"generator\":\"test\",\"schemaVersion\":1,\"type\":\"feed\"}\n"
    for i in 0..<3000 {
      let changes = i % 500 == 7 ? ["KG": "067"] : i % 700 == 3 ? ["FIFA": #""ALG""#] : [:]
      text += String(decoding: Self.feed(Self.bout, changes).drop { $0 != 10 }.dropFirst(), as: UTF8.self)
    }
    let path = dir.appendingPathComponent("feed.ndjson").path
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    let streamed = try Self.validation.validate(try InputFile(path: path), maxBytes: 1 << 30)
    #expect(streamed == Self.validation.validate(Array(text.utf8)))
    #expect(streamed.contains { $0.rule == "malformed-json" && $0.line == 2509 })
    #expect(streamed.contains { $0.rule == "country-mismatch" && $0.line == 2805 })
  }

  @Test func anEndlessNDJSONLineIsCutAtTheCap() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("feed.ndjson").path
    let text = "{\"generator\":\"test\",\"schemaVersion\":1,\"type\":\"feed\"}\n" + String(repeating: "x", count: 5000)
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    let findings = try Self.validation.validate(try InputFile(path: path), maxBytes: 1000)
    #expect(findings.map { $0.rendered(file: "f") } == ["f:2: /: error[too-large]: line 2 is longer than 1000 bytes, the most validate reads"])
  }

  @Test func outOfRangeAndBlankValuesSayWhy() {
    let big = Self.validation.validate(Self.feed(Self.bout, ["KG": "1e400"]))
    #expect(big.map(\.message) == ["too large a number to read (a 64-bit float holds at most about ±1.8e308)"])
    let blank = Self.validation.validate(Self.feed(Self.bout, ["NAME": #""  ""#]))
    #expect(blank.map(\.message) == ["must not be blank"])
    let rounds = Self.validation.validate(Self.feed(Self.bout, ["ROUNDS": "16", "ROUND": "1"]))
    #expect(rounds.map(\.message) == ["must be at most 15"])
  }
}

/// `validate` loads only the lexicons and demonyms (`RuleLoader.lexiconsOnly`);
/// what it finds must be what the full rules find.
@Suite struct LexiconsOnlyRulesTests {
  static let lexicons: RuleSet = {
    do {
      return try RuleLoader(lexiconsOnly: true).load(directories: [Repo.rules])
    } catch {
      fatalError("shipped lexicons do not load: \(error)")
    }
  }()

  @Test func theFeedChecksFindWhatTheFullRulesFind() throws {
    let full = try FeedValidation(rules: Repo.shippedRules)
    let lexicons = try FeedValidation(rules: Self.lexicons)
    var findings = 0
    for url in Repo.labelledTexts {
      var feed = extractFeed(try String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent)
      // Every country written in other ways (a name, a demonym, an unknown
      // code), and every limit off by 10 kg, so that the checks have
      // something to say.
      for i in feed.bouts.indices {
        for j in feed.bouts[i].fighters.indices {
          feed.bouts[i].fighters[j].country = Country(asWritten: ["Brazilian", "Algeria", "XYZ", "ALG"][(i + j) % 4])
        }
        if let l = feed.bouts[i].limit { feed.bouts[i].limit = .kilograms(l.kg + 10) }
      }
      let bytes = try FeedEncoder().json(feed)
      let expected = full.validate(bytes)
      #expect(lexicons.validate(bytes) == expected, "\(url.lastPathComponent)")
      findings += expected.count
    }
    #expect(findings > 50)
    #expect(Self.lexicons.countries.resolve("Brazilian").isResolved)
    #expect(Self.lexicons.grammar.rules.isEmpty && Self.lexicons.families.isEmpty)
  }
}
