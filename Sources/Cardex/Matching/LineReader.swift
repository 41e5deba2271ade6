/// Reads one normalized line: its elements, the records it may hold (each
/// candidate annotated and scored on the line's own evidence), and what it
/// says as a heading.
public struct LineReader: Sendable {
  public let rules: RuleSet
  let scanner: ElementScanner
  let matcher: RuleMatcher
  let annotator: Annotator
  let evidence: Evidence
  let headingTypes: Set<String>
  let gate: ProseGate

  public init(rules: RuleSet) {
    self.rules = rules
    scanner = ElementScanner(rules: rules)
    matcher = RuleMatcher(grammar: rules.grammar)
    annotator = Annotator(grammar: rules.grammar)
    evidence = Evidence(rules: rules)
    var types = rules.grammar.lead.union(rules.grammar.tail)
    for set in rules.grammar.headings.values { types.formUnion(set) }
    types.insert("sport-cue")
    headingTypes = types
    gate = ProseGate(rules: rules)
  }

  /// Reads a line from its normalized bytes and text: a paragraph the prose
  /// gate passes costs one walk over its bytes, and reads as it would in
  /// full (no pairing, no heading, no mention; its words counted).
  public func read(_ text: String, bytes: [UInt8]) -> LineReading {
    if let words = gate.proseWords(bytes) { return LineReading(prose: text, words: words) }
    return read(text)
  }

  public func read(_ text: String) -> LineReading {
    let line = scanner.scan(text)
    let sides = SideFinder(line: line, rules: rules.grammar.names)
    var steps = 0
    var all = matcher.candidates(in: line, sides: sides, steps: &steps)
    // Each alone, with the whole line around it, to choose among overlaps.
    for k in all.indices {
      var one = [all[k]]
      annotator.annotate(&one, in: line)
      all[k] = one[0]
      all[k].features = evidence.localFeatures(all[k], line, recordsOnLine: 1)
      all[k].score = evidence.score(all[k].features)
    }
    // A rule that needs an element beside its core (`needs:`) reads no
    // line without one.
    all.removeAll { c in
      let rule = rules.grammar.rules[c.rule]
      if !rule.unless.isEmpty, line.elements.contains(where: { rule.unless.contains($0.type) }) { return true }
      return !rule.needs.isEmpty && !c.elements.contains { rule.needs.contains($0.type) }
    }
    // `VVV-Venlo - Vitesse`: a closed-up hyphen inside a pairing at a
    // spaced separator joins a name.
    for k in all.indices where Self.anchorType(all[k]) == "joined-dash" {
      if all.contains(where: { Self.anchorType($0) == "separator" && overlaps($0, all[k]) }) {
        all[k].features["anchor.inside-spaced"] = 1
        all[k].score = evidence.score(all[k].features)
      }
    }
    var chosen: [Candidate] = []
    let ranked = all.sorted(by: { ($0.score, $1.start) > ($1.score, $0.start) })
    for c in ranked where !chosen.contains(where: { overlaps($0, c) }) {
      chosen.append(c)
    }
    // A reading of a team's score from a bare number keeps the best reading
    // of the same words by another rule (`SV Darmstadt 98 - Hannover 96`).
    for k in chosen.indices where chosen[k].terms.contains(where: { ["homeScore", "awayScore"].contains($0.term.field ?? "") }) {
      if let other = ranked.first(where: { $0.rule != chosen[k].rule && overlaps($0, chosen[k]) }) { chosen[k].fallback = [other] }
    }
    annotator.annotate(&chosen, in: line)
    // On a line of several records, words no element explains count
    // against all of them: a run of results has few, a paragraph many.
    // With three records or more, words before the first and after the
    // last count a quarter: a run of pairings inside a sentence (`… before
    // the bouts A X B, C X D and E X F`) is a list with a lead-in, not a
    // paragraph.
    let span = chosen.count >= 3 ? (chosen.map(\.start).min() ?? 0)..<(chosen.map(\.end).max() ?? 0) : 0..<line.tokens.count
    let counted = line.tokens.indices.filter { line.tokens[$0].isWord || line.tokens[$0].isNumber }
    let words = counted.reduce(0.0) { $0 + (span.contains($1) ? 1 : 0.25) }
    let unexplained = Set(chosen.flatMap { $0.unexplainedLead + $0.unexplainedTail + $0.remoteTail }).reduce(0.0) {
      $0 + (span.contains($1) ? 1 : 0.25)
    }
    for k in chosen.indices {
      chosen[k].features = evidence.localFeatures(chosen[k], line, recordsOnLine: chosen.count)
      if chosen.count >= 2, words > 0 {
        // The words between and around several records are the line's, not
        // one record's: they count once, as a share of the line.
        for name in ["lead.unexplained", "tail.unexplained", "tail.remote", "prose.words"] { chosen[k].features[name] = nil }
        chosen[k].features["line.unexplained-share"] = unexplained / words
      }
      // `A vs B – 19:00 – Channel – Country: Channel`: where a line pairs
      // with `vs`, its dashes part the fields; a dash pairing beside it is
      // no record.
      if chosen.count >= 2, Self.isDashPairing(chosen[k]), chosen.contains(where: { !Self.isDashPairing($0) }) {
        chosen[k].features["line.minority-anchor"] = 1
      }
      // `ore 18 Fiorentina-Torino (Sky), … Benevento-Inter (Sky), Lazio-
      // Atalanta (Sky)`: a run of pairings read by one rule is a list.
      let same = chosen.filter { $0.rule == chosen[k].rule }.count - 1
      if same >= 2 { chosen[k].features["line.same-rule"] = Double(min(same, 4)) }
      chosen[k].score = evidence.score(chosen[k].features)
      chosen[k].boutScore = evidence.boutScore(evidence.kindFeatures(chosen[k], line))
      // Weighed as read, then its names widened (`Gral. Savio`): a name so
      // widened does not make the line a record.
      annotator.continueNames(&chosen[k], in: line)
    }
    return LineReading(
      elements: line, candidates: chosen, considered: all.count, heading: heading(line), isTableRow: Self.isTableRow(line),
      header: tableHeader(line), outOfSteps: steps > RuleMatcher.stepBudget)
  }

