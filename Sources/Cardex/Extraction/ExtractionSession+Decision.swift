extension ExtractionSession {
  /// Decides one line: its candidates, weighed with the lines around them,
  /// become records; else the line may finish the record above it, set
  /// values as a heading, or be reported as a near miss.
  mutating func decide(_ p: PendingLine, into sink: inout [ExtractedItem]) {
    if p.number >= emitFrom, startSnapshot == nil { startSnapshot = state }
    if p.number > emitThrough, endSnapshot == nil { endSnapshot = state }
    var out: [ExtractedItem] = []
    defer {
      state.proseAbove = Self.isParagraph(p)
      if (emitFrom...emitThrough).contains(p.number) { sink += out }
    }
    // A line a record split over lines above has taken already.
    if p.number <= state.absorbedThrough {
      state.noteLine(records: true)
      return
    }
    let evidence = extractor.rules.evidence
    defer { noteArticleHeading(p) }
    var scored: [Candidate] = []
    if let reading = p.reading {
      if let header = reading.header {
        state.tableColumns = header
      } else if !reading.isTableRow {
        state.tableColumns = nil
      }
      for var c in reading.candidates {
        for (name, value) in contextFeatures() { c.features[name] = value }
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
    }
    var accepted = scored.filter { $0.score >= evidence.threshold }
    var reported = false
    if p.unterminated, let reading = p.reading, let cut = accepted.firstIndex(where: { kind(of: $0) == .bout && Self.isCutOff($0, reading.elements) }) {
      accepted.remove(at: cut)
      out.append(.diagnostic(Diagnostic(.warning, .nearMiss("the text stops inside this record's last name"), source: source, line: p.number)))
      reported = true
    }
    if let reading = p.reading, !accepted.isEmpty {
      out += state.held
      state.held = records(accepted, p, reading)
      // Pairings on the same line the evidence held back (a list flattened
      // onto one line, some of whose records were taken).
      for c in scored where c.score < evidence.threshold && c.score >= evidence.nearMiss {
        state.held.append(.diagnostic(shortEvidence(c, p)))
      }
      if explain { out += explanations(scored, p, accepted: true) }
      state.noteLine(records: true)
      state.headingAbove = false
      if state.section != nil { state.section?.idle = 0 }
      return
    }
    // The record stays held: the line after may complete it too (a date
    // line, then a stage line, under a match widget's teams).
    if let reading = p.reading, amendHeld(with: reading, p) {
      state.noteLine(records: false)
      return
    }
    if let split = splitRecord(p) {
      var c = split.candidate
      for (name, value) in contextFeatures() { c.features[name] = value }
      c.features["context.split-lines"] = 1
      adjust(&c.features)
      c.score = Evidence(rules: extractor.rules).score(c.features)
      if c.score >= evidence.threshold {
        out += state.held
        state.held = records([c], p, split.reading)
        state.absorbedThrough = split.through
        if explain { out += explanations([c], p, accepted: true, joined: split.reading) }
        state.noteLine(records: true)
        state.headingAbove = false
        return
      }
    }
    out += state.held
    state.held = []
    if let reading = p.reading {
      if reading.heading.isHeading {
        applyHeading(reading.heading, p)
        if explain { out.append(headingExplanation(reading.heading, p)) }
      } else {
        state.headingAbove = false
        noteMentions(reading.heading, p)
        if !reported, let miss = nearMiss(scored, reading, p) { out.append(.diagnostic(miss)) }
        if explain { out += explanations(scored, p, accepted: false) }
      }
    } else {
      state.headingAbove = false
    }
    state.noteLine(records: false)
    if var section = state.section {
      section.idle += 1
      state.section = section.idle > Self.closeAfter ? nil : section
      if state.section == nil { state.boutHeading = nil }
    }
  }

  /// A record whose last name ends the text, one word against the other
  /// side's two or more (`Tony Martin def. Ryan`): a page cut off there
  /// may have cut the name.
  static func isCutOff(_ c: Candidate, _ line: LineElements) -> Bool {
    guard let last = c.sides.last, let first = c.sides.first, last.end == line.tokens.count, c.tailEnd == line.tokens.count else {
      return false
    }
    return last.words == 1 && first.words >= 2 && last.notes.isEmpty
  }

  /// Opens (or ages) an article's heading: a short line all of whose
  /// words are an article's (`Prediction`, `Best bet`, `Odds`).
  mutating func noteArticleHeading(_ p: PendingLine) {
    if let ago = state.articleHeadingAgo { state.articleHeadingAgo = ago >= 3 ? nil : ago + 1 }
    guard let line = p.reading?.elements else { return }
    let words = line.tokens.indices.filter { line.tokens[$0].isWord }
    guard (1...4).contains(words.count),
      words.allSatisfy({ i in line.elements.contains { $0.start <= i && i < $0.end && ["article-word", "stop-word"].contains($0.type) } }),
      line.elements.contains(where: { $0.type == "article-word" })
    else { return }
    state.articleHeadingAgo = 0
  }

  /// Non-blank lines without a record or heading after which a section
  /// closes.
  static let closeAfter = 8

  /// A line of running prose: long, and no pairing on it near a record.
  static func isParagraph(_ p: PendingLine) -> Bool {
    guard let r = p.reading else { return true }
    return r.heading.words >= 25 && r.candidates.allSatisfy { $0.score < -1 }
  }

  /// Evidence from the lines around: an open section, a heading or a
  /// record just above, sibling lines of the same shape.
  func contextFeatures() -> [String: Double] {
    var f: [String: Double] = [:]
    if state.section != nil { f["context.section"] = 1 }
    if state.headingAbove { f["context.heading-above"] = 1 }
    if state.recordAbove { f["context.record-above"] = 1 }
    let near = extractor.rules.evidence.nearMiss
    let before = state.recent.filter { $0 }.count
    let after = window.filter { ($0.reading?.best?.score ?? -100) >= near }.count
    if before + after > 0 { f["context.siblings"] = Double(min(before + after, 4)) }
    if state.linesSeen < 3, state.section == nil, state.bouts + state.fixtures == 0 { f["context.headline"] = 1 }
    // A pairing over a paragraph is the paragraph's heading (a play-by-play
    // entry, a preview), not a line of a list.
    if let next = window.first, Self.isParagraph(next) { f["context.prose-below"] = 1 }
    if state.proseAbove { f["context.prose-above"] = 1 }
    if state.sportUnlisted { f["context.unlisted-sport"] = 1 }
    // `Prediction` / `Arsenal 1, Chelsea 1`: a pick under an article's
    // heading, not a result.
    if let ago = state.articleHeadingAgo, ago <= 3 { f["context.article-heading"] = 1 }
    return f
  }

  /// Context features that depend on the candidate: a bare pairing over a
  /// paragraph is that paragraph's heading; one with its own typed evidence
  /// (a score, a weight class) is a record still.
  func adjust(_ f: inout [String: Double]) {
    let typed = (f["annotations"] ?? 0) > 0 || f["core.score"] != nil || f.keys.contains(where: { $0.hasPrefix("note.") })
    if typed {
      f["context.prose-below"] = nil
      f["context.prose-above"] = nil
    }
    // A listing line opening the text is no page title: it is bulleted,
    // numbered or carries its own typed evidence.
    if typed || f["lead.bullet"] != nil || f["lead.ordinal"] != nil || f["line.several"] != nil {
      f["context.headline"] = nil
    }
  }

  /// Builds the accepted candidates' records, bout or fixture as the
  /// evidence, the rule and the context say.
  private mutating func records(_ accepted: [Candidate], _ p: PendingLine, _ reading: LineReading) -> [ExtractedItem] {
    var items: [ExtractedItem] = []
    for c in accepted {
      let kind = self.kind(of: c)
      var context = RecordContext()
      context.section = state.section?.heading
      context.sport = state.sport
      context.ruleset = state.ruleset
      if kind == .bout, let h = state.boutHeading {
        context.weightClass = h.weightClass
        context.limit = h.limit
        context.rounds = h.rounds
        context.title = h.title
      }
      context.date = state.date
      context.competition = state.competition ?? state.mentionedCompetition
      context.competitionCanonical = state.competition != nil ? state.competitionCanonical : state.mentionedCanonical
      context.stage = state.stage ?? state.mentionedStage
      context.kickoff = state.headingKickoff ?? state.defaultKickoff
      var builder = RecordBuilder(
        rules: extractor.rules, candidate: c, line: reading.elements, context: context,
        provenance: Provenance(source: source, line: p.number, raw: p.raw))
      let built = builder.build(as: kind)
      if let pair = Self.seenPair(built.first, line: p.number) {
        // `A vs. B — B def. A by TKO`: the pairing, then its result by
        // surnames, on one line: one record.
        if state.pairs.contains(where: { $0.line == p.number && pair.sameNames($0) }), Self.mergeResult(from: built.first, into: &items) {
          continue
        }
        if let first = state.repeatedLine(pair), first != p.number {
          items.append(.diagnostic(Diagnostic(.note, .duplicateRecord(first), source: source, line: p.number)))
          continue
        }
      }
      items += built
      if kind == .bout { state.bouts += 1 } else { state.fixtures += 1 }
    }
    if state.boutHeading?.nextOnly == true { state.boutHeading = nil }
    return items
  }

  /// The roles a table's header gives the cells a candidate's sides stand
  /// in (`winner` and `loser`, `home` and `away`).
  func tableRoles(_ c: Candidate, _ line: LineElements) -> [SideRole]? {
    guard let columns = state.tableColumns else { return nil }
    let roles = c.sides.map { columns[LineReader.cell(of: $0.nameStart, in: line)] }
    switch (roles[0], roles[1]) {
    case ("winner"?, "loser"?): return [.winner, .loser]
    case ("loser"?, "winner"?): return [.loser, .winner]
    case ("home"?, "away"?): return [.home, .away]
    case ("away"?, "home"?): return [.away, .home]
    case ("side"?, "side"?), ("pairing"?, "pairing"?): return c.roles
    default: return nil
    }
  }

  /// What a row's bare cells mean by their column: a number under
  /// `r`/`round` is the round a bout ended in.
  func columnElements(_ c: Candidate, _ line: LineElements) -> [Element] {
    guard let columns = state.tableColumns, !c.has("round") else { return [] }
    var out: [Element] = []
    for i in line.tokens.indices where columns[LineReader.cell(of: i, in: line)] == "round" {
      if let n = line.number(i), (1...15).contains(n), line.isMark(i - 1, "|") || line.isMark(i + 1, "|") {
        out.append(Element(type: "round", start: i, end: i + 1, value: .round(n)))
      }
    }
    return out.count == 1 ? out : []
  }


  /// Gives a bout already built from this line the result of a second
  /// reading of the same pairing; false when there is none to give.
  static func mergeResult(from item: ExtractedItem?, into items: inout [ExtractedItem]) -> Bool {
    guard case .bout(let later)? = item, let result = later.result,
      let k = items.lastIndex(where: { if case .bout(let b) = $0 { return b.result == nil } else { return false } }),
      case .bout(var b) = items[k]
    else { return false }
    var r = result
    if let w = result.winner {
      let fold = Tokenizer.fold(w)
      r.winner = b.fighters.first { Tokenizer.fold($0.name).hasSuffix(fold) || fold.hasSuffix(Tokenizer.fold($0.name)) }?.name ?? w
      if r.winner != b.fighters[0].name { b.fighters.swapAt(0, 1) }
    }
    b.result = r
    items[k] = .bout(b)
    return true
  }

  /// Words that join alternatives or pad a name, left out when names are
  /// compared (`Norwich or Chelsea` is `Norwich/Chelsea`).
  static let fillerWords: Set<String> = ["or", "and", "fc", "the"]

  static func seenPair(_ item: ExtractedItem?, line: Int) -> State.SeenPair? {
    func words(_ name: String) -> Set<String> {
      Set(Tokenizer.fold(name).split { !($0.isLetter || $0.isNumber) }.map(String.init)).subtracting(fillerWords)
    }
    switch item {
    case .bout(let b)?:
      return State.SeenPair(bout: true, first: words(b.fighters[0].name), second: words(b.fighters[1].name), line: line, scored: b.result != nil)
    case .fixture(let f)?:
      return State.SeenPair(bout: false, first: words(f.home), second: words(f.away), line: line, scored: f.score != nil)
    default: return nil
    }
  }

  /// Bout or fixture: the rule may say; otherwise the candidate's own
  /// evidence plus the section, the document so far and its sport.
  func kind(of c: Candidate) -> Family.Record {
    if c.roles.contains(.winner) { return .bout }
    if c.roles.contains(.home) { return .fixture }
    switch extractor.rules.grammar.rules[c.rule].record {
    case .bout: return .bout
    case .fixture: return .fixture
    case .either: break
    }
    let k = extractor.rules.evidence.kind
    var score = c.boutScore
    switch state.section?.kind {
    case .bout?: score += k["context.section-bout"] ?? 0
    case .fixture?: score += k["context.section-fixture"] ?? 0
    case nil: break
    }
    if state.bouts > state.fixtures { score += k["context.document-bout"] ?? 0 }
    if state.fixtures > state.bouts { score += k["context.document-fixture"] ?? 0 }
    if let sport = state.sport {
      score += RecordBuilder.combatSports.contains(sport) ? (k["context.sport-combat"] ?? 0) : (k["context.sport-team"] ?? 0)
    }
    return score > 0 ? .bout : .fixture
  }
}
