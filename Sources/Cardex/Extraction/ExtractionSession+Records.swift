extension ExtractionSession {
  /// Builds the accepted candidates' records, bout or fixture as the
  /// evidence, the rule and the context say.
  mutating func records(_ accepted: [Candidate], _ p: PendingLine, _ reading: LineReading) -> [ExtractedItem] {
    var items: [ExtractedItem] = []
    let kinds = lineKinds(accepted)
    for (c, kind) in zip(accepted, kinds) {
      var context = RecordContext()
      context.section = state.section?.heading
      context.sectionLine = state.section?.line
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
        if state.pairs.contains(where: { $0.line == p.number && pair.sameNames($0) }), Self.mergeResult(from: built.first, into: &items) != nil {
          continue
        }
        // `Mauricio Rua vs. James Te Huna` / `Rua besiegte Te Huna via KO`:
        // the result, by surnames, on the line under the pairing.
        if pair.bout, pair.scored, let k = Self.completeHeld(with: built.first, pair: pair, in: &state.held) {
          if case .bout(var b) = state.held[k] {
            b.format = family(.bout, sport: b.sport, of: b.format, adding: "result")
            state.held[k] = .bout(b)
          }
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

  /// Each candidate's kind; records that only the evidence tells apart,
  /// several on one line, are one list's and take the kind their evidence
  /// together leans to (`A - B 71-74. C - D 59-74. …`, where one pair of
  /// two-word names would read as fighters; `Hull FC v Hull KR; … St
  /// Helens v London Broncos`, where one club's word outweighs the names
  /// that could be people's).
  func lineKinds(_ accepted: [Candidate]) -> [Family.Record] {
    var kinds = accepted.map { kind(of: $0) }
    let open = accepted.indices.filter { i in
      let c = accepted[i]
      return !c.roles.contains(.winner) && !c.roles.contains(.home) && extractor.rules.grammar.rules[c.rule].record == .either
        && c.features["context.score-below"] == nil
    }
    guard open.count >= 2 else { return kinds }
    let margin = open.reduce(0.0) { $0 + boutMargin(accepted[$1]) }
    let major: Family.Record = margin > 0 ? .bout : .fixture
    for i in open { kinds[i] = major }
    return kinds
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
  /// reading of the same pairing; its index, or nil when there is none to
  /// give.
  static func mergeResult(from item: ExtractedItem?, into items: inout [ExtractedItem]) -> Int? {
    guard case .bout(let later)? = item, let result = later.result,
      let k = items.lastIndex(where: { if case .bout(let b) = $0 { return b.result == nil } else { return false } }),
      case .bout(var b) = items[k]
    else { return nil }
    var r = result
    if let w = result.winner {
      let fold = Tokenizer.fold(w)
      r.winner = b.fighters.first { Tokenizer.fold($0.name).hasSuffix(fold) || fold.hasSuffix(Tokenizer.fold($0.name)) }?.name ?? w
      if r.winner != b.fighters[0].name { b.fighters.swapAt(0, 1) }
    }
    b.result = r
    items[k] = .bout(b)
    return k
  }

  /// Gives a held bout of the same two fighters with no result (the line
  /// above's) the result `item` reports; its index when it did.
  static func completeHeld(with item: ExtractedItem?, pair: State.SeenPair, in held: inout [ExtractedItem]) -> Int? {
    let k = held.indices.filter { i in
      guard case .bout(let b) = held[i], b.result == nil, let seen = seenPair(held[i], line: 0) else { return false }
      return seen.sameNames(pair)
    }
    guard k.count == 1 else { return nil }
    var one = [held[k[0]]]
    guard mergeResult(from: item, into: &one) != nil else { return nil }
    held[k[0]] = one[0]
    return k[0]
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
      return State.SeenPair(bout: false, first: words(f.home), second: words(f.away), line: line, scored: f.score != nil, when: f.date,
        score: f.score)
    default: return nil
    }
  }

  /// Bout or fixture: the rule may say; otherwise the candidate's own
  /// evidence plus the section, the document so far and its sport.
  /// The team sport the text or its section heading names, if any.
  var teamSport: String? {
    let sport = state.sportHeading ?? state.sport
    return sport.flatMap { RecordBuilder.combatSports.contains($0) ? nil : $0 }
  }

  func kind(of c: Candidate) -> Family.Record {
    // `#14 Ball State def. Lindenwood 3-2 (19-25, …)`: a result with the
    // match's score and no way of winning is two teams'.
    // `Kansas City Chiefs def. Buffalo Bills, 27-24` too: the score after
    // one mark.
    if c.roles.contains(.winner), !c.has("method"), c.tails.contains(where: { e in
      e.type == "score" && !e.tags.contains("time-like") && e.start <= c.end + 1
    }) {
      return .fixture
    }
    // `India beat Pakistan by six wickets` in a team sport's text: a
    // winner with no way of winning a fight is the context's to type.
    let fightTerms: Set<String> = ["method", "round", "duration", "weight-class", "weight", "rounds"]
    if c.roles.contains(.winner) { return c.elements.contains(where: { fightTerms.contains($0.type) }) || teamSport == nil ? .bout : .fixture }
    if c.roles.contains(.home) || c.features["context.score-below"] != nil { return .fixture }
    switch extractor.rules.grammar.rules[c.rule].record {
    case .bout: return .bout
    case .fixture: return .fixture
    case .either: break
    }
    return boutMargin(c) > 0 ? .bout : .fixture
  }

  /// How far the evidence leans to a bout (above 0) or a fixture: the
  /// line's, then the section's, the document's and the sport's.
  func boutMargin(_ c: Candidate) -> Double {
    let k = extractor.rules.evidence.kind
    var score = c.boutScore
    switch state.section?.kind {
    case .bout?: score += k["context.section-bout"] ?? 0
    case .fixture?: score += k["context.section-fixture"] ?? 0
    case nil: break
    }
    if state.bouts > state.fixtures { score += k["context.document-bout"] ?? 0 }
    if state.fixtures > state.bouts { score += k["context.document-fixture"] ?? 0 }
    // A sport the record's own line names (`ADCC`, `UFC`) outranks the
    // text's.
    let cue = c.elements.first { $0.type == "sport-cue" && !$0.tags.contains("unlisted") }.flatMap { e -> String? in
      if case .text(let s) = e.value { return s }
      return nil
    }
    if let sport = cue ?? state.sport {
      let combat = RecordBuilder.combatSports.contains(sport)
      score += combat ? (k["context.sport-combat"] ?? 0) : (k["context.sport-team"] ?? 0)
      // `Cindy Ngamba, Refugee Boxing Team – Love Holgersson, Sverige,
      // 4-1`: in a fight text, two numbers that add up to three or five
      // judges are the judges' votes, not a match's score.
      if combat, c.elements.contains(where: { e in
        guard e.type == "score", case .score(let a, let b) = e.value else { return false }
        return max(a, b) <= 5 && [3, 5].contains(a + b)
      }) {
        score -= k["element.score"] ?? 0
      }
    }
    if cue == nil, let sport = state.sportHeading {
      score += RecordBuilder.combatSports.contains(sport) ? (k["context.sport-heading-combat"] ?? 0) : (k["context.sport-heading-team"] ?? 0)
    }
    return score
  }
}
