extension ExtractionSession {
  /// How a record written over three lines joins up: the middle line's
  /// part, put between the first and the last line's names.
  enum SplitJoin {
    /// `Name (record)` / `vs.` / `Name (record)`.
    case separator(String)
    /// `Home` / `2 3` / `Away`: the score on its own line.
    case score(Int, Int)
    /// `Champion A (Japan) 130` / `#1 B (Russia) 129.25` under a bout
    /// heading: one competitor a line, nothing between.
    case adjacent
    /// `Boston Celtics 112` / `Miami Heat 104`: a scoreboard's two rows,
    /// each team with its score.
    case scoreboard
    /// `●A (gym)` / `判定0-3` / `○B (gym)`: how the bout ended on the
    /// line between two marked competitors.
    case result(String)
  }

  /// A record whose competitors stand on lines of their own, read as the
  /// one line they make together. Returns the candidate (read on the
  /// joined text) and the number of the last line it takes, or nil.
  func splitRecord(_ p: PendingLine) -> (reading: LineReading, candidate: Candidate, through: Int)? {
    // A competitor's line may read as a heading too (`Champion Masayuki Ito
    // (Japan) 130` names a title); one that opens a section does not.
    guard let first = p.reading, first.candidates.isEmpty, first.heading.opens == nil, first.heading.words <= 10,
      let next = window.first, let nextReading = next.reading, nextReading.candidates.isEmpty
    else { return nil }
    if isScoreboardPair(p, next) { return read(p.text, .scoreboard, next.text, through: next.number, join: .scoreboard) }
    if let join = middleJoin(nextReading), window.count >= 2, let last = window[1].reading, last.candidates.isEmpty,
      last.heading.opens == nil, last.heading.words <= 10
    {
      return read(p.text, join, window[1].text, through: window[1].number, join: join)
    }
    // Two competitor lines with nothing between them, only where a bout
    // heading just above says a pairing follows; not two places of a
    // numbered ranking (`1. Junior Dos Santos (1)` / `2. Cain Velasquez (2)`).
    let numbered = { (r: LineReading) in r.elements.elements.contains { $0.type == "ordinal" && $0.start == 0 } }
    // Or two fighters each with a record, bulleted or bare (`• Axel Nobou
    // (5-5)` / `• Mathieu Chaumont (7-3)`), under whatever line.
    let recorded = Self.isRecordedFighterLine(first) && Self.isRecordedFighterLine(nextReading) && next.number == p.number + 1
    guard (state.headingAbove && state.boutHeading != nil) || recorded, nextReading.heading.opens == nil, nextReading.heading.words <= 10,
      !(numbered(first) && numbered(nextReading))
    else {
      return nil
    }
    return read(p.text, .adjacent, next.text, through: next.number, join: .adjacent)
  }

  /// Two rows of a scoreboard: this line and the next each a team and its
  /// score, in a list of matches, with no row of the same shape just above
  /// or just below (three or more are a table of points).
  private func isScoreboardPair(_ p: PendingLine, _ next: PendingLine) -> Bool {
    // A pair begins a run of scoreboard rows, or follows the pair above
    // (`Fergus Falls 67` / `Apollo 52` / `Brainerd 69` / `Willmar 48`).
    let afterPair = state.absorbedThrough == state.previousLine && state.previousLine > 0
    guard !state.scoreboardAbove || afterPair, next.number <= p.number + 2, Self.isScoreboardLine(p), Self.isScoreboardLine(next) else {
      return false
    }
    // Two innings: cricket's, whatever the section.
    let innings = { (l: PendingLine) in l.reading?.elements.elements.contains { $0.type == "innings" } == true }
    if innings(p), innings(next) { return true }
    if window.count >= 2, window[1].number == next.number + 1, Self.isScoreboardLine(window[1]) {
      // Rows that run on: paired from the run's start, unless the numbers
      // never rise (one team a line in a table of points).
      let run = [p, next] + window.dropFirst().prefix { Self.isScoreboardLine($0) }
      let numbers = run.compactMap { $0.reading?.elements.tokens.last.flatMap { Int($0.text) } }
      if numbers.count >= 4, zip(numbers, numbers.dropFirst()).allSatisfy({ $0 >= $1 }) { return false }
    }
    return state.section?.kind == .fixture || (state.section == nil && state.fixtures > state.bouts)
  }

