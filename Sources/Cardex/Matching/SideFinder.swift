/// Finds competitors' names in a line: runs of name words that begin and
/// end where the grammar's name rules say, with the notes written around
/// them.
///
/// Names are read outwards from an element that pairs two sides: leftwards
/// from just before it, rightwards from just after it. A name is made of
/// capitalised words (or words of scripts without case), with lower-case
/// particles (`da`, `van`) and joined marks (`Aubin-Mercier`, `B.J.`,
/// `Brighton & Hove`) inside it; it stops at punctuation, at an element no
/// name holds (a separator, a weight class, a stop word), and after the
/// grammar's most words.
struct SideFinder {
  enum Capability {
    /// Not in a name.
    case none
    /// A lower-case word no lexicon claims: it may open a name before a
    /// capitalised word (`man City`, `sc Heerenveen`), nothing more.
    case lower
    /// May stand inside a name, not at either end (`de`, `&`).
    case inner
    /// May stand anywhere in a name except at its start (`Max` the channel).
    case notFirst
    /// May stand anywhere in a name.
    case any
  }

  let line: LineElements
  let rules: NameRules
  private(set) var capability: [Capability]

  init(line: LineElements, rules: NameRules) {
    self.line = line
    self.rules = rules
    capability = Self.capabilities(line, rules)
  }

  // MARK: Rightwards

  /// The sides that start at token `p`, the longest name with all its
  /// notes first, then with fewer notes, then shorter names.
  func rightward(from p: Int) -> [Side] {
    var q = p
    while q < line.tokens.count, Self.isDecoration(line.tokens[q]), q + 1 < line.tokens.count, line.glued(q + 1) { q += 1 }
    var lead: [Side.Note] = []
    while let note = leadingNote(at: q) {
      lead.append(note)
      q = note.end
    }
    guard q < line.tokens.count, canStart(q) || opensBeforeCapital(q) else { return [] }
    var ends: [Int] = []
    var words = 0
    var i = q
    while i < line.tokens.count {
      let c = capability[i]
      if c == .none || (c == .notFirst && i == q && !opensName(q)) || (c == .lower && i != q) { break }
      if let close = line.closing[i], line.tokens[i].text == "\"" || line.tokens[i].text == "'" {
        // A nickname in quotes inside a name (`Oleksander "The Greek"
        // Humen`), or a team's name in quotes (`"Спартак"`).
        guard close - i <= 6 else { break }
        i = close + 1
        words += 1
        ends.append(i)
        continue
      }
      if line.startsNameWord(i) { words += 1 }
      if words > rules.maxWords { break }
      i += 1
      // An initial's full stop may end a name (`Dingli S.`).
      if c != .inner || line.tokens[i - 1].text == ".", c != .lower, isNameEnd(i - 1) { ends.append(i) }
    }
    if let last = ends.last, let filled = filled(from: last) { ends.append(filled) }
    var out: [Side] = []
    for end in ends.reversed() {
      var after = end
      while after < line.tokens.count, Self.isDecoration(line.tokens[after]) || (line.tokens[after].text == "!" && line.glued(after)),
        line.glued(after)
      {
        after += 1
      }
      let notes = trailingNotes(from: after)
      var (lead, q) = (lead, q)
      if let (kept, start) = demonymInName(lead, nameStart: q, nameEnd: end) { (lead, q) = (kept, start) }
      for k in stride(from: notes.count, through: 0, by: -1) {
        let all = lead + notes.prefix(k)
        out.append(
          Side(
            nameStart: q, nameEnd: end, notes: all, start: p, end: k > 0 ? notes[k - 1].end : after,
            words: line.nameWordCount(q, end)))
      }
    }
    return out
  }

  // MARK: Leftwards

