import CByteLanes

/// Rejects lines that cannot be records before any pattern is tried.
///
/// Every pattern variant names the anchors it cannot match without, as
/// groups (see `register`): each of its literals, its separator, or failing
/// those the lexicon spellings its slots need. One pass over a line's bytes
/// finds which of the *scanned* anchors occur: one group of each variant, the
/// rarest (its trigger, chosen by `VariantIndex`), and the separators. The
/// other anchors (common words such as ` at ` or ` the `) are looked for only
/// in the few lines that hold a trigger (`occurs`). `VariantIndex` turns the
/// hits into the variants worth trying. Most prose lines hold no trigger and
/// cost one scan.
struct Prefilter: Sendable {
  private var ids: [[UInt8]: Int] = [:]
  private(set) var anchorCount = 0

  /// The anchors a variant needs, as groups: the line must hold at least one
  /// anchor of every group. Each literal of two or more letters is a group of
  /// one; a spaced separator slot is a group of every separator; a choice of
  /// literals is a group of its options. A variant with none of these needs
  /// one of its lexicon slot's spellings, or nothing (it is always tried).
  mutating func register(_ variant: [Pattern.Element], rules: RuleSet) -> [[Int]] {
    var groups: [[Int]] = []
    var lexicon: String?
    for (i, e) in variant.enumerated() {
      switch e {
      // A literal at the start of the line or after a space can only stand
      // where a word starts, and one before a space or the end only where a
      // word ends: the scan then skips `def` in `defended`.
      case .literal(let bytes):
        let (starts, ends) = (Self.startsWord(variant, at: i), Self.endsWord(variant, at: i))
        if bytes.filter({ $0 != 32 }).count >= 2 { groups.append([id(for: bytes, wordStart: starts, wordEnd: ends)]) }
      case .choice(let options):
        let (starts, ends) = (Self.startsWord(variant, at: i), Self.endsWord(variant, at: i))
        if options.allSatisfy({ $0.count >= 2 }) { groups.append(options.map { id(for: $0, wordStart: starts, wordEnd: ends) }) }
      case .slot(_, .separator):
        let spaced = i > 0 && variant[i - 1] == .space && i + 1 < variant.count && variant[i + 1] == .space
        if spaced { groups.append(lexiconGroup("separators", rules)) }
      case .slot(_, .competition): lexicon = lexicon ?? "competitions"
      case .slot(_, .date): lexicon = lexicon ?? "dates"
      case .slot(_, .weightclass): lexicon = lexicon ?? "weight-classes"
      default: break
      }
    }
    if groups.isEmpty, let lexicon {
      let group = lexiconGroup(lexicon, rules)
      if !group.isEmpty { groups.append(group) }
    }
    return groups
  }

  /// Whether element `i` can only stand where a word starts: at the start
  /// of the line, or after a space or a literal (or every option of a
  /// choice) that ends in a byte no word continues. `{rounds}<-| >rounds`
  /// makes `rounds` a word start, and the scan need not stop at every `r`.
  static func startsWord(_ variant: [Pattern.Element], at i: Int) -> Bool {
    bounds(i > 0 ? variant[i - 1] : nil, edge: { $0.last }) { !isWordByte($0) }
  }

  /// Whether element `i` can only stand where a word ends: at the end of
  /// the line, or before a space or a literal (or every option of a choice)
  /// that starts with a byte that is not an ASCII letter.
  static func endsWord(_ variant: [Pattern.Element], at i: Int) -> Bool {
    bounds(i + 1 < variant.count ? variant[i + 1] : nil, edge: { $0.first }) { !isASCIILetter($0) }
  }

  /// Whether `neighbour` (nil: the line's edge) bounds a word: a space, or
  /// literal bytes whose byte at `edge` passes `breaks`.
  private static func bounds(_ neighbour: Pattern.Element?, edge: ([UInt8]) -> UInt8?, breaks: (UInt8) -> Bool) -> Bool {
    switch neighbour {
    case nil, .space?: return true
    case .literal(let bytes)?: return edge(bytes).map(breaks) ?? false
    case .choice(let options)?: return options.allSatisfy { edge($0).map(breaks) ?? false }
    case .slot?: return false
    }
  }

  /// Anchor groups made from a lexicon, built once each: many variants
  /// share them, and a lexicon has hundreds of spellings.
  private var lexiconGroups: [String: [Int]] = [:]

