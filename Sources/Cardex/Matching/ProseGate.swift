/// The reader's cheap first pass: tells, from a line's bytes alone, a line
/// of running prose that can give nothing, so that tokens, elements, rules
/// and evidence are spent only on lines that may hold a record or a
/// mention.
///
/// A line is prose here when it is ASCII (other letters fold by Unicode
/// rules, and `–` or `—` may pair), has `minWords` words or more (more
/// than a heading, a line of a split record, an amending line or a near
/// miss may have: those stop at 14), no digit (scores, times and bare
/// numbers anchor rules), and no word or mark that may start an element
/// the line would be read for:
/// - a phrase of a type that anchors a rule (a separator, a result verb, a
///   method, …), where a name may end just before it (a capitalised word
///   or a closing mark): `lost to` after `Jones` may pair, after `he` not;
/// - a phrase of a type a paragraph still tells the lines below (a
///   competition, a stage, a sport, a kick-off word), anywhere;
/// - a dash or slash standing apart, or closed up to a capitalised name.
/// Phrases of two words or more count from their first two. The test errs
/// one way only: a line it does not pass is read in full, and a line it
/// passes reads, in full, as a paragraph with nothing in it (the
/// differential test checks this on every corpus line).
public struct ProseGate: Sendable {
  /// Fewer words than this and the line may be a heading or part of a
  /// record written over lines: read in full.
  public static let minWords = 15

  /// Element types a paragraph's mention is read from, besides the rules'
  /// anchors: what `noteMentions` takes and the lexicons its shapes read.
  static let mentionTypes: Set<String> = ["competition", "stage", "sport-cue", "clock-word"]
  /// Words a competition or stage is read from only beside a capitalised
  /// word, a number, a class letter or an ordinal (`Kreisliga Passau`,
  /// `Group A`, `second round`): `the militant group` names none.
  static let shapeTypes: Set<String> = ["competition-word", "stage-word", "round-word"]

  enum Trigger: UInt8, Comparable {
    static func < (a: Trigger, b: Trigger) -> Bool { a.rawValue < b.rawValue }

    /// Pairs only after a name.
    case anchor
    /// Counts only beside a capitalised word, a number or an ordinal.
    case shape
    /// Counts only with a time on the line, and a time needs a digit or a
    /// clock word.
    case kickoff
    /// Counts anywhere.
    case mention
  }

  /// Phrases of one word by the hash of their folded word, and longer
  /// phrases by the hash of their first two tokens (any number standing
  /// for a number: `National 1`).
  let single: HashedKeyTable
  let pair: HashedKeyTable
  /// Ordinal words (`second`, `zweite`), by hash.
  let ordinals: HashedKeyTable
  /// Marks that anchor a rule or start a phrase (`|`, `@`, `–`), by hash.
  let marks: HashedKeyTable

  public init(rules: RuleSet) {
    var anchors = Set<String>()
    var marks = Set<String>()
    func add(_ rule: RecordRule) {
      guard let a = rule.anchor else { return }
      switch rule.terms[a].kind {
      case .element(let type, _, _): anchors.insert(type)
      case .literal(let mark): marks.insert(mark)
      default: break
      }
    }
    rules.grammar.rules.filter(\.needs.isEmpty).forEach(add)
    // A rule that needs an element other rules anchor on (`A e B
    // empataram` needs its result verb) is triggered by that element
    // already: its own anchor (`e`, `and`) would send every sentence to the
    // reader.
    rules.grammar.rules.filter { !$0.needs.isEmpty && !$0.needs.isSubset(of: anchors) }.forEach(add)
    var single: [UInt64: Trigger] = [:]
    var ordinals = Set<UInt64>()
    var pair: [UInt64: Trigger] = [:]
    for (entry, lead) in zip(rules.elements.entries, rules.elements.leads) {
      let trigger: Trigger
      if Self.mentionTypes.contains(entry.type) {
        trigger = .mention
      } else if Self.shapeTypes.contains(entry.type) {
        trigger = .shape
      } else if entry.type == "kickoff-word" {
        trigger = .kickoff
      } else if entry.type == "ordinal-word" {
        if lead.first.isWord { ordinals.insert(Self.hash(lead.first.folded)) }
        continue
      } else if anchors.contains(entry.type) {
        trigger = .anchor
      } else {
        continue
      }
      let first = lead.first
      if !first.isWord {
        marks.insert(first.text)
      } else if let next = lead.second {
        let second = next.isNumber ? Self.numberKey : Self.hash(next.folded)
        let h = Self.combine(Self.hash(first.folded), second)
        pair[h] = max(pair[h] ?? trigger, trigger)
      } else {
        let h = Self.hash(first.folded)
        single[h] = max(single[h] ?? trigger, trigger)
      }
    }
    self.marks = HashedKeyTable(marks.map { (Self.hash($0.utf8), 0) })
    self.single = HashedKeyTable(single.lazy.map { ($0.key, $0.value.rawValue) })
    self.ordinals = HashedKeyTable(ordinals.lazy.map { ($0, 0) })
    self.pair = HashedKeyTable(pair.lazy.map { ($0.key, $0.value.rawValue) })
  }