  /// The longest side that ends just before token `p`, with its notes.
  func leftward(endingBefore p: Int, fields: Bool = true) -> Side? {
    if fields, p >= 3, let side = firstField(endingBefore: p) { return side }
    var e = p
    // Markdown emphasis and a bonus mark around a name: `_Carlos Ulberg!_`.
    while e > 1, Self.isDecoration(line.tokens[e - 1]) || line.tokens[e - 1].text == "!", line.glued(e - 1) { e -= 1 }
    var notes: [Side.Note] = []
    while let note = noteEnding(before: e) {
      notes.insert(note, at: 0)
      e = note.start
    }
    var i = e - 1
    var start: Int?
    var words = 0
    while i >= 0 {
      let c = capability[i]
      if c == .none { break }
      if c == .lower {
        // A lower-case word opens the name only at the start of its place.
        if start != nil, i == 0 || !(line.tokens[i - 1].isWord || line.tokens[i - 1].isNumber) { start = i }
        break
      }
      if let open = line.opening[i], line.tokens[i].text == "\"" || line.tokens[i].text == "'" {
        // A nickname in quotes, inside the name or opening it.
        guard i - open <= 6 else { break }
        start = open
        i = open - 1
        continue
      }
      if i == e - 1, !isNameEnd(i) { break }
      if line.startsNameWord(i) { words += 1 }
      if words > rules.maxWords { break }
      if canStart(i, leftward: true) { start = i }
      i -= 1
    }
    guard var s = start else { return nil }
    if let filled = filledBack(to: s) { s = filled }
    while s > 0, Self.isDecoration(line.tokens[s - 1]), line.glued(s) { s -= 1 }
    var first = s
    var lead: [Side.Note] = []
    while let note = leadingNote(endingBefore: first) {
      lead.insert(note, at: 0)
      first = note.start
    }
    if let (kept, start) = demonymInName(lead, nameStart: s, nameEnd: e) { (lead, s) = (kept, start) }
    return Side(
      nameStart: s, nameEnd: e, notes: lead + notes, start: first, end: p, words: line.nameWordCount(s, e))
  }

  /// `Indian Valley (4-0) at Buckeye Trail`, `Irish Town`: a nationality
  /// word before a one-word name is the name's first word; before a
  /// fighter's full name (`Brazilian Charles Oliveira`) it is a note.
  /// Returns the notes without it and the name's new start.
  private func demonymInName(_ lead: [Side.Note], nameStart: Int, nameEnd: Int) -> ([Side.Note], Int)? {
    guard let last = lead.last, last.end == nameStart, line.nameWordCount(nameStart, nameEnd) == 1,
      line.elements(startingAt: last.start).contains(where: { $0.type == "demonym" && $0.end == last.end })
    else { return nil }
    return (Array(lead.dropLast()), last.start)
  }

  /// `Brighton and Hove Albion`, `Sunderland or Blackburn Rovers`: a name
  /// across a conjunction, taken only when it then fills its place back to
  /// a mark or the start of the line. Returns the earlier start.
  private func filledBack(to s: Int) -> Int? {
    guard s >= 2, line.has("conjunction", at: s - 1), capability[s - 2] != .none, capability[s - 2] != .inner else { return nil }
    var i = s - 2
    var start: Int?
    var words = 0
    while i >= 0, capability[i] != .none, capability[i] != .lower, !line.has("conjunction", at: i) {
      if line.startsNameWord(i) { words += 1 }
      if canStart(i, leftward: true) { start = i }
      i -= 1
    }
    guard let st = start, words <= 3, st == i + 1, i < 0 || !(line.tokens[i].isWord || line.tokens[i].isNumber) else { return nil }
    return st
  }

  /// The same forwards: a name run across a conjunction to a mark or the
  /// end of the line. Returns the later end.
  private func filled(from e: Int) -> Int? {
    guard e + 1 < line.tokens.count, line.has("conjunction", at: e), canStart(e + 1) else { return nil }
    var i = e + 1
    var words = 0
    var end: Int?
    while i < line.tokens.count, capability[i] != .none, capability[i] != .lower, !line.has("conjunction", at: i) {
      if line.startsNameWord(i) { words += 1 }
      i += 1
      if capability[i - 1] != .inner, isNameEnd(i - 1) { end = i }
    }
    guard let en = end, words <= 3, en == i, en == line.tokens.count || !(line.tokens[en].isWord || line.tokens[en].isNumber) else { return nil }
    return en
  }

  /// A lower-case word opening a name, before a capitalised one (`man City`).
  private func opensBeforeCapital(_ q: Int) -> Bool {
    capability[q] == .lower && q + 1 < line.tokens.count && line.tokens[q + 1].isCapitalized && line.tokens[q + 1].spaceBefore
      && capability[q + 1] == .any
  }

