/// Marks at the edges of names and lines: bullets, list numbers, rankings
/// (`#5`, `No. 2`, `№5`), flags, and country codes (`MAR`, `USA`).
enum MarkShape {
  static let bullets: Set<String> = ["-", "•", "*", "·", "⦁", "●", "▪", "►", "▶", "▼", "・", "◆", "■", "□", "○", "◎", "+", ">", "–", "—", "♦", "✓", "✅", "🔸", "🔹", "➡"]

  /// Marks that open a record inside a line, after a space: unambiguous
  /// list glyphs, not a dash (that pairs two names).
  static let midLineBullets: Set<String> = ["•", "·", "⦁", "●", "▪", "►", "▶", "▼", "・", "◆", "■"]

  static func scan(_ line: inout LineElements, _ rules: RuleSet) {
    let t = line.tokens
    for i in t.indices {
      // A match's number opening the line, after a bullet at most: `P37:`,
      // `M12.`, `G5)` (a letter or two closed up to the number).
      if i <= 1, i == 0 || line.has("bullet", at: 0), t[i].isWord, t[i].text.count <= 2, t[i].text.allSatisfy(\.isUppercase),
        let n = line.number(i + 1), n < 1000, line.glued(i + 1),
        line.isMark(i + 2, ":") || line.isMark(i + 2, ".") || line.isMark(i + 2, ")")
      {
        line.add(Element(type: "ordinal", start: i, end: i + 3, value: .number(Double(n))))
      }
      // `第3試合`, `제3경기`: the bout's number on the card, opening the line.
      if i <= 1, i == 0 || line.has("bullet", at: 0), t[i].text == "第" || t[i].text == "제", let n = line.number(i + 1), n < 100,
        line.glued(i + 1), let w = line.element("bout-word", at: i + 2), line.glued(i + 2)
      {
        line.add(Element(type: "ordinal", start: i, end: w.end, value: .number(Double(n))))
      }
      // Past the first token a word begins a mark only as `No`, `Nr`, an
      // address (`http`, `www`: folded to ASCII, two to five bytes) or a
      // country code in capitals; most words need none of the tests below.
      if i > 0, t[i].isWord, !t[i].isAllCaps, !(2...5).contains(t[i].text.utf8.count) { continue }
      // A bullet: a mark that opens the line, or opens a record after a
      // boundary (`・A vs. B ・C vs. D`).
      if t[i].kind != .word, t[i].kind != .number, bullets.contains(t[i].text), !t[i].isJoiner {
        if i == 0 {
          line.add(Element(type: "bullet", start: i, end: i + 1, tags: ["line-start"]))
        } else if t[i].spaceBefore, midLineBullets.contains(t[i].text) {
          line.add(Element(type: "bullet", start: i, end: i + 1))
        }
      }
      // A Markdown heading mark opening the line (`### Kattar vs. Emmett`):
      // the line titles a section, as an event named for its main bout.
      if i == 0, line.isMark(0, "#") {
        var end = 1
        while end < t.count, line.isMark(end, "#"), line.glued(end) { end += 1 }
        if end <= 6, end < t.count, t[end].spaceBefore {
          line.add(Element(type: "heading-mark", start: 0, end: end))
        }
      }
      // A place in a ranking list opening the line (`10位 A vs B`, `No. 3:`
      // in a countdown): a list of best fights, not a card.
      if i == 0, line.number(0) != nil, line.isWord(1, ["位"]) {
        line.add(Element(type: "rank-place", start: 0, end: 2))
      }
      // A list number opening the line: `1.`, `2)`, `3:`, `10 -`.
      if i == 0, let n = line.number(0), n < 200, t.count > 2,
        line.isMark(1, ".") || line.isMark(1, ")") || line.isMark(1, ":") || (line.isMark(1, "-") && t[1].spaceBefore)
      {
        line.add(Element(type: "ordinal", start: 0, end: 2, value: .number(Double(n))))
      }
      // A seed after the separator of a seeded list (`1. Joao Zeferino vs.
      // 4. Magomed Magomedkerimov`): the second name's place, as a ranking;
      // not a club's number (`1. FC Köln`).
      if i > 0, let n = line.number(i), n < 100, line.isMark(i + 1, "."), line.glued(i + 1), i + 2 < t.count, t[i + 2].isCapitalized,
        t[i].spaceBefore, line.elements.contains(where: { $0.type == "separator" && $0.end == i }), !line.has("club-word", at: i + 2)
      {
        line.add(Element(type: "ranking", start: i, end: i + 2, value: .ranking(n)))
      }
      // A poll's ranking in brackets before a team (`Final (6) Ohio St. 39
      // (2) Penn St. 38`): not after a name, where it is a note of its own.
      if line.isMark(i, "("), let n = line.number(i + 1), n < 100, line.isMark(i + 2, ")"), i + 3 < t.count, t[i + 3].isWord,
        t[i + 3].isCapitalized, t[i + 3].spaceBefore, i == 0 || !(t[i - 1].isWord && t[i - 1].isCapitalized && !line.has("stage-word", at: i - 1))
      {
        line.add(Element(type: "ranking", start: i, end: i + 3, value: .ranking(n)))
      }
      // A ranking: `#5`, `№5`, `No. 2`, `Nr. 3`.
      if (line.isMark(i, "#") || line.isMark(i, "№")), let n = line.number(i + 1), n < 1000, line.glued(i + 1) {
        line.add(Element(type: "ranking", start: i, end: i + 2, value: .ranking(n)))
      }
      if t[i].isWord, ["no", "nr"].contains(t[i].folded), t[i].isCapitalized || t[i].folded == "nr" {
        var j = i + 1
        if line.isMark(j, ".") { j += 1 }
        if let n = line.number(j), n < 1000, j > i + 1 || t[j].spaceBefore {
          line.add(Element(type: "ranking", start: i, end: j + 1, value: .ranking(n)))
        }
      }
      // A link: `[text](target)` in Markdown, or an address (`https://…`,
      // `www.…`). A pairing inside one names an article, not a bout.
      if line.isMark(i, "["), let close = line.closing[i], line.isMark(close + 1, "("), line.glued(close + 1),
        let end = line.closing[close + 1]
      {
        line.add(Element(type: "link", start: i, end: end + 1, tags: ["markdown"]))
      }
      if t[i].isWord, ["http", "https", "www"].contains(t[i].folded), line.isMark(i + 1, ":") || line.isMark(i + 1, ".") {
        var end = i + 1
        while end < t.count, !t[end].spaceBefore { end += 1 }
        line.add(Element(type: "link", start: i, end: end, tags: ["address"]))
      }
      // A flag emoji stands for a country.
      if t[i].kind == .symbol, let iso2 = flagCode(t[i].text) {
        line.add(Element(type: "country", start: i, end: i + 1, value: .text(iso2), tags: ["flag"]))
      }
      // A country code: two or three capitals the country lexicon knows,
      // inside brackets (`(MAR)`, `(RUS) (C)`): elsewhere `AND`, `CAN`,
      // `IN` are words of an all-capitals line.
      if t[i].isWord, (2...3).contains(t[i].text.count), t[i].isAllCaps, i > 0, line.isMark(i - 1, "(") || line.isMark(i - 1, "["),
        line.isMark(i + 1, ")") || line.isMark(i + 1, "]") || line.isMark(i + 1, ",") || line.isMark(i + 1, "/"),
        rules.countries.isKnownCode(t[i].text)
      {
        line.add(Element(type: "country", start: i, end: i + 1, value: .text(t[i].text), tags: ["code"]))
      }
    }
    // After each fighter's record written bare, a bare code too: `Abou
    // Kamara 1-0 FRA vs Michael Bento 0-1 FRA`. Both sides so, one code at
    // least one the lexicon knows (a page's own, `UNG`, `CEH`, may be the
    // other); else the numbers are a score between teams' codes (`GER 2-1
    // FRA`).
    let afterRecord = t.indices.dropFirst(4).filter { i in
      line.isMark(i - 2, "-") && t[i].isWord && t[i].spaceBefore && t[i].isAllCaps && line.number(i - 1) != nil && line.number(i - 3) != nil
        && line.glued(i - 1) && line.glued(i - 2) && t[i - 3].spaceBefore && t[i - 4].isWord && !t[i - 4].isAllCaps
        && (i + 1 == t.count || t[i + 1].spaceBefore) && (2...3).contains(t[i].text.utf8.count)
    }
    if afterRecord.count >= 2, afterRecord.contains(where: { rules.countries.isKnownCode(t[$0].text) }) {
      for i in afterRecord {
        line.add(Element(type: "country", start: i, end: i + 1, value: .text(t[i].text), tags: ["code", "after-record"]))
      }
    }
  }

  /// `🇩🇪` → `DE`.
  static func flagCode(_ s: String) -> String? {
    let scalars = Array(s.unicodeScalars)
    guard scalars.count == 2, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }) else { return nil }
    var out = ""
    for u in scalars {
      guard let letter = Unicode.Scalar(u.value - 0x1F1E6 + 65) else { return nil }
      out.unicodeScalars.append(letter)
    }
    return out
  }
}