  private mutating func lexiconGroup(_ name: String, _ rules: RuleSet) -> [Int] {
    if let group = lexiconGroups[name] { return group }
    let group: [Int]
    switch name {
    case "separators":
      // `v ` where a word starts: the space before it is implied, and the
      // scan need not stop at every space.
      group = rules.separators.phrases.map { id(for: $0 + [32], wordStart: true) }
    case "competitions":
      group = rules.competitions.spellings.phrases.map { id(for: $0, wordStart: true, wordEnd: true) }
    case "dates":
      group = (SlotScanner.months + SlotScanner.weekdays).map { id(for: Array($0.utf8), wordStart: true, wordEnd: true) }
    default:
      // Lexicon words count only at the start of a word (`wed` is a
      // weekday, not the end of `showed`); `weight` anywhere, so that a
      // misspelt class (`Lighweight`) still reaches the typo correction.
      group = rules.weightClasses.spellings.phrases.map { id(for: $0, wordStart: true, wordEnd: true) } + [id(for: Array("weight".utf8))]
    }
    lexiconGroups[name] = group
    return group
  }

  /// How selective an anchor is, for choosing triggers: its length without
  /// spaces, and nothing for the words every sentence holds.
  func selectivity(of id: Int) -> Int {
    let core = anchorBytes[id].filter { $0 != 32 }
    return Self.commonWords.contains(core) ? 0 : core.count
  }

  static let commonWords: Set<[UInt8]> = Set(
    ["the", "at", "on", "of", "for", "by", "no", "in", "to", "and", "a", "an", "is", "as", "with", "from", "de", "do", "da", "e",
     "em", "na", "por", "y", "el", "la", "le", "-", ",", ":"].map { Array($0.utf8) })

  /// Anchors found only where a word starts.
  private var wordStartIds = Set<Int>()

  /// Each anchor's bytes (lower-case), by id.
  private var anchorBytes: [[UInt8]] = []

  /// Anchors found only where a word ends (the next byte is not an ASCII
  /// letter). Only for anchors that end in a letter: the slot scanners and
  /// `PhraseTable` demand as much, and so does a space after a literal.
  private var wordEndIds = Set<Int>()

  private mutating func id(for bytes: [UInt8], wordStart: Bool = false, wordEnd: Bool = false) -> Int {
    let wordEnd = wordEnd && bytes.last.map(isASCIILetter) == true
    if let id = ids[bytes] {
      // Shared with a literal that may stand anywhere: anywhere wins.
      if !wordStart { wordStartIds.remove(id) }
      if !wordEnd { wordEndIds.remove(id) }
      return id
    }
    let id = anchorCount
    anchorCount += 1
    ids[bytes] = id
    anchorBytes.append(bytes)
    if wordStart { wordStartIds.insert(id) }
    if wordEnd { wordEndIds.insert(id) }
    return id
  }

  // MARK: Scanning

  /// Builds the scan's tables for the anchors to scan (the rest only
  /// `Tables.occurs` finds); call after the last `register`.
  mutating func seal(scanning scanned: Set<Int>) {
    // An anchor is listed under every key its first two bytes can take,
    // each in either case, so that the scan reads a key straight from the
    // line with no case folding; a one-byte anchor under all 256 seconds.
    var entries: [(key: Int, bytes: [UInt8], id: Int)] = []
    func cases(_ b: UInt8) -> [Int] { b >= 97 && b <= 122 ? [Int(b), Int(b - 32)] : [Int(b)] }
    for (bytes, id) in ids where scanned.contains(id) {
      guard let first = bytes.first else { continue }
      for f in cases(first) {
        if bytes.count == 1 {
          for second in 0..<256 { entries.append((f << 8 | second, bytes, id)) }
        } else {
          for second in cases(bytes[1]) { entries.append((f << 8 | second, bytes, id)) }
        }
      }
    }
    entries.sort { ($0.key, $0.id) < ($1.key, $1.id) }
    // All anchors, grouped by key and laid end to end; for each key, its
    // range (empty for most keys).
    var flat = (bytes: [UInt8](), start: [Int32](), length: [Int32](), id: [Int32](), wordStart: [Bool](), wordEnd: [Bool]())
    var pairFrom = [Int32](repeating: 0, count: 65537)
    var counts = [Int32](repeating: 0, count: 65536)
    for e in entries {
      flat.start.append(Int32(flat.bytes.count))
      flat.length.append(Int32(e.bytes.count))
      flat.id.append(Int32(e.id))
      flat.wordStart.append(wordStartIds.contains(e.id))
      flat.wordEnd.append(wordEndIds.contains(e.id))
      flat.bytes += e.bytes
      counts[e.key] += 1
    }
    var running: Int32 = 0
    for k in 0..<65536 {
      pairFrom[k] = running
      running += counts[k]
    }
    pairFrom[65536] = running
    // The first half for positions inside a word, the second for word starts.
    var pairUsed = [UInt64](repeating: 0, count: 2048)
    var byteClass: [UInt8] = (0...255).map { isWordByte(UInt8($0)) ? 1 : 0 }
    // Third bytes: an anchor of two bytes can be followed by anything.
    var tripleUsed = [UInt64](repeating: 0, count: 1024)
    for e in entries {
      let startsWord = wordStartIds.contains(e.id)
      pairUsed[1024 + e.key >> 6] |= 1 << UInt64(e.key & 63)
      if !startsWord { pairUsed[e.key >> 6] |= 1 << UInt64(e.key & 63) }
      let first = e.key >> 8
      byteClass[first] |= startsWord ? 4 : 2
      for third in e.bytes.count >= 3 ? [e.bytes[2]] : (0...255).map(UInt8.init) {
        let h = Tables.tripleHash(e.key, third)
        tripleUsed[h >> 6] |= 1 << UInt64(h & 63)
      }
    }
    tables = Tables(
      anchorBytes: anchorBytes, isScanned: (0..<anchorCount).map { scanned.contains($0) },
      startsWord: (0..<anchorCount).map { wordStartIds.contains($0) }, endsWord: (0..<anchorCount).map { wordEndIds.contains($0) },
      pairUsed: pairUsed, tripleUsed: tripleUsed, byteClass: byteClass, pairFrom: pairFrom, flatBytes: flat.bytes,
      flatStart: flat.start, flatLength: flat.length, flatId: flat.id, flatWordStart: flat.wordStart, flatWordEnd: flat.wordEnd)
  }

