import Foundation
import Testing

@testable import Cardex

/// `validate` builds records from the parsed JSON value (`RecordValues`)
/// instead of decoding each record a second time with `JSONDecoder`; the
/// two must agree on every record, and on what they refuse.
@Suite struct RecordValuesTests {
  /// Every bout and fixture of every labelled text, encoded, read back both
  /// ways.
  @Test func everyFixtureRecordReadsAsJSONDecoderReadsIt() throws {
    var bouts = 0
    var fixtures = 0
    for url in Repo.labelledTexts {
      let feed = extractFeed(try String(contentsOf: url, encoding: .utf8), source: url.lastPathComponent)
      for b in feed.bouts {
        let data = try JSONEncoder().encode(b)
        let read = RecordValues.bout(try JSONReader.parse(Array(data)))
        #expect(read == b)
        #expect(read == (try JSONDecoder().decode(Bout.self, from: data)))
        bouts += 1
      }
      for f in feed.fixtures {
        let data = try JSONEncoder().encode(f)
        let read = RecordValues.fixture(try JSONReader.parse(Array(data)))
        #expect(read == f)
        #expect(read == (try JSONDecoder().decode(Fixture.self, from: data)))
        fixtures += 1
      }
    }
    #expect(bouts > 100 && fixtures > 40)
  }

  /// One record text that both readers see.
  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var json: String
    var reads: Bool
    var testDescription: String { id }
  }

  static let bout =
    #"{"type":"bout","sport":"mma","fighters":[{"name":"A B"},{"name":"C D","country":{"asWritten":"MAR"}}],"title":false,"format":"mma-card","provenance":{"source":"s","line":3,"raw":"A B v C D"}"#

  static let cases = [
    Case(id: "minimal", json: bout + "}", reads: true),
    Case(id: "optional null", json: bout + #","ruleset":null,"result":null}"#, reads: true),
    Case(id: "integer written 3.0", json: bout + #","scheduledRounds":3.0}"#, reads: true),
    Case(id: "integer written 3e0", json: bout + #","scheduledRounds":3e0}"#, reads: true),
    Case(id: "integer with a fraction", json: bout + #","scheduledRounds":3.5}"#, reads: false),
    Case(id: "integer too large", json: bout + #","scheduledRounds":1e19}"#, reads: false),
    Case(id: "unknown key", json: bout + #","colour":"red"}"#, reads: true),
    Case(id: "optional of the wrong type", json: bout + #","section":7}"#, reads: false),
    Case(id: "required null", json: bout.replacingOccurrences(of: #""format":"mma-card""#, with: #""format":null"#) + "}", reads: false),
    Case(id: "type missing", json: bout.replacingOccurrences(of: #""type":"bout","#, with: "") + "}", reads: false),
    Case(id: "women missing", json: bout + #","weightClass":{"asWritten":"x","canonical":"x"}}"#, reads: false),
    Case(id: "result with every field", json: bout + #","result":{"winner":"A B","method":"KO","methodCanonical":"KO","round":2,"time":"1:05"}}"#, reads: true),
    Case(id: "not an object", json: "[1]", reads: false),
  ]

  @Test(arguments: cases)
  func boutReadsExactlyWhenJSONDecoderDoes(_ c: Case) throws {
    let read = RecordValues.bout(try JSONReader.parse(Array(c.json.utf8)))
    let decoded = try? JSONDecoder().decode(Bout.self, from: Data(c.json.utf8))
    #expect((read != nil) == c.reads)
    #expect(read == decoded)
  }
}

/// The schema's patterns are matched on bytes (`SchemaPattern`); `Regex`
/// must give the same answer on every sample, ASCII or not.
@Suite struct SchemaPatternTests {
  static let patterns = [
    "^[A-Z]{2}$", "^[A-Z]{3}$", "^([01][0-9]|2[0-3]):[0-5][0-9]$", "^[+-][0-9]{2}:[0-9]{2}$", "^[0-9]{1,2}:[0-5][0-9]$",
    "^[a-z0-9]+(-[a-z0-9]+)*$",
  ]
  static let samples = [
    "", "A", "AB", "ABC", "ABCD", "Ab", "aBC", "ÅB", "AB\n", "A\u{301}B", "00:00", "09:59", "19:45", "23:59", "24:00", "20:60",
    "2:30", "1:05", "12:59", "123:00", "1:5", "01:60", "٣:05", "+04:00", "-12:00", "+14:30", "04:00", "+4:00", "+04:0", "−04:00",
    "mma", "muay-thai", "mma-unified", "a--b", "-a", "a-", "A", "é", "k1", "9", "a-b-c", "a b",
  ]

  @Test(arguments: patterns)
  func bytesMatchAsRegexDoes(_ pattern: String) throws {
    let regex = try Regex(pattern)
    let fast = SchemaPattern(pattern)
    for s in Self.samples {
      let expected = (try regex.firstMatch(in: s)) != nil
      #expect(fast.matches(s) == expected, "'\(s)' against \(pattern)")
    }
  }
}
