/// Builds `Bout` and `Fixture` values straight from a parsed `JSONValue`,
/// for the checks of meaning `validate` runs once a record's shape passed
/// the schema.
///
/// `validate` used to write each record back out and decode it again with
/// Foundation's `JSONDecoder`: a second parse of every record, and 36 % of
/// the time on a 20 MB NDJSON feed. The value is already parsed, so the
/// records are read from it here. The rules are `JSONDecoder`'s for the
/// models' synthesized `Decodable`, which a test checks on every fixture
/// feed: every non-optional field (`type` too) must be present and of its
/// type; an optional one may be missing or `null`; an integer field takes
/// any number with no fractional part (`68.0`); keys the model does not
/// have are ignored. Anything else gives nil, as `try?` on the decoder did.
enum RecordValues {
  /// A field missing or of the wrong type: the record is not read.
  struct Mismatch: Error {}

  static func bout(_ value: JSONValue) -> Bout? {
    try? readBout(value)
  }

  static func fixture(_ value: JSONValue) -> Fixture? {
    try? readFixture(value)
  }

  // MARK: Records

  private static func readBout(_ value: JSONValue) throws(Mismatch) -> Bout {
    let o = try Members(value)
    var bout = Bout(
      sport: try string(o["sport"]), ruleset: try optional(o["ruleset"], string),
      weightClass: try optional(o["weightClass"], weightClass), limit: try optional(o["limit"], weight),
      fighters: try array(o["fighters"], fighter), title: try bool(o["title"]),
      scheduledRounds: try optional(o["scheduledRounds"], integer),
      sanctioningBodies: try optional(o["sanctioningBodies"]) { (v: JSONValue) throws(Mismatch) in try array(v, string) },
      result: try optional(o["result"], result), section: try optional(o["section"], string),
      sectionLine: try optional(o["sectionLine"], integer), format: try string(o["format"]),
      provenance: try provenance(o["provenance"]))
    bout.type = try string(o["type"])
    return bout
  }

  private static func readFixture(_ value: JSONValue) throws(Mismatch) -> Fixture {
    let o = try Members(value)
    var fixture = Fixture(
      sport: try string(o["sport"]), competition: try optional(o["competition"], competition),
      stage: try optional(o["stage"], string), home: try string(o["home"]), away: try string(o["away"]),
      kickoff: try optional(o["kickoff"], kickoff), date: try optional(o["date"], string),
      score: try optional(o["score"], score), section: try optional(o["section"], string),
      sectionLine: try optional(o["sectionLine"], integer), format: try string(o["format"]),
      provenance: try provenance(o["provenance"]))
    fixture.type = try string(o["type"])
    return fixture
  }

  // MARK: Parts

  private static func fighter(_ value: JSONValue?) throws(Mismatch) -> Fighter {
    let o = try Members(value)
    return Fighter(name: try string(o["name"]), country: try optional(o["country"], country))
  }

  private static func country(_ value: JSONValue?) throws(Mismatch) -> Country {
    let o = try Members(value)
    return Country(
      asWritten: try string(o["asWritten"]), matchedAs: try optional(o["matchedAs"], string),
      ioc: try optional(o["ioc"], string), fifa: try optional(o["fifa"], string), iso3: try optional(o["iso3"], string),
      iso2: try optional(o["iso2"], string), name: try optional(o["name"], string), note: try optional(o["note"], string))
  }

  private static func weight(_ value: JSONValue?) throws(Mismatch) -> Weight {
    let o = try Members(value)
    return Weight(kg: try double(o["kg"]), lb: try double(o["lb"]), asWritten: try optional(o["asWritten"], string))
  }

  private static func weightClass(_ value: JSONValue?) throws(Mismatch) -> WeightClass {
    let o = try Members(value)
    return WeightClass(
      asWritten: try string(o["asWritten"]), canonical: try string(o["canonical"]), women: try bool(o["women"]),
      classLimit: try optional(o["classLimit"], weight))
  }

  private static func result(_ value: JSONValue?) throws(Mismatch) -> BoutResult {
    let o = try Members(value)
    var r = BoutResult(
      winner: try optional(o["winner"], string), method: try optional(o["method"], string),
      round: try optional(o["round"], integer), time: try optional(o["time"], string))
    r.methodCanonical = try optional(o["methodCanonical"], string)
    return r
  }

  private static func provenance(_ value: JSONValue?) throws(Mismatch) -> Provenance {
    let o = try Members(value)
    return Provenance(source: try string(o["source"]), line: try integer(o["line"]), raw: try string(o["raw"]))
  }

  private static func competition(_ value: JSONValue?) throws(Mismatch) -> Competition {
    let o = try Members(value)
    return Competition(asWritten: try string(o["asWritten"]), canonical: try string(o["canonical"]), known: try bool(o["known"]))
  }

  private static func kickoff(_ value: JSONValue?) throws(Mismatch) -> Kickoff {
    let o = try Members(value)
    return Kickoff(
      asWritten: try string(o["asWritten"]), local: try optional(o["local"], string), utcOffset: try optional(o["utcOffset"], string))
  }

  private static func score(_ value: JSONValue?) throws(Mismatch) -> Score {
    let o = try Members(value)
    return Score(home: try integer(o["home"]), away: try integer(o["away"]))
  }

  // MARK: Values

  /// An object's members, looked up by key.
  private struct Members {
    let pairs: [(key: String, value: JSONValue)]

    init(_ value: JSONValue?) throws(Mismatch) {
      guard case .object(let pairs)? = value else { throw Mismatch() }
      self.pairs = pairs
    }

    subscript(key: String) -> JSONValue? {
      for pair in pairs where pair.key == key { return pair.value }
      return nil
    }
  }

  /// A field that may be missing or `null`; otherwise it must read.
  private static func optional<T>(_ value: JSONValue?, _ read: (JSONValue) throws(Mismatch) -> T) throws(Mismatch) -> T? {
    guard let value, value != .null else { return nil }
    return try read(value)
  }

  private static func string(_ value: JSONValue?) throws(Mismatch) -> String {
    guard case .string(let s)? = value else { throw Mismatch() }
    return s
  }

  private static func bool(_ value: JSONValue?) throws(Mismatch) -> Bool {
    guard case .bool(let b)? = value else { throw Mismatch() }
    return b
  }

  private static func double(_ value: JSONValue?) throws(Mismatch) -> Double {
    guard case .number(let d, _)? = value, d.isFinite else { throw Mismatch() }
    return d
  }

  /// Any number with no fractional part that an `Int` holds, as
  /// `JSONDecoder` reads one (`68.0` and `1e2` too).
  private static func integer(_ value: JSONValue?) throws(Mismatch) -> Int {
    guard case .number(let d, _)? = value, d == d.rounded(), d >= -0x1p63, d < 0x1p63 else { throw Mismatch() }
    return Int(d)
  }

  private static func array<T>(_ value: JSONValue?, _ read: (JSONValue) throws(Mismatch) -> T) throws(Mismatch) -> [T] {
    guard case .array(let items)? = value else { throw Mismatch() }
    var out: [T] = []
    out.reserveCapacity(items.count)
    for item in items { out.append(try read(item)) }
    return out
  }
}
