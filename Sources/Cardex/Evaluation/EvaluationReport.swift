/// What `cardex eval` measured over a folder of labelled documents.
public struct EvaluationReport: Sendable, Hashable {
  public var directory: String
  public var documents: [DocumentEvaluation] = []
  /// Texts with no label file beside them (not evaluated).
  public var unlabelled: [String] = []
  /// Label files with no text (not evaluated).
  public var labelsWithoutText: [String] = []

  public init(directory: String) {
    self.directory = directory
  }

  public var bouts: RecordTally { documents.reduce(RecordTally()) { $0 + $1.bouts } }
  public var fixtures: RecordTally { documents.reduce(RecordTally()) { $0 + $1.fixtures } }
  public var overall: RecordTally { bouts + fixtures }

  /// Each checked field, over all paired records.
  public var fields: [EvaluatedField: FieldTally] {
    var out: [EvaluatedField: FieldTally] = [:]
    for d in documents {
      for (f, t) in d.fields { out[f, default: FieldTally()] = out[f, default: FieldTally()] + t }
    }
    return out
  }

  /// The fields `score.py` checks, together: the field accuracy quoted as
  /// one figure.
  public var fieldAccuracy: FieldTally {
    fields.filter { $0.key.inOverall }.values.reduce(FieldTally(), +)
  }

  /// Records by a label property (`layout`, `language`, `sport`), for the
  /// breakdowns; documents without it count under `-`.
  public func breakdown(by property: KeyPath<DocumentEvaluation, String?>) -> [(key: String, documents: Int, tally: RecordTally)] {
    var out: [String: (Int, RecordTally)] = [:]
    for d in documents {
      let key = d[keyPath: property] ?? "-"
      let (n, t) = out[key] ?? (0, RecordTally())
      out[key] = (n + 1, t + d.overall)
    }
    return out.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1) }
  }

  public var misses: [DocumentEvaluation.Discrepancy] { documents.flatMap(\.misses) }
  public var extras: [DocumentEvaluation.Discrepancy] { documents.flatMap(\.extras) }

  /// Records found in documents labelled negative: each is a record made
  /// from text that holds none.
  public var recordsFromNegatives: Int { documents.filter(\.negative).reduce(0) { $0 + $1.overall.found } }

  /// Near misses on lines that hold no labelled record.
  public var nearMissesElsewhere: Int { documents.reduce(0) { $0 + $1.nearMissesElsewhere } }

  /// Labelled records missed that cardex at least reported as near misses.
  public var reportedMisses: Int { documents.reduce(0) { $0 + $1.reportedMisses } }
}
