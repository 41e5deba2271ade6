/// A cricket team's innings: runs, wickets and overs (`164/4`, `96-9 (20.0
/// overs)`, `215 (45.2 ov)`, `130 all out`). Its value is the runs and the
/// wickets (ten for a side bowled out).
///
/// A slash pair is an innings only where it cannot be a day and month
/// (32 runs or more) or its overs follow; a dash pair (`96-9`), which a
/// score writes the same way, only with its overs.
enum InningsShape {
  // Word sets built once (a literal in a call builds its set each time).
  static let declared: Set<String> = ["d", "dec", "decl"]
  static let overs: Set<String> = ["overs", "over", "ov", "ovs"]
  static let marginUnits: Set<String> = ["runs", "run", "wickets", "wicket", "wkts", "wkt"]
  static let winWords: Set<String> = ["won", "win", "wins", "winning"]

  static func scan(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices {
      guard let runs = line.number(i), runs <= 999, !line.isMark(i - 1, "/"), !line.isMark(i - 1, "-") || !line.glued(i) else { continue }
      var end = i + 1
      var wickets = 10
      var slash = false
      if line.isMark(end, "/") || line.isMark(end, "-"), line.glued(end), line.glued(end + 1), let w = line.number(end + 1), w <= 10,
        t[end + 1].text.count <= 2
      {
        slash = line.isMark(end, "/")
        wickets = w
        end += 2
        // `245/7d`, `245/7 dec`: declared.
        if end < t.count, line.isWord(end, declared) { end += 1 }
      }
      let overs = oversNote(line, end)
      if let o = overs { end = o }
      let allOut = end + 1 < t.count && t[end].isWord && t[end].folded == "all" && t[end + 1].isWord && t[end + 1].folded == "out"
      if allOut { end += 2 }
      guard overs != nil || allOut || (slash && runs >= 32) else { continue }
      // Not inside a longer run of numbers (a date, a record).
      if end < t.count, line.isMark(end, "/") || line.isMark(end, "-"), line.glued(end), line.number(end + 1) != nil { continue }
      line.add(Element(type: "innings", start: i, end: end, value: .score(runs, wickets)))
    }
  }

  /// `won by 23 runs`, `by 6 wickets`, `by an innings and 12 runs`: how
  /// far a cricket match was won (element `margin`).
  static func scanMargins(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices where t[i].isWord && t[i].folded == "by" {
      var j = i + 1
      if j + 2 < t.count, t[j].folded == "an", t[j + 1].folded == "innings", t[j + 2].folded == "and" { j += 3 }
      guard line.number(j) != nil, line.isWord(j + 1, marginUnits) else { continue }
      let start = i >= 1 && line.isWord(i - 1, winWords) ? i - 1 : i
      line.add(Element(type: "margin", start: start, end: j + 2))
    }
  }

  /// `(20.0 overs)`, `(13.5 ov)`, `(50 ovs)` from token `i`; the end.
  private static func oversNote(_ line: LineElements, _ i: Int) -> Int? {
    guard line.isMark(i, "("), let close = line.closing[i], close - i <= 6, line.number(i + 1) != nil else { return nil }
    let words = (i + 1..<close).filter { line.tokens[$0].isWord }
    guard words.count == 1, line.isWord(words[0], overs) else { return nil }
    return close + 1
  }
}
