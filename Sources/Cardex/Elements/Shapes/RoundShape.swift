/// Rounds: the round a bout ended in (`R2`, `Round 2`, `round four`,
/// `2nd round`, `second-round`), the rounds scheduled (`12 rounds`, `5x3`,
/// `5分3R`), and the time into a round (`1:07`, `4min33s`, `1m45s`).
enum RoundShape {
  static func scan(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices {
      let roundWord = line.element("round-word", at: i)
      let isPlural = roundWord?.tags.contains("plural") ?? false
      // round-word + number or number word: `Round 2`, `R2`, `rd. 3`, `round four`.
      if let w = roundWord, !isPlural {
        var j = w.end
        if line.isMark(j, ".") { j += 1 }
        if let n = line.number(j), n > 0, n <= 15 {
          line.add(Element(type: "round", start: i, end: j + 1, value: .round(n)))
        } else if let o = line.element("ordinal-word", at: j), let n = intValue(o), n <= 15 {
          line.add(Element(type: "round", start: i, end: o.end, value: .round(n)))
        }
      }
      // number [st|nd|rd|th|.|º] + round-word: `2nd round`, `3 round`, `2. Runde`.
      if let n = line.number(i), n > 0, n <= 15 {
        var j = i + 1
        if j < t.count, t[j].isWord, ["st", "nd", "rd", "th", "e", "er", "º", "ª", "o", "a", "-й", "й", "go", "ej"].contains(t[j].folded), line.glued(j) {
          j += 1
        } else if line.isMark(j, ".") || line.isMark(j, "-") {
          j += 1
        }
        if let w = line.element("round-word", at: j) {
          if w.tags.contains("plural") || (j == i + 1 && t[i + 1].spaceBefore && isScheduledContext(line, i)) {
            line.add(Element(type: "rounds", start: i, end: w.end, value: .rounds(n)))
          } else {
            line.add(Element(type: "round", start: i, end: w.end, value: .round(n)))
          }
        }
        // `5x3`, `3 x 3 mins`, `4x2`, `3×2`: rounds times minutes.
        let times = line.isWord(i + 1, ["x", "х"]) || (i + 1 < line.tokens.count && line.tokens[i + 1].text == "×")
        if times, let m = line.number(i + 2), m <= 5, n <= 12 {
          var end = i + 3
          if line.isWord(end, ["min", "mins", "minutes", "minute"]) { end += 1 }
          line.add(Element(type: "rounds", start: i, end: end, value: .rounds(n)))
        }
        // `TKO2回`: the round a Japanese result gives after its method.
        if line.isWord(i + 1, ["回"]), line.glued(i + 1), line.elements.contains(where: { $0.type == "method" && $0.end == i }) {
          line.add(Element(type: "round", start: i, end: i + 2, value: .round(n)))
        }
        // `5分3R`: minutes 分 rounds R.
        if line.isWord(i + 1, ["分"]), let r = line.number(i + 2), line.isWord(i + 3, ["r"]) {
          line.add(Element(type: "rounds", start: i, end: i + 4, value: .rounds(r)))
        }
      }
      // `(4th, 3:03)`: an ordinal before the time into the round.
      if let n = line.number(i), n > 0, n <= 15, line.isWord(i + 1, ["st", "nd", "rd", "th"]), line.glued(i + 1),
        line.isMark(i + 2, ","), let m = line.number(i + 3), m <= 20, line.isMark(i + 4, ":")
      {
        line.add(Element(type: "round", start: i, end: i + 2, value: .round(n)))
      }
      // ordinal word + round-word: `second round`, `second-round`, `primeiro round`.
      if let o = line.element("ordinal-word", at: i), let n = intValue(o), n <= 15,
        let w = line.element("round-word", at: o.end) ?? (line.isMark(o.end, "-") && line.glued(o.end + 1) ? line.element("round-word", at: o.end + 1) : nil),
        !w.tags.contains("plural")
      {
        line.add(Element(type: "round", start: i, end: w.end, value: .round(n)))
      }
      // Time into a round: `1:07`, `0:54` (minutes 0-20).
      if let m = line.number(i), m <= 20, line.isMark(i + 1, ":"), line.glued(i + 1), line.glued(i + 2), i + 2 < t.count,
        t[i + 2].isNumber, t[i + 2].text.count == 2, let s = line.number(i + 2), s < 60
      {
        line.add(Element(type: "duration", start: i, end: i + 3, value: .duration("\(m):\(t[i + 2].text)")))
      }
      // `4min33s`, `1m45s`, `3m2s`, `4min 33s`.
      if let m = line.number(i), m <= 20, line.isWord(i + 1, ["m", "min"]), line.glued(i + 1), let s = line.number(i + 2), s < 60,
        line.isWord(i + 3, ["s", "seg", "sec"])
      {
        let ss = s < 10 ? "0\(s)" : "\(s)"
        line.add(Element(type: "duration", start: i, end: i + 4, value: .duration("\(m):\(ss)")))
      }
    }
  }

  /// A number before a singular round word reads as scheduled rounds when
  /// nothing on the line is a result (`12 round fight`); as the round a
  /// bout ended in otherwise (`TKO 3 round`).
  private static func isScheduledContext(_ line: LineElements, _ i: Int) -> Bool {
    !line.elements.contains { $0.type == "method" || $0.type == "result-verb" }
  }

  static func intValue(_ e: Element) -> Int? {
    if case .text(let v) = e.value { return Int(v) }
    return nil
  }
}
