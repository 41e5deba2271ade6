import Foundation

extension EvaluationReport {
  /// The report for machines (`cardex eval --format json`): `overall`,
  /// `kinds`, `fields`, `layouts`, `languages` and `documents`, each with
  /// the same figures; documented in `docs/eval.md`.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(Summary(self)), as: UTF8.self)
  }

  private struct Figures: Encodable {
    var expected, found, matched: Int
    var precision, recall, f1: Double
    var documents: Int?

    init(_ t: RecordTally, documents: Int? = nil) {
      expected = t.expected
      found = t.found
      matched = t.matched
      precision = rounded(t.precision)
      recall = rounded(t.recall)
      f1 = rounded(t.f1)
      self.documents = documents
    }
  }

  private struct Overall: Encodable {
    var expected, found, matched: Int
    var precision, recall, f1, fieldAccuracy: Double
  }

  private struct Field: Encodable {
    var checked, correct: Int
    var accuracy: Double
    var inOverall: Bool
  }

  private struct Discrepancy: Encodable {
    var kind: String
    var line: Int?
    var names: [String]
    var raw: String?
    var reason: String?

    init(_ d: DocumentEvaluation.Discrepancy) {
      kind = d.kind.rawValue
      line = d.line
      names = d.names
      raw = d.raw
      reason = d.reason
    }
  }

  private struct WrongField: Encodable {
    var kind: String
    var line: Int?
    var names: [String]
    var field: String
    var expected: String
    var got: String
  }

  private struct Document: Encodable {
    var name, path: String
    var language, sport, layout: String?
    var negative: Bool
    var precision, recall, f1: Double
    var bouts, fixtures: Figures
    var fields: [String: Field]
    var misses, extras: [Discrepancy]
    var wrongFields: [WrongField]
    var nearMissesElsewhere: Int
  }

  private struct Reason: Encodable {
    var reason: String
    var count: Int
  }

  private struct Summary: Encodable {
    var directory: String
    var overall: Overall
    var kinds: [String: Figures]
    var fields: [String: Field]
    var layouts: [String: Figures]
    var languages: [String: Figures]
    var documents: [Document]
    var unlabelled: [String]
    var labelsWithoutText: [String]
    var misses: Int
    var reportedMisses: Int
    var missReasons: [Reason]
    var nearMissesElsewhere: Int
    var recordsFromNegatives: Int

    init(_ r: EvaluationReport) {
      directory = r.directory
      let o = r.overall
      overall = Overall(
        expected: o.expected, found: o.found, matched: o.matched, precision: rounded(o.precision), recall: rounded(o.recall),
        f1: rounded(o.f1), fieldAccuracy: rounded(r.fieldAccuracy.accuracy))
      kinds = ["bouts": Figures(r.bouts), "fixtures": Figures(r.fixtures)]
      fields = Self.fields(r.fields)
      layouts = Dictionary(uniqueKeysWithValues: r.breakdown(by: \.layout).map { ($0.key, Figures($0.tally, documents: $0.documents)) })
      languages = Dictionary(
        uniqueKeysWithValues: r.breakdown(by: \.language).map { ($0.key, Figures($0.tally, documents: $0.documents)) })
      documents = r.documents.map { d in
        Document(
          name: d.name, path: d.path, language: d.language, sport: d.sport, layout: d.layout, negative: d.negative,
          precision: rounded(d.overall.precision), recall: rounded(d.overall.recall), f1: rounded(d.overall.f1),
          bouts: Figures(d.bouts), fixtures: Figures(d.fixtures), fields: Self.fields(d.fields),
          misses: d.misses.map(Discrepancy.init), extras: d.extras.map(Discrepancy.init),
          wrongFields: d.wrongFields.map {
            WrongField(kind: $0.kind.rawValue, line: $0.line, names: $0.names, field: $0.field.rawValue, expected: $0.expected, got: $0.got)
          },
          nearMissesElsewhere: d.nearMissesElsewhere)
      }
      unlabelled = r.unlabelled
      labelsWithoutText = r.labelsWithoutText
      misses = r.misses.count
      reportedMisses = r.reportedMisses
      missReasons = r.missReasons.map { Reason(reason: $0.reason, count: $0.count) }
      nearMissesElsewhere = r.nearMissesElsewhere
      recordsFromNegatives = r.recordsFromNegatives
    }

    static func fields(_ f: [EvaluatedField: FieldTally]) -> [String: Field] {
      Dictionary(
        uniqueKeysWithValues: f.map {
          ($0.key.rawValue, Field(checked: $0.value.checked, correct: $0.value.correct, accuracy: rounded($0.value.accuracy), inOverall: $0.key.inOverall))
        })
    }
  }
}

/// Four decimals: enough to compare runs, short enough to read.
private func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
