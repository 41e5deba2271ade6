/// Stages of a competition: a stage word with a number or a group letter
/// (`Matchday 6`, `Round 3`, `Group B`, `Jornada 10`), a number before one
/// (`2. Spieltag`, `16. kolejka`, `21-го тура`, `第31節`), or a stage named
/// on its own (`Final`, `Semi-finals`).
enum StageShape {
  /// Stage words an ordinal before them does not make a stage.
  static let weakStageWords: Set<String> = ["day", "week", "game", "leg", "heat", "stage", "semana", "semaine", "woche", "tag"]

  static func scan(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices {
      if let w = line.element("stage-word", at: i) {
        var j = w.end
        if line.isMark(j, ":") { j += 1 }
        // `FINALE 4 – 0`: a number that opens a score is the score's.
        // Not when a number stands before the word already (`3. Spieltag:
        // 1. FC Heidenheim`): the one after opens a club's name.
        // (A year before it is no stage's number: `Six Nations 2023 round 4`.)
        let numberedBefore = (line.number(i - 1) ?? 100) < 100 || (line.isMark(i - 1, ".") && (line.number(i - 2) ?? 100) < 100)
        // (A stage named alone takes no number: `placar final: 3 vitórias`.)
        if !numberedBefore, !w.tags.contains("named") || w.tags.contains("numbered"), let n = line.number(j), n < 100,
          !line.elements(startingAt: j).contains(where: { $0.type == "score" })
        {
          let end = countEnd(line, after: j + 1, atLeast: n)
          line.add(Element(type: "stage", start: i, end: end, value: .text(line.text(i, end))))
        } else if w.tags.contains("numbered"), let o = line.element("ordinal-word", at: j) {
          // `Matchweek Five`, `Round Three`.
          line.add(Element(type: "stage", start: i, end: o.end, value: .text(line.text(i, o.end))))
        } else if j < t.count, t[j].isWord, t[j].text.count == 1, t[j].isCapitalized {
          line.add(Element(type: "stage", start: i, end: j + 1, value: .text(line.text(i, j + 1))))
        } else if w.tags.contains("named") {
          line.add(Element(type: "stage", start: i, end: w.end, value: .text(line.text(i, w.end)), tags: ["named"]))
        }
      }
      // `fourth round`, `cinquième journée`, `quinta giornata`.
      // (Not `second day`, `first week`, `third game`: days and weeks of
      // an event, not its stages.)
      if let o = line.element("ordinal-word", at: i), let w = line.element("stage-word", at: o.end), w.tags.contains("numbered"),
        !Self.weakStageWords.contains(line.text(w.start, w.end).lowercased())
      {
        line.add(Element(type: "stage", start: i, end: w.end, value: .text(line.text(i, w.end))))
      }
      // `III eliminatória`, `II runda`: a Roman numeral before a stage word.
      if t[i].isWord, t[i].isAllCaps || t[i].text.count == 1, let n = romanValue(t[i].text), n <= 40,
        let w = line.element("stage-word", at: i + 1), w.tags.contains("numbered"), t[i + 1].spaceBefore
      {
        line.add(Element(type: "stage", start: i, end: w.end, value: .text(line.text(i, w.end))))
      }
      // `J1`, `MD5`, `GW12`: a matchday's short form.
      if t[i].isWord, ["j", "md", "gw"].contains(t[i].folded), t[i].isCapitalized || t[i].isAllCaps, let n = line.number(i + 1), n < 60,
        line.glued(i + 1), i + 2 >= t.count || !line.glued(i + 2) || t[i + 2].isPunctuation
      {
        line.add(Element(type: "stage", start: i, end: i + 2, value: .text(line.text(i, i + 2))))
      }
      // `2. Spieltag`, `16. kolejka`, `5-й тур`, `21-го тура`, `第31節`, `16η αγωνιστική`.
      // (Not a score's second number: `77-71. Grupo Capitol Valladolid`.)
      let scoreEnd = i >= 2 && (line.isMark(i - 1, "-") || line.isMark(i - 1, ":")) && line.glued(i) && line.number(i - 2) != nil
      if let n = line.number(i), n < 100, !scoreEnd {
        var j = i + 1
        if line.isMark(j, ".") || line.isMark(j, "-") || line.isMark(j, "°") || line.isMark(j, "^") || line.isMark(j, "º") { j += 1 }
        if j < t.count, t[j].isWord, ["й", "го", "ого", "ий", "ый", "ª", "a", "º", "°", "^", "o", "e", "er", "ème", "st", "nd", "rd", "th", "η", "ης"].contains(t[j].folded) {
          j += 1
        }
        if let w = line.element("stage-word", at: j), w.tags.contains("numbered") || !w.tags.contains("named") {
          let end = countEnd(line, after: w.end, atLeast: n)
          line.add(Element(type: "stage", start: i, end: end, value: .text(line.text(i, end))))
        }
        if i > 0, line.isWord(i - 1, ["第"]), line.isWord(i + 1, ["節", "戦", "回"]) {
          line.add(Element(type: "stage", start: i - 1, end: i + 2, value: .text(line.text(i - 1, i + 2))))
        }
      }
    }
  }

  /// The value of a Roman numeral in capitals (`III`, `IV`, `XII`), or nil.
  static func romanValue(_ text: String) -> Int? {
    let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50]
    var total = 0
    var previous = 0
    for c in text.reversed() {
      guard let v = values[c] else { return nil }
      total += v < previous ? -v : v
      previous = max(previous, v)
    }
    return total > 0 ? total : nil
  }

  /// The end of a stage whose number `n` ends at `after`, taking how many
  /// stages there are when the line says it (`Giornata 32 di 34`, `Round 5
  /// of 12`, `2. Spieltag von 34`): a count no smaller than the number.
  static func countEnd(_ line: LineElements, after: Int, atLeast n: Int) -> Int {
    guard let link = line.element("count-link", at: after), let total = line.number(link.end), total >= n, total < 100,
      line.tokens[link.end].spaceBefore
    else { return after }
    return link.end + 1
  }
}
