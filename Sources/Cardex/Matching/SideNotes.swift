/// The notes written around a name: bracketed countries, fight records,
/// weigh-in weights, rankings and marks after it (`(MAR)`, `(24-0, 19 KOs)`,
/// `(155.5)`, `(№5)`, `(c)`, `+300`), and rankings, flags and champion
/// marks before it (`#4`, `🇩🇪`, `Champ`).
extension SideFinder {
  /// The notes that follow a name ending at token `end`, in order.
  func trailingNotes(from end: Int) -> [Side.Note] {
    var out: [Side.Note] = []
    var i = end
    while let note = noteStarting(at: i) ?? (out.isEmpty ? nil : bareWeighIn(from: i)) {
      out.append(note)
      i = note.end
    }
    if let fields = fieldNotes(from: i) { out += fields }
    return out
  }

  /// A weigh-in weight written bare after a name's bracketed note, as
  /// weigh-in lists print it: `Masayuki Ito (Japan) 130`, `(Russia) 129.25`.
  func bareWeighIn(from i: Int) -> Side.Note? {
    guard let n = line.number(i), (90...400).contains(n), line.tokens[i].spaceBefore, i > 0, line.isMark(i - 1, ")") else { return nil }
    var end = i + 1
    if line.isMark(end, "."), line.glued(end), line.glued(end + 1), line.number(end + 1) != nil { end += 2 }
    if end < line.tokens.count, line.glued(end), line.tokens[end].isWord { return nil }
    return Side.Note(kind: .weighIn, start: i, end: end, text: line.text(i, end))
  }

  /// A note that starts at token `i`: a bracketed note, a champion mark,
  /// betting odds (`-400`), a footnote star.
  func noteStarting(at i: Int) -> Side.Note? {
    let t = line.tokens
    guard i < t.count else { return nil }
    if let mark = line.element("champion-mark", at: i) {
      return Side.Note(kind: .champion, start: i, end: mark.end, text: line.text(i, mark.end))
    }
    if let close = line.closing[i], ["(", "["].contains(t[i].text) {
      return bracketNote(i, close)
    }
    if (line.isMark(i, "-") || line.isMark(i, "+")), let n = line.number(i + 1), n >= 100, line.glued(i + 1), t[i].spaceBefore {
      return Side.Note(kind: .odds, start: i, end: i + 2, text: line.text(i, i + 2))
    }
    if line.isMark(i, "*"), line.glued(i) {
      return Side.Note(kind: .text, start: i, end: i + 1, text: "*")
    }
    return originNote(at: i) ?? unitWeighIn(at: i) ?? bareRecordNote(at: i)
  }

  /// `1-0 FRA`: a fight record and a country's code written bare after a
  /// name (the code the element marks `after-record`); either note.
  func bareRecordNote(at i: Int) -> Side.Note? {
    if let c = line.element("country", at: i), c.tags.contains("after-record") {
      let code = line.text(i, c.end)
      return Side.Note(kind: .country, start: i, end: c.end, text: code, country: code)
    }
    guard line.number(i) != nil, line.isMark(i + 1, "-"), line.number(i + 2) != nil,
      line.elements(startingAt: i + 3).contains(where: { $0.type == "country" && $0.tags.contains("after-record") })
    else { return nil }
    return Side.Note(kind: .record, start: i, end: i + 3, text: line.text(i, i + 3))
  }

  /// `70.3kg`, `- 71,9 kg`, `: 155 lbs` after a name (and its record): the
  /// weight it made at the weigh-in, a person's weight (40 to 200 kg)
  /// written with its unit, bare or after a dash, a colon or a comma.
  func unitWeighIn(at i: Int) -> Side.Note? {
    let lead = line.isMark(i, "-") || line.isMark(i, "–") || line.isMark(i, ":") || line.isMark(i, ",") ? 1 : 0
    guard let w = line.elements(startingAt: i + lead).first(where: { $0.type == "weight" }),
      case .weight(let weight) = w.value, (40...200).contains(weight.kg)
    else { return nil }
    return Side.Note(kind: .weighIn, start: i, end: w.end, text: line.text(i + lead, w.end))
  }