  /// `Miami Heat 104`: a name of at most six words and a number after it,
  /// nothing else.
  static func isScoreboardLine(_ p: PendingLine) -> Bool {
    guard let r = p.reading, r.candidates.isEmpty else { return false }
    let t = r.elements.tokens
    // `Pakistan 96-9 (20.0 overs)`: a cricket team and its innings.
    if let innings = r.elements.elements.first(where: { $0.type == "innings" }), innings.end == t.count, (1...8).contains(innings.start),
      t[0].isWord, t[0].isCapitalized || t[0].isUncased || t[0].isAllCaps,
      t[..<innings.start].allSatisfy({ $0.isWord || $0.isJoiner || $0.text == "." || $0.text == "'" })
    {
      return true
    }
    guard (2...7).contains(t.count), let last = t.last, last.isNumber, last.spaceBefore, let n = Int(last.text), n <= 200,
      t[0].isWord, t[0].isCapitalized || t[0].isUncased, t[t.count - 2].isWord
    else { return false }
    return t.dropLast().allSatisfy { $0.isWord || $0.isJoiner || $0.text == "." || $0.text == "'" }
  }

  /// `• Axel Nobou (5-5)`: a bullet or nothing, a name of two to five
  /// capitalised words, and a fight record in brackets, nothing else.
  static func isRecordedFighterLine(_ r: LineReading) -> Bool {
    let line = r.elements
    let t = line.tokens
    guard t.count >= 6, line.isMark(t.count - 1, ")"), let open = line.opening[t.count - 1], open >= 2,
      line.number(open + 1) != nil, line.isMark(open + 2, "-"), line.number(open + 3) != nil,
      open + 4 == t.count - 1 || (line.isMark(open + 4, "-") && line.number(open + 5) != nil && open + 6 == t.count - 1)
    else { return false }
    let start = line.has("bullet", at: 0) ? 1 : 0
    let name = t[start..<open]
    return (2...5).contains(name.count) && name.allSatisfy { $0.isWord && ($0.isCapitalized || $0.isUncased) }
  }

  /// What a middle line contributes, when it is all a separator or a score.
  private func middleJoin(_ r: LineReading) -> SplitJoin? {
    let line = r.elements
    let words = line.tokens.filter { $0.isWord || $0.isNumber }
    if let sep = line.elements.first(where: { $0.type == "separator" && $0.start == 0 && $0.end == line.tokens.count }) {
      return .separator(line.text(sep.start, sep.end))
    }
    // `2 3`, `3:1`, `2-3`: two small numbers and at most a mark between.
    let numbers = line.tokens.indices.filter { line.tokens[$0].isNumber }
    if words.count == 2, numbers.count == 2, line.tokens.count <= 3, let h = line.number(numbers[0]), let a = line.number(numbers[1]),
      h <= 200, a <= 200
    {
      return .score(h, a)
    }
    // `判定0-3(三者50-45)`, `KO 2R 1:35`: a result's words alone, between
    // two competitors a won-or-lost sign marks.
    let resultTypes: Set<String> = ["method", "scorecards", "round", "duration", "outcome"]
    if (1...6).contains(line.wordCount { line.tokens[$0].isWord || line.tokens[$0].isNumber }),
      line.elements.contains(where: { $0.type == "method" }),
      line.tokens.indices.allSatisfy({ i in !line.tokens[i].isWord || line.isCovered(i, by: resultTypes) })
    {
      return .result(line.text(0, line.tokens.count))
    }
    return nil
  }

  private func read(_ a: String, _ middle: SplitJoin, _ b: String, through: Int, join: SplitJoin) -> (LineReading, Candidate, Int)? {
    let between: String
    switch middle {
    case .separator(let s): between = " \(s) "
    case .score(let h, let a): between = " \(h)-\(a) "
    case .adjacent: between = " vs. "
    case .scoreboard: between = " "
    case .result(let r): between = " \(r) "
    }
    // (A bullet before the second competitor would end the record there.)
    var b = b
    if case .adjacent = middle { b = String(b.drop { " •·▪●*-".contains($0) }) }
    let reading = extractor.reader.read(a + between + b)
    let line = reading.elements
    guard reading.candidates.count == 1, let c = reading.candidates.first, c.unexplainedLead.isEmpty, c.unexplainedTail.count <= 1,
      c.remoteTail.isEmpty, c.sides.count == 2
    else { return nil }
    // Each name from its own line, not across the join.
    let names = c.sides.map { line.text($0.nameStart, $0.nameEnd) }
    guard a.contains(names[0]), b.contains(names[1]) else { return nil }
    if case .adjacent = join, !c.sides.allSatisfy({ !$0.notes.isEmpty }) { return nil }
    if case .result = join, Side.markedWinner(c.sides) == nil { return nil }
    return (reading, c, through)
  }
}
