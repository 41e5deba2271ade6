/// Dates as listings write them: `Saturday 15 March`, `Sat, Mar 15th`,
/// `September 21, 2023`, `Sábado 10 de abril`, `14 марта`, `22.11.`,
/// `2023-09-21`, `10月29日`, `Sobota, 22.11.`, `today`; a weekday alone
/// (`SATURDAY`) is a date too.
enum DateShape {
  static let daySuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "º", "ª", "o"]
  static let linkWords: Set<String> = ["de", "of", "del"]

  static func scan(_ line: inout LineElements) {
    let t = line.tokens
    var spans: [(Int, Int)] = []
    var i = 0
    while i < t.count {
      if let end = date(line, at: i) {
        spans.append((i, end))
        i = end
      } else {
        i += 1
      }
    }
    for (s, e) in spans { line.add(Element(type: "date", start: s, end: e, value: .text(line.text(s, e)))) }
    scanDateline(&line)
  }

  /// `date 2020-12`, `Date: 2023-09-21`: the page's own date, labelled,
  /// as a copied page opens with it. It explains its words but dates no
  /// record: a match on the same line takes the date written for it.
  static func scanDateline(_ line: inout LineElements) {
    let t = line.tokens
    guard let i = t.indices.first(where: { t[$0].isWord && ["date", "datum", "fecha", "data"].contains(t[$0].folded) }), i <= 1 else { return }
    var j = i + 1
    if line.isMark(j, ":") { j += 1 }
    guard let y = line.number(j), t[j].text.count == 4, (1900...2100).contains(y), line.isMark(j + 1, "-"), line.glued(j + 1),
      let m = line.number(j + 2), (1...12).contains(m), line.glued(j + 2)
    else { return }
    var end = j + 3
    if line.isMark(end, "-"), line.glued(end), let d = line.number(end + 1), (1...31).contains(d), line.glued(end + 1) { end += 2 }
    line.add(Element(type: "dateline", start: i, end: end, value: .text(line.text(j, end))))
  }

  /// The end of the date that starts at token `i`, if one does.
  static func date(_ line: LineElements, at i: Int) -> Int? {
    var j = i
    var sawWeekday = false
    if let w = line.element("weekday", at: i) {
      // A single-character Japanese weekday (`水`) is one only in brackets
      // (`10月29日(水)`); elsewhere it is part of a name (`清水`).
      if line.tokens[i].isCJK, w.end == i + 1, !(line.isMark(i - 1, "(") || line.isMark(i - 1, "（")) { return nil }
      sawWeekday = true
      j = w.end
      if line.isMark(j, ".") { j += 1 }
      if line.isMark(j, ",") { j += 1 }
    } else if let r = line.element("relative-day", at: i) {
      return r.end
    }
    // `Week 1 Sep 8`: the number after a stage's word is the stage's, not
    // the day of the month after it.
    if j == i, i > 0, line.number(i) != nil, line.has("stage-word", at: i - 1) { return nil }
    if let end = dayMonth(line, at: j) ?? monthDay(line, at: j) ?? numeric(line, at: j) ?? japanese(line, at: j) {
      return end
    }
    if sawWeekday {
      // A weekday alone, or before a bare day number (`Sat 7`).
      // Not an hour (`Sun 1pm ET`).
      // Nor one a time's word follows (`Saturday, 7 p.m.`, `Sa, 15 Uhr`).
      let timeWord = line.elements(startingAt: j + 1).contains { e in
        e.type == "time-word" && (e.tags.contains("after") || e.value == .text("am") || e.value == .text("pm"))
      }
      let hour = (j + 1 < line.tokens.count && line.tokens[j + 1].isWord && !line.tokens[j + 1].spaceBefore) || timeWord
      if let d = line.number(j), d >= 1, d <= 31, line.tokens[j].text.count <= 2, !line.isMark(j + 1, ":") && !line.isMark(j + 1, "."), !hour {
        return j + 1
      }
      // A weekday beside a capitalised word is part of a name (`Man City`,
      // `Qiu Lun`, `Sun Yang`), not a date; a short one alone needs a mark
      // after it (`Sat.`, `Sa,`); a Japanese one stands in brackets (`(土)`).
      let t = line.tokens
      var end = line.element("weekday", at: i)?.end ?? j
      let short = t[i].text.count <= 3
      // `Hamburger SV Sa., 15:30 Uhr`: an abbreviation with its full stop
      // and then a comma or a time is a date, whatever stands before it.
      let dotEnd = line.isMark(end - 1, ".") ? end : (line.isMark(end, ".") && line.glued(end) ? end + 1 : nil)
      if let d = dotEnd, line.isMark(d, ",") || line.number(d) != nil || i == 0 { return d }
      if short, end < t.count, t[end].isCapitalized, t[end].spaceBefore { return nil }
      // `Sheffield Wednesday 2-2 QPR`: a weekday written out after a name's
      // word, with nothing of a date after it, ends the club's name.
      if !short, i > 0, t[i].spaceBefore, t[i - 1].isWord, t[i - 1].isCapitalized, !t[i].isAllCaps,
        line.elements.allSatisfy({ !($0.start <= i - 1 && i - 1 < $0.end) }),
        end >= t.count || line.number(end) != nil || line.isMark(end, ")") || line.elements(startingAt: end).contains(where: { $0.type == "separator" })
      {
        return nil
      }
      if short, i > 0, t[i - 1].isCapitalized, t[i].spaceBefore, !t[i - 1].isAllCaps || !t[i].isAllCaps { return nil }
      if t[i].isCJK { return line.isMark(i - 1, "(") || line.isMark(i - 1, "（") ? end : nil }
      let marked = end >= t.count || t[end].isPunctuation || t[end].isNumber
      if short, !marked { return nil }
      if line.isMark(end, ".") { end += 1 }
      return end
    }
    return nil
  }

  /// `15 March`, `15th of March 2025`, `10 de abril`, `14 марта`, `22. März`.
  private static func dayMonth(_ line: LineElements, at i: Int) -> Int? {
    guard let d = line.number(i), d >= 1, d <= 31, line.tokens[i].text.count <= 2 else { return nil }
    var j = i + 1
    if j < line.tokens.count, line.tokens[j].isWord, daySuffixes.contains(line.tokens[j].folded), line.glued(j) { j += 1 }
    if line.isMark(j, ".") { j += 1 }
    if line.isWord(j, linkWords) { j += 1 }
    guard let m = line.element("month", at: j) else { return nil }
    return year(line, after: m.end)
  }

  /// `March 15`, `Mar. 15th`, `September 21, 2023`.
  private static func monthDay(_ line: LineElements, at i: Int) -> Int? {
    guard let m = line.element("month", at: i) else { return nil }
    var j = m.end
    if line.isMark(j, ".") { j += 1 }
    // (`Feb 20:00` is a time; `February 22: India v England` a date.)
    let clock = line.isMark(j + 1, ":") && line.glued(j + 1) && line.number(j + 2) != nil && line.glued(j + 2)
    guard let d = line.number(j), d >= 1, d <= 31, line.tokens[j].text.count <= 2, !clock else {
      // A month alone is no date, but `March 2025` is.
      if let y = line.number(j), y >= 1900, y <= 2100 { return j + 1 }
      return nil
    }
    j += 1
    if j < line.tokens.count, line.tokens[j].isWord, daySuffixes.contains(line.tokens[j].folded), line.glued(j) { j += 1 }
    return year(line, after: j)
  }

  /// An optional `, 2023` or ` 2023` after a date.
  private static func year(_ line: LineElements, after j: Int) -> Int {
    var k = j
    if line.isMark(k, ",") { k += 1 }
    if line.isWord(k, linkWords) { k += 1 }
    if let y = line.number(k), y >= 1900, y <= 2100, line.tokens[k].text.count == 4 { return k + 1 }
    return j
  }

  /// `22.11.`, `22.11.2025`, `23/02/2019`, `2023-09-21`.
  private static func numeric(_ line: LineElements, at i: Int) -> Int? {
    let t = line.tokens
    guard let a = line.number(i) else { return nil }
    // ISO: yyyy-mm-dd.
    if t[i].text.count == 4, line.isMark(i + 1, "-"), let m = line.number(i + 2), line.isMark(i + 3, "-"), let d = line.number(i + 4),
      (1...12).contains(m), (1...31).contains(d), line.glued(i + 1), line.glued(i + 4)
    {
      return i + 5
    }
    guard (1...31).contains(a), t[i].text.count <= 2, let sep = ["." , "/"].first(where: { line.isMark(i + 1, $0) }), line.glued(i + 1),
      line.glued(i + 2), let m = line.number(i + 2), t[i + 2].text.count <= 2,
      // `10/31`: the month first, as American listings write it.
      (1...12).contains(m) || (sep == "/" && a <= 12 && m <= 31)
    else { return nil }
    var j = i + 3
    if line.isMark(j, sep), line.glued(j) {
      j += 1
      if line.number(j) != nil, line.glued(j), t[j].text.count == 4 || t[j].text.count == 2 { j += 1 }
      return j
    }
    // `22.11` alone reads as a time; `23/02` as a date.
    return sep == "/" ? j : nil
  }

  /// `10月29日`, `3月22日(土)`.
  private static func japanese(_ line: LineElements, at i: Int) -> Int? {
    guard let m = line.number(i), (1...12).contains(m), line.isWord(i + 1, ["月"]) else { return nil }
    if let d = line.number(i + 2), (1...31).contains(d), line.isWord(i + 3, ["日"]) { return i + 4 }
    return nil
  }
}
