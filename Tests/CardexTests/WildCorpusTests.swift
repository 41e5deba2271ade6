import Foundation
import Testing

@testable import Cardex

/// The wild corpus holds what issue 14 asks of it, counted from its files:
/// at least 150 documents from 60 sites in 8 languages (English,
/// Portuguese, Spanish, French, German, Italian, Russian and Japanese among
/// them), 25 negative documents, and a `check` split about a third of the
/// first 203 that shares no site with `tune` (the later batches, numbered
/// from 300, are all `tune`, except a second held-out batch numbered 800 to
/// 899, which may be `check`).
@Suite struct WildCorpusTests {
  struct Document {
    var split: String
    var name: String
    var site: String
    var labels: DocumentLabels
  }

  static let wild = Repo.fixtures.appendingPathComponent("wild")

  /// The host of a `.source` line's address, subdomains folded onto the
  /// registered name (`forums.sherdog.com` and `sherdog.com` are one site).
  static func site(ofSource line: String) -> String {
    var host = String(line.split(separator: "|").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    if let scheme = host.range(of: "://") { host = String(host[scheme.upperBound...]) }
    host = String(host.split(separator: "/").first ?? "")
    let parts = host.split(separator: ".").map(String.init)
    if parts.allSatisfy({ Int($0) != nil }) { return host }
    let secondLevel: Set<String> = ["co", "com", "org", "net", "ac", "gov"]
    if parts.count >= 3, secondLevel.contains(parts[parts.count - 2]), parts[parts.count - 1].count == 2 {
      return parts.suffix(3).joined(separator: ".")
    }
    return parts.suffix(2).joined(separator: ".")
  }

  static func documents() throws -> [Document] {
    var out: [Document] = []
    for split in ["tune", "check"] {
      let dir = wild.appendingPathComponent(split)
      let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("expected").path)
        .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
      for name in names {
        let source = try String(contentsOf: dir.appendingPathComponent("raw/\(name).source"), encoding: .utf8)
        let labelPath = dir.appendingPathComponent("expected/\(name).json")
        let labels = try LabelReader.read([UInt8](try Data(contentsOf: labelPath)), file: labelPath.path)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("raw/\(name).txt").path), "\(split)/\(name): no text")
        #expect(source.contains(" | ") && source.contains("://"), "\(split)/\(name).source is not 'address | title (site, date)'")
        out.append(Document(split: split, name: name, site: site(ofSource: source), labels: labels))
      }
    }
    return out
  }

  @Test func corpusMeetsItsCounts() throws {
    let docs = try Self.documents()
    #expect(docs.count >= 150)
    #expect(Set(docs.map(\.site)).count >= 60)
    let languages = Set(docs.compactMap(\.labels.language))
    #expect(languages.count >= 8)
    #expect(languages.isSuperset(of: ["en", "pt", "es", "fr", "de", "it", "ru", "ja"]))
    #expect(docs.filter { $0.labels.negative == true }.count >= 25)
    #expect(Set(docs.map(\.name)).count == docs.count, "a document number is used twice")
  }

  @Test func splitsShareNoSiteAndCheckIsAboutAThird() throws {
    let docs = try Self.documents()
    let tuneSites = Set(docs.filter { $0.split == "tune" }.map(\.site))
    let checkSites = Set(docs.filter { $0.split == "check" }.map(\.site))
    #expect(tuneSites.isDisjoint(with: checkSites), "in both: \(tuneSites.intersection(checkSites).sorted())")
    // The split was drawn on the first 203 documents; the batches numbered
    // from 300, collected later, are all `tune`, except 800-899, a second
    // held-out batch that may be `check`.
    let first = docs.filter { (Int($0.name) ?? 0) < 300 }
    let share = Double(first.filter { $0.split == "check" }.count) / Double(first.count)
    #expect(share > 0.28 && share < 0.4)
    let secondHeldOut = 800..<900
    #expect(docs.filter { (Int($0.name) ?? 0) >= 300 && !secondHeldOut.contains(Int($0.name) ?? 0) }
      .allSatisfy { $0.split == "tune" })
  }

  @Test func everyDocumentSaysWhatItIs() throws {
    let layouts: Set<String> = [
      "card-weight-first", "card-weight-last", "card-weight-header", "card-plain", "card-table", "results-verb",
      "results-table", "fixture-list", "tv-listing", "score-results", "fixture-table", "negative",
    ]
    for d in try Self.documents() {
      #expect(d.labels.language != nil && d.labels.sport != nil, "\(d.split)/\(d.name)")
      #expect(d.labels.layout.map(layouts.contains) == true, "\(d.split)/\(d.name): layout \(d.labels.layout ?? "none")")
      #expect((d.labels.layout == "negative") == (d.labels.negative == true), "\(d.split)/\(d.name)")
    }
  }

  @Test func subdomainsAreOneSite() {
    #expect(Self.site(ofSource: "https://forums.sherdog.com/x | t") == "sherdog.com")
    #expect(Self.site(ofSource: "https://www.independent.co.uk/sport | t") == "independent.co.uk")
    #expect(Self.site(ofSource: "http://45.79.11.37/scores | t") == "45.79.11.37")
  }
}

/// Every label file, dev and wild, passes `docs/labels.schema.json` under an
/// independent validator (Python's `jsonschema`, which `.ci/run` installs),
/// so the schema and cardex's label reader cannot drift apart.
@Suite struct LabelSchemaTests {
  @Test func independentValidatorAcceptsEveryLabelFile() throws {
    let script = """
      import json, sys, glob, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      n = 0
      for pattern in sys.argv[2:]:
          for f in sorted(glob.glob(pattern)):
              jsonschema.validate(json.load(open(f)), schema); n += 1
      print(n)
      """
    let r = try runPython(
      script,
      [
        Repo.root.appendingPathComponent("docs/labels.schema.json").path, Repo.fixtures.path + "/dev/expected/*.json",
        Repo.fixtures.path + "/wild/*/expected/*.json",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    let count = Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    #expect(count >= 200)
  }
}
