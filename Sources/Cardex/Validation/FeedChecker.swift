/// The checks of meaning a feed must pass before it is published.
///
/// The schema says a record has the right shape; these say it makes sense:
/// two different fighters, a known class with a plausible limit, countries
/// that resolve, a fighter once per card, distinct teams, a winner who
/// fought, a round within the schedule, no record twice. `parse` runs them
/// on each record it writes and `validate` on each record it reads; the
/// checker keeps what it has seen, for the checks across records.
public struct FeedChecker: Sendable {
  let rules: RuleSet
  /// Fighters on the current card: folded name → where it first appears.
  /// A card is a run of bouts from one source under one section heading
  /// (the same heading line, when the records give it: a second `FIGHT
  /// CARD` box in an article is a second card), with no more than `cardGap`
  /// lines between neighbours; an archive file holds many cards.
  private var fightersOnCard: [String: FighterPlace] = [:]

  /// A fighter's place in the feed, made into a pointer only when a finding
  /// names it: a pointer into the feed document, or, for a record checked
  /// on its own (an NDJSON line, a record `parse` writes), its source line.
  struct FighterPlace: Sendable, Equatable {
    var record: String
    var index: Int
    var source: String
    var line: Int
    /// The feed line of an NDJSON record (its pointer is only `/fighters/N`).
    var feedLine: Int? = nil
    var pointer: String {
      record.isEmpty ? "\(source):\(line)" : (feedLine.map { "line \($0), " } ?? "") + "\(record)/fighters/\(index)"
    }
  }
  private var card: Card?

  struct Card: Sendable, Equatable {
    var source: String
    var section: String?
    var sectionLine: Int?
    var line: Int

    /// Whether `b` is on this card too.
    func holds(_ b: Bout) -> Bool {
      source == b.provenance.source && section == b.section && sectionLine == b.sectionLine
        && abs(b.provenance.line - line) <= FeedChecker.cardGap
    }
  }

  /// What the checks carry from record to record: the current card.
  struct CardState: Sendable, Equatable {
    var card: Card?
    var fighters: [String: FighterPlace]
  }

  var cardState: CardState {
    get { CardState(card: card, fighters: fightersOnCard) }
    set {
      card = newValue.card
      fightersOnCard = newValue.fighters
    }
  }
  static let cardGap = 40
  /// Classes with no upper limit, or none at all: any limit fits them.
  static let openClasses: Set<String> = ["Catchweight", "Openweight", "Super Heavyweight", "Heavyweight"]
  /// Records seen: a digest of the identity → where the record is. A
  /// 128-bit digest, not the identity text (source, line, names): the
  /// table grows with the feed, and held 100 MB of identities on a 200 MB
  /// feed.
  private var records: [RecordKey: String] = [:]
  /// With `.recent`: the last records of the input being read, oldest
  /// first, and the same as a table.
  private var recentOrder: [RecordKey] = []
  private var recentRecords: [RecordKey: String] = [:]
  static let recentKept = 64

  struct RecordKey: Hashable {
    var a: Int
    var b: Int

    /// Two hashes of `identity` under different salts: two records share a
    /// key by chance about once in 2^64 pairs.
    init(_ identity: String) {
      var h = Hasher()
      h.combine(0x5EED_0001)
      h.combine(identity)
      a = h.finalize()
      var g = Hasher()
      g.combine(0x5EED_0002)
      g.combine(identity)
      b = g.finalize()
    }
  }

  /// The feed line of the record being checked, for an NDJSON feed, whose
  /// pointers do not say which record: a finding that points back at an
  /// earlier record names its line.
  var line: Int?

  /// Which records `duplicate-record` compares a record with.
  public enum Duplicates: Sendable, Equatable {
    /// Every record of the feed (`validate`).
    case all
    /// What `parse` needs, in flat memory. A record's identity holds its
    /// source and line, and a session gives one line's records together, so
    /// within one input a record can only repeat one of the last few; across
    /// inputs, only one of an input read earlier under the same name (a
    /// file named twice), whose records are therefore remembered whole.
    case recent(repeatedSources: Set<String>)
  }

  let duplicates: Duplicates

  /// Whether the records come from this rule set's own `RecordBuilder`
  /// (`parse`): their countries were resolved by the same lexicon, so only
  /// whether they resolved needs checking, not every code again.
  let recordsAreOwn: Bool

  public init(rules: RuleSet) {
    self.init(rules: rules, duplicates: .all, recordsAreOwn: false)
  }

  init(rules: RuleSet, duplicates: Duplicates, recordsAreOwn: Bool) {
    self.rules = rules
    self.duplicates = duplicates
    self.recordsAreOwn = recordsAreOwn
  }