  /// Markdown emphasis marks written around a name.
  static func isDecoration(_ t: Token) -> Bool { t.isPunctuation && (t.text == "_" || t.text == "*") }

  // MARK: Tokens

  /// Whether a name may begin at token `i`. Read leftwards from a pairing,
  /// a name runs back to a word that may only continue one (a channel's or
  /// a competition's name: `SuperSport United`); read rightwards, such a
  /// word ends it (`Arsenal v Chelsea Sky Sports`).
  func canStart(_ i: Int, leftward: Bool = false) -> Bool {
    let t = line.tokens[i]
    switch capability[i] {
    case .any: break
    case .notFirst where leftward: break
    case .notFirst where opensName(i): break
    default: return false
    }
    if t.isWord {
      return t.isCapitalized || t.isAllCaps || (t.isUncased && !t.isHiragana) || line.elements(startingAt: i).contains { $0.type == "product-word" }
    }
    if t.text == "\"" || t.text == "'" { return line.closing[i] != nil }
    // `1. FC Köln`, `1860 München`.
    if t.isNumber {
      guard i + 1 < line.tokens.count else { return false }
      let next = line.tokens[i + 1]
      return line.isMark(i + 1, ".") || next.isCapitalized || (next.isWord && !next.spaceBefore)
    }
    return false
  }

  /// A sport's or competition's word opening a club's name (`Pallavolo
  /// Padova`, `Basket Brescia`): the element ends at once and a plain
  /// capitalised word follows it.
  private func opensName(_ i: Int) -> Bool {
    guard let e = line.elements(startingAt: i).first(where: { rules.notAfterStart.contains($0.type) }), e.end < line.tokens.count,
      capability[e.end] == .any, line.tokens[e.end].isCapitalized, line.tokens[e.end].spaceBefore
    else { return false }
    return !line.elements.contains { $0.start <= e.end && e.end < $0.end && rules.notAfterStart.contains($0.type) }
  }

  /// Whether a name may end with token `i`.
  private func isNameEnd(_ i: Int) -> Bool {
    let t = line.tokens[i]
    if t.isWord { return capability[i] != .inner }
    if t.isNumber { return true }
    // `Jr.`, `Dingli S.`, `B.J.`: a full stop after a short word or an initial.
    if t.text == ".", i > 0, line.tokens[i - 1].isWord, line.tokens[i - 1].text.count <= 2 { return true }
    // `Alliance, Neb.`: a state's abbreviation.
    if t.text == ".", capability[i] == .inner, line.elements.contains(where: { $0.type == "us-state" && $0.end == i + 1 }) { return true }
    return t.text == "\"" || (t.text == "'" && line.opening[i] != nil)
  }


  /// Only link labels, numbers and marks after token `from`.
  /// Nothing but link labels (and, with `channels`, more channels) and
  /// marks from token `from` to the line's end.
  static func isRowEnd(_ line: LineElements, _ from: Int, channels: Bool = false) -> Bool {
    var i = from
    while i < line.tokens.count {
      if let e = line.elements(startingAt: i).first(where: { $0.type == "link-label" || (channels && ["channel", "competition"].contains($0.type)) }) {
        i = e.end
      } else if line.tokens[i].isWord {
        return false
      } else {
        i += 1
      }
    }
    return true
  }

  /// A capital and a full stop after a capitalised word, ending a club's
  /// name (`Zebbug R.`, `Gudja U.`): not a round (`R. 2`) or a conjunction.
  static func isClubInitial(_ t: [Token], _ i: Int) -> Bool {
    guard i >= 1, i + 1 < t.count, t[i].isWord, t[i].text.count == 1, t[i].isCapitalized, t[i].spaceBefore, t[i + 1].text == ".",
      !t[i + 1].spaceBefore, t[i - 1].isWord, t[i - 1].isCapitalized, t[i - 1].text.count > 1
    else { return false }
    return i + 2 >= t.count || !t[i + 2].isNumber
  }

  static func isInitial(_ t: [Token], _ i: Int) -> Bool {
    guard i + 2 < t.count, t[i].isWord, t[i].text.count == 1, t[i].isCapitalized, t[i + 1].text == ".", !t[i + 1].spaceBefore else {
      return false
    }
    return t[i + 2].isWord && t[i + 2].isCapitalized && t[i + 2].spaceBefore
  }

