/// Scores: `2-1`, `2 – 1`, `3:4`, `102–98`, with what follows them in
/// results (`aet`, `(P)`, `(4-2 pens)`, `p.s.o.`, `OT`, `SO`).
enum ScoreShape {
  static func scan(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices {
      // A cricket innings (`96-9 (20.0 overs)`) is read already.
      guard let a = line.number(i), t[i].text.count <= 3, !line.has("innings", at: i) else { continue }
      var j = i + 1
      // `Nantes 23 (bd) – 25 Trélissac`: a bonus point's tag after the
      // first score.
      if let n = line.element("score-note", at: j), n.tags.contains("bonus"), line.isMark(n.end, "-") { j = n.end }
      guard line.isMark(j, "-") || line.isMark(j, ":") else { continue }
      j += 1
      guard let b = line.number(j), t[j].text.count <= 3 else { continue }
      // `1-0 FRA`: a fighter's record before the code of the country.
      if line.elements(startingAt: j + 1).contains(where: { $0.type == "country" && $0.tags.contains("after-record") }) { continue }
      // Not part of a longer run: a date (2023-09-21), a record (22-10-1),
      // a time with seconds, a ratio in a table (`55:31`) still reads.
      // (`1-2: 62′ Lukaku` is a score, then a goal's minute.)
      if line.isMark(i - 1, "-") || line.isMark(i - 1, ":") || line.isMark(i - 1, "."), line.number(i - 2) != nil, line.glued(i),
        line.glued(i - 1)
      {
        continue
      }
      if line.isMark(j + 1, "-") || line.isMark(j + 1, ":") || line.isMark(j + 1, "."), line.number(j + 2) != nil, line.glued(j + 1),
        line.glued(j + 2)
      {
        continue
      }
      // `19:45` is a time, not a score; a colon with two-digit minutes
      // under 60 after an hour may be either, and both are kept.
      var end = j + 1
      var tags: Set<String> = []
      // `20:00`, `15:30`: a time of day as much as a score.
      if line.isMark(i + 1, ":"), a <= 24, t[j].text.count == 2, b < 60 { tags.insert("time-like") }
      if let note = scoreNote(line, end) {
        tags.formUnion(note.tags)
        end = note.end
      }
      // `Tigres (1) 2-2 (4) Chivas`: each side's shoot-out goals in
      // brackets around the score.
      var start = i
      if i >= 3, end == j + 1, line.isMark(i - 3, "("), line.isMark(i - 1, ")"), let p = line.number(i - 2), p <= 30,
        line.isMark(end, "("), line.isMark(end + 2, ")"), let q = line.number(end + 1), q <= 30, p != q
      {
        start = i - 3
        end += 3
        tags.insert("penalties")
      }
      line.add(Element(type: "score", start: start, end: end, value: .score(a, b), tags: tags))
    }
    scanMinutes(&line)
  }

  /// `Hamburger SV : FC St. Pauli 1 : 0`: a German table's row puts a
  /// spaced colon between the teams as between the goals. A spaced colon
  /// between two names, with a score after it, is a weak pairing mark
  /// (read as a spaced dash) that the evidence weighs.
  static func scanColonPairings(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices.dropFirst().dropLast() where t[i].text == ":" && t[i].spaceBefore && t[i + 1].spaceBefore {
      guard t[i - 1].isWord, t[i - 1].isCapitalized || t[i - 1].isUncased || t[i - 1].text == ".",
        t[i + 1].isWord && (t[i + 1].isCapitalized || t[i + 1].isUncased) || (line.number(i + 1) != nil && line.isMark(i + 2, ".")),
        line.elements.contains(where: { $0.type == "score" && $0.start > i + 1 }),
        !line.elements.contains(where: { $0.start < i && i < $0.end })
      else { continue }
      line.add(Element(type: "separator", start: i, end: i + 1, value: .text("-"), tags: ["dash", "weak", "colon"]))
    }
  }

  /// The minute of a goal beside a scorer's name: `62'`, `(9e)`, `90+2'`,
  /// `45+1e`.
  static func scanMinutes(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices {
      guard let m = line.number(i), m >= 1, m <= 130 else { continue }
      var j = i + 1
      if line.isMark(j, "+"), line.glued(j), let _ = line.number(j + 1) { j += 2 }
      if j < t.count, line.glued(j), line.isMark(j, "'") || line.isWord(j, ["e", "min", "mín"]) {
        line.add(Element(type: "minute", start: i, end: j + 1))
      }
    }
  }

  /// A note written after a score: `aet`, `(P)`, `pens`, `(4-2 pens)`,
  /// `p.s.o.`, `OT`, `SO`; from the `score-note` lexicon, or a bracketed
  /// shoot-out score with one.
  private static func scoreNote(_ line: LineElements, _ i: Int) -> (end: Int, tags: Set<String>)? {
    if let n = line.element("score-note", at: i) { return (n.end, n.tags.union(["note"])) }
    if line.isMark(i, "("), let close = line.closing[i], close - i <= 8 {
      if let n = line.element("score-note", at: i + 1), n.end == close { return (close + 1, n.tags.union(["note"])) }
      // `(4-2 pens)`, `(3:4 p.s.o.)`, `(4-3 on penalties)`.
      let inside = (i + 1..<close).map { line.tokens[$0] }
      if inside.first?.isNumber == true, (i + 1..<close).contains(where: { k in line.has("score-note", at: k) }) {
        return (close + 1, ["note", "penalties"])
      }
    }
    return nil
  }
}
