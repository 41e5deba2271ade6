extension RecordBuilder {
  static let combatSports: Set<String> = ["mma", "boxing", "kickboxing", "muay-thai", "bjj", "grappling"]
  static let sanctioningBodies: Set<String> = ["WBA", "WBC", "IBF", "WBO", "IBO", "WBU", "WBF", "IBA", "EBU", "WBA Super"]

  mutating func bout() -> Bout {
    let c = candidate
    // A sport named on the line (`WBA title`, `(muay thai)`) before the one
    // the document is about.
    var lineSport: String?
    var lineRuleset: String?
    if let cue = c.elements.first(where: { $0.type == "sport-cue" }), case .text(let v) = cue.value, Self.combatSports.contains(v) {
      lineSport = v
      lineRuleset = cue.tags.first { $0.hasPrefix("ruleset:") }.map { String($0.dropFirst("ruleset:".count)) }
    }
    let sport = lineSport ?? context.sport.flatMap { Self.combatSports.contains($0) ? $0 : nil } ?? "mma"
    var sides = c.sides
    var winnerIndex: Int?
    if c.roles == [.winner, .loser] { winnerIndex = 0 }
    if c.roles == [.loser, .winner] { winnerIndex = 1 }
    let anchorTags = c.terms.first?.element?.tags ?? []
    // (The draw may stand after both names: `A e B empataram`.)
    var draw = anchorTags.contains("draw") || anchorTags.contains("no-contest")
      || c.terms.contains { $0.element?.type == "result-verb" && $0.element?.tags.contains("draw") == true }
    if let outcome = c.element("outcome"), case .text(let v) = outcome.value {
      switch v {
      case "loss": winnerIndex = 1
      case "draw", "no-contest": draw = true
      default: winnerIndex = 0
      }
    }
    // `○ A vs × B`: the signs before the names say who won, over the
    // order a rule reads (`●A 判定0-3 ○B` is read winner-first).
    if !draw, let k = Side.markedWinner(sides) { winnerIndex = k }
    let method = c.element("method")
    var methodCanonical: String?
    if let m = method, case .text(let v) = m.value { methodCanonical = v }
    if ["Draw", "Majority Draw", "Split Draw", "Technical Draw", "No Contest"].contains(methodCanonical ?? "") { draw = true }
    if winnerIndex == nil, !draw, let m = method { winnerIndex = winnerNamed(before: m, sides: sides) }
    if winnerIndex == 1 { sides.swapAt(0, 1) }
    let first = name(sides[0])
    let second = name(sides[1])
    if methodCanonical == nil, draw, !anchorTags.contains("no-contest") { methodCanonical = "Draw" }
    if methodCanonical == nil, anchorTags.contains("no-contest") { methodCanonical = "No Contest" }
    let family = self.family(.bout, sport: sport, has: Set(c.elements.map(\.type)).union(winnerIndex != nil || method != nil || draw ? ["result"] : []))
    let ruleset = lineRuleset ?? (lineSport == nil ? context.ruleset : nil) ?? family?.ruleset
    let table = rules.weightClasses.table(sport: sport, ruleset: ruleset)
    var result: BoutResult?
    var round = c.element("round").flatMap { e -> Int? in
      if case .round(let n) = e.value { return n }
      return nil
    }
    for (term, e) in c.terms where term.field == "round" {
      if case .number(let n)? = e?.value { round = Int(n) }
    }
    let time = c.elements.first { $0.type == "duration" }.flatMap { e -> String? in
      if case .duration(let d) = e.value { return d }
      return nil
    }
    if winnerIndex != nil || draw || method != nil {
      var methodText = method.map(writtenMethod)
      var methodRound: Int?
      if let m = methodText {
        let cleaned = MethodCleaner.clean(m)
        methodText = cleaned.method
        methodRound = cleaned.round
      }
      result = BoutResult(
        winner: draw ? nil : (winnerIndex != nil ? first.name : nil), method: methodText, round: round ?? methodRound, time: time)
      result?.methodCanonical = methodCanonical
    }
    return Bout(
      sport: sport, ruleset: ruleset ?? table?.ruleset, weightClass: weightClass(table: table), limit: limit(),
      fighters: [
        Fighter(name: first.name, country: country(sides[0].country)), Fighter(name: second.name, country: country(sides[1].country)),
      ],
      title: isTitle(champion: first.champion || second.champion), scheduledRounds: rounds(), sanctioningBodies: bodies(),
      result: result, section: context.section, sectionLine: context.sectionLine, format: family?.id ?? "bout", provenance: provenance)
  }

  /// The method as written, with the words that describe it between the
  /// cue and the method (`via perfect knee-to-face KO`); words another
  /// element reads (`second-round`) and an article stay out.
  private func writtenMethod(_ m: Element) -> String {
    // The nearest cue up to six tokens before the method, not just before it.
    guard let cue = line.elements.filter({ $0.type == "method-cue" && $0.end < m.start && $0.end >= m.start - 6 }).max(by: { $0.end < $1.end })
    else { return written(m) }
    var start = cue.end
    while start < m.start, line.tokens[start].isWord, Self.articles.contains(line.tokens[start].folded) { start += 1 }
    let between = start..<m.start
    let words = between.filter { line.tokens[$0].isWord }.count
    guard words >= 1, words <= 4,
      between.allSatisfy({ i in
        (line.tokens[i].isWord || line.tokens[i].isJoiner)
          && !line.elements.contains { $0.start <= i && i < $0.end && $0.type != "stop-word" && $0.type != "prose-word" }
      })
    else { return written(m) }
    return line.text(start, m.end)
  }

  static let articles: Set<String> = ["a", "an", "the", "um", "uma", "un", "une", "una", "ein", "eine", "einen"]

  /// A winner named by a side's surname just before the method, as cards
  /// that print results write it: `A vs. B - Sousa via third-round TKO`.
  private func winnerNamed(before method: Element, sides: [Side]) -> Int? {
    let from = candidate.end
    guard method.start > from else { return nil }
    let words = Set((from..<method.start).filter { line.tokens[$0].isWord }.map { line.tokens[$0].folded })
    for (k, s) in sides.enumerated() {
      let nameWords = (s.nameStart..<s.nameEnd).filter { line.tokens[$0].isWord }.map { line.tokens[$0].folded }
      if let last = nameWords.last, words.contains(last) { return k }
    }
    return nil
  }

  private mutating func weightClass(table: WeightClassLexicon.Table?) -> WeightClass? {
    var spelling: String?
    var women = false
    var written: String?
    if let e = candidate.elements.first(where: { $0.type == "weight-class" }) {
      written = self.written(e)
      if case .text(let v) = e.value { spelling = v }
      if e.tags.contains("corrected"), let written, let spelling {
        let canonical = rules.weightClasses.canonical(for: spelling, in: table) ?? spelling
        diagnostics.append(diagnostic(.warning, .weightClassCorrected(written, canonical)))
      }
      women = line.elements(endingBefore: e.start).contains { $0.type == "women-word" }
      if women, let w = line.elements(endingBefore: e.start).first(where: { $0.type == "women-word" }) {
        written = line.text(w.start, e.end)
      }
    } else if let heading = context.weightClass {
      spelling = heading
      written = heading
    } else if let (w, text) = limitElement() ?? context.limit.map({ ($0, $0.asWritten) }), let name = Self.className(at: w, in: table) {
      // `205 lbs.: A vs. B`, `do 57 kg:` over the bouts: a limit that is a
      // class's own names the class.
      spelling = name
      written = text
    }
    guard let spelling, let written else { return nil }
    guard let canonical = rules.weightClasses.canonical(for: spelling, in: table) else {
      return WeightClass(asWritten: written, canonical: written, women: women)
    }
    let limit = table?.limits[canonical] ?? nil
    return WeightClass(asWritten: written, canonical: women ? "Women's \(canonical)" : canonical, women: women, classLimit: limit)
  }

  /// The class whose limit `w` is, within a pound (`57 kg` is 125.7 lb,
  /// flyweight's 125): classes lie three pounds apart or more.
  static func className(at w: Weight, in table: WeightClassLexicon.Table?) -> String? {
    table?.limits.filter { $0.value.map { abs($0.lb - w.lb) < 1.0 } ?? false }.map(\.key).sorted().first
  }

  private func limitElement() -> (Weight, String)? {
    for e in candidate.leads + candidate.tails where e.type == "weight" {
      if case .weight(let w) = e.value { return (w, written(e)) }
    }
    return nil
  }

  private func limit() -> Weight? {
    for e in candidate.leads + candidate.tails where e.type == "weight" {
      if case .weight(let w) = e.value { return w }
    }
    return context.limit
  }

  private func rounds() -> Int? {
    for e in candidate.elements where e.type == "rounds" {
      if case .rounds(let n) = e.value { return n }
    }
    return context.rounds
  }

  private func isTitle(champion: Bool) -> Bool {
    let span = candidate.leadStart..<candidate.tailEnd
    if span.contains(where: { line.tokens[$0].folded.hasPrefix("eliminator") }) { return false }
    let titled = candidate.elements.contains { ($0.type == "title-word" && !$0.tags.contains("modifier")) || $0.type == "champion-mark" }
    return titled || champion || context.title
  }

  private func bodies() -> [String]? {
    var out: [String] = []
    for i in candidate.end..<candidate.tailEnd where line.tokens[i].isAllCaps && Self.sanctioningBodies.contains(line.tokens[i].text) {
      if !out.contains(line.tokens[i].text) { out.append(line.tokens[i].text) }
    }
    return out.isEmpty ? nil : out
  }

  mutating func country(_ written: String?) -> Country? {
    guard let written, !written.isEmpty else { return nil }
    if let flag = written.unicodeScalars.first, (0x1F1E6...0x1F1FF).contains(flag.value), let iso2 = MarkShape.flagCode(written) {
      var c = rules.countries.resolve(iso2)
      c.asWritten = written
      return c
    }
    let c = rules.countries.resolve(written)
    // An unknown code is reported by the feed checks (`unknown-country`).
    if c.matchedAs == "alias" || c.matchedAs == "iso2" {
      diagnostics.append(diagnostic(.note, .nonStandardCountry(written, c)))
    }
    return c
  }
}
