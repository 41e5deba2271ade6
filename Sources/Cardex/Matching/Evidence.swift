/// The evidence a line gives for and against a candidate, as named
/// features; the rules' evidence model weighs them.
///
/// Local features come from the line alone (the rule, its anchor, the
/// sides, what stands around the core); context features (an open
/// section, a heading above, sibling lines of the same shape) are added by
/// the session, which sees the lines around.
struct Evidence {
  let rules: RuleSet

  /// Types of annotation that count as typed evidence for a record.
  static let countedAnnotations: Set<String> = [
    "weight-class", "weight", "rounds", "title-word", "method", "round", "duration", "time", "date", "channel", "score",
    "innings", "competition", "billing", "ordinal", "bullet", "venue-word", "venue", "stage-word", "scorecards", "champion-mark",
  ]

  func localFeatures(_ c: Candidate, _ line: LineElements, recordsOnLine: Int) -> [String: Double] {
    var f: [String: Double] = [:]
    let rule = rules.grammar.rules[c.rule]
    f["rule.\(rule.id)"] = 1
    if let anchor = c.terms.first?.element {
      for tag in anchor.tags { f["anchor.\(tag)", default: 0] = 1 }
    }
    for s in c.sides {
      if s.words == 1 { f["side.one-word", default: 0] += 1 }
      // `Canterbury 14 Cronulla 6, …`: a number between a name's words is
      // a score more often than a club's (`Bayer 04 Leverkusen`).
      if (s.nameStart + 1..<max(s.nameStart + 1, s.nameEnd - 1)).contains(where: { i in
        line.tokens[i].isNumber && line.tokens[i].spaceBefore && line.tokens[i - 1].isWord && line.tokens[i + 1].isWord && line.tokens[i + 1].spaceBefore
          // (Not a founding year: `HSC 2000 Coburg`.)
          && !line.isFoundingYear(i)
      }) {
        f["side.inner-number", default: 0] += 1
      }
      if s.words >= 5 { f["side.long", default: 0] += 1 }
      let nameTokens = line.tokens[s.nameStart..<s.nameEnd]
      if nameTokens.contains(where: { $0.isUncased }) { f["side.uncased", default: 0] += 1 }
      if nameTokens.filter({ $0.isWord }).allSatisfy({ $0.isAllCaps }) && s.words >= 2 { f["side.all-caps", default: 0] += 1 }
      for n in s.notes { f["note.\(n.kind.rawValue)", default: 0] += 1 }
    }
    if Self.sidesEndInScores(c, line) { f["sides.scored"] = 1 }
    // `„Barbara Salesch – Das Strafgericht“`: one pair of quotes around both
    // sides names a programme, not a match.
    if c.sides.count == 2, let close = line.closing[c.sides[0].nameStart], close == c.sides[1].nameEnd - 1,
      ["\"", "\u{201C}", "\u{AB}", "'"].contains(line.tokens[c.sides[0].nameStart].text)
    {
      f["sides.quoted-title"] = 1
    }
    var typed = Set<String>()
    for e in c.leads where Self.countedAnnotations.contains(e.type) { typed.insert(e.type); f["lead.\(e.type)"] = 1 }
    for e in c.tails where Self.countedAnnotations.contains(e.type) {
      // `Quevilly-Rouen 1-2 Pau`: after a closed-up hyphen, a score with a
      // name after it stands between two teams, not after this pairing.
      if e.type == "score", c.terms.contains(where: { $0.element?.type == "joined-dash" }), e.end < line.tokens.count,
        line.tokens[e.end].isWord, line.tokens[e.end].isCapitalized
      {
        continue
      }
      typed.insert(e.type)
      f["tail.\(e.type)"] = 1
    }
    f["annotations"] = Double(min(typed.count, 4))
    // The core holds the score (`Italy 17-22 Ireland`, `Devils 6, Oilers 5`).
    if c.terms.contains(where: { ["homeScore", "awayScore", "score"].contains($0.term.field ?? "") || $0.element?.type == "score" }) {
      f["core.score"] = 1
    }
    // `Canelo vs Crawford undercard`, `Benavidez vs Andrade fight card`: a
    // card named for its main bout, as a heading.
    if c.tails.contains(where: { $0.type == "card-heading" }) { f["tail.card-heading"] = 1 }
    // A side that is all one channel, competition or sport name (`Apple
    // TV - FreeTSN`) or a lone letter (`F A`) is no competitor.
    for s in c.sides where Self.isNoCompetitor(s, line) { f["side.not-a-name", default: 0] += 1 }
    // A label opening the line before a colon (`Moena (Tn):`, `Jenbach
    // (Aut):`, `Youths:`) names a place or a section, not prose.
    let label = Self.lineLabelEnd(line, before: c.start)
    let lead = c.unexplainedLead.filter { $0 > (label ?? -1) }
    if let label {
      f["lead.label"] = 1
      // `Prediction: Aston Villa 2-1 Arsenal`, `Odds: A v B 2/1`: a label
      // of an article's words makes the line its pick, not a record.
      if line.elements.contains(where: { $0.type == "article-word" && $0.tags.contains("pick") && $0.end <= label }) { f["lead.article-label"] = 1 }
    }
    f["lead.unexplained"] = Double(min(line.wordCount(lead), 12))
    f["tail.unexplained"] = Double(min(line.wordCount(c.unexplainedTail), 12))
    f["tail.remote"] = Double(min(c.remoteTail.count, 30))
    // Words after a break in the tail (`A gegen B 2:0 – Ein abgefälschter
    // Schuss …`) are the text beside the record: they count only as
    // `tail.remote`, not as the record's own prose.
    let unexplained = lead + c.unexplainedTail
    let prose = unexplained.filter { i in line.elements(startingAt: i).contains { $0.type == "prose-word" || $0.type == "stop-word" } }.count
    f["prose.words"] = Double(min(prose, 8))
    if lead.isEmpty { f["lead.clean"] = 1 }
    if c.unexplainedTail.isEmpty, c.remoteTail.isEmpty { f["tail.clean"] = 1 }
    if recordsOnLine >= 2 { f["line.several"] = 1 }
    if Self.isLineup(line) { f["line.lineup"] = 1 }
    if let last = line.tokens.last, c.tailEnd == line.tokens.count, [".", "?", "!"].contains(last.text), unexplained.count >= 3 {
      f["line.sentence"] = 1
    }
    // `SV Haslach – TSV Rot 1:3 (0:0). In einem schlechten Spiel …`: a
    // result opening the line, its sentence closed after the score, and the
    // match's report after it. The report is the record's, not prose
    // around a pairing.
    let scored = f["core.score"] != nil || c.tails.contains { $0.type == "score" }
    // `Tigers 6, Blue Jays 5: Miguel Cabrera wins it …` too, after a colon.
    if scored, lead.isEmpty, c.unexplainedTail.count <= 3, let r = c.remoteTail.min(), line.isMark(r - 1, ".") || line.isMark(r - 1, ":"),
      line.tokens[r].isCapitalized, recordsOnLine == 1
    {
      for name in ["tail.remote", "line.sentence", "prose.words"] { f[name] = nil }
      f["tail.report"] = 1
    }
    // A question in the report after a result (`Pirates 4, Cardinals 3:
    // How about a more conventional walkoff?`) is the writer's, not the
    // line's.
    if f["tail.report"] == nil, line.tokens.contains(where: { $0.text == "?" }) { f["line.question"] = 1 }
    // `Cádiz vs Huesca: Disfrutando una gran temporada …`: a pairing that
    // labels a paragraph of prose after its colon is an article's preview
    // of the match, not a listing.
    if !scored, line.isMark(c.end, ":"), line.tokens[(c.end + 1)...].filter({ $0.isWord }).count >= 12,
      !c.tails.contains(where: { ["time", "channel"].contains($0.type) && $0.start <= c.end + 3 })
    {
      f["tail.paragraph"] = 1
    }
    // `“Godzilla vs. Mechagodzilla” (2:45 a.m.)`, `„Barbara Salesch – Das
    // Strafgericht“`: a pairing in quotation marks is a title.
    // One pair of marks around both sides, none between (`«Химки» – ЦСКА`
    // quotes a name, not the pairing).
    let t = line.tokens
    let isQuote = { (i: Int) in i >= 0 && i < t.count && (Self.openQuotes.contains(t[i].text) || Self.closeQuotes.contains(t[i].text)) }
    if let open = [c.leadStart - 1, c.leadStart].first(where: { isQuote($0) && Self.openQuotes.contains(t[$0].text) }),
      let close = [c.end - 1, c.end, c.tailEnd - 1, c.tailEnd].first(where: { $0 > open && isQuote($0) && Self.closeQuotes.contains(t[$0].text) }),
      !(open + 1..<close).contains(where: isQuote)
    {
      f["core.quoted"] = 1
    }
    // `Bramki: Papadopulos 78 - Formella 75`, `Вратари: Ежов — Шарыченков`:
    // after a report's label and its colon, a pairing is two scorers or two
    // goalkeepers, not two teams.
    if line.elements.contains(where: { $0.type == "scorers-label" && $0.end <= c.start && line.isMark($0.end, ":") }) {
      f["lead.scorers-list"] = 1
    }
    // A pairing in a link, or beside the words of an article's title
    // (`preview`, `odds`, `live stream`), names an article, not a record.
    // A label before a colon (`… Prediction: Arsenal 0-1 Chelsea`) counts
    // as the pairing's own.
    // Alone on its line, the pairing owns the words after it too (`Juárez
    // vs Pumas - EN VIVO Liga MX`).
    let span = (label != nil ? 0 : c.leadStart)..<(recordsOnLine <= 1 ? line.tokens.count : c.tailEnd)
    if line.elements.contains(where: { $0.type == "link" && $0.start < c.end && c.start < $0.end }) { f["span.link"] = 1 }
    let articleWords = line.elements.filter { $0.type == "article-word" && span.contains($0.start) }.count
    if articleWords > 0 { f["article-words"] = Double(min(articleWords, 3)) }
    // `Roma 50, Napoli 47, Lazio 46`: a table of points, not results.
    // (`Celtic 3 Rangers 2, Hearts 1 Hibernian 0`, with no comma between a
    // match's two teams, is a list of results.)
    if c.terms.contains(where: { $0.term.field == "homeScore" }), line.isMark(c.end, ","), c.sides.count == 2, line.isMark(c.sides[1].start - 1, ","),
      c.end + 1 < line.tokens.count, line.tokens[c.end + 1].isWord,
      (c.end + 2..<min(c.end + 6, line.tokens.count)).contains(where: { i in
        // `Wadena 4, Benson 3, 2OT`, `Hillsboro 7, Sacred Heart 0, 2Q,
        // ppd.`: a note on the score, not another team's points, which
        // would follow a name.
        line.tokens[i].isNumber && !line.elements(startingAt: i).contains { $0.type == "score-note" }
      })
    {
      f["scores.chained"] = 1
    }
    // `UFC 253: Adesanya vs. Costa`, `UFC FIGHT NIGHT: HOLM vs. ALDANA`: an
    // event's name, not a bout line.
    let eventCue = line.elements.contains { e in
      guard e.type == "sport-cue", e.end < c.start, e.start >= c.leadStart else { return false }
      // `UFC 253:`, `UFC FIGHT NIGHT:`, `Bellator 300 -`: the cue, a number
      // or up to three capitalized words, then a colon or a dash.
      var after = e.end
      if line.number(after) != nil { return true }
      // `GLORY Featherweight Championship: A vs. B` is a title bout's line.
      if line.elements.contains(where: { ["weight-class", "title-word", "billing"].contains($0.type) && $0.start >= e.end && $0.end <= c.start }) {
        return false
      }
      while after < e.end + 3, after < c.start, line.tokens[after].isWord, line.tokens[after].isCapitalized || line.tokens[after].isAllCaps {
        after += 1
      }
      return line.isMark(after, ":") || line.isMark(after, "-")
    }
    // Events are named for their main bout by surnames (`HOLM vs. ALDANA`):
    // counted twice when both sides are one word.
    if line.elements.contains(where: { $0.type == "rank-place" }) { f["lead.rank-place"] = 1 }
    if c.leads.contains(where: { $0.type == "match-status" && $0.tags.contains("half-time") }) { f["lead.half-time"] = 1 }
    if rule.id == "comma-scores" || rule.id == "spaced-scores", Self.isStandings(line) { f["line.standings"] = 1 }
    // `… 3 p.m. UK | CNBC`: a cell mark in the core of a line that is no
    // table row is a column of text, not two cells.
    if c.terms.contains(where: { $0.term.kind == .literal("|") }), !LineReader.isTableRow(line) { f["core.lone-cell-mark"] = 1 }
    if eventCue { f["lead.event-title"] = c.sides.allSatisfy { $0.words == 1 } ? 2 : 1 }
    if line.elements.contains(where: { $0.type == "heading-mark" && $0.end <= c.start }) {
      f["lead.heading-mark"] = c.sides.allSatisfy { $0.words == 1 } ? 2 : 1
    }
    return f.filter { $0.value != 0 }
  }

