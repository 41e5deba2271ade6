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

  /// Library users get what `--jobs` does: `ExtractionRun` on several cores
  /// gives the items one core gives, in the same order.
  @Test func libraryRunOnSeveralCoresGivesWhatOneCoreGives() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (path, planted) = try Self.makeCorpus(mb: 0.3, in: dir)
    func items(jobs: Int) throws -> [ExtractedItem] {
      var out: [ExtractedItem] = []
      let run = ExtractionRun(extractor: Repo.extractor, jobs: jobs, chunkBytes: 25_000)
      try run.run([try InputFile(path: path)]) { batch in out += batch }
      return out
    }
    let one = try items(jobs: 1)
    let four = try items(jobs: 4)
    #expect(one == four)
    #expect(one.filter { if case .bout = $0 { return true } else { return false } }.count == planted["bouts"])
  }

  /// Swift seeds its hashing per process: nothing cardex outputs may hang
  /// on the order a dictionary or set happens to give (a tie between two
  /// competitions named on one line once did).
  @Test func outputIsTheSameFromOneRunToTheNext() throws {
    let dir = Repo.fixtures.appendingPathComponent("wild/tune/raw")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
      .map { dir.appendingPathComponent($0).path }
    let first = try runCardex(["parse", "-q", "--format", "ndjson", "--jobs", "1"] + files)
    let second = try runCardex(["parse", "-q", "--format", "ndjson", "--jobs", "1"] + files)
    #expect(first.status == 0 && !first.stdout.isEmpty)
    #expect(first.stdout == second.stdout)
  }

  /// Small chunks, so the corpus is cut in many places (between a FIGHT
  /// CARD heading and its bouts among them), in both feed formats, and a
  /// second file after it: what `--jobs` gives is what one core gives.
  @Test(arguments: ["ndjson", "json"])
  func jobsGiveTheSameOutputAsOneCoreAcrossChunksAndFiles(_ format: String) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (path, _) = try Self.makeCorpus(mb: 0.3, in: dir)
    let seed = Repo.fixtures.appendingPathComponent("the-national-2019-12-30.txt").path
    let one = try runCardex(["parse", "-q", "--format", format, "--jobs", "1", path, seed])
    #expect(one.status == 0 && !one.stdout.isEmpty)
    for (jobs, chunk) in [("3", "1"), ("3", "700"), ("3", "20000"), ("2", "30000")] {
      let many = try runCardex(["parse", "-q", "--format", format, "--jobs", jobs, "--chunk-bytes", chunk, path, seed])
      #expect(many.status == 0)
      #expect(many.stdout == one.stdout, "--jobs \(jobs) --chunk-bytes \(chunk)")
    }
  }

  /// A chunk's lines are the lines one splitter gives the whole input:
  /// the same numbers, bytes and endings, whatever the chunk size.
  @Test(arguments: [1, 5, 64, 1 << 20])
  func chunksHoldTheLinesTheSplitterGives(_ size: Int) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("input.txt").path
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\rthree\n\n\r\n".utf8) + Array(repeating: 120, count: 300) + Array("\nlast".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    var expected: [String] = []
    var splitter = LineSplitter(maxLineBytes: 100)
    splitter.feed(bytes[...]) { n, line in expected.append("\(n) \(Array(line)) true") }
    splitter.finish { n, line in expected.append("\(n) \(Array(line)) false") }
    let reader = ChunkReader(input: try InputFile(path: path), targetSize: size, maxLineBytes: 100)
    var got: [String] = []
    var chunks = 0
    var sawLast = false
    while let chunk = try reader.next() {
      #expect(!sawLast)
      sawLast = chunk.isLast
      chunks += 1
      chunk.forEachLine { line, n, terminated in got.append("\(n) \(Array(line)) \(terminated)") }
    }
    #expect(sawLast)
    #expect(got == expected)
    #expect(size > 100 || chunks >= 2)
  }

  /// Inputs that once made `--jobs` differ from one core (found in review).
  struct ChunkCase: CustomTestStringConvertible, Sendable {
    var id: String
    var bytes: [UInt8]
    var testDescription: String { id }
  }

  static let chunkCases: [ChunkCase] = {
    let bout = "Catchweight 67kg Fighter One (MAR) v Other One (ALG)"
    var cases: [ChunkCase] = []
    // A section open across many chunks.
    var long = "FIGHT CARD\n"
    for i in 0..<700 { long += "\nCatchweight 67kg Fighter N\(i)x (MAR) v Other N\(i)x (ALG)\n" }
    cases.append(ChunkCase(id: "section open across many chunks", bytes: Array(long.utf8)))
    // Lone CR line endings throughout.
    var cr = "FIGHT CARD\r"
    for i in 0..<400 { cr += "filler line \(i)\rJon Jones\(i) def. Daniel Cormier via KO\r" }
    cases.append(ChunkCase(id: "lone CR endings", bytes: Array(cr.utf8)))
    // A line longer than a chunk, ending in a record-like tail.
    cases.append(ChunkCase(id: "line longer than a chunk", bytes: Array((String(repeating: "x", count: 50_000) + " Jon Jones def. Daniel Cormier via KO\nnext\n").utf8)))
    // The same fighter twice on one card, across a cut.
    var dup = "FIGHT CARD\n\n" + bout + "\n"
    for _ in 0..<300 { dup += "\n" }
    dup += "\nFeatherweight Fighter One (MAR) v Third Man (EGY)\n"
    cases.append(ChunkCase(id: "fighter twice across a cut", bytes: Array(dup.utf8)))
    // Invalid UTF-8 in two chunks: one diagnostic per input.
    var bad: [UInt8] = Array("a".utf8) + [0xFF, 10]
    for i in 0..<600 { bad += Array("line \(i)\n".utf8) }
    bad += Array("b".utf8) + [0xFE, 10]
    cases.append(ChunkCase(id: "invalid UTF-8 in two chunks", bytes: bad))
    // U+FEFF starting a line that lands on a cut: only the file's own
    // byte-order mark is dropped.
    var mark: [UInt8] = []
    for i in 0..<2000 { mark += Array("l\(i)\n\n".utf8) }
    mark += [0xEF, 0xBB, 0xBF] + Array("Jon Jones def. Daniel Cormier via KO\n".utf8)
    cases.append(ChunkCase(id: "U+FEFF inside the file", bytes: mark))
    return cases
  }()

  @Test(arguments: chunkCases)
  func jobsMatchOneCoreOnAwkwardInput(_ c: ChunkCase) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("input.txt")
    try Data(c.bytes).write(to: input)
    let one = try runCardex(["parse", "-q", "--format", "ndjson", "--jobs", "1", input.path])
    for chunk in ["997", "4096", "20000"] {
      let many = try runCardex(["parse", "-q", "--format", "ndjson", "--jobs", "3", "--chunk-bytes", chunk, input.path])
      #expect(many.status == 0)
      #expect(many.stdout == one.stdout, "chunks of \(chunk) bytes")
    }
  }

  @Test func absurdJobCountIsABadFlag() throws {
    let r = try runCardex(["parse", "--jobs", "9223372036854775807", "-"], stdin: "")
    #expect(r.status == 64)
    #expect(r.stderr.contains("--jobs must be between 1 and 1024"))
  }
}
