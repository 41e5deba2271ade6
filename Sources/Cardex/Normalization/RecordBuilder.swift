/// Turns a matched line's captures, and the values of the headings above it,
/// into a typed record with every field normalized.
///
/// Values are layered: the format's `set`, then its section's headings, then
/// a `scope: next` heading, then the pattern's `set`, then the line's own
/// slots, each overriding the one before.
struct RecordBuilder {
  /// By reference: a builder is made for every record.
  let shared: RuleSet.Shared
  let format: RecordFormat
  let provenance: Provenance
  var diagnostics: [Diagnostic] = []

  init(rules: RuleSet.Shared, format: RecordFormat, provenance: Provenance) {
    self.shared = rules
    self.format = format
    self.provenance = provenance
  }

  /// Appends the record, then its diagnostics, to `out`. `formatValues`
  /// and `ruleValues` are the format's and the rule's `set:`, read once
  /// when the rules were compiled (`Extractor.SetValues`).
  mutating func build(
    formatValues: [Capture], ruleValues: [Capture], captures: [Capture], section: SectionState,
    into out: inout [ExtractedItem]
  ) {
    // Layer by layer, with no array of layers: it was allocated per record.
    // Fields no record reads (`_`, `sep`) have no slot and are skipped.
    var fields = FieldValues()
    for c in formatValues { fields.set(c) }
    for (_, c) in section.values { fields.set(c) }
    for (_, c) in section.nextValues { fields.set(c) }
    for c in ruleValues { fields.set(c) }
    for c in captures { fields.set(c) }
    let record: ExtractedItem
    switch format.kind {
    case .bout: record = .bout(bout(fields, section: section.heading))
    case .fixture: record = .fixture(fixture(fields, section: section.heading))
    }
    out.append(record)
    for d in diagnostics { out.append(.diagnostic(d)) }
  }

  // MARK: Bouts

  private mutating func bout(_ f: FieldValues, section: String?) -> Bout {
    let sport = f[.sport]?.text ?? format.sport
    let ruleset = f[.ruleset]?.text ?? format.ruleset
    let table = shared.rules.weightClasses.table(sport: sport, ruleset: ruleset)
    var title = f[.title].map { $0.text.lowercased() != "false" } ?? false
    let first = NameCleaner.clean(f[.winner]?.text ?? f[.fighter1]?.text ?? "")
    let second = NameCleaner.clean(f[.loser]?.text ?? f[.fighter2]?.text ?? "")
    title = title || first.champion || second.champion
    let fighters = [
      Fighter(name: first.name, country: country(f[.winnerCountry] ?? f[.country1])),
      Fighter(name: second.name, country: country(f[.loserCountry] ?? f[.country2])),
    ]
    var result: BoutResult?
    if f[.winner] != nil || f[.method] != nil || f[.draw] != nil || f[.round] != nil || f[.time] != nil {
      var round: Int?
      if case .int(let r)? = f[.round]?.value { round = r }
      let method = f[.method].map { MethodCleaner.clean($0.text) }
      result = BoutResult(
        winner: f[.draw] != nil ? nil : (f[.winner] != nil ? first.name : nil),
        method: method?.method, round: round ?? method?.round, time: f[.time]?.text)
    }
    var rounds: Int?
    if case .int(let r)? = f[.rounds]?.value { rounds = r } else if let t = f[.rounds]?.text { rounds = Int(t) }
    var limit: Weight?
    if case .weight(let w)? = f[.limit]?.value { limit = w }
    let bodies = f[.bodies].map { Self.bodies(in: $0.text) }
    return Bout(
      sport: sport, ruleset: ruleset ?? table?.ruleset, weightClass: weightClass(f[.weightClass], table: table),
      limit: limit, fighters: fighters, title: title, scheduledRounds: rounds,
      sanctioningBodies: bodies.flatMap { $0.isEmpty ? nil : $0 }, result: result, section: section,
      format: format.id, provenance: provenance)
  }