  /// The line's number of words when it is prose that gives nothing; nil
  /// when it must be read in full.
  public func proseWords(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= Self.minWords * 2, let tokens = bytes.withUnsafeBufferPointer({ Self.lex($0) }) else { return nil }
    let words = tokens.reduce(0) { $0 + ($1.kind == .mark ? 0 : 1) }
    return words >= Self.minWords && !triggered(tokens) ? words : nil
  }

  /// A token as the gate sees it: what `Tokenizer` would make of the same
  /// bytes, with the hash of its folded text.
  struct Piece {
    enum Kind { case word, number, mark }
    var kind: Kind
    var hash: UInt64
    var spaceBefore: Bool
    /// A word whose first letter is a capital or has no case; a mark a
    /// name may end with (`)`, `"`, `.`).
    var capitalised: Bool
    var mark: UInt8 = 0
    /// Bytes in a word.
    var length = 0
    /// A capitalised word's stem before a case ending (`Lig'de`).
    var stemHash: UInt64?
  }

  private func triggered(_ t: [Piece]) -> Bool {
    var kickoff = false
    var digits = false
    // A phrase found: a kick-off word waits for a digit, any other fires
    // by its own test.
    func found(_ raw: UInt8?, _ k: Int, first: Int) -> Bool {
      guard let c = raw.flatMap(Trigger.init(rawValue:)) else { return false }
      if c == .kickoff {
        kickoff = true
        return false
      }
      return fires(c, t, k, first: first)
    }
    for k in t.indices {
      switch t[k].kind {
      case .number:
        digits = true
        if afterName(t, k), nameAfter(t, k) { return true }
      case .mark:
        if markTriggers(t, k) { return true }
      case .word:
        // The word, then its stem before a case ending (`Lig'de`).
        if found(single[t[k].hash], k, first: k) { return true }
        if let stem = t[k].stemHash, found(single[stem], k, first: k) { return true }
      }
      guard let j = wordBefore(t, k) else { continue }
      let key = t[k].kind == .number ? Self.numberKey : t[k].hash
      if found(pair[Self.combine(t[j].hash, key)], k, first: j) { return true }
      if let stem = t[k].stemHash, found(pair[Self.combine(t[j].hash, stem)], k, first: j) { return true }
    }
    return kickoff && digits
  }

  private func fires(_ c: Trigger, _ t: [Piece], _ k: Int, first j: Int) -> Bool {
    switch c {
    case .mention: return true
    case .anchor: return afterName(t, j)
    case .kickoff: return false
    case .shape:
      // `Group A`, `Division 2`, `Saddleworth Cricket League`, `second round`.
      let next = k + 1 < t.count ? t[k + 1] : nil
      // `41. hafta`, `21-го тура`, `31.ª ronda`: a number, and marks or a
      // suffix after it.
      var b = j - 1
      // (`30 a rodada`: a one- or two-letter suffix may stand apart.)
      while b >= 0, b >= j - 3, t[b].kind == .mark || (t[b].kind == .word && t[b].length <= 4 && (!t[b].spaceBefore || t[b].length <= 2)) {
        b -= 1
      }
      if b >= 0, b < j - 1, t[b].kind == .number { return true }
      // Leftwards over a connector (`Sevilla the league`, `Clube de Regatas`).
      var c = j - 1
      if c > 0, t[c].kind == .word, Self.connectors.contains(t[c].hash) { c -= 1 }
      let before = c >= 0 ? t[c] : nil
      return t[j].capitalised
        || next.map { $0.kind == .number || ($0.kind == .word && ($0.capitalised || ordinals.contains($0.hash))) } == true
        || before.map { $0.kind == .number || ($0.kind == .word && ($0.capitalised || ordinals.contains($0.hash))) } == true
    }
  }

