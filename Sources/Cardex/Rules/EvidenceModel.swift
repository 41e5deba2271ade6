/// How much each piece of evidence counts for a line being a record, and
/// for a record being a bout rather than a fixture. Read from the rules'
/// evidence file so a person can read and change the weights.
///
/// A candidate's score is the sum of the weights of the features it shows
/// (`separator.strong`, `context.siblings`, `lead.unexplained` per word …).
/// At or above `threshold` the line is a record; between `nearMiss` and the
/// threshold it is a near miss, reported with the features that held it
/// back; below, it is prose.
public struct EvidenceModel: Sendable {
  public var threshold = 0.0
  public var nearMiss = -2.0
  /// Feature name → weight, for record or not.
  public var weights: [String: Double] = [:]
  /// Feature name → weight towards a bout (positive) or a fixture (negative).
  public var kind: [String: Double] = [:]
  public var file = ""
  /// Where each weight was written, by feature name, for `rules check`'s
  /// warnings about names no feature has.
  public var weightPlaces: [String: Place] = [:]
  public var kindPlaces: [String: Place] = [:]

  /// A key's file and position.
  public struct Place: Sendable, Hashable {
    public var file: String
    public var mark: Mark
  }

  public init() {}

  public func weight(_ feature: String) -> Double { weights[feature] ?? 0 }
}

/// Reads the evidence file (`evidence: default`).
struct EvidenceReader {
  let reader: RuleReader

  static let keys = ["version", "evidence", "description", "threshold", "near-miss", "weights", "kind"]

  func read(_ root: YAMLNode, into model: inout EvidenceModel) throws(YAMLError) {
    let r = reader
    _ = try r.mapping(root, allowed: Self.keys, what: "an evidence file")
    try r.checkVersion(root, accepting: [2])
    _ = try r.requiredString(root, "evidence", what: "an evidence file")
    if let t = root["threshold"] { model.threshold = try r.number(t, "'threshold'") }
    if let n = root["near-miss"] { model.nearMiss = try r.number(n, "'near-miss'") }
    if model.nearMiss > model.threshold { throw r.error(root["near-miss"] ?? root, "'near-miss' must not be above 'threshold'") }
    for (key, map, places) in [
      ("weights", \EvidenceModel.weights, \EvidenceModel.weightPlaces), ("kind", \EvidenceModel.kind, \EvidenceModel.kindPlaces),
    ] {
      guard let node = root[key] else { continue }
      for (k, v) in try r.mapping(node, allowed: node.keys, what: "'\(key)'") {
        let name = try r.string(k, "a feature")
        model[keyPath: map][name] = try r.number(v, "the weight of '\(name)'")
        model[keyPath: places][name] = EvidenceModel.Place(file: r.file, mark: k.mark)
      }
    }
    model.file = r.file
  }
}
