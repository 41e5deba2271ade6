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