  /// The scan's tables, made by `seal`.
  private(set) var tables = Tables()

  /// The tables the scan reads, in raw memory owned by a class: a method
  /// of a struct of arrays that reaches them through a closure copies the
  /// struct, retaining every array, on every line. Immutable once made.
  final class Tables: @unchecked Sendable {
    /// Each anchor's bytes (lower-case), by id.
    let anchorBytes: [[UInt8]]
    /// Which anchors `scan` looks for; the rest only `occurs` finds.
    let isScanned: [Bool]
    /// Whether an anchor counts only where a word starts, or ends, by id.
    let startsWord: [Bool]
    let endsWord: [Bool]
    let pairUsed: UnsafeMutableBufferPointer<UInt64>
    /// A filter on the first three bytes (the third lower-cased), checked
    /// before an anchor bucket is walked: `th` starts `thursday` and also
    /// every `the`.
    let tripleUsed: UnsafeMutableBufferPointer<UInt64>
    /// Per byte: 1 if it can continue a word (letters, digits, non-ASCII);
    /// 2 if a scanned anchor that may stand anywhere starts with it; 4 if
    /// one that stands only where a word starts does (either case).
    let byteClass: UnsafeMutableBufferPointer<UInt8>
    let pairFrom: UnsafeMutableBufferPointer<Int32>
    let flatBytes: UnsafeMutableBufferPointer<UInt8>
    let flatStart: UnsafeMutableBufferPointer<Int32>
    let flatLength: UnsafeMutableBufferPointer<Int32>
    let flatId: UnsafeMutableBufferPointer<Int32>
    let flatWordStart: UnsafeMutableBufferPointer<Bool>
    let flatWordEnd: UnsafeMutableBufferPointer<Bool>
    /// What the lane scan stops at besides word starts; nil for the byte
    /// loop (`laneBytes`).
    let laneBytes: (UInt8, UInt8, UInt8)?

    /// Tables that find nothing, before `seal`.
    convenience init() {
      self.init(
        anchorBytes: [], isScanned: [], startsWord: [], endsWord: [], pairUsed: [UInt64](repeating: 0, count: 2048), tripleUsed: [0],
        byteClass: [UInt8](repeating: 0, count: 256), pairFrom: [Int32](repeating: 0, count: 65537), flatBytes: [], flatStart: [],
        flatLength: [], flatId: [], flatWordStart: [], flatWordEnd: [])
    }

