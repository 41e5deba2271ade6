extension ExtractionSession {
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
    // `Radomiak Radom – Widzew Łódź` / `1:1 (0:1)`: a match report's
    // heading, with the score on the line below.
    if let next = window.first, Self.bareScore(next) != nil { f["context.score-below"] = 1 }
    // A court's text: two words of the law in it so far or in the lines
    // just below (a case's title comes before the court's name).
    if state.legalWords.union(window.flatMap { Self.legalWords($0) }).count >= 2 { f["context.legal"] = 1 }
    // `Prediction` / `Arsenal 1, Chelsea 1`: a pick under an article's
    // heading, not a result.
    if let ago = state.articleHeadingAgo, ago <= 3 { f["context.article-heading"] = 1 }
    return f
  }

  /// The score a line holds alone (`1:1 (0:1)`, `3-2`), its half-time
  /// score in brackets allowed: the match above's.
  static func bareScore(_ p: PendingLine) -> Score? {
    guard let line = p.reading?.elements, (1...9).contains(line.tokens.count), line.tokens.allSatisfy({ !$0.isWord }),
      let e = line.elements(startingAt: 0).first(where: { $0.type == "score" }), case .score(let h, let a) = e.value
    else { return nil }
    return Score(home: h, away: a)
  }

  /// The words of the law a line holds, as the lexicon writes them.
  static func legalWords(_ p: PendingLine) -> [String] {
    guard let line = p.reading?.elements else { return [] }
    return line.elements.compactMap { e in
      guard e.type == "legal-word", case .text(let v) = e.value else { return nil }
      return v
    }
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
}