  /// `WBA, IBF, WBO`, `WBC/WBO`, `IBF and WBA`: one name each.
  static func bodies(in text: String) -> [String] {
    var out: [String] = []
    for part in text.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == "&" }) {
      var words: [Substring] = []
      for word in part.split(separator: " ") {
        if word.lowercased() == "and" {
          if !words.isEmpty { out.append(words.joined(separator: " ")) }
          words = []
        } else {
          words.append(word)
        }
      }
      if !words.isEmpty { out.append(words.joined(separator: " ")) }
    }
    return out
  }

  private mutating func weightClass(_ capture: Capture?, table: WeightClassLexicon.Table?) -> WeightClass? {
    guard let capture else { return nil }
    var spelling = capture.text
    var women = false
    var corrected = false
    if case .weightClass(let s, let c, let w) = capture.value {
      spelling = s
      corrected = c
      women = w
    }
    guard let canonical = shared.rules.weightClasses.canonical(for: spelling, in: table) else {
      // The feed checks report it (`unknown-weight-class`).
      return WeightClass(asWritten: capture.text, canonical: capture.text, women: women)
    }
    if corrected {
      diagnostics.append(diagnostic(.warning, .weightClassCorrected(capture.text, canonical)))
    }
    let limit = table?.limits[canonical] ?? nil
    return WeightClass(
      asWritten: capture.text, canonical: women ? "Women's \(canonical)" : canonical, women: women,
      classLimit: limit)
  }

  private mutating func country(_ capture: Capture?) -> Country? {
    guard let written = capture?.text, !written.isEmpty else { return nil }
    let c = shared.rules.countries.resolve(written)
    // An unknown code is reported by the feed checks (`unknown-country`).
    if c.matchedAs == "alias" || c.matchedAs == "iso2" {
      diagnostics.append(diagnostic(.note, .nonStandardCountry(written, c)))
    }
    return c
  }

  // MARK: Fixtures

  private mutating func fixture(_ f: FieldValues, section: String?) -> Fixture {
    var competition: Competition?
    if let c = f[.competition] {
      if case .competition(let entry) = c.value {
        competition = Competition(asWritten: c.text, canonical: entry.name, known: true)
      } else if let entry = shared.rules.competitions.lookup(c.text) {
        competition = Competition(asWritten: c.text, canonical: entry.name, known: true)
      } else {
        competition = Competition(asWritten: c.text, canonical: c.text, known: false)
      }
    }
    var kickoff: Kickoff?
    if let k = f[.kickoff] {
      var local: String?
      var offset: String?
      var zoned = false
      if case .clock(let l, let o, let z) = k.value {
        local = l
        offset = o
        zoned = z
      }
      let zone = f[.timezone].flatMap { UTCOffset.parse($0.text) } ?? format.timezone
      kickoff = Kickoff(asWritten: k.text, local: local, utcOffset: zoned ? offset : (offset ?? zone))
    }
    var score: Score?
    if case .score(let s)? = f[.score]?.value { score = s }
    if case .int(let h)? = f[.homeScore]?.value, case .int(let a)? = f[.awayScore]?.value {
      score = Score(home: h, away: a)
    }
    let sport = f[.sport]?.text ?? competitionSport(competition) ?? format.sport
    return Fixture(
      sport: sport, competition: competition, stage: f[.stage]?.text, home: f[.home]?.text ?? "",
      away: f[.away]?.text ?? "", kickoff: kickoff, date: f[.date]?.text, score: score, section: section,
      format: format.id, provenance: provenance)
  }

  private func competitionSport(_ c: Competition?) -> String? {
    guard let c, c.known else { return nil }
    return shared.rules.competitions.lookup(c.canonical)?.sport
  }

  private func diagnostic(_ severity: Diagnostic.Severity, _ message: Diagnostic.Message) -> Diagnostic {
    Diagnostic(severity, message, source: provenance.source, line: provenance.line)
  }
}

/// A record's fields while it is built, in a slot per field the builder
/// reads. Each capture carries its field's slot, worked out when the rules
/// were compiled, so a record sets and reads its fields by array index,
/// where it once compared names two dozen times. Fields no record reads
/// (`sep`, `_`, a rule's own names) are dropped.
struct FieldValues {
  /// The fields `RecordBuilder` reads.
  enum Key: Int, CaseIterable {
    case sport, ruleset, title, winner, loser, fighter1, fighter2, winnerCountry, loserCountry, country1, country2
    case method, draw, round, time, rounds, limit, bodies, weightClass
    case competition, kickoff, timezone, score, homeScore, awayScore, stage, home, away, date
  }

  /// Each key's field name, in the order of the cases
  /// (`fieldNamesFollowTheKeys` checks them).
  static let names = [
    "sport", "ruleset", "title", "winner", "loser", "fighter1", "fighter2", "winnerCountry", "loserCountry", "country1", "country2",
    "method", "draw", "round", "time", "rounds", "limit", "bodies", "weightClass",
    "competition", "kickoff", "timezone", "score", "homeScore", "awayScore", "stage", "home", "away", "date",
  ]

  /// The names by length: the rules are compiled with a slot found for
  /// each of some thirty thousand fields, and comparing a name with the two
  /// or three of its length costs a tenth of hashing it.
  private static let namesByLength: [[(name: String, key: Int8)]] = {
    var out = [[(name: String, key: Int8)]](repeating: [], count: 32)
    for (k, name) in names.enumerated() { out[name.utf8.count].append((name, Int8(k))) }
    return out
  }()

  /// A field's slot, or -1 when no record reads it.
  static func key(of field: String) -> Int8 {
    let n = field.utf8.count
    guard n < namesByLength.count else { return -1 }
    for entry in namesByLength[n] where entry.name == field { return entry.key }
    return -1
  }

  private var slots = [Capture?](repeating: nil, count: Key.allCases.count)

  /// Sets a field, replacing a value set before (a later layer wins).
  mutating func set(_ c: Capture) {
    if c.key >= 0 { slots[Int(c.key)] = c }
  }

  /// Lent, not copied: the builder reads a field two dozen times a record,
  /// and each copy retained and released the capture's strings.
  subscript(key: Key) -> Capture? {
    _read { yield slots[key.rawValue] }
  }
}

extension Diagnostic.Message {
  static func weightClassCorrected(_ written: String, _ canonical: String) -> Self {
    Self(code: "weight-class-corrected", "weight class '\(written)' read as '\(canonical)'")
  }
  static func nonStandardCountry(_ written: String, _ c: Country) -> Self {
    Self(
      code: "country-nonstandard-code",
      "'\(written)' read as \(c.name ?? "?") (IOC \(c.ioc ?? "-"), ISO \(c.iso3 ?? "-"))" + (c.note.map { ": \($0)" } ?? ""))
  }
}