  static func anchorType(_ c: Candidate) -> String? { c.terms.first(where: { !$0.term.isSide })?.element?.type }

  /// A pairing whose anchor is a dash (spaced or closed up).
  static func isDashPairing(_ c: Candidate) -> Bool {
    guard let anchor = c.terms.first(where: { !$0.term.isSide })?.element else { return false }
    return anchor.type == "joined-dash" || anchor.tags.contains("dash")
  }

  /// A row of a table: two cell marks or more.
  static func isTableRow(_ line: LineElements) -> Bool { line.tokens.filter { $0.text == "|" }.count >= 2 }

  /// The cell a token stands in, counting cell marks before it.
  public static func cell(of i: Int, in line: LineElements) -> Int {
    line.tokens[..<min(i, line.tokens.count)].filter { $0.text == "|" }.count
  }

  /// A table's header row: cells that are column names, by cell.
  func tableHeader(_ line: LineElements) -> [Int: String]? {
    guard Self.isTableRow(line) else { return nil }
    var roles: [Int: String] = [:]
    var cellStart = 0
    for i in 0...line.tokens.count where i == line.tokens.count || line.tokens[i].text == "|" {
      let content = (cellStart..<i).filter { !line.tokens[$0].isPunctuation || line.tokens[$0].text == ":" }
      if let first = content.first, let last = content.last,
        let e = line.elements(startingAt: first).first(where: { $0.type == "column-heading" && $0.end == last + 1 }),
        case .text(let role) = e.value
      {
        roles[Self.cell(of: first, in: line)] = role
      }
      cellStart = i + 1
    }
    let sides = roles.values.filter { ["winner", "loser", "side", "home", "away", "pairing"].contains($0) }
    return roles.count >= 2 && !sides.isEmpty ? roles : nil
  }

  private func overlaps(_ a: Candidate, _ b: Candidate) -> Bool { a.start < b.end && b.start < a.end }