  public mutating func check(_ b: Bout, at p: String) -> [ValidationFinding] {
    var out: [ValidationFinding] = []
    let names = b.fighters.map { foldName($0.name) }
    if names.count == 2, names[0] == names[1] {
      out.append(.init(.error, "same-fighter", at: "\(p)/fighters/1/name", "'\(b.fighters[1].name)' cannot fight themself"))
    }
    let table = rules.weightClasses.table(sport: b.sport, ruleset: b.ruleset)
    var classLimit: Weight?
    var catchweight = false
    if let w = b.weightClass {
      let base = w.women ? String(w.canonical.drop { $0 != " " }.dropFirst()) : w.canonical
      if let canonical = rules.weightClasses.canonical(for: base.isEmpty ? w.canonical : base, in: table) {
        classLimit = table?.limits[canonical] ?? nil
        catchweight = Self.openClasses.contains(canonical)
      } else {
        out.append(.init(.error, "unknown-weight-class", at: "\(p)/weightClass/canonical", "'\(w.canonical)' is not a \(b.sport) weight class"))
      }
    }
    if let l = b.limit {
      if abs(l.kg * Weight.poundsPerKilogram - l.lb) > 0.25 {
        out.append(.init(.error, "inconsistent-weight", at: "\(p)/limit", "\(formatNumber(l.kg)) kg is not \(formatNumber(l.lb)) lb"))
      }
      if l.kg < 40 || l.kg > 200 {
        out.append(.init(.error, "implausible-limit", at: "\(p)/limit/kg", "\(formatNumber(l.kg)) kg is not a plausible limit for a person"))
      } else if let classLimit, !catchweight, let canonical = b.weightClass?.canonical {
        let lower = lowerBound(of: classLimit, in: table)
        // One pound of allowance in non-title bouts, and rounding.
        if l.kg > classLimit.kg + 1.0 || l.kg < lower - 1.0 {
          out.append(.init(.error, "implausible-limit", at: "\(p)/limit/kg", "\(formatNumber(l.kg)) kg is outside \(canonical) (\(formatNumber(lower))–\(formatNumber(classLimit.kg)) kg in \(table?.ruleset ?? b.sport))"))
        }
      }
    }
    for (i, f) in b.fighters.enumerated() {
      if let c = f.country { out += check(c, at: p, fighter: i) }
    }
    if let r = b.result { out += check(r, of: b, names: names, at: p) }
    if let c = card, c.holds(b) {
      card?.line = b.provenance.line
    } else {
      card = Card(source: b.provenance.source, section: b.section, sectionLine: b.sectionLine, line: b.provenance.line)
      // Kept for the next card: a new table for every card was rehashed
      // as it grew, bout by bout.
      fightersOnCard.removeAll(keepingCapacity: true)
    }
    for (i, name) in names.enumerated() where i == 0 || name != names[0] {
      let key = name
      if let first = fightersOnCard[key] {
        out.append(.init(.error, "fighter-twice", at: "\(p)/fighters/\(i)/name", "'\(b.fighters[i].name)' already fights on this card (\(first.pointer))"))
      } else {
        fightersOnCard[key] = FighterPlace(record: p, index: i, source: b.provenance.source, line: b.provenance.line, feedLine: line)
      }
    }
    out += seen("bout\u{1F}\(b.provenance.source)\u{1F}\(b.provenance.line)\u{1F}" + names.sorted().joined(separator: "\u{1F}"), b.provenance, at: p)
    return out
  }

  private func check(_ r: BoutResult, of b: Bout, names: [String], at p: String) -> [ValidationFinding] {
    var out: [ValidationFinding] = []
    if let winner = r.winner, !names.contains(foldName(winner)) {
      out.append(.init(.error, "winner-not-fighter", at: "\(p)/result/winner", "'\(winner)' is not one of the two fighters"))
    }
    if let round = r.round, let scheduled = b.scheduledRounds, round > scheduled {
      out.append(.init(.error, "round-beyond-schedule", at: "\(p)/result/round", "round \(round) is after the \(scheduled) scheduled"))
    } else if let round = r.round, round > 12 {
      out.append(.init(.warning, "implausible-round", at: "\(p)/result/round", "no \(b.sport) bout has a round \(round)"))
    }
    return out
  }