  /// `Broncos 24 def Storm 18`: a winner and a loser each ending in a
  /// number are two teams' scores, not two clubs' numbers. So are two
  /// sides ending in a one-digit number round a separator, or one with the
  /// other's number left after it (`Russia 5 vs. Saudi Arabia 0`): a club's
  /// number has two digits or four (`Hannover 96`, `Frisia 1883`).
  static func sidesEndInScores(_ c: Candidate, _ line: LineElements) -> Bool {
    guard c.sides.count == 2 else { return false }
    let ends = c.sides.compactMap { s in s.nameEnd > s.nameStart && line.tokens[s.nameEnd - 1].isNumber ? line.tokens[s.nameEnd - 1].text : nil }
    if ends.count == 2 { return c.roles.contains(.winner) || ends.allSatisfy { $0.count == 1 } }
    let after = c.sides[1].nameEnd
    return ends.count == 1 && ends[0].count == 1 && after < line.tokens.count && line.tokens[after].isNumber && c.unexplainedTail.contains(after)
  }

  static let openQuotes: Set<String> = ["\"", "“", "„", "«", "‘", "'", "「", "『"]
  static let closeQuotes: Set<String> = ["\"", "”", "“", "»", "’", "'", "」", "』"]

  /// The colon that ends a label opening the line, before token `limit`:
  /// one to five words or numbers (brackets allowed), the first capitalised.
  static func lineLabelEnd(_ line: LineElements, before limit: Int) -> Int? {
    let t = line.tokens
    guard let colon = t.indices.prefix(max(0, min(limit, 12))).first(where: { t[$0].text == ":" }), colon >= 1,
      t[0].isCapitalized || t[0].isAllCaps || t[0].isNumber
    else { return nil }
    let words = (0..<colon).filter { t[$0].isWord || t[$0].isNumber }.count
    guard (1...5).contains(words), (0..<colon).allSatisfy({ t[$0].isWord || t[$0].isNumber || ["(", ")", ".", "-", "/"].contains(t[$0].text) })
    else { return nil }
    return colon
  }