  /// The word a phrase's second word follows: the token before, or the one
  /// before a hyphen closed up between them (`Peso-leve`).
  private func wordBefore(_ t: [Piece], _ k: Int) -> Int? {
    guard k > 0 else { return nil }
    if t[k - 1].kind == .word { return k - 1 }
    if k > 1, t[k].kind == .word, t[k - 1].kind == .mark, t[k - 1].mark == 45, !t[k - 1].spaceBefore, !t[k].spaceBefore,
      t[k - 2].kind == .word
    {
      return k - 2
    }
    return nil
  }

  /// A name may end just before token `k`: a capitalised word, a number or
  /// a closing mark stands there.
  /// A name may end in small lower-case words and hyphenated parts
  /// (`Vasco da-backed`, `Iran-backed`): back over those to a capital.
  private func afterName(_ t: [Piece], _ k: Int) -> Bool {
    var j = k - 1
    var words = 0
    while j >= 0, words < 4 {
      if t[j].kind == .number || t[j].capitalised { return true }
      guard t[j].kind == .word, let w = wordBefore(t, j) else { return false }
      // A long word ends the look back unless a hyphen joins it on.
      if t[j].length > 3, w != j - 2 { return false }
      words += 1
      j = w
    }
    return false
  }

  /// A number anchors a rule (a score, a time, a side's points) only
  /// between two names: a score or time (`2-1`, `19:45`, `7.45pm`) then a
  /// name (`man City` opens with a small word), or a bare number, a name
  /// and the other side's number (`Arsenal 2, Chelsea 1`). `30, 2019.
  /// Reuters` and `Friday 30 The` pair nothing.
  private func nameAfter(_ t: [Piece], _ k: Int) -> Bool {
    var j = k + 1
    var joined = false
    // `2-1`, `2:1`, `19.45`, `2–1`, `7h30`: a score's or a time's mark.
    if j + 1 < t.count, t[j + 1].kind == .number,
      (t[j].kind == .mark && [45, 58, 46, 0].contains(t[j].mark)) || (t[j].kind == .word && !t[j].capitalised && t[j].length <= 2 && !t[j].spaceBefore)
    {
      j += 2
      joined = true
    }
    // `pm`, `p.m.`, `h`, a closing bracket, a comma.
    var skipped = 0
    while j < t.count, skipped < 5,
      (t[j].kind == .word && !t[j].capitalised && t[j].length <= 3) || (t[j].kind == .mark && [46, 44, 41, 0].contains(t[j].mark))
    {
      j += 1
      skipped += 1
    }
    guard j < t.count, t[j].kind == .word else { return false }
    let name = t[j].capitalised || (j + 1 < t.count && t[j + 1].kind == .word && t[j + 1].capitalised)
    guard name else { return false }
    return joined || t[(j + 1)..<min(t.count, j + 8)].contains { $0.kind == .number }
  }

  private func markTriggers(_ t: [Piece], _ k: Int) -> Bool {
    let m = t[k]
    let spaceAfter = k + 1 < t.count && t[k + 1].spaceBefore
    if m.mark == 45 || m.mark == 47 {
      // A dash or slash pairs when it stands apart, or closed up to two
      // capitalised names (`Torino-Inter`, `Lyon /Nice`).
      if marks.contains(m.hash), m.spaceBefore, spaceAfter { return true }
      guard k > 0, k + 1 < t.count, !(m.spaceBefore && spaceAfter) else { return false }
      let name = (t[k - 1].kind == .word && t[k - 1].capitalised) || (m.mark == 45 && t[k - 1].mark == 41)
      return name && t[k + 1].kind == .word && t[k + 1].capitalised
    }
    guard marks.contains(m.hash) else { return false }
    // `|` makes a table; `–` pairs standing apart; `(`, `@` after a name.
    return m.mark == 124 || (m.spaceBefore && spaceAfter) || afterName(t, k)
  }
  static func isASCIILetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }

  static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  /// FNV-1a over folded bytes (ASCII letters to lower case).
  static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
    var h = offset
    for b in bytes { h = (h ^ UInt64(isASCIILetter(b) ? b | 0x20 : b)) &* prime }
    return h
  }

  /// `hash` of a string's UTF-8, read in place.
  static func hash(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { hash($0) }
  }

  /// Any number, as the second token of a phrase (`National 1`).
  static let numberKey: UInt64 = 0x4e55_4d42_4552

  /// `CompetitionShape.connectors`, hashed.
  static let connectors = HashedKeyTable(CompetitionShape.connectors.map { (hash($0.utf8), 0) })

  static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 { (a &* 31) ^ (b &+ 0x9e37_79b9_7f4a_7c15) }
}
