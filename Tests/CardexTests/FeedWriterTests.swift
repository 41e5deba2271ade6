import Foundation
import Testing

@testable import Cardex

/// The feed written as it is made must be the feed `JSONEncoder` makes of
/// the whole, byte for byte, however the records arrive.
@Suite struct FeedWriterTests {
  /// Every labelled text's items, dev and wild, each text's apart: names,
  /// notes and raw lines in many languages and scripts.
  static let items: [[ExtractedItem]] = (Repo.labelledTexts + wildTexts).map { url in
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    var checks = RecordCheck(rules: Repo.shippedRules)
    return checks.pass(Repo.extractor.extract(text, source: url.lastPathComponent)).items
  }

  static let wildTexts: [URL] = ["tune", "check"].flatMap { split in
    let dir = Repo.fixtures.appendingPathComponent("wild/\(split)/raw")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { dir.appendingPathComponent($0) }
  }

  /// Writes `batches` with a `FeedWriter` into a file and reads it back.
  static func written(_ batches: [[ExtractedItem]], _ format: FeedWriter.Format, spoolBytes: Int) throws -> [UInt8] {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("feed").path
    // Written through a descriptor: `OutputFile(path:)` registers its
    // temporary with the process's one signal cleanup, which tests running
    // side by side would share.
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    #expect(fd >= 0)
    defer { close(fd) }
    let sink = OutputFile(descriptor: fd)
    let writer = try FeedWriter(format: format, sink: sink, spoolBytes: spoolBytes)
    for batch in batches { try writer.write(batch) }
    try writer.finish()
    try sink.commit()
    return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// The whole feed as one `JSONEncoder` document, as `parse` once wrote it.
  static func encoded(_ batches: [[ExtractedItem]]) throws -> [UInt8] {
    var feed = Feed()
    for item in batches.joined() { feed.append(item) }
    return try FeedEncoder().json(feed)
  }

  @Test(arguments: [1, 1 << 20]) func jsonWrittenAsItComesIsJSONEncodersDocument(spoolBytes: Int) throws {
    #expect(Self.items.joined().count > 1000)
    #expect(try Self.written(Self.items, .json, spoolBytes: spoolBytes) == Self.encoded(Self.items))
    for text in Self.items {
      // One text's records one by one: a lone bout, a feed of fixtures only.
      let oneByOne = text.map { [$0] }
      #expect(try Self.written(oneByOne, .json, spoolBytes: spoolBytes) == Self.encoded(oneByOne))
    }
  }

  @Test func anEmptyFeedIsJSONEncodersEmptyDocument() throws {
    #expect(try Self.written([], .json, spoolBytes: 1) == Self.encoded([]))
    #expect(try Self.written([[]], .json, spoolBytes: 1) == Self.encoded([]))
  }

  @Test func ndjsonIsTheHeaderThenALinePerRecord() throws {
    var expected = try FeedEncoder().ndjsonHeader()
    for item in Self.items.joined() { FeedEncoder().ndjsonLine(item, appendingTo: &expected) }
    #expect(try Self.written(Self.items, .ndjson, spoolBytes: 1) == expected)
  }
}
