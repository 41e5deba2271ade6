import Foundation
import Testing

@testable import Cardex

/// The hand-written NDJSON writer must say exactly what `JSONEncoder` says.
@Suite struct JSONWriterTests {
  @Test func everyFixtureRecordIsWrittenAsJSONEncoderWouldAndReadsBackEqual() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var checked = 0
    for url in Repo.labelledTexts {
      let name = url.lastPathComponent
      let text = try String(contentsOf: url, encoding: .utf8)
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

  /// A worker encodes a whole chunk's records into one buffer. Writing
  /// must append in place: when the writer once shared the buffer with the
  /// caller, every record copied everything written before it, and
  /// `--jobs 2` did twice the work of one core.
  @Test func appendingWritesIntoTheCallersBufferWithoutCopyingIt() throws {
    let text = try String(contentsOf: Repo.fixtures.appendingPathComponent("the-national-2019-12-30.txt"), encoding: .utf8)
    let items = Repo.extractor.extract(text, source: "x")
    var bytes: [UInt8] = []
    bytes.reserveCapacity(1 << 20)
    let base = bytes.withUnsafeBufferPointer { $0.baseAddress }
    var expected: [UInt8] = []
    for item in items {
      FeedEncoder().ndjsonLine(item, appendingTo: &bytes)
      expected += try FeedEncoder().ndjsonLine(item)
    }
    #expect(items.count > 10)
    #expect(bytes == expected)
    #expect(bytes.withUnsafeBufferPointer { $0.baseAddress } == base)
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
