import Foundation
import Testing

@testable import Cardex

/// The prose gate (the reader's fast path) and the full reader agree: every
/// line the gate passes as prose reads, in full, as a paragraph with
/// nothing the session would take, report or count.
@Suite struct ProseGateTests {
  let reader = Repo.extractor.reader

  /// Every line of every text the project holds, as the session reads it.
  static let corpusLines: [[UInt8]] = {
    var lines: [[UInt8]] = []
    let fm = FileManager.default
    for dir in ["", "dev/raw", "wild/tune/raw", "wild/check/raw"] {
      let folder = Repo.fixtures.appendingPathComponent(dir)
      for name in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".txt") {
        guard let data = fm.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
        for raw in data.split(separator: 10, omittingEmptySubsequences: true) {
          lines.append(TextNormalizer.normalize(ArraySlice(raw.filter { $0 != 0 && $0 != 13 })))
        }
      }
    }
    return lines
  }()

  /// What a record or a mention may add to a sentence: each inserted, in
  /// turn, into prose lines the gate passes.
  static let insertions = [
    " vs ", " v ", " - ", " – ", " x ", " def. ", " lost to ", " beat ", " 2-1 ", " 3 ", " 19:45 ", " | ", " @ ", " (USA) ",
    " Premier League ", " Champions League ", " Group A ", " second round ", " Round 3 ", " UFC ", " boxing ", " kick off at 3pm ",
    " midnight ", "-Sevilla ", " Serie A ", " W TKO 8 ", " UD ", " gegen ", " contre ", " Sub ", " KO ", "-backed lost to ", " 7.45pm ", " 41. hafta ", " Division 2 ", " (USA)-Sevilla ", " 3 p.m. ", " 7h30 ", " 2, Chelsea 1 ", " 1 Chelsea 2 ", " (1) 2 ", " Süper Lig'de ", " Premier League'in ",
  ]

  func check(_ bytes: [UInt8]) -> Bool {
    guard let words = reader.gate.proseWords(bytes) else { return false }
    let text = String(decoding: bytes, as: UTF8.self)
    let full = reader.read(text)
    // A pairing far below the near-miss level changes nothing the session
    // decides (only `--explain`, which reads every line in full, shows it).
    let floor = min(Repo.shippedRules.evidence.nearMiss, -1)
    #expect(full.candidates.allSatisfy { $0.score < floor }, "the gate passed a line the grammar pairs: \(text)")
    #expect(full.heading.words == words, "the gate counted \(words) words, the reader \(full.heading.words): \(text)")
    #expect(!full.heading.isHeading && !full.isTableRow, "the gate passed a heading: \(text)")
    let mentions = full.heading.elements.filter { e in
      e.type == "competition" || e.type == "sport-cue" || (e.type == "stage" && !e.tags.contains("named"))
    }
    #expect(mentions.isEmpty, "the gate passed a line naming \(mentions.map(\.type)): \(text)")
    let kickoff = full.elements.elements.contains { $0.type == "kickoff-word" } && full.elements.elements.contains { $0.type == "time" }
    #expect(!kickoff, "the gate passed a kick-off time: \(text)")
    return true
  }

  @Test func everyCorpusLineTheGatePassesReadsAsEmptyProse() {
    let passed = Self.corpusLines.filter { check($0) }
    // The gate is worth having only if it passes most paragraphs.
    let long = Self.corpusLines.filter { $0.count >= 200 }
    #expect(passed.count * 4 >= long.count, "the gate passed \(passed.count) lines of \(long.count) long ones")
  }

  @Test func bytesThatAreNoUTF8GoToTheFullReader() {
    let words = Array(String(repeating: "and then the crowd went home ", count: 4).utf8)
    for bad: [UInt8] in [[0xC0, 0xB0], [0xFF], [0xE2, 0x80], [0xED, 0xA0, 0x80]] {
      #expect(reader.gate.proseWords(words + bad + words) == nil)
    }
    #expect(reader.gate.proseWords(words) == 24)
  }

  @Test func recordsAndMentionsInsertedIntoProseAreNotPassed() {
    let passed = Self.corpusLines.filter { reader.gate.proseWords($0) != nil }
    // Some 300 lines from all over the corpus.
    let prose = stride(from: 0, to: passed.count, by: max(1, passed.count / 300)).map { passed[$0] }
    var generator = SystemRandomNumberGenerator.Seeded(seed: 7)
    for line in prose {
      let text = String(decoding: line, as: UTF8.self)
      let spaces = text.indices.filter { text[$0] == " " }
      for insertion in Self.insertions {
        let at = spaces[Int(generator.next() % UInt64(spaces.count))]
        let changed = String(text[..<at]) + insertion + String(text[text.index(after: at)...])
        _ = check(Array(changed.utf8))
      }
    }
  }
}

extension SystemRandomNumberGenerator {
  /// A small deterministic generator (SplitMix64), so that a failure
  /// reproduces.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }
}