  /// The line read as a heading.
  func heading(_ line: LineElements) -> HeadingReading {
    var h = HeadingReading()
    let (elements, unexplained) = annotator.read(0, line.tokens.count, line, allowed: headingTypes)
    h.elements = elements
    // A run of Chinese characters or kana is one word, as elsewhere
    // (`スーパー・ウェルター級タイトルマッチ` is a short heading).
    h.words = line.wordCount { line.tokens[$0].isWord || line.tokens[$0].isNumber }
    // Small words (`de`, `la`, `the`) are the glue of a short heading
    // (`Emparejamientos de dieciseisavos de final de la Copa del Rey:`); in
    // a longer line they are a sentence's.
    // Lower-case name particles (`de`, `la`, `del`) are that glue too.
    h.unexplained = line.wordCount(
      h.words <= 10 ? unexplained.filter { !line.has("stop-word", at: $0) && !(!line.tokens[$0].isCapitalized && line.has("name-particle", at: $0)) } : unexplained)
    let section = rules.grammar.headings["section"] ?? []
    for e in elements {
      switch e.type {
      case "weight-class": h.weightClass = h.weightClass ?? e
      // `(106 pounds/48 kilograms)`: the limit as the text gives it in kg
      // when it gives both.
      case "weight":
        if let l = h.limit, Self.unit(of: l, line) != "lb" || Self.unit(of: e, line) != "kg" { break }
        h.limit = e
      case "rounds": h.rounds = h.rounds ?? e
      case "title-word", "champion-mark": h.title = h.title || !(e.tags.contains("modifier"))
      case "bout-word": h.boutWord = true
      case "date": h.date = h.date ?? e
      case "competition":
        // A known competition outranks a name read from its shape.
        if h.competition == nil || (h.competition!.tags.contains("unknown") && !e.tags.contains("unknown")) { h.competition = e }
      case "stage": h.stage = h.stage ?? e
      case "time": h.time = h.time ?? e
      case "sport-cue":
        if h.sport == nil, case .text(let v) = e.value {
          h.sport = v
          h.ruleset = e.tags.first { $0.hasPrefix("ruleset:") }.map { String($0.dropFirst("ruleset:".count)) }
          h.sportUnlisted = e.tags.contains("unlisted")
        }
      default: break
      }
      if section.contains(e.type) {
        if e.type == "card-heading" { h.opens = .bout } else if h.opens == nil { h.opens = .fixture }
        let other = e.type == "card-heading" ? "fixture-heading" : "card-heading"
        if line.elements.contains(where: { $0.type == other && $0.start == e.start && $0.end == e.end }) { h.opensEither = true }
      }
    }
    // `Resultados de la Jornada 3`: a heading phrase that ends inside a
    // stage still gives the stage.
    if h.stage == nil, let s = line.elements.first(where: { $0.type == "stage" && !$0.tags.contains("named") }),
      elements.contains(where: { $0.start < s.start && s.start < $0.end && $0.end < s.end })
    {
      h.stage = s
      h.elements.append(s)
    }
    // `MLS Season Pass`, `NFL Network`: a channel named for a competition
    // still names the competition (counted as a mention, not a heading's).
    for c in line.elements where c.type == "competition" && !c.tags.contains("unknown") {
      if elements.contains(where: { $0.type == "channel" && $0.start == c.start && c.end < $0.end }) { h.elements.append(c) }
    }
    let meaningful = h.opens != nil || h.setsBout || h.setsFixture
    // A headline in title case (`Here Are The Fixtures For Matchweek
    // Five`) heads what follows whatever its small words.
    let words = line.tokens.filter(\.isWord)
    let titleCase = words.count >= 3 && words.filter({ $0.isCapitalized }).count * 10 >= words.count * 8 && line.tokens.last?.text != "."
      && !line.elements.contains { ["separator", "result-verb", "joined-dash"].contains($0.type) }
    h.isHeading = meaningful && h.words <= 14 && (h.unexplained <= max(2, h.words / 3) || titleCase)
    return h
  }
}

/// One line as the reader saw it.
public struct LineReading: Sendable {
  public var elements: LineElements
  /// The records the line may hold, not overlapping, in order.
  public var candidates: [Candidate]
  /// How many ways the grammar read it in all.
  public var considered: Int
  public var heading: HeadingReading
  /// Whether the line is a table row, and its column names when it is a
  /// table's header.
  public var isTableRow = false
  public var header: [Int: String]?
  /// The rules' readings of the line ran past `RuleMatcher.stepBudget`:
  /// some were not tried.
  public var outOfSteps = false

  public var best: Candidate? { candidates.max { $0.score < $1.score } }
}

extension LineReading {
  /// A paragraph that holds nothing: the reading the prose gate gives.
  init(prose text: String, words: Int) {
    var heading = HeadingReading()
    heading.words = words
    heading.unexplained = words
    self.init(elements: LineElements(text: text, tokens: []), candidates: [], considered: 0, heading: heading)
  }
}

extension LineReader {
  /// The unit a weight element is written in (`kg`, `lb`), from the unit
  /// word inside it.
  static func unit(of weight: Element, _ line: LineElements) -> String? {
    for u in line.elements where u.type == "weight-unit" && u.start >= weight.start && u.end <= weight.end {
      if case .text(let v) = u.value { return v }
    }
    return nil
  }
}