  /// `Radomiak Radom: Kikolski – Ouattara (74’ Golubickas), Kingué, …`: a
  /// team's line-up, a label and a colon, then players in commas, the
  /// dashes between the lines of its formation; no score, time or date,
  /// and no word of a result or pairing other than the dashes (a list of
  /// results in commas is no line-up).
  static func isLineup(_ line: LineElements) -> Bool {
    let t = line.tokens
    guard let colon = t.prefix(6).firstIndex(where: { $0.text == ":" }), colon > 0 else { return false }
    let commas = t[colon...].filter { $0.text == "," }.count
    let result: Set<String> = ["score", "time", "date", "result-verb", "method", "outcome", "win-verb", "win-noun", "weight-class", "weight"]
    return commas >= 5
      && !line.elements.contains { result.contains($0.type) || ($0.type == "separator" && !$0.tags.contains("dash")) }
  }

  static func isNoCompetitor(_ s: Side, _ line: LineElements) -> Bool {
    if s.nameEnd - s.nameStart == 1, line.tokens[s.nameStart].isWord, line.tokens[s.nameStart].text.count == 1 { return true }
    // `J U D G M E N T`: a word spelled out letter by letter, no initials
    // (those carry full stops).
    let letters = (s.nameStart..<s.nameEnd).map { line.tokens[$0] }
    if letters.count >= 2, letters.allSatisfy({ $0.isWord && !$0.isCJK && $0.text.count == 1 }) { return true }
    // `iPhone XS Max`: a product; `OS DEMAIS` ("the others"): small words only.
    let inName = line.elements.filter { $0.start >= s.nameStart && $0.end <= s.nameEnd }
    if inName.contains(where: { $0.type == "product-word" }) { return true }
    let words = (s.nameStart..<s.nameEnd).filter { line.tokens[$0].isWord }
    if !words.isEmpty, words.allSatisfy({ i in inName.contains { $0.type == "stop-word" && $0.start <= i && i < $0.end } }) { return true }
    return line.elements.contains { e in
      ["channel", "sport-cue", "time-zone", "tv-word"].contains(e.type) && e.start <= s.nameStart && e.end >= s.nameEnd
    }
  }

