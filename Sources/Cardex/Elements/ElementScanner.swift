/// Finds every element in a line: the phrases of the rules' lexicons, then
/// the shapes (times, dates, scores, weights, rounds, marks) that are read
/// from how tokens are written rather than from a list.
public struct ElementScanner: Sendable {
  public let rules: RuleSet

  public init(rules: RuleSet) {
    self.rules = rules
  }

  /// Katakana written together is one word: a phrase that starts or ends
  /// inside a run of it is part of a longer word (`ポイント`, points, in
  /// `クロスポイント`, a gym's name), not that phrase.
  static func insideKatakanaWord(_ t: [Token], _ start: Int, _ end: Int) -> Bool {
    func katakana(_ k: Int) -> Bool {
      guard k >= 0, k < t.count, let s = t[k].text.unicodeScalars.first else { return false }
      return (0x30A1...0x30FA).contains(s.value) || s.value == 0x30FC
    }
    if katakana(start), katakana(start - 1), !t[start].spaceBefore { return true }
    if katakana(end - 1), katakana(end), !t[end].spaceBefore { return true }
    return false
  }

  public func scan(_ text: String) -> LineElements {
    var line = LineElements(text: text, tokens: Tokenizer.tokenize(text))
    let lexicon = rules.elements
    var cues: [Element] = []
    let words = lexicon.words(of: line.tokens)
    for i in line.tokens.indices where !line.tokens[i].isJoiner && !Self.insideInitialism(line.tokens, i) {
      for (end, id) in lexicon.matches(in: line.tokens, words: words, from: i) {
        let entry = lexicon.entries[id]
        if entry.type == "separator", !standsApart(line.tokens, i, end) { continue }
        if Self.insideKatakanaWord(line.tokens, i, end) { continue }
        let e = Element(type: entry.type, start: i, end: end, value: .text(entry.value), tags: entry.tags, entry: id)
        if entry.type == "channel-cue" { cues.append(e) } else { line.add(e) }
      }
    }
    // `sur`, `on`, `em` are channel cues only before a channel.
    for e in cues where line.has("channel", at: e.end) { line.add(e) }
    // A word one typing error from a weight class (`Lighweight`): read as
    // that class, and said so.
    for i in line.tokens.indices where line.tokens[i].isWord && line.tokens[i].isCapitalized && line.elements(startingAt: i).isEmpty {
      if let fixed = rules.weightClasses.correction(of: line.tokens[i].text) {
        line.add(Element(type: "weight-class", start: i, end: i + 1, value: .text(fixed), tags: ["corrected"]))
      }
    }
    // A hyphen between two names with no space on one side or both
    // (`Málaga-Sevilla`, `Torino-Inter 1-2`): in Italian, Spanish, Turkish
    // and Greek listings it pairs two teams; elsewhere it joins a name.
    // Read as a weak pairing mark the evidence decides on.
    // Not after a word that opens hyphenated names (`Saint-Etienne`,
    // `All-Ireland`).
    // A slash closed up between two names pairs them the same way in
    // French listings (`Marseille/Toulouse à 20h45 sur Canal+`).
    // A dash closed up on one side at least pairs after a bracket too
    // (`Kolstad (norvég)–Nantes (francia) 26–33`, `Portimonense (II)
    // –Arouca (I), 1-2`).
    for i in line.tokens.indices.dropFirst() where ["-", "/"].contains(line.tokens[i].text) && i + 1 < line.tokens.count {
      let t = line.tokens
      let spaced = (t[i].spaceBefore ? 1 : 0) + (t[i + 1].spaceBefore ? 1 : 0)
      if t[i].text == "/", spaced > 0 { continue }
      if t[i].text == "-", spaced < 2, line.isMark(i - 1, ")"), t[i + 1].isWord, t[i + 1].isCapitalized || t[i + 1].isUncased {
        line.add(Element(type: "joined-dash", start: i, end: i + 1, tags: ["weak"]))
        continue
      }
      guard spaced < 2, t[i - 1].isWord, t[i + 1].isWord, t[i - 1].isCapitalized || t[i - 1].isUncased,
        t[i + 1].isCapitalized || t[i + 1].isUncased, !Self.insideQuotes(line, i),
        !(spaced == 0 && line.elements.contains { $0.type == "hyphen-prefix" && $0.end == i })
      else { continue }
      // `SALERNITANA-Jenbach`: one side in capitals and the other not is
      // two names, not one hyphenated name.
      let contrast = t[i - 1].text.count >= 3 && t[i + 1].text.count >= 3 && t[i - 1].isAllCaps != t[i + 1].isAllCaps
      var tags: Set<String> = contrast ? ["weak", "contrast"] : ["weak"]
      if t[i].text == "/" { tags.insert("slash") }
      line.add(Element(type: "joined-dash", start: i, end: i + 1, tags: tags))
    }
    MarkShape.scan(&line, rules)
    WeightShape.scan(&line)
    RoundShape.scan(&line)
    ClockShape.scan(&line)
    DateShape.scan(&line)
    InningsShape.scan(&line)
    InningsShape.scanMargins(&line)
    ScoreShape.scan(&line)
    ScoreShape.scanColonPairings(&line)
    ScorersShape.scan(&line)
    StageShape.scan(&line)
    CompetitionShape.scan(&line)
    VenueShape.scan(&line)
    return line
  }

