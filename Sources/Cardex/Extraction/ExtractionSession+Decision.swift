extension ExtractionSession {
  /// Decides one line: its candidates, weighed with the lines around them,
  /// become records; else the line may finish the record above it, be a
  /// record written over several lines, set values as a heading, or be
  /// reported as a near miss.
  mutating func decide(_ p: PendingLine, into sink: inout [ExtractedItem]) {
    var out: [ExtractedItem] = []
    defer {
      state.proseAbove = Self.isParagraph(p)
      state.scoreboardAbove = Self.isScoreboardLine(p)
      state.previousLine = p.number
      sink += out
    }
    // A line a record split over lines above has taken already.
    if p.number <= state.absorbedThrough {
      state.noteLine(records: true)
      return
    }
    defer { noteArticleHeading(p) }
    state.legalWords.formUnion(Self.legalWords(p))
    let scored = score(p)
    var accepted = scored.filter { $0.score >= extractor.rules.evidence.threshold }
    let reported = dropCutOff(&accepted, p, into: &out)
    if let reading = p.reading, !accepted.isEmpty {
      take(accepted, scored, p, reading, into: &out)
      return
    }
    // The record stays held: the line after may complete it too (a date
    // line, then a stage line, under a match widget's teams).
    if let reading = p.reading, amendHeld(with: reading, p) {
      state.noteLine(records: false)
      return
    }
    if takeSplitRecord(p, into: &out) { return }
    out += state.held
    state.held = []
    readAsHeadingOrProse(p, scored, reported: reported, into: &out)
    state.noteLine(records: false)
    if var section = state.section {
      section.idle += 1
      state.section = section.idle > Self.closeAfter ? nil : section
      if state.section == nil { state.boutHeading = nil }
    }
  }

  /// The line's candidates, with the evidence of the lines around them and
  /// of a table's columns, scored.
  private mutating func score(_ p: PendingLine) -> [Candidate] {
    guard let reading = p.reading else { return [] }
    if let header = reading.header {
      state.tableColumns = header
      // A table's header row names its columns; it is no record of them
      // (`Home | Away | Kick-off`).
      return []
    } else if !reading.isTableRow, reading.elements.tokens.contains(where: { $0.isWord || $0.isNumber }) {
      // (A line of marks alone, `/` or `|---|`, between the header and its
      // rows keeps the header's columns.)
      state.tableColumns = nil
    }
    var scored: [Candidate] = []
    // The same for every candidate of the line: read once.
    let context = reading.candidates.isEmpty ? [:] : contextFeatures()
    for var c in reading.candidates {
      // In a football text a team's score past 15 is the club's number:
      // the words are read by the other rule that read them, if any.
      if (knownSport == "football" && Self.hasLargeTeamScore(c)) || Self.hasLargeTeamScore(c, over: 999) {
        if let other = c.fallback.first { c = other } else { c.features["core.implausible-score"] = 1 }
      }
      // A dash pairing beside a line's word pairing parts its fields (a
      // channel list, `NBC/SNY`): the records around speak for the main
      // pairing, not for it.
      if c.features["line.minority-anchor"] == nil {
        for (name, value) in context { c.features[name] = value }
      }
      if reading.heading.sportUnlisted { c.features["context.unlisted-sport"] = 1 }
      adjust(&c.features)
      if let roles = tableRoles(c, reading.elements) {
        c.features["context.table-columns"] = 1
        c.roles = roles
        c.tails += columnElements(c, reading.elements)
      }
      c.score = Evidence(rules: extractor.rules).score(c.features)
      scored.append(c)
    }
    return scored
  }

  /// The sport a cue or the competition in force names, if any.
  var knownSport: String? {
    if let sport = state.sport { return sport }
    guard let competition = state.competition.map({ state.competitionCanonical ?? $0 }) ?? state.mentionedCanonical else { return nil }
    return extractor.rules.competitions.lookup(competition)?.sport
  }

  /// A team's score read from a bare number past what football sees
  /// (`Darmstadt 98`, `Hannover 96` are clubs' names).
  /// No sport scores a thousand (`CIVIL APPEAL NO. 2381 OF 2007`).
  static func hasLargeTeamScore(_ c: Candidate, over limit: Double = 15) -> Bool {
    c.terms.contains { t in
      guard ["homeScore", "awayScore"].contains(t.term.field ?? ""), case .number(let n)? = t.element?.value else { return false }
      return n > limit
    }
  }

  /// On the text's last line with no line ending after it, a bout whose
  /// last name may be cut is a near miss, not a record. True when one was.
  private func dropCutOff(_ accepted: inout [Candidate], _ p: PendingLine, into out: inout [ExtractedItem]) -> Bool {
    guard p.unterminated, let reading = p.reading,
      let cut = accepted.firstIndex(where: { kind(of: $0) == .bout && Self.isCutOff($0, reading.elements) })
    else { return false }
    accepted.remove(at: cut)
    out.append(.diagnostic(Diagnostic(.warning, .nearMiss("the text stops inside this record's last name"), source: source, line: p.number)))
    return true
  }

  /// Makes the accepted candidates records, held one line; the others on
  /// the line the evidence held back near the threshold are near misses (a
  /// list flattened onto one line, some of whose records were taken).
  private mutating func take(
    _ accepted: [Candidate], _ scored: [Candidate], _ p: PendingLine, _ reading: LineReading, into out: inout [ExtractedItem]
  ) {
    let evidence = extractor.rules.evidence
    // Built before the line above's records go out: a result by surnames
    // may complete them.
    let built = records(accepted, p, reading)
    out += state.held
    state.held = built
    for c in scored where c.score < evidence.threshold && c.score >= evidence.nearMiss {
      state.held.append(.diagnostic(shortEvidence(c, p)))
    }
    if explain { out += explanations(scored, p, accepted: true) }
    state.noteLine(records: true)
    state.headingAbove = false
    if state.section != nil { state.section?.idle = 0 }
  }

  /// A record written over this line and the next one or two; true when
  /// the evidence took it.
  private mutating func takeSplitRecord(_ p: PendingLine, into out: inout [ExtractedItem]) -> Bool {
    guard let split = splitRecord(p) else { return false }
    var c = split.candidate
    for (name, value) in contextFeatures() { c.features[name] = value }
    c.features["context.split-lines"] = 1
    adjust(&c.features)
    c.score = Evidence(rules: extractor.rules).score(c.features)
    guard c.score >= extractor.rules.evidence.threshold else { return false }
    let built = records([c], p, split.reading)
    out += state.held
    state.held = built
    state.absorbedThrough = split.through
    if explain { out += explanations([c], p, accepted: true, joined: split.reading) }
    state.noteLine(records: true)
    state.headingAbove = false
    return true
  }

  /// A line that gave no record: a heading that sets values for the lines
  /// below, or a line whose mentions count and whose pairing, if any, is a
  /// near miss.
  private mutating func readAsHeadingOrProse(_ p: PendingLine, _ scored: [Candidate], reported: Bool, into out: inout [ExtractedItem]) {
    guard let reading = p.reading else {
      state.headingAbove = false
      return
    }
    if let sport = reading.heading.sport, reading.heading.words <= 3, reading.heading.unexplained <= 1, reading.candidates.isEmpty {
      state.sportHeading = sport
      // The sport's own section begins: bouts under `BOXING`, matches
      // under `NBA`.
      let kind: Family.Record = RecordBuilder.combatSports.contains(sport) ? .bout : .fixture
      if state.section != nil { state.section?.kind = kind } else { state.section = State.Section(kind: kind, heading: p.text, line: p.number) }
    }
    if let name = competitionTitle(reading) {
      state.competition = name
      state.competitionCanonical = nil
      state.headingAbove = true
      if state.section == nil { state.section = State.Section(kind: .fixture, heading: p.text, line: p.number) } else { state.section?.idle = 0 }
      if explain { out.append(headingExplanation(reading.heading, p)) }
      return
    }
    if reading.heading.isHeading {
      applyHeading(reading.heading, p)
      if explain { out.append(headingExplanation(reading.heading, p)) }
    } else {
      state.headingAbove = false
      noteMentions(reading.heading, p)
      if !reported, let miss = nearMiss(scored, reading, p) { out.append(.diagnostic(miss)) }
      if explain { out += explanations(scored, p, accepted: false) }
    }
  }

  /// `Championship`, `Isthmian Premier`, `NIFL Premiership`: a short line of
  /// a name's words alone over a list of matches names their competition,
  /// known to the lexicon or not; a new one replaces the one above.
  func competitionTitle(_ reading: LineReading) -> String? {
    let line = reading.elements
    let t = line.tokens
    guard reading.candidates.isEmpty, reading.heading.competition == nil, (1...5).contains(reading.heading.words) else { return nil }
    let allowed: Set<String> = ["sport-cue", "title-word", "competition-word", "club-word", "women-word", "name-particle", "ordinal-word"]
    guard line.elements.allSatisfy({ allowed.contains($0.type) }) else { return nil }
    // `FOOTBALL`, `RUGBY UNION`: a sport's name heads its matches, as a
    // heading; `Championship` names a competition.
    if line.elements.contains(where: { $0.type == "sport-cue" }), !line.elements.contains(where: { $0.type == "competition-word" }) { return nil }
    let body = t.last?.text == ":" ? t.dropLast() : t[...]
    guard let head = body.first, head.isWord, head.isCapitalized || head.isAllCaps,
      body.allSatisfy({ $0.isNumber || ($0.isWord && ($0.isCapitalized || $0.isAllCaps)) || ["&", "-", "'", "’", "."].contains($0.text) })
    else { return nil }
    // Over a line of matches, not of bouts, and not named in it (`Arsenal`
    // over `Arsenal v Chelsea` heads a club's own fixtures).
    // The next line's own score, before its context (this heading among
    // it) is weighed: a pairing near the threshold is enough.
    guard let next = window.first?.reading, let best = next.best, best.score >= extractor.rules.evidence.nearMiss,
      extractor.rules.grammar.rules[best.rule].record == .fixture || best.boutScore < 0
    else { return nil }
    let name = line.text(0, body.count)
    let folded = Tokenizer.fold(name)
    guard !best.sides.contains(where: { Tokenizer.fold(next.elements.text($0.nameStart, $0.nameEnd)).contains(folded) }) else { return nil }
    return name
  }
}
