/// The scanners behind each slot type: given a start position, the places a
/// slot of that type could end, best first, with the parsed value.
///
/// They work on the normalized line's bytes with ASCII tests only; a `String`
/// is built for a slot only after the whole pattern has matched.
struct SlotScanner {
  /// The rules, by reference: a scanner is copied into every walk, and a
  /// copy of a `RuleSet` retains each of its arrays and tables.
  let shared: RuleSet.Shared
  let line: UnsafeBufferPointer<UInt8>
  /// What each scanner found at each position of this line. Many formats
  /// and variants try the same slot type at the same place (a name after
  /// `- `, a team at the start); each scan runs once per line.
  let memo: Memo

  typealias Candidate = (end: Int, value: SlotValue)

  /// A table of (position, slot type) to a run of candidates in one pool.
  /// A session keeps one and reuses it line after line: a generation
  /// number stands in for clearing it, so a line costs no allocation.
  ///
  /// Its stored properties skip Swift's run-time exclusivity checks
  /// (`@exclusivity(unchecked)`): a memo belongs to one session on one
  /// thread, no access to it overlaps another, and the checks cost a call
  /// on every step of every walk.
  final class Memo {
    @exclusivity(unchecked) private(set) var pool: [Candidate] = []
    @exclusivity(unchecked) private var from: UnsafeMutableBufferPointer<Int32>
    @exclusivity(unchecked) private var count: UnsafeMutableBufferPointer<Int32>
    @exclusivity(unchecked) private var looked: UnsafeMutableBufferPointer<UInt32>
    @exclusivity(unchecked) private var generation: UInt32 = 0
    @exclusivity(unchecked) private var positions: Int

    init(lineBytes: Int = Extractor.maxMatchedLineBytes) {
      positions = lineBytes + 1
      (from, count, looked) = Self.tables(positions)
    }

    private static func tables(_ positions: Int) -> (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<UInt32>) {
      let size = positions * SlotType.count
      let from = UnsafeMutableBufferPointer<Int32>.allocate(capacity: size)
      from.initialize(repeating: 0)
      let count = UnsafeMutableBufferPointer<Int32>.allocate(capacity: size)
      count.initialize(repeating: 0)
      let looked = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: size)
      looked.initialize(repeating: 0)
      return (from, count, looked)
    }

    deinit {
      from.deallocate()
      count.deallocate()
      looked.deallocate()
    }

    /// Forgets the last line; grows for a longer one.
    func start(lineBytes: Int) {
      pool.removeAll(keepingCapacity: true)
      if lineBytes + 1 > positions {
        from.deallocate()
        count.deallocate()
        looked.deallocate()
        positions = lineBytes + 1
        (from, count, looked) = Self.tables(positions)
        generation = 0
      }
      generation &+= 1
      if generation == 0 {
        looked.update(repeating: 0)
        generation = 1
      }
    }

    @inline(__always) func cached(_ slot: Int) -> Range<Int>? {
      guard looked[slot] == generation else { return nil }
      return Int(from[slot])..<Int(from[slot] + count[slot])
    }

    /// Adds a candidate of the scan under way.
    @inline(__always) func add(_ end: Int, _ value: SlotValue) {
      pool.append((end, value))
    }

    /// Files the candidates added since `start` under `slot`.
    func store(_ slot: Int, from start: Int) -> Range<Int> {
      looked[slot] = generation
      from[slot] = Int32(start)
      count[slot] = Int32(pool.count - start)
      return start..<pool.count
    }

