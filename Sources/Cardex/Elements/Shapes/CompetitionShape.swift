/// Competitions the lexicon does not know, read from how they are named: a
/// run of capitalised words holding a competition word (`Saddleworth and
/// District Cricket League`, `Kreisliga Passau`, `Campeonato Municipal de
/// Futebol Amador`), or a competition word before a class letter or number
/// (`klasa A`, `Division 2`). The value is the name as written.
enum CompetitionShape {
  /// Small words a name may hold between two capitalised ones.
  static let connectors: Set<String> = ["and", "&", "of", "the", "de", "del", "di", "da", "do", "du", "des", "der", "la"]

  static func scan(_ line: inout LineElements) {
    readUnknown(&line)
    extendKnown(&line)
  }

  /// Before any pairing on the line (a heading, an intro), a known
  /// competition's name with its sponsor before it and its season after it,
  /// as written: `PKO BP Ekstraklasa`, `Serie A Femminile 2019-2020`.
  static func extendKnown(_ line: inout LineElements) {
    // Words before a pairing's mark may be its first side (`Arsenal v
    // Chelsea Premier League`): a name is extended only before the line's
    // first pairing (`Lotto Ekstraklasa – 2. kolejka`).
    let pairing = line.elements.filter { ["separator", "result-verb", "joined-dash", "score"].contains($0.type) }.map(\.start).min() ?? Int.max
    let t = line.tokens
    for e in line.elements where e.type == "competition" && !e.tags.contains("unknown") && e.end <= pairing {
      var start = e.start
      while start > 0, e.start - start < 2, t[start].spaceBefore, capitalisedFree(line, start - 1) || isWomen(line, start - 1) { start -= 1 }
      // `Women's FA Cup`, `Ladies National Football League`: the women's
      // competition is another one, named as written.
      if (start..<e.start).contains(where: { isWomen(line, $0) }) {
        line.add(Element(type: "competition", start: start, end: e.end, value: .text(line.text(start, e.end)), tags: ["unknown"]))
        continue
      }
      var end = e.end
      // `2019-2020`, `2018/19`, `2021`.
      if let y = line.number(end), y >= 1900, y <= 2100, t[end].spaceBefore {
        end += 1
        if end + 1 < t.count, line.isMark(end, "-") || line.isMark(end, "/"), line.glued(end), line.number(end + 1) != nil, line.glued(end + 1) {
          end += 2
        }
      }
      // `Superlega maschile`, `Orlen Ekstraliga kobiet`: on a line that
      // pairs nothing, the name as written runs over the words that make it
      // another competition of the same league.
      if pairing == Int.max { end = qualifiersEnd(line, from: end) }
      // `La Liga Regional de Baby Fútbol`: capitalised words after a known
      // name, on a line that pairs nothing, make another competition's
      // name, one the lexicon does not know.
      if pairing == Int.max, end == e.end, let longer = runOn(line, from: e.end) {
        line.add(Element(type: "competition", start: start, end: longer, value: .text(line.text(start, longer)), tags: ["unknown"]))
        continue
      }
      if start < e.start || end > e.end {
        line.add(Element(type: "competition", start: start, end: end, value: e.value, tags: e.tags.union(["extended"])))
      }
    }
  }