  /// A hyphen between quotes is a quoted name's (`"Луч-Энергия"`,
  /// `"НТВ-Плюс"`).
  static func insideQuotes(_ line: LineElements, _ i: Int) -> Bool {
    line.closing.contains { open, close in
      open < i && i < close && ["\"", "\u{201C}", "\u{AB}", "'"].contains(line.tokens[open].text)
    }
  }

  /// A letter inside a run of initials (`D.M.D.`, `C.D.`) starts no
  /// phrase: `M.D.` there is no majority decision.
  static func insideInitialism(_ t: [Token], _ i: Int) -> Bool {
    guard i >= 2, !t[i].spaceBefore, t[i - 1].text == ".", !t[i - 1].spaceBefore else { return false }
    return t[i - 2].isWord && t[i - 2].text.count == 1
  }
}

/// A separator written as a mark or a single letter (`-`, `@`, `x`, `v`)
/// pairs only with a space on each side: `@OptaJoe` is a handle, `5x3`
/// rounds, `Clermont-Foot` one name.
private func standsApart(_ tokens: [Token], _ start: Int, _ end: Int) -> Bool {
  let short = end - start <= 2 && tokens[start].text.count <= 1
  guard short, !tokens[start].isCJK, tokens[start].kind != .word || tokens[start].text.count == 1 else { return true }
  let before = start == 0 || tokens[start].spaceBefore
  let after = end >= tokens.count || tokens[end].spaceBefore
  // `Wizards@76ers`: a scoreboard's `@` closed up between two names.
  if tokens[start].text == "@", !before, !after, start > 0, tokens[start - 1].isWord, tokens[start - 1].isCapitalized || tokens[start - 1].isAllCaps,
    end < tokens.count, tokens[end].isWord || tokens[end].isNumber
  {
    return true
  }
  return before && after
}

extension LineElements {
  /// The longest element of `type` starting at token `i`.
  func has(_ type: String, at i: Int) -> Bool { element(type, at: i) != nil }

  /// Token `i` is the punctuation mark `mark`.
  func isMark(_ i: Int, _ mark: String) -> Bool {
    i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && tokens[i].text == mark
  }

  /// Token `i` is a number; its value.
  func number(_ i: Int) -> Int? {
    guard i >= 0, i < tokens.count, tokens[i].isNumber, tokens[i].text.count <= 6 else { return nil }
    return Int(tokens[i].text)
  }

  /// Token `i` is the word `word` (folded).
  func isWord(_ i: Int, _ words: Set<String>) -> Bool {
    i >= 0 && i < tokens.count && tokens[i].isWord && words.contains(tokens[i].folded)
  }

  /// No space between tokens `i - 1` and `i`.
  func glued(_ i: Int) -> Bool { i < tokens.count && !tokens[i].spaceBefore }

  /// Token `i` is a year a club may have been founded in (`Heidenheim
  /// 1846`, `HSC 2000 Coburg`): four digits, 1800 to 2030.
  func isFoundingYear(_ i: Int) -> Bool {
    i >= 0 && i < tokens.count && tokens[i].text.count == 4 && number(i).map { (1800...2030).contains($0) } == true
  }
}
