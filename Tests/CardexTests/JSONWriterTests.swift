import Foundation
import Testing

@testable import Cardex

/// The hand-written NDJSON writer must say exactly what `JSONEncoder` says.
@Suite struct JSONWriterTests {
  @Test func everyFixtureRecordIsWrittenAsJSONEncoderWouldAndReadsBackEqual() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let names = try FileManager.default.contentsOfDirectory(atPath: Repo.fixtures.path).filter { $0.hasSuffix(".txt") }
    var checked = 0
    for name in names.sorted() {
      let text = try String(contentsOf: Repo.fixtures.appendingPathComponent(name), encoding: .utf8)
      for item in Repo.extractor.extract(text, source: name) {
        let line = try FeedEncoder().ndjsonLine(item)
        let data = Data(line.dropLast())
        switch item {
        case .bout(let b):
          #expect(try JSONDecoder().decode(Bout.self, from: data) == b)
          #expect(data == (try encoder.encode(b)), "\(name): \(String(decoding: data, as: UTF8.self))")
        case .fixture(let f):
          #expect(try JSONDecoder().decode(Fixture.self, from: data) == f)
          #expect(data == (try encoder.encode(f)))
        case .diagnostic(let d):
          #expect(try JSONDecoder().decode(Diagnostic.self, from: data) == d)
          #expect(data == (try encoder.encode(d)))
        case .explanation:
          continue
        }
        checked += 1
      }
    }
    #expect(checked > 100)
  }

  @Test func awkwardStringsAreEscaped() throws {
    let raw = "Tab\there \"quoted\" back\\slash / slash \u{1} ctrl é \u{2028}"
    let b = Bout(
      sport: "mma", ruleset: nil, weightClass: nil, limit: Weight(kg: 61.23, lb: 135), fighters: [Fighter(name: "A"), Fighter(name: "B")],
      title: true, result: nil, section: nil, format: "f", provenance: Provenance(source: "s", line: 1, raw: raw))
    let line = try FeedEncoder().ndjsonLine(.bout(b))
    #expect(try JSONDecoder().decode(Bout.self, from: Data(line.dropLast())) == b)
  }
}