    /// Word ends found by `SlotScanner.words`, reused from scan to scan.
    @exclusivity(unchecked) var wordEnds: [Int] = []
  }

  init(rules: RuleSet.Shared, line: UnsafeBufferPointer<UInt8>, memo: Memo = Memo(lineBytes: 0)) {
    self.shared = rules
    self.line = line
    self.memo = memo
    memo.start(lineBytes: line.count)
  }

  init(rules: RuleSet, line: UnsafeBufferPointer<UInt8>) {
    self.init(rules: RuleSet.Shared(rules), line: line)
  }

  func candidates(_ type: SlotType, at start: Int, isLast: Bool) -> [Candidate] {
    let range = candidateRange(type, at: start, isLast: isLast)
    return Array(memo.pool[range])
  }

  /// The candidates as a range of `memo.pool`, valid until the next line.
  @inline(__always)
  func candidateRange(_ type: SlotType, at start: Int, isLast: Bool) -> Range<Int> {
    guard start < line.count else { return 0..<0 }
    let slot = start &* SlotType.count &+ type.index
    if type != .text, let hit = memo.cached(slot) { return hit }
    let first = memo.pool.count
    scan(type, at: start, isLast: isLast)
    return memo.store(slot, from: first)
  }

  /// Adds what a slot of `type` could take at `start` to the memo's pool,
  /// best first. The common types add straight into the pool; the rest go
  /// through `otherCandidates`.
  private func scan(_ type: SlotType, at start: Int, isLast: Bool) {
    switch type {
    case .text:
      if isLast {
        memo.add(line.count, .text)
      } else {
        for end in start + 1...line.count { memo.add(end, .text) }
      }
    case .name: addWords(from: start, max: 7, accept: nameWord)
    case .team: addWords(from: start, max: 7, accept: teamWord)
    case .separator:
      if let hit = shared.rules.separators.longestMatch(in: line, at: start) { memo.add(hit.end, .text) }
    case .weightclass:
      if let c = weightClass(at: start) { memo.add(c.end, c.value) }
    case .weight:
      if let c = weight(at: start) { memo.add(c.end, c.value) }
    case .lb, .kg:
      if let c = bareWeight(at: start, pounds: type == .lb) { memo.add(c.end, c.value) }
    case .country: addCountries(at: start)
    default:
      for c in otherCandidates(type, at: start) { memo.add(c.end, c.value) }
    }
  }

  private func otherCandidates(_ type: SlotType, at start: Int) -> [Candidate] {
    switch type {
    case .text, .name, .team, .separator, .weightclass, .weight, .lb, .kg, .country: return []
    case .clock: return clock(at: start)
    case .duration: return duration(at: start)
    case .round: return round(at: start)
    case .int:
      let end = digits(from: start)
      guard end > start, end - start <= 6, let v = Int(string(start, end)) else { return [] }
      return [(end, .int(v))]
    case .score: return score(at: start)
    case .record: return record(at: start)
    case .competition:
      if let hit = shared.rules.competitions.spellings.longestMatch(in: line, at: start) {
        return [(hit.end, .competition(hit.value))]
      }
      return []
    case .date: return date(at: start)
    case .method: return method(at: start)
    }
  }

  static let methodWords = ByteWordSet([
    "ko", "tko", "ko/tko", "submission", "sub", "decision", "dec", "dq", "disqualification", "draw", "nc",
    "no", "technical", "unanimous", "split", "majority", "doctor", "doctor's", "corner", "rtd", "retirement",
    "points", "pts", "stoppage",
  ])

  /// Every word end from the first word on, shortest first, if the first
  /// word is a method word.
  func method(at start: Int) -> [Candidate] {
    var firstEnd = start
    while firstEnd < line.count, line[firstEnd] != 32, line[firstEnd] != 40, line[firstEnd] != 44 { firstEnd += 1 }
    guard Self.methodWords.contains(line, start, firstEnd) else { return [] }
    var ends = [firstEnd]
    var i = firstEnd
    while i < line.count {
      if line[i] == 32 || i + 1 == line.count {
        let end = line[i] == 32 ? i : i + 1
        // `TKO (punches), 2:31`: the method may stop before a comma.
        if end > start + 1, line[end - 1] == 44 { ends.append(end - 1) }
        ends.append(end)
      }
      i += 1
    }
    var seen = Set<Int>()
    return ends.filter { seen.insert($0).inserted && $0 > start }.map { ($0, .text) }
  }

  func string(_ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
  }

  func digits(from start: Int) -> Int {
    var i = start
    while i < line.count, line[i] >= 48, line[i] <= 57 { i += 1 }
    return i
  }

  // MARK: Names and teams

  /// Adds the ends of runs of 1…`max` space-separated words that `accept`
  /// takes, longest first.
  func addWords(from start: Int, max: Int, accept: (Int, Int, Int) -> Bool) {
    words(from: start, max: max, accept: accept)
    for end in memo.wordEnds.reversed() { memo.add(end, .text) }
  }

  /// Ends of runs of 1…`max` space-separated words that `accept` takes,
  /// shortest first, into `memo.wordEnds`.
  func words(from start: Int, max: Int, accept: (Int, Int, Int) -> Bool) {
    memo.wordEnds.removeAll(keepingCapacity: true)
    var i = start
    var count = 0
    while i < line.count, count < max {
      var j = i
      while j < line.count, line[j] != 32 { j += 1 }
      guard j > i else { break }
      // A word may end in punctuation that belongs to the pattern (`Name,`):
      // offer the end before it; the punctuation then ends the run unless
      // the word accepts it.
      var k = j
      while k > i + 1, isTrailingPunctuation(line[k - 1]) { k -= 1 }
      if k < j {
        // The word may be taken whole where its stem is not: `(IC)` is a
        // status mark, `(IC` is nothing.
        if accept(i, k, count) { memo.wordEnds.append(k) }
        guard accept(i, j, count) else { break }
        memo.wordEnds.append(j)
      } else {
        guard accept(i, j, count) else { break }
        memo.wordEnds.append(j)
      }
      count += 1
      i = j + 1
    }
  }

  @inline(__always) func isTrailingPunctuation(_ b: UInt8) -> Bool {
    b == 44 || b == 59 || b == 58 || b == 46 || b == 41 || b == 33 || b == 63
  }

  static let particles = ByteWordSet([
    "da", "de", "do", "dos", "das", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le",
    "al", "el", "bin", "ibn", "y", "e", "st.", "ter", "mac",
  ])
  static let statusMarks = ByteWordSet(["©", "(c)", "(ic)", "(champ)", "(interim)"])
  static let stopWords = ByteWordSet([
    "v", "v.", "vs", "vs.", "versus", "def.", "def", "defeats", "defeated", "bt", "beat", "beats", "and", "&",
    "x", "via", "by", "vs.,", "venceu", "por", "-", "at", "in", "on", "will", "to", "the", "is", "was",
  ])
  static let andWords = ByteWordSet(["and", "&"])

  /// A word of a person's name: starts with a capital (or any non-ASCII
  /// letter, whose case is not checked), or is a particle after the first
  /// word, or a status mark; may hold letters, `'`, `-`, `.`, quotes and `_`.
  func nameWord(_ start: Int, _ end: Int, _ index: Int) -> Bool {
    let first = line[start]
    if Self.stopWords.contains(line, start, end) { return false }
    if Self.statusMarks.contains(line, start, end) { return true }
    var i = start
    while i < end {
      let b = line[i]
      let ok = isASCIILetter(b) || b >= 0x80 || b == 39 || b == 45 || b == 46 || b == 34 || b == 95 || b == 33
      if !ok { return false }
      i += 1
    }
    if (first >= 65 && first <= 90) || first >= 0x80 || first == 34 || first == 95 { return true }
    return index > 0 && Self.particles.contains(line, start, end)
  }

  /// A word of a team's name: letters and digits in any case, and the
  /// punctuation club names use (`Bodø/Glimt`, `Brighton & Hove`, `St.`).
  func teamWord(_ start: Int, _ end: Int, _ index: Int) -> Bool {
    let isAnd = Self.andWords.contains(line, start, end)
    if !isAnd && Self.stopWords.contains(line, start, end) { return false }
    if index == 0 && isAnd { return false }
    if index == 0 && !(isWordByte(line[start])) { return false }
    var i = start
    while i < end {
      let b = line[i]
      let ok = isWordByte(b) || b == 39 || b == 45 || b == 46 || b == 38 || b == 47
      if !ok { return false }
      i += 1
    }
    return true
  }

  func lowered(_ start: Int, _ end: Int) -> String {
    String(decoding: (start..<end).map { asciiLower(line[$0]) }, as: UTF8.self)
  }

  // MARK: Weight classes and weights

  func weightClass(at start: Int) -> Candidate? {
    var pos = start
    var women = false
    if let p = shared.rules.weightClasses.womenPrefixes.longestMatch(in: line, at: pos) {
      var after = p.end
      if after < line.count, line[after] == 32 { after += 1 }
      if after < line.count {
        women = true
        pos = after
      }
    }
    if let hit = shared.rules.weightClasses.spellings.longestMatch(in: line, at: pos) {
      return (hit.end, .weightClass(spelling: hit.value, corrected: false, women: women))
    }
    if let fix = shared.rules.weightClasses.correction(in: line, at: pos) {
      return (fix.end, .weightClass(spelling: String(decoding: fix.spelling, as: UTF8.self), corrected: true, women: women))
    }
    return nil
  }

  /// `67kg`, `67 kg`, `145lb`, `145 lbs.`, `73,5 kg`, `155 pounds`.
  func weight(at start: Int) -> Candidate? {
    var i = digits(from: start)
    // No weight has more than three digits before its point (a fuzzed
    // 100-digit "limit" once overflowed a conversion to Int).
    guard i > start, i - start <= 3 else { return nil }
    if i + 1 < line.count, line[i] == 46 || line[i] == 44, line[i + 1] >= 48, line[i + 1] <= 57 {
      i = digits(from: i + 1)
      guard i - start <= 8 else { return nil }
    }
    let number = Double(String(string(start, i).map { $0 == "," ? "." : $0 }))
    guard let number else { return nil }
    var u = i
    if u < line.count, line[u] == 32 { u += 1 }
    for (unit, isKg) in [("kgs", true), ("kg", true), ("кг", true), ("pounds", false), ("lbs.", false), ("lbs", false), ("lb.", false), ("lb", false)] {
      let bytes = Array(unit.utf8)
      guard u + bytes.count <= line.count else { continue }
      if (0..<bytes.count).allSatisfy({ asciiLower(line[u + $0]) == bytes[$0] }), isWordBoundary(line, u + bytes.count, after: bytes.last!) {
        let end = u + bytes.count
        let written = string(start, end)
        return (end, .weight(isKg ? .kilograms(number, asWritten: written) : .pounds(number, asWritten: written)))
      }
    }
    return nil
  }

  /// `155`, `137.5`, `61,2`: a number whose unit the pattern names.
  func bareWeight(at start: Int, pounds: Bool) -> Candidate? {
    var i = digits(from: start)
    guard i > start, i - start <= 3 else { return nil }
    if i + 1 < line.count, line[i] == 46 || line[i] == 44, line[i + 1] >= 48, line[i + 1] <= 57 { i = digits(from: i + 1) }
    guard i == line.count || !isWordByte(line[i]) else { return nil }
    let written = string(start, i)
    guard let number = Double(String(written.map { $0 == "," ? "." : $0 })) else { return nil }
    return (i, .weight(pounds ? .pounds(number, asWritten: written) : .kilograms(number, asWritten: written)))
  }

  // MARK: Countries

  /// A 3-letter upper-case code, a 2-letter code the country table knows, or
  /// a country name of up to four words.
  func addCountries(at start: Int) {
    var end = start
    while end < line.count, line[end] >= 65, line[end] <= 90 { end += 1 }
    let n = end - start
    if n == 3 || n == 2, end == line.count || !isWordByte(line[end]) {
      if n == 3 || shared.rules.countries.isKnownTwoLetterCode(string(start, end)) { memo.add(end, .text) }
      return
    }
    guard isASCIILetter(line[start]) && line[start] <= 90 || line[start] >= 0x80 else { return }
    addWords(from: start, max: 4) { s, e, _ in
      (s..<e).allSatisfy { isWordByte(line[$0]) || line[$0] == 45 || line[$0] == 39 || line[$0] == 46 }
    }
  }

  // MARK: Times, rounds and scores

  /// `midnight`, `noon`, `19:45`, `7.45pm`, `8 p.m.`, `5 PM`, `12:30 am`,
  /// optionally followed by a zone (`GMT`, `ET`).
  func clock(at start: Int) -> [Candidate] {
    for (word, local) in [("midnight", "00:00"), ("noon", "12:00"), ("midday", "12:00")] {
      let bytes = Array(word.utf8)
      if start + bytes.count <= line.count, (0..<bytes.count).allSatisfy({ asciiLower(line[start + $0]) == bytes[$0] }),
        isWordBoundary(line, start + bytes.count, after: 116)
      {
        return withZone(end: start + bytes.count, local: local)
      }
    }
    let hEnd = digits(from: start)
    guard hEnd > start, hEnd - start <= 2, let hour = Int(string(start, hEnd)), hour <= 24 else { return [] }
    var i = hEnd
    var minute = 0
    var hasMinutes = false
    if i + 2 < line.count + 0, i < line.count, line[i] == 58 || line[i] == 46 {
      let mEnd = digits(from: i + 1)
      if mEnd - (i + 1) == 2, let m = Int(string(i + 1, mEnd)), m < 60 {
        minute = m
        hasMinutes = true
        i = mEnd
      }
    }
    var j = i
    if j < line.count, line[j] == 32 { j += 1 }
    var meridiem: UInt8?
    for form in ["a.m.", "p.m.", "am", "pm"] {
      let bytes = Array(form.utf8)
      if j + bytes.count <= line.count, (0..<bytes.count).allSatisfy({ asciiLower(line[j + $0]) == bytes[$0] }),
        isWordBoundary(line, j + bytes.count, after: bytes.last!)
      {
        meridiem = bytes[0]
        i = j + bytes.count
        break
      }
    }
    guard hasMinutes || meridiem != nil else { return [] }
    guard i == line.count || !isWordByte(line[i]) else { return [] }
    var h = hour
    var local: String?
    if let m = meridiem {
      guard (1...12).contains(hour) else { return [] }
      h = hour % 12 + (m == 112 ? 12 : 0)
      local = hhmm(h, minute)
    } else if hour >= 13 || hEnd - start == 2 {
      local = hour == 24 ? hhmm(0, minute) : hhmm(hour, minute)
    }
    return withZone(end: i, local: local)
  }

  private func withZone(end: Int, local: String?) -> [Candidate] {
    var out: [Candidate] = [(end, .clock(local: local, offset: nil, zoned: false))]
    if end + 1 < line.count, line[end] == 32 {
      var z = end + 1
      while z < line.count, line[z] >= 65, line[z] <= 90 { z += 1 }
      if z - end - 1 >= 2, z == line.count || !isWordByte(line[z]) {
        let zone = string(end + 1, z)
        if let offset = UTCOffset.abbreviations[zone] {
          out.insert((z, .clock(local: local, offset: offset, zoned: true)), at: 0)
        } else if ["ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "MT"].contains(zone) {
          out.insert((z, .clock(local: local, offset: nil, zoned: true)), at: 0)
        }
      }
    }
    return out
  }

  private func hhmm(_ h: Int, _ m: Int) -> String {
    (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
  }

  /// `3:33`, `0:59`.
  func duration(at start: Int) -> [Candidate] {
    let mEnd = digits(from: start)
    guard mEnd > start, mEnd - start <= 2, mEnd < line.count, line[mEnd] == 58 else { return [] }
    let sEnd = digits(from: mEnd + 1)
    guard sEnd - mEnd - 1 == 2 else { return [] }
    return [(sEnd, .text)]
  }

  static let ordinals: [(String, Int)] = [
    ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7),
    ("eighth", 8), ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12),
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
    ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12),
  ]

  /// `2`, `R2`, `4th`, `second`, `four`.
  func round(at start: Int) -> [Candidate] {
    var s = start
    if asciiLower(line[s]) == 114, s + 1 < line.count, line[s + 1] >= 48, line[s + 1] <= 57 { s += 1 }
    let e = digits(from: s)
    if e > s, e - s <= 2, let v = Int(string(s, e)) {
      var end = e
      for suffix in ["st", "nd", "rd", "th"] {
        let b = Array(suffix.utf8)
        if end + 2 <= line.count, asciiLower(line[end]) == b[0], asciiLower(line[end + 1]) == b[1] { end += 2; break }
      }
      guard end == line.count || !isWordByte(line[end]) else { return [] }
      return [(end, .int(v))]
    }
    for (word, v) in Self.ordinals {
      let b = Array(word.utf8)
      if start + b.count <= line.count, (0..<b.count).allSatisfy({ asciiLower(line[start + $0]) == b[$0] }),
        isWordBoundary(line, start + b.count, after: 97)
      {
        return [(start + b.count, .int(v))]
      }
    }
    return []
  }

  /// `2-1`, `17-22`, `2 - 1`, `2:1`.
  func score(at start: Int) -> [Candidate] {
    let a = digits(from: start)
    guard a > start, a - start <= 3 else { return [] }
    var i = a
    if i < line.count, line[i] == 32 { i += 1 }
    guard i < line.count, line[i] == 45 || line[i] == 58 else { return [] }
    i += 1
    if i < line.count, line[i] == 32 { i += 1 }
    let b = digits(from: i)
    guard b > i, b - i <= 3, b == line.count || !isWordByte(line[b]) else { return [] }
    guard let home = Int(string(start, a)), let away = Int(string(i, b)) else { return [] }
    return [(b, .score(Score(home: home, away: away)))]
  }

  /// `26-10`, `22-10-1`, `30-0, 26 KO's`, `13-5 (1 NC)`: wins, losses and
  /// draws, then optionally a count of knockouts or no-contests. Longest
  /// first.
  func record(at start: Int) -> [Candidate] {
    var i = digits(from: start)
    guard i > start, i - start <= 3 else { return [] }
    var groups = 1
    while groups < 3, i + 1 < line.count, line[i] == 45 {
      let e = digits(from: i + 1)
      guard e > i + 1, e - i - 1 <= 3 else { break }
      i = e
      groups += 1
    }
    guard groups >= 2, i == line.count || !isWordByte(line[i]) else { return [] }
    var out: [Candidate] = [(i, .text)]
    // `, 26 KO's` / ` (1 NC)`: a count and one word.
    var j = i
    if j < line.count, line[j] == 44 { j += 1 }
    let open = j + 1 < line.count && line[j] == 32 && line[j + 1] == 40
    if j < line.count, line[j] == 32 { j += 1 }
    if open { j += 1 }
    let n = digits(from: j)
    if n > j, n < line.count, line[n] == 32 {
      var w = n + 1
      while w < line.count, isASCIILetter(line[w]) || line[w] == 39 { w += 1 }
      if w > n + 1, !open || (w < line.count && line[w] == 41) {
        out.insert((open ? w + 1 : w, .text), at: 0)
      }
    }
    return out
  }

  // MARK: Dates

  static let weekdays = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun",
  ]
  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  ]

  /// `[Weekday[.][,]] (Day Month | Month[.] Day)[[,] Year]`.
  func date(at start: Int) -> [Candidate] {
    var i = start
    if let w = word(at: i, in: Self.weekdayBytes) {
      i = w
      if i < line.count, line[i] == 46 { i += 1 }
      if i < line.count, line[i] == 44 { i += 1 }
      guard i < line.count, line[i] == 32 else { return [(i, .text)] }
      i += 1
    }
    var end: Int?
    let d = digits(from: i)
    if d > i, d - i <= 2 {
      var j = d
      for suffix in ["st", "nd", "rd", "th"] where j + 2 <= line.count && lowered(j, j + 2) == suffix { j += 2 }
      if j < line.count, line[j] == 32, let m = word(at: j + 1, in: Self.monthBytes) { end = m }
    } else if let m = word(at: i, in: Self.monthBytes) {
      var j = m
      if j < line.count, line[j] == 46 { j += 1 }
      if j < line.count, line[j] == 32 {
        let dd = digits(from: j + 1)
        if dd > j + 1, dd - j - 1 <= 2, dd == line.count || !isWordByte(line[dd]) || line[dd] >= 97 { end = dd }
        var k = dd
        for suffix in ["st", "nd", "rd", "th"] where k + 2 <= line.count && lowered(k, k + 2) == suffix { k += 2 }
        if end != nil { end = k }
      }
    }
    guard var e = end else { return [] }
    var j = e
    if j < line.count, line[j] == 44 { j += 1 }
    if j < line.count, line[j] == 32 {
      let y = digits(from: j + 1)
      if y - j - 1 == 4 { e = y }
    }
    return [(e, .text)]
  }

  static let weekdayBytes = weekdays.map { Array($0.utf8) }
  static let monthBytes = months.map { Array($0.utf8) }

  /// The end of the longest of `words` at `start`, ended at a word boundary.
  func word(at start: Int, in words: [[UInt8]]) -> Int? {
    guard start < line.count, isASCIILetter(line[start]) else { return nil }
    let first = asciiLower(line[start])
    var best: Int?
    for b in words where b[0] == first && start + b.count <= line.count {
      var k = 1
      while k < b.count, asciiLower(line[start + k]) == b[k] { k += 1 }
      if k == b.count, start + b.count == line.count || !isASCIILetter(line[start + b.count]) {
        best = max(best ?? 0, start + b.count)
      }
    }
    return best
  }
}
