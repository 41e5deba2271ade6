import Foundation
import Testing

@testable import Cardex

/// `--jobs` gives the same output as one core, and the benchmark corpus
/// generator plants exactly what cardex finds. (Timing is not tested here:
/// see Benchmarks/run.sh and docs/performance.md.)
@Suite struct ParallelAndCorpusTests {
  static func makeCorpus(mb: Double, in dir: URL) throws -> (path: String, planted: [String: Int]) {
    let path = dir.appendingPathComponent("corpus.txt").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Repo.root.appendingPathComponent("Benchmarks/make_corpus.py").path, "--mb", "\(mb)", "--seed", "7", "--out", path]
    process.standardOutput = Pipe()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let planted = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path + ".planted.json"))) as? [String: Int] ?? [:]
    return (path, planted)
  }

  @Test func generatedCorpusRecordsAreAllFoundAndNoMore() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (path, planted) = try Self.makeCorpus(mb: 0.3, in: dir)
    let r = try runCardex(["parse", "-q", "--format", "ndjson", path])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.filter { $0.contains(#""type":"bout""#) }.count == planted["bouts"])
    #expect(lines.filter { $0.contains(#""type":"fixture""#) }.count == planted["fixtures"])
    #expect(lines.filter { $0.contains(#""code":"near-miss""#) }.count == planted["nearMisses"])
    #expect((planted["bouts"] ?? 0) > 50)
  }

  @Test func jobsGiveTheSameOutputAsOneCoreAcrossChunksAndFiles() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (path, _) = try Self.makeCorpus(mb: 0.3, in: dir)
    let seed = Repo.fixtures.appendingPathComponent("the-national-2019-12-30.txt").path
    let one = try runCardex(["parse", "-q", "--format", "ndjson", "--jobs", "1", path, seed])
    // Small chunks, so the corpus is cut in many places, at blank lines
    // between a FIGHT CARD heading and its bouts among them.
    let many = try runCardex(["parse", "-q", "--format", "ndjson", "--jobs", "3", "--chunk-bytes", "20000", path, seed])
    #expect(one.status == 0 && many.status == 0)
    #expect(one.stdout == many.stdout)
    let json1 = try runCardex(["parse", "-q", "--jobs", "1", path])
    let json2 = try runCardex(["parse", "-q", "--jobs", "2", "--chunk-bytes", "30000", path])
    #expect(json1.stdout == json2.stdout)
  }

  @Test func chunkReaderCountsLinesAsTheSplitterDoes() {
    #expect(ChunkReader.lineEndings(in: Array("a\r\nb\rc\nd".utf8)[...]) == 3)
    #expect(ChunkReader.lineEndings(in: Array("\n\n".utf8)[...]) == 2)
  }
}
