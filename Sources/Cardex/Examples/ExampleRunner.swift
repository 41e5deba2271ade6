/// Runs the examples written inside rule files and says which fail and why.
///
/// An example is a line (or a small block with its heading) and the records
/// it must give; a counter-example lists none. Examples run against the whole
/// rule set, as real input would, so they also catch a change to the grammar
/// or the evidence that breaks a layout another family shows.
public struct ExampleRunner: Sendable {
  public struct Outcome: Sendable {
    public var family: String
    public var file: String
    public var mark: Mark
    public var text: String
    /// Empty when the example passed.
    public var failures: [String]
    public var passed: Bool { failures.isEmpty }
    /// Where each record of the example was read: the composition rule's
    /// `file:line:column`, for `rules check`.
    public var rulesUsed: [String]
  }

  let extractor: Extractor

  public init(rules: RuleSet) {
    extractor = Extractor(rules: rules)
  }

  public func run() -> [Outcome] {
    extractor.rules.examples.map { family, example in check(example, family: family) }
  }

  private func check(_ example: RuleExample, family: Family) -> Outcome {
    var got: [[String: String]] = []
    var formats: [String] = []
    var used: [String] = []
    for item in extractor.extract(example.text, source: "example", explain: true) {
      switch item {
      case .bout(let b):
        got.append(Self.fields(of: b))
        formats.append(b.format)
      case .fixture(let f):
        got.append(Self.fields(of: f))
        formats.append(f.format)
      case .explanation(let e) where e.kind == .record:
        used.append(e.location)
      case .diagnostic, .explanation:
        break
      }
    }
    var failures: [String] = []
    if got.count != example.expected.count {
      failures.append("expected \(example.expected.count) record(s), got \(got.count)")
    }
    for (i, expected) in example.expected.enumerated() where i < got.count {
      if formats[i] != family.id {
        failures.append("record \(i + 1) belongs to family '\(formats[i])', not '\(family.id)'")
      }
      for key in expected.keys.sorted() {
        let want = expected[key] ?? nil
        let have = got[i][key]
        if have != want {
          failures.append("record \(i + 1) \(key): expected \(want.map { "'\($0)'" } ?? "nothing"), got \(have.map { "'\($0)'" } ?? "nothing")")
        }
      }
    }
    return Outcome(family: family.id, file: example.file, mark: example.mark, text: example.text, failures: failures, rulesUsed: used)
  }

  /// The fields an example may name, as strings.
  static func fields(of b: Bout) -> [String: String] {
    var f: [String: String] = [
      "fighter1": b.fighters[0].name, "fighter2": b.fighters[1].name, "title": b.title ? "true" : "false",
      "sport": b.sport,
    ]
    f["ruleset"] = b.ruleset
    f["country1"] = b.fighters[0].country?.asWritten
    f["country2"] = b.fighters[1].country?.asWritten
    f["weightClass"] = b.weightClass?.canonical
    f["limitKg"] = b.limit.map { format($0.kg) }
    f["limitLb"] = b.limit.map { format($0.lb) }
    f["winner"] = b.result?.winner
    f["method"] = b.result?.method
    f["methodCanonical"] = b.result?.methodCanonical
    f["round"] = b.result?.round.map(String.init)
    f["time"] = b.result?.time
    f["rounds"] = b.scheduledRounds.map(String.init)
    f["bodies"] = b.sanctioningBodies?.joined(separator: ", ")
    f["section"] = b.section
    return f
  }

  static func fields(of x: Fixture) -> [String: String] {
    var f: [String: String] = ["home": x.home, "away": x.away, "sport": x.sport]
    f["competition"] = x.competition?.canonical
    f["competitionAsWritten"] = x.competition?.asWritten
    f["stage"] = x.stage
    f["kickoff"] = x.kickoff?.local
    f["kickoffAsWritten"] = x.kickoff?.asWritten
    f["utcOffset"] = x.kickoff?.utcOffset
    f["date"] = x.date
    f["score"] = x.score.map { "\($0.home)-\($0.away)" }
    f["section"] = x.section
    return f
  }

  static func format(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
  }
}