    init(
      anchorBytes: [[UInt8]], isScanned: [Bool], startsWord: [Bool], endsWord: [Bool], pairUsed: [UInt64], tripleUsed: [UInt64],
      byteClass: [UInt8], pairFrom: [Int32], flatBytes: [UInt8], flatStart: [Int32], flatLength: [Int32], flatId: [Int32],
      flatWordStart: [Bool], flatWordEnd: [Bool]
    ) {
      func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
        let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(a.count, 1))
        _ = b.initialize(from: a)
        return b
      }
      self.anchorBytes = anchorBytes
      self.isScanned = isScanned
      self.startsWord = startsWord
      self.endsWord = endsWord
      self.pairUsed = copy(pairUsed)
      self.tripleUsed = copy(tripleUsed)
      self.byteClass = copy(byteClass)
      self.pairFrom = copy(pairFrom)
      self.flatBytes = copy(flatBytes)
      self.flatStart = copy(flatStart)
      self.flatLength = copy(flatLength)
      self.flatId = copy(flatId)
      self.flatWordStart = copy(flatWordStart)
      self.flatWordEnd = copy(flatWordEnd)
      self.laneBytes = Self.laneBytes(self.byteClass)
    }

    deinit {
      pairUsed.deallocate()
      tripleUsed.deallocate()
      byteClass.deallocate()
      pairFrom.deallocate()
      flatBytes.deallocate()
      flatStart.deallocate()
      flatLength.deallocate()
      flatId.deallocate()
      flatWordStart.deallocate()
      flatWordEnd.deallocate()
    }

    var anchorCount: Int { anchorBytes.count }

    @inline(__always)
    static func tripleHash(_ key: Int, _ third: UInt8) -> Int {
      Int(truncatingIfNeeded: ((UInt64(key) << 8 | UInt64(third)) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// Whether an anchor occurs in the line (where a word starts, or ends,
    /// if it must): the check for anchors the scan leaves out.
    func occurs(_ id: Int, in line: UnsafeBufferPointer<UInt8>) -> Bool {
      let bytes = anchorBytes[id]
      let wordStart = startsWord[id]
      let wordEnd = endsWord[id]
      let n = line.count
      guard let first = bytes.first, bytes.count <= n else { return false }
      var pos = 0
      while pos + bytes.count <= n {
        if asciiLower(line[pos]) == first, !wordStart || pos == 0 || !isWordByte(line[pos - 1]) {
          var j = 1
          while j < bytes.count, asciiLower(line[pos + j]) == bytes[j] { j += 1 }
          if j == bytes.count, !wordEnd || pos + j == n || !isASCIILetter(line[pos + j]) { return true }
        }
        pos += 1
      }
      return false
    }

    /// Which anchors occur in the line. This runs on every line short
    /// enough to be matched: sixteen bytes at a time where the machine and
    /// the rules allow (`scanByLanes`), else a byte at a time.
    func scan(_ line: UnsafeBufferPointer<UInt8>, into hits: inout AnchorHits) {
      hits.next(count: anchorCount)
      let n = line.count
      guard n > 0, let base = line.baseAddress else { return }
      if let wanted = laneBytes {
        scanByLanes(base, n, wanted, &hits)
      } else {
        scanByBytes(base, n, &hits)
      }
    }

    /// The scan a byte at a time: the common case (no anchor starts with
    /// this byte here) is one table read and one test. Also the reference
    /// the lane scan is tested against.
    func scanByBytes(_ base: UnsafePointer<UInt8>, _ n: Int, _ hits: inout AnchorHits) {
      var pos = 0
      // 4 where a word starts (the byte before is not a word byte), else 0.
      var atStart: UInt8 = 4
      while pos < n {
        let c = byteClass[Int(base[pos])]
        if c & (2 | atStart) != 0 { probe(base, n, pos, atStart != 0, &hits) }
        atStart = (~c & 1) &<< 2
        pos &+= 1
      }
    }

    /// The scan sixteen bytes at a time (`cardex_classify16`). It stops
    /// where a word starts (after a byte that is not a word byte, except at
    /// a space, which starts no anchor) and at the bytes an anchor allowed
    /// anywhere starts with: a superset of the places the byte loop
    /// probes, and a probe at a place the byte loop skips finds nothing, so
    /// the hits are the same.
    private func scanByLanes(_ base: UnsafePointer<UInt8>, _ n: Int, _ wanted: (UInt8, UInt8, UInt8), _ hits: inout AnchorHits) {
      // Whether the byte before the block is a word byte, in bit 0.
      var wordBefore: UInt32 = 0
      var tail = (UInt64(0), UInt64(0))
      var pos = 0
      while pos < n {
        let lanes: cardex_lanes16
        if pos &+ 16 <= n {
          lanes = cardex_classify16(base + pos, wanted.0, wanted.1, wanted.2)
        } else {
          // The last bytes, padded with NULs: stops past the end are not
          // probed.
          tail = (0, 0)
          lanes = withUnsafeMutableBytes(of: &tail) { buffer in
            buffer.copyMemory(from: UnsafeRawBufferPointer(start: base + pos, count: n &- pos))
            return cardex_classify16(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), wanted.0, wanted.1, wanted.2)
          }
        }
        let starts = ~(lanes.words &<< 1 | wordBefore) & ~lanes.spaces & 0xFFFF
        wordBefore = lanes.words &>> 15 & 1
        var stops = starts | lanes.wanted
        while stops != 0 {
          let i = stops.trailingZeroBitCount
          stops &= stops &- 1
          let p = pos &+ i
          if p >= n { break }
          probe(base, n, p, starts &>> UInt32(i) & 1 != 0, &hits)
        }
        pos &+= 16
      }
    }

    /// Where an anchor may start: the two-byte key (in the table for word
    /// starts, or for anchors allowed anywhere), then the three-byte filter,
    /// then the anchors listed under the key. The key's table implies the
    /// byte-class test, so the lane scan can skip it.
    @inline(__always)
    private func probe(_ base: UnsafePointer<UInt8>, _ n: Int, _ pos: Int, _ atStart: Bool, _ hits: inout AnchorHits) {
      // The last byte pairs with 0, which no anchor's second byte is.
      let key = Int(base[pos]) &<< 8 | (pos &+ 1 < n ? Int(base[pos &+ 1]) : 0)
      let half = atStart ? 1024 : 0
      guard pairUsed[half &+ key &>> 6] & (1 &<< UInt64(key & 63)) != 0 else { return }
      // Most pairs that pass (`th` of `the`, `ma` of `many`) fail on the
      // third byte: checked here, before a call.
      let h = Self.tripleHash(key, pos &+ 2 < n ? asciiLower(base[pos &+ 2]) : 0)
      if tripleUsed[h &>> 6] & (1 &<< UInt64(h & 63)) != 0 {
        candidates(at: pos, key: key, UnsafeBufferPointer(start: base, count: n), &hits)
      }
    }

    /// The bytes the lane scan must stop at besides word starts, for
    /// `cardex_classify16`: up to two letters (lower case, 0 for none) and
    /// one other byte (0 for none: a NUL stop finds nothing). Nil, for the
    /// byte loop, without SSE2 or when anchors allowed anywhere start with
    /// more bytes than that, or a space can start an anchor.
    static func laneBytes(_ byteClass: UnsafeMutableBufferPointer<UInt8>) -> (UInt8, UInt8, UInt8)? {
      guard CARDEX_HAS_BYTE_LANES != 0, byteClass[32] & 6 == 0 else { return nil }
      var letters: [UInt8] = []
      var others: [UInt8] = []
      for b in 0..<256 where byteClass[b] & 2 != 0 {
        let byte = UInt8(b)
        if isASCIILetter(byte) {
          if !letters.contains(byte | 0x20) { letters.append(byte | 0x20) }
        } else {
          others.append(byte)
        }
      }
      guard letters.count <= 2, others.count <= 1 else { return nil }
      return (letters.first ?? 0, letters.count > 1 ? letters[1] : 0, others.first ?? 0)
    }

    /// The anchors listed under a two-byte key that occur at `pos` (whose
    /// three bytes passed `tripleUsed`).
    private func candidates(at pos: Int, key: Int, _ line: UnsafeBufferPointer<UInt8>, _ hits: inout AnchorHits) {
      let n = line.count
      let atWordStart = pos == 0 || !isWordByte(line[pos - 1])
      var k = Int(pairFrom[key])
      let end = Int(pairFrom[key + 1])
      while k < end {
        let length = Int(flatLength[k])
        if pos + length <= n, atWordStart || !flatWordStart[k] {
          let start = Int(flatStart[k])
          var j = 2
          while j < length, asciiLower(line[pos + j]) == flatBytes[start + j] { j += 1 }
          if j >= length, !flatWordEnd[k] || pos + length == n || !isASCIILetter(line[pos + length]) { hits.set(Int(flatId[k])) }
        }
        k += 1
      }
    }
  }
}

/// Which prefilter anchors the current line holds. A generation counter
/// stands in for clearing the table on every line.
struct AnchorHits {
  private var marks: [UInt32] = []
  private var generation: UInt32 = 0
  /// The anchors found on this line, each once.
  private(set) var found: [Int] = []

  mutating func next(count: Int) {
    found.removeAll(keepingCapacity: true)
    if marks.count != count { marks = [UInt32](repeating: 0, count: count) }
    generation &+= 1
    if generation == 0 {
      for i in marks.indices { marks[i] = 0 }
      generation = 1
    }
  }

  @inline(__always) mutating func set(_ id: Int) {
    if marks[id] != generation {
      marks[id] = generation
      found.append(id)
    }
  }

  @inline(__always) subscript(id: Int) -> Bool { marks[id] == generation }
}
