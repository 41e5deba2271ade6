/// Rejects lines that cannot be records before any pattern is tried.
///
/// Every pattern variant names the anchors it cannot match without: its
/// longest literal, or failing that the separator words, the competition or
/// weight-class spellings, or month names its slots need. One pass over a
/// line's bytes finds which anchors occur; only variants with an anchor
/// present are tried. Most prose lines hold none and cost one scan.
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
    var lexiconPhrases: [[UInt8]]?
    for (i, e) in variant.enumerated() {
      switch e {
      case .literal(let bytes):
        if bytes.filter({ $0 != 32 }).count >= 2 { groups.append([id(for: bytes)]) }
      case .choice(let options):
        if options.allSatisfy({ $0.count >= 2 }) { groups.append(options.map { id(for: $0) }) }
      case .slot(_, .separator):
        let spaced = i > 0 && variant[i - 1] == .space && i + 1 < variant.count && variant[i + 1] == .space
        if spaced { groups.append(rules.separators.phrases.map { id(for: [32] + $0 + [32]) }) }
      case .slot(_, .competition):
        lexiconPhrases = lexiconPhrases ?? rules.competitions.spellings.phrases
      case .slot(_, .date):
        lexiconPhrases = lexiconPhrases ?? (SlotScanner.months + SlotScanner.weekdays).map { Array($0.utf8) }
      case .slot(_, .weightclass):
        // `weight` too, so that a misspelt class (`Lighweight`) still
        // reaches the typo correction.
        lexiconPhrases = lexiconPhrases ?? (rules.weightClasses.spellings.phrases + [Array("weight".utf8)])
      default:
        break
      }
    }
    if groups.isEmpty, let lexiconPhrases, !lexiconPhrases.isEmpty {
      // Lexicon words count only at the start of a word: `wed` is a
      // weekday, not the end of `showed`.
      groups.append(lexiconPhrases.map { id(for: $0, wordStart: $0 != Array("weight".utf8)) })
    }
    return groups
  }

  /// True when the line holds an anchor of every group.
  @inline(__always)
  static func admits(_ groups: [[Int]], _ hits: AnchorHits) -> Bool {
    for group in groups where !group.contains(where: { hits[$0] }) { return false }
    return true
  }

  /// Anchors found only where a word starts.
  private var wordStartIds = Set<Int>()

  private mutating func id(for bytes: [UInt8], wordStart: Bool = false) -> Int {
    if let id = ids[bytes] {
      // Shared with a literal that may stand anywhere: anywhere wins.
      if !wordStart { wordStartIds.remove(id) }
      return id
    }
    let id = anchorCount
    anchorCount += 1
    ids[bytes] = id
    if wordStart { wordStartIds.insert(id) }
    sealed = false
    return id
  }

  // MARK: Scanning

  /// All anchors, sorted by first byte and laid end to end, so the scan
  /// touches flat memory and no reference counts.
  private var flatBytes: [UInt8] = []
  private var flatStart: [Int32] = []
  private var flatLength: [Int32] = []
  private var flatId: [Int32] = []
  private var flatWordStart: [Bool] = []
  /// Per first byte, the range of anchors in the flat arrays.
  private var bucketFrom = [Int32](repeating: 0, count: 257)
  /// One bit per (first byte, second byte) pair that starts some anchor:
  /// most positions of a line fail this test and cost a few instructions.
  private var pairBits = [UInt64](repeating: 0, count: 1024)
  private var sealed = false

  /// Builds the flat scanning tables; call after the last `register`.
  mutating func seal() {
    let anchors = ids.sorted { ($0.key.first ?? 0, $0.value) < ($1.key.first ?? 0, $1.value) }
    flatBytes = []
    flatStart = []
    flatLength = []
    flatId = []
    flatWordStart = []
    pairBits = [UInt64](repeating: 0, count: 1024)
    var counts = [Int32](repeating: 0, count: 256)
    for (bytes, id) in anchors {
      guard let first = bytes.first else { continue }
      flatStart.append(Int32(flatBytes.count))
      flatLength.append(Int32(bytes.count))
      flatId.append(Int32(id))
      flatWordStart.append(wordStartIds.contains(id))
      flatBytes += bytes
      counts[Int(first)] += 1
      if bytes.count == 1 {
        for second in 0..<256 { setPair(Int(first) << 8 | second) }
      } else {
        setPair(Int(first) << 8 | Int(bytes[1]))
        // The second byte is compared lower-cased too.
        if bytes[1] >= 97 && bytes[1] <= 122 { setPair(Int(first) << 8 | Int(bytes[1] - 32)) }
      }
    }
    var running: Int32 = 0
    for b in 0..<256 {
      bucketFrom[b] = running
      running += counts[b]
    }
    bucketFrom[256] = running
    sealed = true
  }

  private mutating func setPair(_ key: Int) {
    pairBits[key >> 6] |= 1 << UInt64(key & 63)
  }

  /// Which anchors occur in the line. A plain loop over flat arrays: this
  /// runs on every byte of every line that reaches matching.
  func scan(_ line: UnsafeBufferPointer<UInt8>, into hits: inout AnchorHits) {
    precondition(sealed, "Prefilter.seal() must run after the last register")
    hits.next(count: anchorCount)
    let n = line.count
    var pos = 0
    var previousIsWord = false
    while pos < n {
      let raw = line[pos]
      let first = asciiLower(raw)
      let second = pos + 1 < n ? line[pos + 1] : 0
      let key = Int(first) << 8 | Int(second)
      if pairBits[key >> 6] & (1 << UInt64(key & 63)) != 0 {
        var k = Int(bucketFrom[Int(first)])
        let end = Int(bucketFrom[Int(first) + 1])
        while k < end {
          let start = Int(flatStart[k])
          let length = Int(flatLength[k])
          if pos + length <= n, !previousIsWord || !flatWordStart[k] {
            var j = 1
            while j < length, asciiLower(line[pos + j]) == flatBytes[start + j] { j += 1 }
            if j == length { hits.set(Int(flatId[k])) }
          }
          k += 1
        }
      }
      previousIsWord = isWordByte(raw)
      pos += 1
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
