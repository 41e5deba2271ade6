import Foundation
import Testing

@testable import Cardex

/// The matcher's shortcuts (variant shapes, and the fast paths for lines that
/// cannot be records) only save work: with them off, every text gives the
/// same records and diagnostics.
@Suite struct MatchingShortcutTests {
  static let slow = Extractor(rules: Repo.shippedRules, prunesByShape: false)

  /// Every fixture, dev-corpus text and fuzz reproducer; every rule example;
  /// and each of their lines cut, padded and re-cased, so that lines near
  /// the edge of a shape are met too.
  static func texts() throws -> [(name: String, text: String)] {
    var out: [(String, String)] = []
    let fm = FileManager.default
    for dir in [Repo.fixtures, Repo.fixtures.appendingPathComponent("dev/raw"), Repo.fixtures.appendingPathComponent("fuzz")] {
      for file in try fm.contentsOfDirectory(atPath: dir.path).sorted() where file.hasSuffix(".txt") {
        let bytes = try Data(contentsOf: dir.appendingPathComponent(file))
        out.append((file, String(decoding: bytes, as: UTF8.self)))
      }
    }
    for format in Repo.shippedRules.formats {
      for (i, example) in format.examples.enumerated() { out.append(("\(format.id) example \(i + 1)", example.text)) }
    }
    // Paragraphs are never matched; each short line once.
    var seen = Set<String>()
    let lines = out.flatMap { $0.1.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
      .filter { $0.utf8.count <= 200 && seen.insert($0).inserted }
    let variations = lines.flatMap { line -> [String] in
      [String(line.dropFirst()), String(line.dropLast()), "- " + line, line + ")", line.uppercased()]
    }
    // Headings of the shipped formats every few lines, so that formats that
    // take records only under a heading are tried too.
    let headings = ["FIGHT CARD", "Match info", "Uefa Champions League Group B", "Main card", "Saturday, January 14"]
    var text = ""
    for (i, line) in variations.enumerated() {
      if i % 8 == 0 { text += headings[(i / 8) % headings.count] + "\n" }
      text += line + "\n"
    }
    out.append(("variations", text))
    return out
  }

  @Test func shapesNeverChangeWhatIsExtracted() throws {
    for (name, text) in try Self.texts() {
      expectSame(Repo.extractor.extract(text, source: name), Self.slow.extract(text, source: name), name)
    }
  }

  /// Names the first item that differs, rather than printing both feeds.
  func expectSame(_ fast: [ExtractedItem], _ slow: [ExtractedItem], _ name: String) {
    guard fast != slow else { return }
    let i = zip(fast, slow).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(fast.count, slow.count)
    Issue.record("\(name): item \(i) differs: with shortcuts \(i < fast.count ? "\(fast[i])" : "nothing"), without \(i < slow.count ? "\(slow[i])" : "nothing")")
  }

  @Test func shapesNeverChangeTheBenchmarkCorpus() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (path, _) = try ParallelAndCorpusTests.makeCorpus(mb: 0.3, in: dir)
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    expectSame(Repo.extractor.extract(text, source: "corpus"), Self.slow.extract(text, source: "corpus"), "corpus")
  }
}

/// Records read their fields by slot (`FieldValues.Key`), found from the
/// field's name once when the rules are compiled.
@Suite struct FieldSlotTests {
  @Test func fieldNamesFollowTheKeys() {
    #expect(FieldValues.names.count == FieldValues.Key.allCases.count)
    for key in FieldValues.Key.allCases {
      #expect(FieldValues.names[key.rawValue] == "\(key)")
      #expect(FieldValues.key(of: "\(key)") == Int8(key.rawValue))
    }
    #expect(FieldValues.key(of: "sep") == -1)
    #expect(FieldValues.key(of: "") == -1)
    #expect(FieldValues.key(of: String(repeating: "x", count: 40)) == -1)
  }
}
