/// Finds every way the grammar's composition rules read a line: each rule
/// is tried where an element of its anchor type stands, its terms after the
/// anchor matched left to right (a side trying its longest name first), its
/// first side read leftwards from the anchor.
struct RuleMatcher {
  let grammar: Grammar

  /// Steps (terms tried) a line may cost across all rules. A rule file can
  /// write rules whose readings multiply (several gaps, many optional
  /// terms); past this the line's remaining readings are not tried, and
  /// the reader says so.
  static let stepBudget = 200_000

  func candidates(in line: LineElements, sides: SideFinder) -> [Candidate] {
    var steps = 0
    return candidates(in: line, sides: sides, steps: &steps)
  }

  /// As `candidates(in:sides:)`, counting the steps taken in `steps`.
  func candidates(in line: LineElements, sides: SideFinder, steps: inout Int) -> [Candidate] {
    var out: [Candidate] = []
    for (r, rule) in grammar.rules.enumerated() {
      guard let a = rule.anchor, a >= 1, rule.terms[0].isSide else { continue }
      // A rule that needs an element no element of the line is (`needs:`)
      // can give no record here: not tried.
      if !rule.needs.isEmpty, !line.elements.contains(where: { rule.needs.contains($0.type) }) { continue }
      for p in anchorPositions(rule.terms[a], in: line) {
        // The first side may stand in the cell before the anchor's.
        let q = rule.terms[a].kind != .literal("|") && p > 0 && line.isMark(p - 1, "|") ? p - 1 : p
        guard let left = sides.leftward(endingBefore: q) else { continue }
        var found: ([Side], [(GrammarTerm, Element?)], Int)?
        match(rule.terms[a...], at: p, line, sides, [left], [], &steps) { s, t, end in
          found = (s, t, end)
          return true
        }
        guard let (rest, terms, end) = found, rest.count >= 2 else { continue }
        let right = rest[1]
        let candidate = Candidate(
          rule: r, sides: [left, right], roles: rule.roles, terms: terms, start: left.start, end: end)
        if !out.contains(where: { $0.rule == r && $0.start == candidate.start && $0.end == candidate.end }) { out.append(candidate) }
      }
    }
    return out
  }

  /// Elements a gap may not span: another record's pairing.
  static let gapBlockers: Set<String> = ["separator", "result-verb", "joined-dash"]

  /// A second name that runs on into the first one's name again (`최영 VS
  /// 김훈 최영 판정승`, `Silva vs. Costa Silva by KO`): the winner named
  /// after the pairing, not part of the name; a shorter reading is tried.
  static func endsRepeating(_ side: Side, _ first: Side, _ line: LineElements) -> Bool {
    func words(_ s: Side) -> [String] { (s.nameStart..<s.nameEnd).filter { line.tokens[$0].isWord }.map { line.tokens[$0].folded } }
    // Only before how the bout ended (`판정승`, `by KO`): `Kerala Blasters
    // FC v Bengaluru FC`, `Dalton Smith v Reece Smith` share words and
    // are whole.
    guard side.words > first.words, line.elements.contains(where: { ($0.type == "method" || $0.type == "outcome") && $0.start >= side.nameEnd })
    else { return false }
    let mine = words(side)
    let theirs = words(first)
    return !theirs.isEmpty && theirs.count < mine.count && Array(mine.suffix(theirs.count)) == theirs
  }

  /// Where the anchor term can match in the line.
  private func anchorPositions(_ term: GrammarTerm, in line: LineElements) -> [Int] {
    switch term.kind {
    case .element(let type, _, _):
      if type == "number" { return line.tokens.indices.filter { line.tokens[$0].isNumber } }
      return Array(Set(line.elements.filter { $0.type == type && accepts(term, $0) }.map(\.start))).sorted()
    case .literal(let text):
      return line.tokens.indices.filter { Tokenizer.fold(line.tokens[$0].text) == Tokenizer.fold(text) }
    case .side, .gap:
      return []
    }
  }