  static func readUnknown(_ line: inout LineElements) {
    let t = line.tokens
    var i = 0
    while i < t.count {
      guard let word = line.element("competition-word", at: i) else {
        i += 1
        continue
      }
      var start = i
      var end = word.end
      // Leftwards over capitalised words, and connectors between them.
      while start > 0 {
        let k = start - 1
        if capitalisedFree(line, k) {
          start = k
        } else if t[k].isWord, connectors.contains(t[k].folded), k > 0, capitalisedFree(line, k - 1) {
          start = k - 1
        } else {
          // `1ª Divisão`, `2. Liga`: the tier's ordinal before the word.
          if let n = line.number(k - 1), n < 10, line.glued(k), line.isMark(k, ".") || ["ª", "º", "a", "e", "°"].contains(t[k].text) {
            start = k - 1
          }
          break
        }
      }
      // Rightwards over capitalised words (and connectors between them), a
      // class letter or a number.
      while end < t.count, t[end].spaceBefore || t[end].isWord {
        if capitalisedFree(line, end) || (line.number(end) != nil && t[end].text.count <= 2)
          || isClassMark(t[end])
        {
          end += 1
        } else if t[end].isWord, connectors.contains(t[end].folded), end + 1 < t.count, capitalisedFree(line, end + 1) {
          end += 2
        } else if let q = qualifier(line, at: end) {
          end = q.end
        } else {
          break
        }
      }
      let capitalised = (start..<end).contains { t[$0].isWord && (t[$0].isCapitalized || t[$0].isAllCaps || t[$0].isUncased) }
      // An age group is a class by itself (`Under 14:`, `U19`).
      let aged = (word.start..<word.end).contains { t[$0].isNumber || t[$0].text.contains(where: \.isNumber) }
      // `Championship: Sheffield Wednesday v Leeds`: a competition's word
      // alone, capitalised, labelling the line it opens.
      let label = start == word.start && end == word.end && (start == 0 || line.has("bullet", at: 0) && start == 1)
        && line.isMark(end, ":") && t[start].isCapitalized
      let classed = end > word.end || start < word.start || aged || label
      // A run that touches a pairing is a team's name (`Liga Deportiva vs. …`).
      let touches = line.elements.contains { $0.type == "separator" && ($0.end == start || $0.start == end) }
      let known = line.elements.contains { $0.type == "competition" && $0.start < end && start < $0.end }
      if capitalised, classed, !touches, !known {
        line.add(Element(type: "competition", start: start, end: end, value: .text(line.text(start, end)), tags: ["unknown"]))
      }
      i = max(end, i + 1)
    }
  }

  /// A class letter or Roman numeral after a competition's word (`klasa A`,
  /// `Kreisliga A I`, `Hoofdklasse B`, `Class AA`): a single capital, or
  /// up to three of `I`, `V`, `X` or the same capital.
  static func isClassMark(_ token: Token) -> Bool {
    guard token.isWord, token.text.count <= 3, token.text.allSatisfy(\.isUppercase) else { return false }
    if token.text.count == 1 { return true }
    return token.text.allSatisfy { "IVX".contains($0) } || Set(token.text).count == 1
  }

  /// A capitalised word that no other element reads.
  /// The end of a run of capitalised words (and connectors between them)
  /// from token `from`, or nil when none follows.
  static func runOn(_ line: LineElements, from: Int) -> Int? {
    let t = line.tokens
    var end = from
    var words = 0
    while end < t.count, words < 4 {
      if t[end].spaceBefore, capitalisedFree(line, end) {
        end += 1
      } else if t[end].isWord, connectors.contains(t[end].folded), end + 1 < t.count, capitalisedFree(line, end + 1) {
        end += 2
      } else {
        break
      }
      words += 1
    }
    return words > 0 ? end : nil
  }

  /// The end of the sex, age and sport words (`maschile`, `U20 hurling`,
  /// `kobiet`) that follow a competition's name at `from`, at most three.
  static func qualifiersEnd(_ line: LineElements, from: Int) -> Int {
    var end = from
    while end < line.tokens.count, end - from < 3, line.tokens[end].spaceBefore {
      if let q = qualifier(line, at: end) {
        end = q.end
      } else if let w = line.element("competition-word", at: end), line.tokens[w.start..<w.end].contains(where: { $0.text.contains(where: \.isNumber) }) {
        end = w.end
      } else {
        break
      }
    }
    return end
  }

  /// A sex, age or sport word at token `k` (women's words come from the
  /// weight-class lexicon).
  private static func qualifier(_ line: LineElements, at k: Int) -> Element? {
    line.element("competition-qualifier", at: k) ?? line.element("women-word", at: k)
  }

  private static func isWomen(_ line: LineElements, _ k: Int) -> Bool {
    line.tokens[k].isCapitalized && line.elements.contains { $0.type == "women-word" && $0.start == k && $0.end == k + 1 }
  }

  private static func capitalisedFree(_ line: LineElements, _ k: Int) -> Bool {
    let t = line.tokens[k]
    guard t.isWord, t.isCapitalized || t.isAllCaps || t.isUncased else { return false }
    return !line.elements.contains {
      $0.start <= k && k < $0.end && !["competition-word", "competition-qualifier", "sport-cue", "club-word", "name-particle", "ordinal-word"].contains($0.type)
    }
  }
}