  /// Features that tell a bout from a fixture.
  func kindFeatures(_ c: Candidate, _ line: LineElements) -> [String: Double] {
    var f: [String: Double] = [:]
    if c.terms.contains(where: { ["homeScore", "awayScore"].contains($0.term.field ?? "") }) { f["core.score"] = 1 }
    for e in c.elements {
      f["element.\(e.type)"] = 1
      // `ММА (ACA 112)`, `NBA`: the sport a cue on the record's line names
      // (not a word that is a competition's or a title's too: `Championship`).
      if e.type == "sport-cue", case .text(let sport) = e.value, !e.tags.contains("unlisted"),
        !line.elements.contains(where: { ($0.type == "competition-word" || $0.type == "title-word") && $0.start == e.start })
      {
        f[RecordBuilder.combatSports.contains(sport) ? "cue.combat" : "cue.team"] = 1
      }
    }
    for tag in c.terms.first?.element?.tags ?? [] { f["anchor.\(tag)"] = 1 }
    var personLike = 0
    var teamLike = 0
    let bracketedScore = Self.bracketedScore(c) != nil
    for s in c.sides {
      for n in s.notes where !(bracketedScore && n.kind == .record) { f["note.\(n.kind.rawValue)"] = 1 }
      let inName = line.elements.filter { $0.start >= s.nameStart && $0.end <= s.nameEnd }
      if inName.contains(where: { $0.type == "club-word" }) { teamLike += 1 }
      if inName.contains(where: { $0.type == "country" && $0.start == s.nameStart && $0.end == s.nameEnd }) {
        f["name.country"] = (f["name.country"] ?? 0) + 1
      }
      if (2...3).contains(s.words), !inName.contains(where: { $0.type == "club-word" }) { personLike += 1 }
      if s.words == 1 { f["name.one-word", default: 0] += 1 }
      if Self.hasNickname(s, line) { f["name.nickname", default: 0] += 1 }
    }
    if teamLike > 0 { f["name.club"] = Double(teamLike) }
    if bracketedScore { f["core.score"] = 1 }
    if personLike == 2 { f["name.people"] = 1 }
    return f
  }