  /// `de Irlanda`, `from Ireland`: the country a name's owner comes from,
  /// written after the name, a country's name (not a code) after the word.
  func originNote(at i: Int) -> Side.Note? {
    guard let link = line.element("origin-link", at: i),
      let c = line.elements(startingAt: link.end).first(where: { $0.type == "country" && $0.tags.contains("name") })
    else { return nil }
    let written = line.text(c.start, c.end)
    return Side.Note(kind: .country, start: i, end: c.end, text: line.text(i, c.end), country: written)
  }

  /// A note that ends just before token `e`.
  func noteEnding(before e: Int) -> Side.Note? {
    guard e >= 1 else { return nil }
    let t = line.tokens
    for w in line.elements(endingBefore: e) where w.type == "weight" && w.end == e && w.start >= 1 {
      for start in [w.start - 1, w.start] where start >= 1 {
        if let note = unitWeighIn(at: start), note.end == e { return note }
      }
    }
    for c in line.elements(endingBefore: e) where c.type == "country" && c.end == e && c.tags.contains("name") {
      if let link = line.elements(endingBefore: c.start).first(where: { $0.type == "origin-link" && $0.end == c.start }),
        let note = originNote(at: link.start), note.end == e
      {
        return note
      }
    }
    if let mark = line.elements(endingBefore: e).first(where: { $0.type == "champion-mark" }) {
      return Side.Note(kind: .champion, start: mark.start, end: e, text: line.text(mark.start, e))
    }
    if let open = line.opening[e - 1], ["(", "["].contains(t[open].text) {
      return bracketNote(open, e - 1, beforePairing: true)
    }
    if e >= 2, let n = line.number(e - 1), n >= 100, (line.isMark(e - 2, "-") || line.isMark(e - 2, "+")), line.glued(e - 1), t[e - 2].spaceBefore {
      return Side.Note(kind: .odds, start: e - 2, end: e, text: line.text(e - 2, e))
    }
    if line.isMark(e - 1, "*"), line.glued(e - 1) {
      return Side.Note(kind: .text, start: e - 1, end: e, text: "*")
    }
    for start in [e - 1, e - 3] where start >= 0 {
      if let note = bareRecordNote(at: start), note.end == e { return note }
    }
    for start in [e - 1, e - 3] where start >= 1 {
      if let note = bareWeighIn(from: start), note.end == e { return note }
    }
    return nil
  }

  /// A ranking, flag or champion mark at token `i`, before a name.
  func leadingNote(at i: Int) -> Side.Note? {
    for e in line.elements(startingAt: i) {
      switch e.type {
      case "ranking": return Side.Note(kind: .ranking, start: i, end: e.end, text: line.text(i, e.end))
      case "country" where e.tags.contains("flag"):
        return Side.Note(kind: .country, start: i, end: e.end, text: line.tokens[i].text, country: line.tokens[i].text)
      case "champion-mark": return Side.Note(kind: .champion, start: i, end: e.end, text: line.text(i, e.end))
      case "result-mark": return outcomeNote(e)
      case "demonym": return demonymNote(e)
      default: continue
      }
    }
    return nil
  }

  /// A ranking, flag or champion mark ending just before token `e`.
  func leadingNote(endingBefore e: Int) -> Side.Note? {
    for el in line.elements(endingBefore: e) {
      switch el.type {
      case "ranking": return Side.Note(kind: .ranking, start: el.start, end: e, text: line.text(el.start, e))
      case "country" where el.tags.contains("flag"):
        return Side.Note(kind: .country, start: el.start, end: e, text: line.tokens[el.start].text, country: line.tokens[el.start].text)
      case "champion-mark": return Side.Note(kind: .champion, start: el.start, end: e, text: line.text(el.start, e))
      case "result-mark" where el.end == e: return outcomeNote(el)
      case "demonym" where el.end == e: return demonymNote(el)
      default: continue
      }
    }
    return nil
  }