  private func accepts(_ term: GrammarTerm, _ e: Element) -> Bool {
    guard case .element(let type, let required, let excluded) = term.kind, e.type == type else { return false }
    return required.isSubset(of: e.tags) && excluded.isDisjoint(with: e.tags)
  }

  /// Matches `terms` from token `pos`, calling `done` with the sides and
  /// elements matched and the end; stops at the first `done` that returns
  /// true.
  @discardableResult
  private func match(
    _ terms: ArraySlice<GrammarTerm>, at pos: Int, _ line: LineElements, _ sides: SideFinder, _ gotSides: [Side],
    _ got: [(GrammarTerm, Element?)], _ steps: inout Int, _ done: ([Side], [(GrammarTerm, Element?)], Int) -> Bool
  ) -> Bool {
    steps += 1
    guard steps <= Self.stepBudget else { return false }
    guard let term = terms.first else { return done(gotSides, got, pos) }
    // Table cells: a term may stand in the next cell (`Khabib | def. | Tony`).
    if case .literal = term.kind {
    } else if pos < line.tokens.count, line.isMark(pos, "|") {
      return match(terms, at: pos + 1, line, sides, gotSides, got, &steps, done)
    }
    let rest = terms.dropFirst()
    switch term.kind {
    case .side:
      for side in sides.rightward(from: pos) {
        if let first = gotSides.first, Self.endsRepeating(side, first, line) { continue }
        if match(rest, at: side.end, line, sides, gotSides + [side], got, &steps, done) { return true }
      }
    case .element(let type, _, _):
      if type == "number" {
        // A score is never written with a leading zero; a club's founding
        // year is (`Schalke 04`, `Mainz 05`).
        // Nor is a team's score one half of a score (`Schalke 04 1:0`).
        let zeroLed = pos < line.tokens.count && line.tokens[pos].text.count > 1 && line.tokens[pos].text.hasPrefix("0")
        let inScore = line.elements(startingAt: pos).contains { $0.type == "score" }
        // Nor a number closed up to a word (`Club33`, `AD2000`).
        let glued = pos > 0 && pos < line.tokens.count && !line.tokens[pos].spaceBefore && line.tokens[pos - 1].isWord
        if let n = line.number(pos), !((zeroLed || inScore || glued) && term.field?.hasSuffix("Score") == true) {
          let e = Element(type: "number", start: pos, end: pos + 1, value: .number(Double(n)))
          if match(rest, at: pos + 1, line, sides, gotSides, got + [(term, e)], &steps, done) { return true }
        }
      } else {
        for e in line.elements(startingAt: pos) where accepts(term, e) {
          if match(rest, at: e.end, line, sides, gotSides, got + [(term, e)], &steps, done) { return true }
        }
      }
    case .literal(let text):
      if pos < line.tokens.count, Tokenizer.fold(line.tokens[pos].text) == Tokenizer.fold(text) {
        if match(rest, at: pos + 1, line, sides, gotSides, got + [(term, nil)], &steps, done) { return true }
      }
    case .gap:
      // Shortest first; never across a boundary mark or another pairing.
      var end = pos
      while end <= min(pos + GrammarTerm.gapLimit, line.tokens.count) {
        let inside = line.elements.filter { $0.start >= pos && $0.end <= end && !Self.gapBlockers.contains($0.type) }
        if match(rest, at: end, line, sides, gotSides, got + inside.map { (term, $0) }, &steps, done) { return true }
        // A capitalised word no element reads may be a name: the gap stops.
        let t = line.tokens
        guard end < t.count, !grammar.boundaries.contains(t[end].text),
          !line.elements(startingAt: end).contains(where: { Self.gapBlockers.contains($0.type) }),
          !(t[end].isWord && (t[end].isCapitalized || t[end].isAllCaps) && !line.elements.contains { $0.start <= end && end < $0.end })
        else { break }
        end += 1
      }
    }
    if term.optional { return match(rest, at: pos, line, sides, gotSides, got, &steps, done) }
    return false
  }
}