  /// `Yale 14, Lagomar 13, Juventud 9, Montevideo 8`: a table's points run
  /// into a line, three names or more each with a number before a comma,
  /// the numbers never rising: standings, not results (`Brisbane 42
  /// Balmain 10, Canberra 46 Auckland 22` rises and falls).
  static func isStandings(_ line: LineElements) -> Bool {
    let t = line.tokens
    var numbers: [Int] = []
    for i in t.indices.dropFirst() where t[i].isNumber && t[i - 1].isWord && t[i].spaceBefore {
      guard i + 1 == t.count || [",", ".", ";"].contains(t[i + 1].text) else { return false }
      guard let n = Int(t[i].text) else { return false }
      numbers.append(n)
    }
    return numbers.count >= 3 && zip(numbers, numbers.dropFirst()).allSatisfy { $0 >= $1 }
  }

  /// `Rayo Vallecano - Elche (2-1)`: a small `N-N` in brackets after the
  /// second side only is the match's score; fighters' records stand after
  /// both names, or after the first.
  static func bracketedScore(_ c: Candidate) -> (home: Int, away: Int)? {
    guard c.sides.count == 2, !c.sides[0].notes.contains(where: { $0.kind == .record }),
      let note = c.sides[1].notes.last, note.kind == .record, c.sides[1].notes.filter({ $0.kind == .record }).count == 1
    else { return nil }
    let parts = note.text.split(separator: "-").map { $0.filter { $0 != " " } }
    guard parts.count == 2, let h = Int(parts[0]), let a = Int(parts[1]), h <= 20, a <= 20 else { return nil }
    return (h, a)
  }

  /// A quoted part with name words before and after it, inside the name.
  static func hasNickname(_ s: Side, _ line: LineElements) -> Bool {
    line.closing.contains { open, close in
      open > s.nameStart && close < s.nameEnd - 1 && ["'", "\"", "\u{201C}", "\u{AB}"].contains(line.tokens[open].text)
    }
  }

  /// Summed in the features' name order: a dictionary's own order differs
  /// from run to run, and a sum's last bit with it.
  func score(_ features: [String: Double]) -> Double {
    features.keys.sorted().reduce(0) { $0 + rules.evidence.weight($1) * (features[$1] ?? 0) }
  }

  func boutScore(_ features: [String: Double]) -> Double {
    features.keys.sorted().reduce(0) { $0 + (rules.evidence.kind[$1] ?? 0) * (features[$1] ?? 0) }
  }
}