  /// `○` or `●` before a name: it won or lost (the element's value).
  private func outcomeNote(_ e: Element) -> Side.Note {
    var text = line.text(e.start, e.end)
    if case .text(let v) = e.value { text = v }
    return Side.Note(kind: .outcome, start: e.start, end: e.end, text: text)
  }

  /// `Brazilian` before a name: its country.
  private func demonymNote(_ e: Element) -> Side.Note {
    let written = line.text(e.start, e.end)
    return Side.Note(kind: .country, start: e.start, end: e.end, text: written, country: written)
  }

  /// What the brackets `open...close` say about the name before them, or
  /// nil when they hold something else (a time, a weight class, a channel:
  /// those are the record's, not the name's).
  /// Brackets between a name and the pairing after it can only be that
  /// name's (`Claudio Calasans (Absolute Champion ADCC 2015) vs. …`): a
  /// title or a sport there does not make them the record's.
  func bracketNote(_ open: Int, _ close: Int, beforePairing: Bool = false) -> Side.Note? {
    guard close > open + 1 else { return nil }
    let text = line.text(open + 1, close)
    let inner = line.elements.filter { $0.start > open && $0.end <= close }
    func note(_ kind: Side.NoteKind, country: String? = nil) -> Side.Note {
      Side.Note(kind: kind, start: open, end: close + 1, text: text, country: country)
    }
    if inner.contains(where: { $0.type == "champion-mark" && $0.start == open + 1 && $0.end == close }) { return note(.champion) }
    let t = line.tokens
    // A fight record: `24-0`, `26-3-1, 17 KOs`, `16 Siege - 4 Niederlagen`.
    // (`20(13)-0-0, 25yr`: the wins by knockout in brackets after the wins.)
    let koInside = line.isMark(open + 2, "(") && line.closing[open + 2].map { line.isMark($0 + 1, "-") } == true
    if t[open + 1].isNumber, line.isMark(open + 2, "-") || koInside || (line.isWord(open + 2, ["siege", "wins", "w"]) && close - open > 4) {
      if let c = countryIn(inner) { return note(.country, country: c) }
      return note(.record)
    }
    // Words as a reader counts them: a run of Chinese characters or kana
    // is one (`(王者/ベラルーシ/Gridin gym)` holds four).
    let words = line.wordCount((open + 1..<close).filter { t[$0].isWord })
    if let c = countryIn(inner), words <= 5 { return note(.country, country: c) }
    let blocking: Set<String> =
      beforePairing
      ? ["time", "date", "score", "channel"]
      : [
        "time", "date", "score", "weight-class", "channel", "title-word", "competition", "bout-word", "method", "round", "rounds",
        "billing", "stage-word", "venue-word", "sport-cue",
      ]
    // `(Wentz 1-6)`: a starting pitcher and his record after a team.
    if t[open + 1].isWord, t[open + 1].isCapitalized, words <= 3, let s = inner.first(where: { $0.type == "score" }), s.end == close,
      !inner.contains(where: { ["time", "date", "channel"].contains($0.type) })
    {
      return note(.text)
    }
    if inner.contains(where: { blocking.contains($0.type) && !($0.type == "score" && $0.start == open + 1) }) { return nil }
    // A weigh-in: `155.5`, `144.6lbs`, `168 pounds`; a ranking: `5`, `№5`.
    if let n = line.number(open + 1) {
      let rest = close - open - 2
      if rest == 0 { return note(n >= 90 ? .weighIn : .ranking) }
      if inner.contains(where: { $0.type == "weight" }) || (line.isMark(open + 2, ".") && rest <= 3) { return note(.weighIn) }
    }
    if inner.contains(where: { $0.type == "ranking" }) { return note(.ranking) }
    return words >= 1 && words <= 7 ? note(.text) : nil
  }

  private func countryIn(_ inner: [Element]) -> String? {
    guard let c = inner.first(where: { $0.type == "country" }) else { return nil }
    return line.text(c.start, c.end)
  }
}
