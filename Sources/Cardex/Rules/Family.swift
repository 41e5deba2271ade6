/// A family of event layouts (MMA card, boxing card, results list, fixture
/// list, TV listing): the record it makes, the sports it takes, its
/// defaults, and the examples that show it. A record belongs to the first
/// family, by priority, whose kind and sports fit it and whose required
/// elements it has; the family's id is the record's `format`.
public struct Family: Sendable {
  public enum Record: String, Sendable, CaseIterable { case bout, fixture }

  public var id: String
  public var description: String?
  public var record: Record
  /// The sports the family takes; empty takes any.
  public var sports: [String]
  /// The weight-class table its bouts use.
  public var ruleset: String?
  /// UTC offset of the kick-off times it prints.
  public var timezone: String?
  /// Element types a record must have to belong here (`channel` for a TV
  /// listing, `result` for a results list).
  public var requires: Set<String>
  public var priority: Int
  public var examples: [RuleExample]
  public var file: String
  public var mark: Mark

  /// Whether a record of `kind` and `sport` with these elements belongs here.
  public func takes(_ kind: Record, sport: String, has: Set<String>) -> Bool {
    kind == record && (sports.isEmpty || sports.contains(sport)) && requires.isSubset(of: has)
  }
}

/// Reads a family file (`family: mma-card`).
struct FamilyReader {
  let reader: RuleReader

  static let keys = ["version", "family", "description", "record", "sports", "ruleset", "timezone", "requires", "priority", "examples"]

  func read(_ root: YAMLNode) throws(YAMLError) -> Family {
    let r = reader
    _ = try r.mapping(root, allowed: Self.keys, what: "a family")
    try r.checkVersion(root, accepting: [2])
    let id = try r.requiredString(root, "family", what: "a family")
    let recordName = try r.requiredString(root, "record", what: "family '\(id)'")
    guard let record = Family.Record(rawValue: recordName) else {
      throw r.error(root["record"] ?? root, "record must be bout or fixture\(didYouMean(recordName, ["bout", "fixture"]))")
    }
    var timezone: String?
    if let tz = root["timezone"] {
      let text = try r.string(tz, "'timezone'")
      guard let offset = UTCOffset.parse(text) else {
        if let form = UTCOffset.form(text) { throw r.error(tz, "timezone \(form) is outside the offsets in use, -12:00 to +14:00") }
        throw r.error(tz, "timezone must be a UTC offset such as '+04:00' or 'UTC'")
      }
      timezone = offset
    }
    return Family(
      id: id, description: try r.optionalString(root, "description"), record: record, sports: try r.stringList(root["sports"], "'sports'"),
      ruleset: try r.optionalString(root, "ruleset"), timezone: timezone, requires: Set(try r.stringList(root["requires"], "'requires'")),
      priority: try r.int(root["priority"], "'priority'", default: 0), examples: try RuleExample.read(root["examples"], r), file: r.file,
      mark: root["family"]?.mark ?? root.mark)
  }
}
