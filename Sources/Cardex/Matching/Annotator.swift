/// Reads what stands around each record's core on a line: the leads before
/// it and the tails after it, as elements of the grammar's lead and tail
/// types in any order, and the words no element explains.
///
/// Where a line holds several records, the text between two cores is cut
/// at the first boundary mark (`;`, `|`, `•`, `.`): before it is the first
/// record's tail, after it the second's lead.
struct Annotator {
  let grammar: Grammar

  func annotate(_ candidates: inout [Candidate], in line: LineElements) {
    candidates.sort { $0.start < $1.start }
    let n = line.tokens.count
    // What the first record has before it, the others have before them too
    // (`18:00 Málaga-Sevilla 20:00 Tenerife-Valladolid`).
    let leading = Set(candidates.first.map { c in line.elements.filter { $0.start >= 0 && $0.end <= c.start }.map(\.type) } ?? [])
      .intersection(grammar.lead).subtracting(["bullet"])
    for k in candidates.indices {
      let leadFrom = k == 0 ? 0 : split(candidates[k - 1].end, candidates[k].start, line, leading: leading)
      let tailTo = k == candidates.count - 1 ? n : split(candidates[k].end, candidates[k + 1].start, line, leading: leading)
      let (leads, leadWords) = read(leadFrom, candidates[k].start, line, allowed: grammar.lead)
      let (tails, tailWords) = read(candidates[k].end, tailTo, line, allowed: grammar.tail)
      candidates[k].leads = leads
      candidates[k].tails = tails
      candidates[k].unexplainedLead = leadWords
      if let b = Self.tailBreak(candidates[k].end, tailTo, line) {
        candidates[k].unexplainedTail = tailWords.filter { $0 < b }
        candidates[k].remoteTail = tailWords.filter { $0 >= b }
      } else {
        candidates[k].unexplainedTail = tailWords
        candidates[k].remoteTail = []
      }
      candidates[k].leadStart = leadFrom
      candidates[k].tailEnd = tailTo
    }
  }

  /// Where the text between two records is cut: just after the first
  /// boundary mark, else at the second record's core.
  private func split(_ from: Int, _ to: Int, _ line: LineElements, leading: Set<String>) -> Int {
    // A full stop cuts only where no other boundary does, and not after an
    // initial (`Dingli S. 3-0; St George's …`).
    let marks = (from..<max(from, to)).filter { line.tokens[$0].isPunctuation && grammar.boundaries.contains(line.tokens[$0].text) }
    if let i = marks.first(where: { line.tokens[$0].text != "." }) { return i + 1 }
    for i in marks where !(i > 0 && line.glued(i) && line.tokens[i - 1].isWord && line.tokens[i - 1].text.count <= 2) {
      return i + 1
    }
    for i in from..<max(from, to) where line.elements(startingAt: i).contains(where: { $0.type == "bullet" }) { return i }
    // Elements of the kinds the line's first record has before it, at the
    // end of the gap, lead the next record.
    var cut = to
    var i = to
    while i > from {
      guard let e = line.elements(endingBefore: i).first(where: { leading.contains($0.type) && $0.start >= from }) else {
        if line.tokens[i - 1].isPunctuation {
          i -= 1
          continue
        }
        break
      }
      cut = e.start
      i = e.start
    }
    return cut
  }

  /// The elements of `allowed` types read greedily, longest first, over
  /// tokens `from..<to`, and the word tokens none explains.
  func read(_ from: Int, _ to: Int, _ line: LineElements, allowed: Set<String>) -> ([Element], [Int]) {
    var picked: [Element] = []
    var unexplained: [Int] = []
    var i = from
    while i < to {
      let t = line.tokens[i]
      if var e = line.elements(startingAt: i).first(where: { allowed.contains($0.type) && $0.end <= to }) {
        // A method's own brackets: `TKO (punches)`, `Submission (armbar)`.
        if e.type == "method", let close = line.closing[e.end], close < to, line.isMark(e.end, "("),
          !line.elements.contains(where: { $0.start > e.end && $0.end <= close && ($0.type == "score" || $0.type == "round") })
        {
          e.end = close + 1
          e.tags.insert("detailed")
        }
        picked.append(e)
        // `Marcatori: 21' Brozovic, 24' Sensi`: after a scorers' label, and
        // its colon, the line is the match's report.
        if e.type == "scorers-label", line.isMark(e.end, ":") {
          i = to
          continue
        }
        // Other readings of the same words (`Premier League` names a
        // competition and cues a sport) are kept too.
        for other in line.elements(startingAt: i) where other.end == e.end && other.type != e.type && allowed.contains(other.type) {
          picked.append(other)
        }
        i = e.end
        continue
      }
      // Judges' scorecards: `(29-28, 28-29, 29-28)`.
      if line.isMark(i, "("), let close = line.closing[i], close < to, isScorecards(i, close, line) {
        picked.append(Element(type: "scorecards", start: i, end: close + 1))
        i = close + 1
        continue
      }
      if t.isWord || t.isNumber { unexplained.append(i) }
      i += 1
    }
    // Scorers: names just before the minute of their goal (`Lukaku 62'`,
    // `Courtet (9e)`) are the record's, not prose.
    let minutes = picked.filter { $0.type == "minute" }.map(\.start)
    if !minutes.isEmpty {
      unexplained.removeAll { i in
        line.tokens[i].isCapitalized && minutes.contains { m in m > i && m - i <= 4 || (i > m && i - m <= 2) }
      }
    }
    return (picked, unexplained)
  }

  /// The first mark in a tail after which its text is no longer the
  /// record's own: a spaced dash, a colon or a cell mark that comes after
  /// the core's annotations (`A 2:0 – Ein abgefälschter Schuss …`).
  static func tailBreak(_ from: Int, _ to: Int, _ line: LineElements) -> Int? {
    for i in from..<max(from, to) {
      let t = line.tokens[i]
      if t.isPunctuation, (t.text == "-" && t.spaceBefore) || t.text == ":" || t.text == "|" { return i }
    }
    return nil
  }

  private func isScorecards(_ open: Int, _ close: Int, _ line: LineElements) -> Bool {
    let scores = line.elements.filter { $0.type == "score" && $0.start > open && $0.end <= close }
    guard scores.count >= 2 else { return false }
    return (open + 1..<close).allSatisfy { i in
      line.tokens[i].isPunctuation || scores.contains { $0.start <= i && i < $0.end }
    }
  }
}
