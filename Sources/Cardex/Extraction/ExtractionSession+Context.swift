extension ExtractionSession {
  /// A heading line sets what the lines below take: a section, a weight
  /// class or title for the bouts, a date, competition or stage for the
  /// matches, the sport.
  mutating func applyHeading(_ h: HeadingReading, _ p: PendingLine) {
    noteDefaultKickoff(p)
    let text = p.text
    if let kind = h.opens {
      state.section = State.Section(kind: h.opensEither ? nil : kind, heading: text, line: p.number)
      state.boutHeading = nil
      if kind == .fixture, h.date == nil { state.stage = nil }
      // `Results` under a schedule's last day: a new list after records
      // does not take the day or time of the list above.
      if h.date == nil, state.bouts + state.fixtures > 0 {
        state.date = nil
        state.headingKickoff = nil
      }
    } else if state.section == nil {
      state.section = State.Section(kind: h.setsBout ? .bout : (h.setsFixture ? .fixture : nil), heading: text, line: p.number)
    } else {
      state.section?.idle = 0
    }
    if h.setsBout {
      var b = State.BoutHeading()
      b.weightClass = h.weightClass.map { reading in valueText(reading) }
      if let l = h.limit, case .weight(let w) = l.value { b.limit = w }
      if let r = h.rounds, case .rounds(let n) = r.value { b.rounds = n }
      b.title = h.title
      b.nextOnly = h.boutWord
      state.boutHeading = b
    }
    if let d = h.date {
      state.date = valueText(d)
      state.headingKickoff = nil
    }
    // A time heads the lines below when it is most of its line (`7:30
    // p.m.`, `Noon`, `Sunday, 3pm`), not a programme's slot (`The Football
    // Show – 9am, Sky Sports News`).
    if let e = h.time, h.unexplained <= 1, case .clock(let hour, let minute, let offset) = e.value {
      state.headingKickoff = Self.kickoff(p.reading?.elements.text(e.start, e.end) ?? "", hour, minute, offset)
    }
    // A heading names the competition of the matches below when the name
    // is most of it (`Kreisliga Passau`, `English Premier League`), not
    // when a line of prose names one in passing.
    if let c = h.competition, h.unexplained <= 1 {
      state.competition = writtenText(c, p)
      state.competitionCanonical = c.tags.contains("unknown") ? nil : valueText(c)
    }
    noteCompetitions(h, p)
    if let s = h.stage {
      state.stage = valueText(s)
      // The first stage a heading names still heads a list under a later
      // heading that names none (`Süper Lig'de 7. hafta` … `Haftanın
      // maçları:`; `Ya hay horarios de la Jornada 1` … `Estos son los
      // horarios confirmados:`), before one the prose below names.
      if !s.tags.contains("named"), state.mentionedStage == nil { state.mentionedStage = state.stage }
    }
    if let sport = h.sport {
      state.sport = sport
      state.ruleset = h.ruleset
      state.sportUnlisted = h.sportUnlisted
    }
    state.headingAbove = true
  }

  /// A line that is neither record nor heading still names the competition,
  /// the stage or the sport of what follows, as an intro paragraph does.
  mutating func noteMentions(_ h: HeadingReading, _ p: PendingLine) {
    noteDefaultKickoff(p)
    // The first competition the text names is the one it is about; later
    // mentions in prose are comparisons (`after the Champions League
    // week`), headings set it outright.
    noteCompetitions(h, p)
    // A stage named in prose without a number or letter (`the final round`,
    // `the relegation zone`) is talk about the season, not this list's stage.
    if let s = h.stage, !s.tags.contains("named"), state.mentionedStage == nil { state.mentionedStage = valueText(s) }
    // A sport cardex makes no records for, named in passing below the
    // headline (`Chess pieces with US and Iran flags` under a photo), does
    // not make the text about it.
    if let sport = h.sport, !h.sportUnlisted || state.linesSeen < 3 {
      state.sport = sport
      state.ruleset = h.ruleset
      state.sportUnlisted = h.sportUnlisted
    }
  }

  /// `League matches commence 1.45 pm`, `All kick offs are at 7 p.m.`: the
  /// first such line gives its time to the matches that print none.
  mutating func noteDefaultKickoff(_ p: PendingLine) {
    guard state.defaultKickoff == nil, let line = p.reading?.elements, line.elements.contains(where: { $0.type == "kickoff-word" }),
      let e = line.elements.first(where: { $0.type == "time" }), case .clock(let hour, let minute, let offset) = e.value
    else { return }
    state.defaultKickoff = Self.kickoff(line.text(e.start, e.end), hour, minute, offset)
  }

  static func kickoff(_ written: String, _ hour: Int?, _ minute: Int, _ offset: String?) -> Kickoff {
    let local = hour.map { h in (h < 10 ? "0\(h)" : "\(h)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)") }
    return Kickoff(asWritten: written, local: local, utcOffset: offset)
  }

  /// Counts every competition a line names.
  mutating func noteCompetitions(_ h: HeadingReading, _ p: PendingLine) {
    for e in h.elements where e.type == "competition" {
      state.mention(valueText(e), written: writtenText(e, p), known: !e.tags.contains("unknown"))
    }
  }

  private func valueText(_ e: Element) -> String {
    if case .text(let v) = e.value { return v }
    return ""
  }


  private func writtenText(_ e: Element, _ p: PendingLine) -> String {
    p.reading?.elements.text(e.start, e.end) ?? valueText(e)
  }

  /// A line under a record line that holds only annotations for it (a
  /// weight class, rounds, a title, a result, a kick-off) completes that
  /// record instead of standing alone.
  mutating func amendHeld(with reading: LineReading, _ p: PendingLine) -> Bool {
    guard reading.candidates.allSatisfy({ $0.score < extractor.rules.evidence.nearMiss }) else { return false }
    // `1:1 (0:1)` under the match: its score.
    if let score = Self.bareScore(p), state.held.count == 1, case .fixture(var f) = state.held[0], f.score == nil {
      f.score = score
      f.format = family(.fixture, sport: f.sport, of: f.format, adding: "score")
      state.held[0] = .fixture(f)
      return true
    }
    let h = reading.heading
    let useful: Set<String> = ["weight-class", "weight", "rounds", "title-word", "method", "round", "duration", "time", "date", "stage"]
    let found = h.elements.filter { useful.contains($0.type) }
    guard !found.isEmpty, h.unexplained <= 1, h.words <= 10, h.opens == nil else { return false }
    // `NFL Week 5` under the last game of another league: a new section's
    // heading, not the game's stage.
    if h.competition != nil || h.sport != nil, found.allSatisfy({ ["stage", "date", "time"].contains($0.type) }) { return false }
    // A date alone over the next lines is their heading, not this record's;
    // so is a time when the record has its own.
    if found.allSatisfy({ $0.type == "date" }) { return false }
    if found.allSatisfy({ $0.type == "time" }), state.held.contains(where: { if case .fixture(let f) = $0 { return f.kickoff != nil } else { return false } }) {
      return false
    }
    let line = reading.elements
    let records = state.held.indices.filter {
      if case .diagnostic = state.held[$0] { return false }
      return true
    }
    guard records.count == 1, let k = records.first else { return false }
    let before = state.held[k]
    switch state.held[k] {
    case .bout(var b):
      let table = extractor.rules.weightClasses.table(sport: b.sport, ruleset: b.ruleset)
      for e in found {
        switch (e.type, e.value) {
        case ("weight-class", .text(let spelling)) where b.weightClass == nil:
          let canonical = extractor.rules.weightClasses.canonical(for: spelling, in: table) ?? spelling
          b.weightClass = WeightClass(asWritten: line.text(e.start, e.end), canonical: canonical, classLimit: table?.limits[canonical] ?? nil)
        case ("weight", .weight(let w)) where b.limit == nil: b.limit = w
        case ("rounds", .rounds(let n)) where b.scheduledRounds == nil: b.scheduledRounds = n
        case ("title-word", _) where !e.tags.contains("modifier"): b.title = true
        default: break
        }
      }
      state.held[k] = .bout(b)
    case .fixture(var f):
      for e in found {
        switch (e.type, e.value) {
        case ("time", .clock(let hour, let minute, let offset)) where f.kickoff == nil:
          let local = hour.map { h in (h < 10 ? "0\(h)" : "\(h)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)") }
          f.kickoff = Kickoff(asWritten: line.text(e.start, e.end), local: local, utcOffset: offset)
        case ("date", _) where f.date == nil: f.date = line.text(e.start, e.end)
        case ("stage", _) where f.stage == nil: f.stage = line.text(e.start, e.end)
        default: break
        }
      }
      state.held[k] = .fixture(f)
      // A widget's line repeating the match's date and time under it
      // (`Piątek, 6 lut, 20:00`) is still the match's.
      if state.held[k] == before, found.contains(where: { $0.type == "date" }), f.date != nil, f.kickoff != nil { return true }
    default:
      return false
    }
    return state.held[k] != before
  }

  /// The family a record of family `format` belongs to once it has
  /// `element` too (a score, a result): the first that takes what the old
  /// one required and it, or the old one.
  func family(_ kind: Family.Record, sport: String, of format: String, adding element: String) -> String {
    let families = extractor.rules.families
    let had = families.first { $0.id == format }?.requires ?? []
    return families.first { $0.takes(kind, sport: sport, has: had.union([element])) }?.id ?? format
  }

  /// A line that reads as a pairing the evidence did not accept: reported
  /// with what held it back, so that nothing that looked like a record is
  /// dropped in silence.
  func nearMiss(_ scored: [Candidate], _ reading: LineReading, _ p: PendingLine) -> Diagnostic? {
    let evidence = extractor.rules.evidence
    if let best = scored.max(by: { $0.score < $1.score }), best.score >= evidence.nearMiss {
      return shortEvidence(best, p)
    }
    guard scored.isEmpty, reading.heading.words <= 12 else { return nil }
    let line = reading.elements
    let t = line.tokens
    // A name-like word (or a note's bracket) on each side of the anchor:
    // `compete at Road`, `13:00 – Categoría` are no pairings.
    func nameLike(_ i: Int) -> Bool {
      guard i >= 0, i < t.count else { return false }
      return (t[i].isWord && (t[i].isCapitalized || t[i].isAllCaps || t[i].isUncased)) || [")", "(", "#", "\"", "“", "”"].contains(t[i].text)
    }
    let anchors = line.elements.filter { ($0.type == "separator" || $0.type == "result-verb") && nameLike($0.start - 1) }
    guard let a = anchors.first, a.start > 0, state.section != nil || reading.heading.words <= 8 else {
      return recordShaped(reading, p)
    }
    let word = line.text(a.start, a.end)
    if a.end == t.count {
      // `A (UAE) v`: a record cut after its separator, in a card or list.
      guard a.type == "separator", state.section != nil, a.end - a.start > 1 || t[a.start].text.count > 1 || !t[a.start].isAllCaps else {
        return nil
      }
      return Diagnostic(.warning, .nearMiss("the line stops after '\(word)', before a second name"), source: source, line: p.number)
    }
    guard nameLike(a.end) || line.elements(startingAt: a.end).contains(where: { $0.type == "placeholder" }) else { return nil }
    return Diagnostic(
      .warning, .nearMiss("pairs two sides with '\(word)' but no rule reads a name on both sides of it"), source: source, line: p.number)
  }

  /// A line with no pairing that still holds what a record line holds (a
  /// score, a method, a result, judges' cards, two countries) between two
  /// names, in a list: a layout no rule reads (`Hamburger SVHamburg : FC St.
  /// PauliSt. Pauli 1 : 0`, `○A(Brazil) | 3R KO | ×B(USA)`, `A (8-0) B
  /// (12-2)`), reported so that it is not lost without a word.
  func recordShaped(_ reading: LineReading, _ p: PendingLine) -> Diagnostic? {
    let line = reading.elements
    let t = line.tokens
    guard reading.heading.words <= 30, state.section != nil || state.recordAbove || state.bouts + state.fixtures > 0 else { return nil }
    // Prose says what happened in sentences (`Durham improved to 3-1
    // against Toledo`): its function words rule the line out.
    guard line.elements.filter({ ["stop-word", "prose-word"].contains($0.type) }).count < 3 else { return nil }
    // Nor is a line of odds or picks (`Odds: Barcelona (21-20), Draw (3-1)`).
    guard !line.elements.contains(where: { $0.type == "article-word" && $0.tags.contains("pick") }) else { return nil }
    // Runs of name words (hyphens and apostrophes closed up inside), by
    // their first and last token.
    var runs: [(start: Int, end: Int)] = []
    for i in t.indices {
      let name = t[i].isWord && (t[i].isCapitalized || t[i].isAllCaps || t[i].isUncased) && !line.elements.contains { $0.start <= i && i < $0.end }
      if name, let last = runs.last, last.end == i - 1 || (last.end == i - 2 && t[i - 1].isJoiner && !t[i].spaceBefore) {
        runs[runs.count - 1].end = i
      } else if name {
        runs.append((i, i))
      }
    }
    func before(_ e: Element) -> Bool { runs.contains { $0.end < e.start } }
    func after(_ e: Element) -> Bool { runs.contains { $0.start >= e.end } }
    let times = line.elements.filter { $0.type == "time" }
    let cues = line.elements.filter { e in
      switch e.type {
      case "score":
        // `A : B 1 : 0` (two names before it, apart) or `A 1 : 0 B`.
        // A goal's line opens with the score so far (`2:2 - Кулёмин
        // (Локтионов) 28:30`): its numbers are the game's clock.
        guard !times.contains(where: { $0.start < e.end && e.start < $0.end }), !line.elements(startingAt: 0).contains(where: { $0.type == "score" })
        else { return false }
        let ahead = runs.filter { $0.end < e.start }
        let marked = ahead.count >= 2 && (ahead[ahead.count - 2].end + 1..<ahead[ahead.count - 1].start).contains { [":", "-", "–", "—", "|", "/"].contains(t[$0].text) }
        return (before(e) && after(e)) || marked
      case "method", "scorecards", "result-verb", "weigh-in": return before(e) && after(e)
      case "outcome": return t[e.start].text.count >= 2 && before(e) && after(e)
      default: return false
      }
    }
    // `A (Brazil) … B (USA)`: two names, each with its country.
    let countries = line.elements.filter { e in e.type == "country" && runs.contains { $0.end == e.start - 2 || $0.end == e.start - 1 } }
    guard let first = cues.first ?? (countries.count >= 2 ? countries.first : nil) else { return nil }
    let shown = line.text(first.start, first.end)
    return Diagnostic(
      .warning, .nearMiss("holds a record's \(first.type) '\(shown)' between names, but no rule reads two sides in it"), source: source,
      line: p.number)
  }

  /// A candidate the evidence held back, with the features that did.
  func shortEvidence(_ c: Candidate, _ p: PendingLine) -> Diagnostic {
    let evidence = extractor.rules.evidence
    let rule = extractor.rules.grammar.rules[c.rule]
    let reasons = c.features.map { (name: $0.key, value: $0.value * evidence.weight($0.key)) }.filter { $0.value < 0 }
      .sorted { ($0.value, $0.name) < ($1.value, $1.name) }.prefix(3).map { Self.describe($0.name, c.features[$0.name] ?? 0) }
    let why =
      "reads as a pairing (rule \(rule.id)) but the evidence is short (\(Self.format(c.score)) < \(Self.format(evidence.threshold)))"
      + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
    return Diagnostic(.warning, .nearMiss(why), source: source, line: p.number)
  }

  /// A feature as a reason a person can read.
  static func describe(_ feature: String, _ value: Double) -> String {
    let n = Int(value)
    switch feature {
    case "lead.unexplained": return "\(n) word\(n == 1 ? "" : "s") before the pairing that no element explains"
    case "tail.unexplained": return "\(n) word\(n == 1 ? "" : "s") after the pairing that no element explains"
    case "prose.words": return "words of running prose around it"
    case "context.headline": return "it is the page's headline"
    case "line.sentence": return "it ends like a sentence"
    case "line.question": return "it asks a question"
    case "side.long": return "a side runs to five words or more"
    case "side.one-word": return "a side is a single word"
    default:
      if feature.hasPrefix("anchor.") { return "the pairing word is \(feature.dropFirst("anchor.".count))" }
      return feature
    }
  }

  static func format(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(r)
  }
}
