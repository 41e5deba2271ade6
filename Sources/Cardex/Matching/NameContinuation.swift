/// Words the name reader stopped short of but that can only be the name's:
/// pieces closed up to it (`仙台89ERS`, `Philadelphia 76'ers`, `E&O`) and
/// abbreviations with their full stop or degree sign before or inside it
/// (`Gral. Savio`, `B° Cabrera`, `Def. de Esquiu`, `TSV Rot a.d. Rot`).
/// Read after the line is weighed, they are taken only when they fill the
/// space between the name and the nearest break (the line's edge, a mark
/// that parts fields, an element), and only when no element explains them.
extension Annotator {
  /// Marks a name holds inside it.
  static let nameMarks: Set<String> = [".", "°", "º", "ª", "'", "’", "&", "·"]
  /// Marks that end a field.
  static let breaks: Set<String> = [":", "–", "—", "|", ",", ";", "(", ")", "[", "]", "/", "•"]

  /// Widens the first side's name leftwards and the last side's rightwards
  /// over such words.
  func continueNames(_ c: inout Candidate, in line: LineElements) {
    guard c.sides.count == 2 else { return }
    let first = c.sides[0].nameStart <= c.sides[1].nameStart ? 0 : 1
    let last = 1 - first
    if c.sides[first].start == c.sides[first].nameStart,
      let s = extendLeft(from: c.sides[first].nameStart, to: c.leadStart, c.unexplainedLead, line)
    {
      c.sides[first].nameStart = s
      c.sides[first].start = s
      c.sides[first].words = line.nameWordCount(s, c.sides[first].nameEnd)
      c.start = min(c.start, s)
    }
    if c.sides[last].end == c.sides[last].nameEnd, let e = extendRight(from: c.sides[last].nameEnd, to: c.tailEnd, c.unexplainedTail, line) {
      c.sides[last].nameEnd = e
      c.sides[last].end = e
      c.sides[last].words = line.nameWordCount(c.sides[last].nameStart, e)
      c.end = max(c.end, e)
    }
  }

  /// Token groups closed up (no space inside), between `from` and `to`.
  private func group(endingAt e: Int, notBefore from: Int, _ line: LineElements) -> Int {
    var s = e
    while s > from, !line.tokens[s].spaceBefore { s -= 1 }
    return s
  }

  private func extendLeft(from start: Int, to leadStart: Int, _ unexplained: [Int], _ line: LineElements) -> Int? {
    let t = line.tokens
    guard start > leadStart else { return nil }
    var s = start
    // The piece closed up to the name's first word; not a number before a
    // capitalised word (`Regular Season - 9Stade Brestois`: two cells run
    // together), only before capitals or a script without case (`仙台89ERS`).
    if !t[start].spaceBefore {
      if t[start - 1].isNumber, t[start].isCapitalized, !t[start].isAllCaps { return nil }
      let g = group(endingAt: start - 1, notBefore: leadStart, line)
      guard (g..<start).allSatisfy({ fits($0, unexplained, line) }), !t[start - 1].isPunctuation || Self.nameMarks.contains(t[start - 1].text)
      else { return nil }
      s = g
    }
    // Up to two spaced groups: an abbreviation (`Gral.`, `B°`) or a
    // particle before what is taken already (`de`).
    var groups = 0
    while s > leadStart, groups < 2 {
      let g = group(endingAt: s - 1, notBefore: leadStart, line)
      guard (g..<s).allSatisfy({ fits($0, unexplained, line) }) else { break }
      // A word of four letters at most before its full stop: longer, the
      // stop ends a sentence (`… Murcia. Unicaja`).
      let abbreviation =
        (s - g >= 2 && t[s - 1].text == "." && t[s - 2].text.count <= 4) || ["°", "º", "ª"].contains(t[s - 1].text)
      let particle = s - g == 1 && t[g].isWord && !t[g].isCapitalized && line.elements(startingAt: g).contains { $0.type == "name-particle" }
      guard abbreviation || particle, t[g].isWord || t[g].isNumber else { break }
      s = g
      groups += 1
    }
    guard s < start, atBreak(before: s, leadStart, line), t[s].isWord || t[s].isNumber else { return nil }
    // A particle does not open a name.
    if t[s].isWord, !t[s].isCapitalized, !t[s].isAllCaps, !t[s].isUncased { return nil }
    return s
  }

  private func extendRight(from end: Int, to tailEnd: Int, _ unexplained: [Int], _ line: LineElements) -> Int? {
    let t = line.tokens
    guard end < tailEnd else { return nil }
    var e = end
    // The piece closed up to the name's last word.
    while e < tailEnd, !t[e].spaceBefore, fits(e, unexplained, line) { e += 1 }
    if e > end, t[e - 1].isPunctuation { return nil }
    // An abbreviation (`a.d.`) and the capitalised word after it.
    var g = e
    while g < tailEnd, g == e || !t[g].spaceBefore { g += 1 }
    if g > e + 3, g < tailEnd, t[g - 1].text == ".", (e..<g).filter({ t[$0].text == "." }).count >= 2,
      (e..<g).allSatisfy({ fits($0, unexplained, line) }), t[g].isWord, t[g].isCapitalized, unexplained.contains(g),
      g + 1 == tailEnd || t[g + 1].spaceBefore
    {
      e = g + 1
    }
    guard e > end, e == tailEnd || t[e].spaceBefore || Self.breaks.contains(t[e].text) else { return nil }
    guard e == tailEnd || Self.breaks.contains(t[e].text) || !line.elements(startingAt: e).isEmpty else { return nil }
    return e
  }

  /// A token the name may take: a word or number no element explains, or
  /// a mark names hold.
  private func fits(_ i: Int, _ unexplained: [Int], _ line: LineElements) -> Bool {
    let t = line.tokens[i]
    if t.isPunctuation { return Self.nameMarks.contains(t.text) }
    return unexplained.contains(i)
  }

  /// Whether a field begins at token `s`: the line's or the lead's start,
  /// after a mark that parts fields, or after an element.
  private func atBreak(before s: Int, _ leadStart: Int, _ line: LineElements) -> Bool {
    if s <= leadStart || s == 0 { return true }
    let prev = line.tokens[s - 1]
    if prev.isPunctuation, Self.breaks.contains(prev.text) || (prev.text == "-" && prev.spaceBefore) { return true }
    return !line.elements(endingBefore: s).isEmpty
  }
}