  static func capabilities(_ line: LineElements, _ rules: NameRules) -> [Capability] {
    let t = line.tokens
    var never = [Bool](repeating: false, count: t.count)
    var notFirst = [Bool](repeating: false, count: t.count)
    var inside = [Bool](repeating: false, count: t.count)
    var ending = [Bool](repeating: false, count: t.count)
    var product = [Bool](repeating: false, count: t.count)
    for e in line.elements {
      if e.type == "product-word" { for i in e.start..<e.end { product[i] = true } }
      // A zone's letters away from any time are a name's (`MT Melsungen`,
      // `ET Pizzeria`): only after a time is `MT` Mountain Time.
      if e.type == "time-zone", !line.elements.contains(where: { $0.type == "time" && $0.end >= e.start - 2 && $0.end <= e.end }) {
        continue
      }
      // A link's label (`View`, `Tickets`) is printed after a row, at the
      // line's end; before a pairing it is a name's word (`River View at
      // Barnesville`).
      if e.type == "link-label", !isRowEnd(line, e.end) { continue }
      // A channel or a known competition that ends the row after a name
      // (`Arsenal v Chelsea BBC One`, `Parma – SPAL DAZN`, `Arsenal 2-0
      // Chelsea Premier League`) is the row's, not the name's.
      // `Arsenal v Chelsea Emirates Stadium`: a venue of two words ending
      // the row.
      // So is one a comma and its town follow in a row run on from a table
      // (`… vs ATK JLN Stadium, Kochi 18 Nov …`); after a club word the
      // venue's name begins (`Jamshedpur FC Indira Gandhi Athletic Stadium`).
      if e.type == "venue-word", e.tags.contains("row-end"), e.start >= 2,
        isRowEnd(line, e.end, channels: true) || (line.isMark(e.end, ",") && e.end + 1 < t.count && t[e.end + 1].isCapitalized),
        t[e.start - 1].isWord, t[e.start - 1].isCapitalized || t[e.start - 1].isAllCaps, t[e.start - 2].isWord,
        t[e.start - 2].isCapitalized || t[e.start - 2].isAllCaps
      {
        var k = e.start - 2
        while k > 0, e.start - k < 5, t[k].isWord, t[k].isCapitalized || t[k].isAllCaps, !line.has("club-word", at: k) { k -= 1 }
        // (The club word ends the team's name, not opens it: `FC Goa
        // Jawaharlal Nehru Stadium`.)
        let endsName = k > 0 && line.has("club-word", at: k) && k < e.start - 1 && t[k - 1].isWord && t[k - 1].isCapitalized
          && !line.has("separator", at: k - 1)
        let first = endsName ? k + 1 : e.start - 1
        for i in first..<e.end { never[i] = true }
        continue
      }
      let rowNote = e.type == "channel" || (e.type == "competition" && !e.tags.contains("unknown") && !e.tags.contains("extended"))
      if rowNote, e.start > 0, isRowEnd(line, e.end, channels: true), line.tokens[e.start - 1].isWord,
        line.tokens[e.start - 1].isCapitalized || line.tokens[e.start - 1].isAllCaps || line.tokens[e.start - 1].isUncased,
        !line.elements.contains(where: { $0.type == e.type && $0.start < e.start && $0.end > e.start - 1 })
      {
        for i in e.start..<e.end { never[i] = true }
        continue
      }
      for i in e.start..<e.end {
        if rules.never.contains(e.type) { never[i] = true }
        if rules.notAfterStart.contains(e.type) { notFirst[i] = true }
        if rules.inside.contains(e.type) { inside[i] = true }
        if rules.end.contains(e.type) { ending[i] = true }
      }
    }
    // A capital and a full stop before a capitalised word is an initial
    // (`P. Ferreira`, `D. Jones`), whatever list the letter is also in
    // (`P` for penalties, `D` for a draw).
    for i in t.indices where never[i] && (isInitial(t, i) || isClubInitial(t, i)) { never[i] = false }
    // `The Hunters Tower vs The George Pub`, `The Strongest`: an article
    // with a capital opens a team's name where a name may start (the line's
    // start, after a label's colon, a record's boundary or a separator).
    for i in t.indices where never[i] && t[i].text == "The" && i + 1 < t.count && t[i + 1].isWord && t[i + 1].isCapitalized {
      let opens = i == 0 || [";", ":", "|", ","].contains(t[i - 1].text) || line.elements.contains { $0.type == "separator" && $0.end == i }
      if opens, line.elements(startingAt: i).allSatisfy({ $0.type == "stop-word" }) { never[i] = false }
    }
    // `Inter Women`, `Arsenal Ladies`, `Juventus Femminile`: a women's word
    // after a team's name ends it, unless a weight class follows
    // (`Suarez Women's Strawweight`).
    for i in t.indices.dropFirst() where never[i] && t[i].isCapitalized && t[i - 1].isWord && t[i].spaceBefore {
      guard t[i - 1].isCapitalized || t[i - 1].isAllCaps, !line.isMark(i + 1, "'"),
        line.elements(startingAt: i).allSatisfy({ $0.type == "women-word" }), line.elements(startingAt: i).count == 1,
        !line.elements.contains(where: { $0.type == "weight-class" && $0.start <= i + 2 && $0.start > i })
      else { continue }
      never[i] = false
      notFirst[i] = true
    }
    // A lower-case word closed up between two hyphens is inside a place's
    // name, whatever else it is (`Saint-Sulpice-sur-Lèze`, `Rion-des-Landes`,
    // `Stratford-upon-Avon`).
    for i in t.indices.dropFirst().dropLast() where t[i].isWord && !t[i].isCapitalized && !t[i].isUncased {
      if t[i - 1].text == "-", t[i + 1].text == "-", !t[i].spaceBefore, !t[i + 1].spaceBefore { inside[i] = true }
    }
    // `Dario German Balmaceda`: a nationality word between two words of a
    // name is one of them.
    // A method's capitals opening a team's name straight after the
    // pairing word (`lost to NC State 30-27`): a capitalised word no
    // element reads follows them.
    for e in line.elements where e.type == "method" && e.end == e.start + 1 && e.end < t.count && t[e.start].isAllCaps && t[e.start].text.count == 2 {
      let after = t[e.end]
      guard after.isWord, after.isCapitalized, !after.isAllCaps, line.elements(startingAt: e.end).isEmpty,
        line.elements.contains(where: { ($0.type == "separator" || $0.type == "result-verb") && $0.end == e.start })
      else { continue }
      never[e.start] = false
    }
    // A title's modifier opening a place's name (`International Falls`,
    // `Regular Rovers`): a capitalised word no element reads follows it.
    // (`World` stays a title's word: `World Welterweight`.)
    for e in line.elements where e.type == "title-word" && e.tags.contains("modifier") && e.end < t.count && e.value != .text("world") {
      let after = t[e.end]
      guard t[e.start].isCapitalized, !t[e.start].isAllCaps, after.isWord, after.isCapitalized, !after.isAllCaps, after.spaceBefore,
        line.elements(startingAt: e.end).isEmpty, !line.elements.contains(where: { $0.type == "title-word" && !$0.tags.contains("modifier") })
      else { continue }
      for i in e.start..<e.end { never[i] = false }
    }
    // So is one after a capitalised word that ends the row or stands
    // before a score (`London Irish`, `Boston Irish 20-6`): a club's.
    for e in line.elements where e.type == "demonym" && e.start > 0 {
      let before = t[e.start - 1]
      guard before.isWord, before.isCapitalized, !never[e.start - 1], t[e.start].spaceBefore, t[e.start].isCapitalized else { continue }
      let after = e.end < t.count ? t[e.end] : nil
      let closes = after == nil || line.elements(startingAt: e.end).contains { ["score", "separator", "time", "channel"].contains($0.type) }
        || [",", "(", "|", ";"].contains(after!.text)
      if let after, after.isWord, after.isCapitalized, after.spaceBefore {
        for i in e.start..<e.end { never[i] = false }
      } else if closes, line.elements.contains(where: { $0.type == "score" || $0.type == "separator" }) {
        for i in e.start..<e.end { never[i] = false }
      }
    }
    // `Dallas @ Indianapolis Kevin Burkhardt, Charles Davis`: a listing's
    // commentators, two names of two words with a comma between them, end
    // the row after the second team; the team keeps a word at least.
    if let sep = line.elements.last(where: { $0.type == "separator" })?.end, t.count - sep >= 6 {
      let n = t.count
      let plain = { (k: Int) in t[k].isWord && t[k].isCapitalized && !t[k].isAllCaps && line.elements.allSatisfy { $0.end <= k || $0.start > k } }
      if plain(n - 5), plain(n - 4), line.isMark(n - 3, ","), plain(n - 2), plain(n - 1), n - 6 >= sep, t[n - 6].isWord, t[n - 6].isCapitalized {
        for k in (n - 5)..<n { never[k] = true }
      }
    }
    // `Benson Area Co-op`: a lower-case word hyphened on to a capitalised
    // one is that word's, whatever else it is (`op` is a Dutch stop word).
    // So is a capitalised one (`MOL-Pick Szeged`: `Pick` is an article's
    // word), when only lists of words read it (not a stage: `Turnier-Viertelfinale`).
    for i in t.indices.dropFirst(2) where t[i].isWord && !t[i].isUncased && !t[i].spaceBefore {
      let wordsOnly: Set<String> = ["article-word", "stop-word", "link-label", "prose-word", "name-particle", "venue-link", "origin-link"]
      if t[i - 1].text == "-", t[i - 1].isJoiner, t[i - 2].isCapitalized || t[i - 2].isAllCaps,
        line.elements.filter({ $0.start <= i && i < $0.end }).allSatisfy({ wordsOnly.contains($0.type) })
      {
        // (`op` is a Dutch particle too: here it may end the name.)
        never[i] = false
        inside[i] = false
      }
    }
    var out = [Capability](repeating: .none, count: t.count)
    for i in t.indices {
      let tok = t[i]
      if never[i] && !inside[i] { continue }
      switch tok.kind {
      case .word:
        if tok.isHiragana { continue }
        // `iPhone XS Max`: read whole, so the evidence can see a product.
        if product[i] {
          out[i] = .any
          continue
        }
        if tok.isCapitalized || tok.isAllCaps || tok.isUncased {
          out[i] = notFirst[i] ? .notFirst : .any
        } else if ending[i], i > 0, t[i - 1].isWord, t[i - 1].isCapitalized, out[i - 1] == .any || out[i - 1] == .notFirst {
          // `Stade français`, `Castres olympique`.
          out[i] = .notFirst
        } else if inside[i] {
          out[i] = .inner
        } else if i > 0, t[i - 1].isNumber, !tok.spaceBefore, out[i - 1] == .any {
          out[i] = .notFirst
        } else if i > 0, t[i - 1].isJoiner, !notFirst[i] {
          // `Дэвис-младший`, `Ferreira-da`: a lower-case word joined to a name.
          out[i] = .notFirst
        } else if !notFirst[i], !line.elements.contains(where: { $0.start <= i && i < $0.end }) {
          out[i] = .lower
        }
      case .number:
        // `SVV'04`, `Smilde'94`: a founding year after an apostrophe closed
        // up to a club's name.
        if i >= 2, t[i - 1].text == "'", !t[i].spaceBefore, !t[i - 1].spaceBefore, t[i - 2].isWord, t[i].text.count == 2 {
          out[i] = .any
          continue
        }
        // `Bayer 04 Leverkusen`, `Racing 92`, `1. FC Köln`: numbers in team
        // names, never a lone score (`Barking 2 Crawley Green 0`).
        let next = i + 1 < t.count ? t[i + 1] : nil
        let followedByName = next.map { $0.spaceBefore && $0.isCapitalized } ?? false
        let afterName = i > 0 && t[i - 1].isWord && t[i - 1].isCapitalized && tok.spaceBefore
        // `Hannover 96 - FC Schalke 04 1:0`: two digits before a spaced
        // mark are a name's; glued to one (`96-`, `04:`) they may be a score.
        let twoDigits = tok.text.count == 2 && !(next.map { ["-", ":", "."].contains($0.text) && !$0.spaceBefore } ?? false)
        if let n = next, n.isWord, !n.spaceBefore {
          // `76ers`, `49ers`: a club's name that opens with its number.
          if n.text.count >= 3, !n.isCapitalized, !line.elements.contains(where: { $0.start <= i + 1 && i + 1 < $0.end }),
            i + 2 >= t.count || t[i + 2].spaceBefore || t[i + 2].isPunctuation
          {
            out[i] = .any
          }
          continue
        }
        // `1. FC Köln`: a club's number, not a list's (`1. Karolina Wojcik`).
        // The club word is an abbreviation (`FC`, `FSV`, `VfB`): `1. Real
        // Madrid v Barcelona` is a numbered list.
        let clubNumber = tok.text.count == 1 && line.isMark(i + 1, ".") && line.has("club-word", at: i + 2)
          && i + 2 < t.count && (t[i + 2].isAllCaps || t[i + 2].text.hasPrefix("Vf"))
        // `HC Elbflorenz 2006`, `Heidenheim 1846`: a founding year ends a club's name.
        let year = line.isFoundingYear(i)
          && !(next.map { !$0.spaceBefore && ["-", ":", "."].contains($0.text) } ?? false)
        // `1899 Hoffenheim`, `1860 München`: a founding year opens one.
        // `Aalsmeer 2 – PSV 44-26`, `Auch 2 - Saint-Simon`: a club's second
        // team, its digit just before the separator (or the venue: `India v
        // Qualifier 1 at WACA`).
        let reserve = tok.text.count == 1 && afterName && next.map { $0.spaceBefore } == true
          && line.elements.contains {
            ($0.type == "separator" && !$0.tags.contains("away-home") || $0.type == "venue") && $0.start == i + 1
          }
        if (afterName && (followedByName || twoDigits || year || reserve)) || clubNumber || (year && followedByName) {
          out[i] = .any
        }
      case .punctuation:
        if tok.isJoiner {
          out[i] = .inner
        } else if tok.text == ".", i > 0, !tok.spaceBefore, t[i - 1].isWord, t[i - 1].text.count <= 3,
          !line.elements(startingAt: i + 1).contains(where: { ["competition", "channel", "sport-cue"].contains($0.type) })
        {
          // `B.J.`, `Jr.`, `St.`, `Dingli S.`: not a full stop after a word
          // (but `West Ham. Premier League. ESPN 2.` ends the name).
          out[i] = .inner
        } else if tok.text == ".", i > 0, !tok.spaceBefore, out[i - 1] == .any, t[i - 1].isNumber {
          out[i] = .inner
        } else if tok.text == "&", tok.spaceBefore, i + 1 < t.count, t[i + 1].isCapitalized {
          out[i] = .inner
        } else if tok.text == "/", !tok.spaceBefore, i + 1 < t.count, !t[i + 1].spaceBefore, i > 0, t[i - 1].isWord, t[i + 1].isWord {
          out[i] = .inner
        } else if tok.text == "/", !tok.spaceBefore, i + 1 < t.count, i > 0, t[i - 1].isCapitalized, t[i + 1].isCapitalized, t[i + 1].isWord {
          // `Mankato East/ Loyola Co-op`: two schools' joint team.
          out[i] = .inner
        } else if tok.text == "'", !tok.spaceBefore, i > 0, t[i - 1].isWord {
          out[i] = .inner
        } else if tok.text == "\"" || tok.text == "'", line.closing[i] != nil || line.opening[i] != nil {
          out[i] = .any
        }
      case .symbol:
        continue
      }
    }
    // `Alliance, Neb. 63, Hot Springs 48`: a US state after a comma closed
    // up to a school's name, before its score, a pairing word, a comma or
    // the row's end, is part of the name.
    for e in line.elements where e.type == "us-state" && e.start >= 2 && line.isMark(e.start - 1, ",") && !t[e.start - 1].spaceBefore {
      // (Not a news story's dateline: `TAMPA, Fla. —`.)
      guard t[e.start - 2].isWord, !t[e.start - 2].isAllCaps, out[e.start - 2] == .any || out[e.start - 2] == .notFirst else { continue }
      let next = e.end < t.count ? t[e.end] : nil
      // (A state spelled out before a comma is a field of its own: `Oscar
      // Cantu, Texas, 4-1`.)
      let abbreviated = t[e.end - 1].text == "."
      guard next == nil || next!.isNumber || (abbreviated && next!.text == ",")
        || line.elements(startingAt: e.end).contains(where: { $0.type == "separator" || $0.type == "result-verb" })
      else { continue }
      out[e.start - 1] = .inner
      for i in e.start..<e.end { out[i] = t[i].isWord ? .notFirst : .inner }
    }
    return out
  }
}
