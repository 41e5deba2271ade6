extension RecordBuilder {
  mutating func fixture() -> Fixture {
    let c = candidate
    var sides = c.sides
    if c.roles == [.away, .home] { sides.swapAt(0, 1) }
    var home = Self.saidOnce(name(sides[0]).name)
    var away = Self.saidOnce(name(sides[1]).name)
    var trailing: Score?
    // `Innova Leganés 84 – Spar Gran Canaria 56` in a text about a sport of
    // high scores: each name's last number is its score. (In football,
    // `Darmstadt 98 – Hannover 96` are the clubs' names.)
    if let sport = context.sport, Self.highScoring.contains(sport), let h = Self.trailingNumber(home), let a = Self.trailingNumber(away) {
      home = h.name
      away = a.name
      trailing = Score(home: h.number, away: a.number)
    }
    var competition: Competition?
    var sport: String?
    if let e = c.element("competition") ?? earlierOnLine("competition"), case .text(let canonical) = e.value {
      competition = Competition(asWritten: written(e), canonical: canonical, known: !e.tags.contains("unknown"))
      // The entry's sport is its one tag besides `unknown` and `extended`.
      sport = e.tags.first { !["unknown", "extended"].contains($0) }
    } else if let label = lineLabel() {
      let entry = rules.competitions.lookup(label)
      competition = Competition(asWritten: label, canonical: entry?.name ?? label, known: entry != nil)
      sport = entry?.sport
    } else if let written = context.competition {
      let entry = rules.competitions.lookup(context.competitionCanonical ?? written)
      competition = Competition(asWritten: written, canonical: entry?.name ?? written, known: entry != nil)
      sport = entry?.sport
    }
    if sport == nil, let s = context.sport, !Self.combatSports.contains(s) { sport = s }
    // Innings are cricket's, and a played match's.
    let innings = c.elements.contains { $0.type == "innings" }
    if sport == nil, innings { sport = "cricket" }
    let finalSport = sport ?? "football"
    // Scores are written in the order the teams are: `Lakers@Suns 90-99`
    // is Suns 99, Lakers 90.
    let writtenScore = self.score() ?? trailing
    let score = c.roles == [.away, .home] ? writtenScore.map { Score(home: $0.away, away: $0.home) } : writtenScore
    var has = Set(c.elements.map(\.type)).subtracting(["score"])
    if score != nil || innings { has.insert("score") }
    let family = self.family(.fixture, sport: finalSport, has: has)
    return Fixture(
      sport: finalSport, competition: competition, stage: stage(), home: home, away: away,
      kickoff: kickoff(timezone: family?.timezone), date: date(), score: score, section: context.section,
      sectionLine: context.sectionLine, format: family?.id ?? "fixture", provenance: provenance)
  }

  /// `Haugesund Haugesund`, `Bodø / Glimt Bodø / Glimt`: a results
  /// widget's two cells, the club's name and its short name, alike; a
  /// team's name said once. (A fighter may be named so, `Ali Ali`: bouts
  /// keep theirs.)
  static func saidOnce(_ name: String) -> String {
    let words = name.split(separator: " ")
    guard words.count >= 2, words.count % 2 == 0, words[..<(words.count / 2)].elementsEqual(words[(words.count / 2)...]) else { return name }
    return words[..<(words.count / 2)].joined(separator: " ")
  }

  /// Sports whose scores run past what a club's number looks like.
  static let highScoring: Set<String> = ["basketball", "handball", "american-football", "rugby-union", "rugby-league", "australian-rules", "volleyball"]

  static func trailingNumber(_ name: String) -> (name: String, number: Int)? {
    let parts = name.split(separator: " ")
    guard parts.count >= 2, let last = parts.last, let n = Int(last), n < 300 else { return nil }
    return (parts.dropLast().joined(separator: " "), n)
  }

  private func score() -> Score? {
    var home: Int?
    var away: Int?
    for (term, e) in candidate.terms {
      guard let e else { continue }
      switch (term.field, e.value) {
      case ("homeScore", .number(let n)): home = Int(n)
      case ("awayScore", .number(let n)): away = Int(n)
      case (_, .score(let h, let a)) where e.type == "score": return Score(home: h, away: a)
      default: break
      }
    }
    if let home, let away { return Score(home: home, away: away) }
    let times = candidate.elements.filter { $0.type == "time" }
    let scores = candidate.tails.filter { s in
      s.type == "score" && !(s.tags.contains("time-like") && times.contains { $0.start <= s.start && s.end <= $0.end })
    }
    if let e = scores.first, case .score(let h, let a) = e.value { return Score(home: h, away: a) }
    return Evidence.bracketedScore(candidate).map { Score(home: $0.home, away: $0.away) }
  }

  private func kickoff(timezone: String?) -> Kickoff? {
    // `… from 11.30am, kick-off 12.30pm`: the time a kick-off word names
    // is the match's; the other is the broadcast's.
    let times = candidate.elements.filter { $0.type == "time" }
    let named = times.first { t in line.elements.contains { $0.type == "kickoff-word" && $0.end <= t.start && t.start - $0.end <= 1 } }
    guard let e = named ?? times.first ?? earlierOnLine("time"),
      case .clock(let hour, let minute, let offset) = e.value
    else { return context.kickoff }
    let local = hour.map { h in (h < 10 ? "0\(h)" : "\(h)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)") }
    return Kickoff(asWritten: written(e), local: local, utcOffset: offset ?? timezone)
  }

  private func date() -> String? {
    if let e = (candidate.leads + candidate.tails).first(where: { $0.type == "date" }) ?? earlierOnLine("date") { return written(e) }
    return context.date
  }

  private func stage() -> String? {
    if let e = candidate.elements.first(where: { $0.type == "stage" }) ?? earlierOnLine("stage") { return written(e) }
    return context.stage
  }

  /// On a line of several records (a list flattened onto one line), the
  /// nearest element of `type` before this record's own: `Primera División
  /// … 18:00 Málaga-Sevilla … Segunda División … Numancia-Elche`.
  private func earlierOnLine(_ type: String) -> Element? {
    line.elements.filter { $0.type == type && $0.end <= candidate.leadStart }.max { $0.end < $1.end }
  }

  /// A label opening the line before a colon, in words no element reads:
  /// the section a flattened results box names (`MIA Division Two: St
  /// Andrews vs Dingli S. 3-0; …`).
  private func lineLabel() -> String? {
    let t = line.tokens
    guard let colon = t.indices.first(where: { t[$0].text == ":" }), colon >= 1, colon <= 6, colon <= candidate.leadStart,
      t[0].isCapitalized || t[0].isAllCaps,
      (0..<colon).allSatisfy({ t[$0].isWord || t[$0].isNumber || t[$0].isJoiner }),
      !line.elements.contains(where: { $0.start < colon && !["competition", "stage-word", "club-word", "sport-cue"].contains($0.type) })
    else { return nil }
    return line.text(0, colon)
  }
}
