import Foundation
import Testing

@testable import Cardex

/// `rules check` warns about a weight for a name no feature has; the names
/// it knows (`EvidenceFeatures`) must be every name the code makes.
@Suite struct EvidenceFeaturesTests {
  /// Every feature name written as a literal where features are made or
  /// read: `f["…"]`, `features["…"]`, `k["…"]` in the matching and
  /// extraction sources.
  static func namesInSources() throws -> Set<String> {
    var names: Set<String> = []
    let pattern = try Regex(#"(?:\bf|features|\bk)\["([a-z][a-z.-]*)""#)
    for folder in ["Sources/Cardex/Matching", "Sources/Cardex/Extraction"] {
      let dir = Repo.root.appendingPathComponent(folder)
      for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".swift") {
        let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
        for match in text.matches(of: pattern) {
          if let name = match.output[1].substring { names.insert(String(name)) }
        }
      }
    }
    return names
  }

  @Test func everyFeatureTheCodeMakesIsKnown() throws {
    let names = try Self.namesInSources()
    #expect(names.count > 40)
    // Fixed names, or one of the families (`lead.bullet` is `lead.TYPE`).
    let unknown = names.filter { EvidenceFeatures.problem($0, kind: true, rules: Repo.shippedRules) != nil }
    #expect(unknown.isEmpty, "add to EvidenceFeatures: \(unknown.sorted())")
  }

  @Test func noteKindsAreTheSidesNoteKinds() {
    for kind in EvidenceFeatures.noteKinds { #expect(Side.NoteKind(rawValue: kind) != nil, "\(kind)") }
  }

  /// Every weight of the shipped evidence file names a feature.
  @Test func shippedWeightsAllNameFeatures() {
    let rules = Repo.shippedRules
    let ids = Set(rules.grammar.rules.map(\.id))
    for (name, kind) in rules.evidence.weights.keys.map({ ($0, false) }) + rules.evidence.kind.keys.map({ ($0, true) }) {
      if name.hasPrefix("rule.") {
        #expect(ids.contains(String(name.dropFirst(5))), "\(name)")
      } else {
        #expect(EvidenceFeatures.problem(name, kind: kind, rules: rules) == nil, "\(name)")
      }
    }
  }
}