  public mutating func check(_ x: Fixture, at p: String) -> [ValidationFinding] {
    var out: [ValidationFinding] = []
    if foldName(x.home) == foldName(x.away) {
      out.append(.init(.error, "same-team", at: "\(p)/away", "'\(x.away)' cannot play itself"))
    }
    if let k = x.kickoff {
      if let local = k.local, !isTime(local) {
        out.append(.init(.error, "invalid-kickoff", at: "\(p)/kickoff/local", "'\(local)' is not a 24-hour HH:mm time"))
      }
      if let o = k.utcOffset, !isOffset(o) {
        out.append(.init(.error, "invalid-kickoff", at: "\(p)/kickoff/utcOffset", "'\(o)' is not a UTC offset between -12:00 and +14:00"))
      }
    }
    out += seen("fixture\u{1F}\(x.provenance.source)\u{1F}\(x.provenance.line)\u{1F}\(foldName(x.home))\u{1F}\(foldName(x.away))", x.provenance, at: p)
    return out
  }

  private func check(_ c: Country, at record: String, fighter: Int) -> [ValidationFinding] {
    if recordsAreOwn && c.isResolved { return [] }
    let p = "\(record)/fighters/\(fighter)/country"
    let resolved = rules.countries.resolve(c.asWritten)
    guard resolved.isResolved else {
      return [.init(.error, "unknown-country", at: p, "'\(c.asWritten)' is not an IOC, FIFA or ISO code or a known country name")]
    }
    var out: [ValidationFinding] = []
    // Every field the record gives must be what its code resolves to: a
    // MAR country with `fifa: ALG` or `name: Algeria` says two things.
    let fields = [
      ("matchedAs", c.matchedAs, resolved.matchedAs), ("ioc", c.ioc, resolved.ioc), ("fifa", c.fifa, resolved.fifa),
      ("iso3", c.iso3, resolved.iso3), ("iso2", c.iso2, resolved.iso2), ("name", c.name, resolved.name),
    ]
    for (field, given, expected) in fields {
      if let given, given != expected {
        out.append(.init(.error, "country-mismatch", at: "\(p)/\(field)", "'\(c.asWritten)' is \(expected ?? "no code") in \(field), not '\(given)'"))
      }
    }
    return out
  }

  /// A `duplicate-record` finding when the record was seen before, as
  /// `duplicates` says; `p` empty names it by its source line.
  private mutating func seen(_ identityText: String, _ provenance: Provenance, at p: String) -> [ValidationFinding] {
    let identity = RecordKey(identityText)
    if let first = records[identity] ?? recentRecords[identity] {
      // A source line names both the same way: say which came first.
      let which = p.isEmpty ? "\(first), given earlier" : first
      return [.init(.error, "duplicate-record", at: p, "the same record as \(which)")]
    }
    let place = p.isEmpty ? "\(provenance.source):\(provenance.line)" : (line.map { "line \($0)" } ?? p)
    switch duplicates {
    case .all:
      records[identity] = place
    case .recent(let repeated) where repeated.contains(provenance.source):
      records[identity] = place
    case .recent:
      recentRecords[identity] = place
      recentOrder.append(identity)
      if recentOrder.count > Self.recentKept { recentRecords[recentOrder.removeFirst()] = nil }
    }
    return []
  }

  /// The limit of the class below `limit` in the table: the lower bound of
  /// the class.
  private func lowerBound(of limit: Weight, in table: WeightClassLexicon.Table?) -> Double {
    let below = table?.limits.values.compactMap { $0?.kg }.filter { $0 < limit.kg - 0.01 }.max()
    return below ?? 40
  }

  private func isTime(_ s: String) -> Bool {
    let parts = s.split(separator: ":")
    guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
    return (0...23).contains(h) && (0...59).contains(m)
  }

  private func isOffset(_ s: String) -> Bool {
    // In the normalized form, and in range (`parse` checks both).
    UTCOffset.parse(s) == s
  }
}

/// Names compared as people read them: case and spacing folded.
func foldName(_ s: String) -> String {
  var s = s
  // Plain ASCII, the common case, is folded byte by byte.
  if let folded = s.withUTF8({ foldASCIIName($0) }) { return folded }
  return s.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." }).joined(separator: " ")
}

private func foldASCIIName(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
  guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
  return String(unsafeUninitializedCapacity: bytes.count) { out in
    var n = 0
    var gap = false
    for b in bytes {
      if b == 32 || b == 45 || b == 46 {
        gap = n > 0
        continue
      }
      if gap {
        out[n] = 32
        n += 1
        gap = false
      }
      out[n] = (b >= 65 && b <= 90) ? b | 0x20 : b
      n += 1
    }
    return n
  }
}

func formatNumber(_ d: Double) -> String {
  d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String((d * 10).rounded() / 10)
}
