import Foundation
import Testing

@testable import Cardex

/// Inputs are opened when their turn comes and closed when read, so that
/// descriptors and memory do not grow with the number of files.
@Suite struct InputFileTests {
  /// `count` files of one bout each in `dir`.
  static func cards(_ count: Int, in dir: URL) throws -> [String] {
    try (0..<count).map { i in
      let path = dir.appendingPathComponent("card\(i).txt").path
      try "FIGHT CARD\nLightweight Ann Smith\(ValidateCommandTests.letters(i)) (USA) v Bea Jones (MAR)\n"
        .write(toFile: path, atomically: false, encoding: .utf8)
      return path
    }
  }

  @Test(arguments: [1, 2]) func inputsAreOpenedInTurnAndClosedAfter(_ jobs: Int) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let inputs = try Self.cards(40, in: dir).map { try InputFile(path: $0) }
    #expect(inputs.allSatisfy { !$0.isOpen })
    var mostOpen = 0
    var bouts = 0
    let run = ExtractionRun(extractor: Repo.extractor, jobs: jobs, chunkBytes: 64)
    try run.run(inputs) { batch in
      mostOpen = max(mostOpen, inputs.filter(\.isOpen).count)
      bouts += batch.filter { if case .bout = $0 { true } else { false } }.count
    }
    #expect(mostOpen <= 1)
    #expect(inputs.allSatisfy { !$0.isOpen })
    #expect(bouts == 40)
  }

  @Test func aMissingFileIsRefusedWhenNamed() {
    #expect(throws: InputFile.Failure.self) { try InputFile(path: "/nonexistent/card.txt") }
  }

  /// Under `ulimit -n 64`, 200 files are read one after the other.
  @Test(arguments: ["1", "2"]) func parseReadsMoreFilesThanItMayOpenAtOnce(_ jobs: String) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let files = try Self.cards(200, in: dir)
    let r = try run(
      URL(fileURLWithPath: "/bin/sh"),
      ["-c", "ulimit -n 64; exec \"$0\" \"$@\"", Repo.binary.path, "parse", "-q", "--format", "ndjson", "--jobs", jobs] + files)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.split(separator: "\n").filter { $0.contains(#""type":"bout""#) }.count == 200)
  }
}
