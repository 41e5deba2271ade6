/// Rejects lines that cannot be records before any pattern is tried.
///
/// Every pattern variant names the anchors it cannot match without, as
/// groups (see `register`): each of its literals, its separator, or failing
/// those the lexicon spellings its slots need. One pass over a line's bytes
/// finds which anchors occur; `VariantIndex` turns them into the variants
/// worth trying. Most prose lines hold none and cost one scan.
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
      case .literal(let bytes):
        if bytes.filter({ $0 != 32 }).count >= 2 { groups.append([id(for: bytes)]) }
      case .choice(let options):
        if options.allSatisfy({ $0.count >= 2 }) { groups.append(options.map { id(for: $0) }) }
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

  /// Anchor groups made from a lexicon, built once each: many variants
  /// share them, and a lexicon has hundreds of spellings.
  private var lexiconGroups: [String: [Int]] = [:]

  private mutating func lexiconGroup(_ name: String, _ rules: RuleSet) -> [Int] {
    if let group = lexiconGroups[name] { return group }
    let group: [Int]
    switch name {
    case "separators":
      group = rules.separators.phrases.map { id(for: [32] + $0 + [32]) }
    case "competitions":
      group = rules.competitions.spellings.phrases.map { id(for: $0, wordStart: true) }
    case "dates":
      group = (SlotScanner.months + SlotScanner.weekdays).map { id(for: Array($0.utf8), wordStart: true) }
    default:
      // Lexicon words count only at the start of a word (`wed` is a
      // weekday, not the end of `showed`); `weight` anywhere, so that a
      // misspelt class (`Lighweight`) still reaches the typo correction.
      group = rules.weightClasses.spellings.phrases.map { id(for: $0, wordStart: true) } + [id(for: Array("weight".utf8))]
    }
    lexiconGroups[name] = group
    return group
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

  /// All anchors, grouped by their first two bytes and laid end to end, so
  /// the scan touches flat memory and no reference counts.
  private var flatBytes: [UInt8] = []
  private var flatStart: [Int32] = []
  private var flatLength: [Int32] = []
  private var flatId: [Int32] = []
  private var flatWordStart: [Bool] = []
  /// For each two-byte key (first byte lower-cased, second as written),
  /// the range of anchors in the flat arrays; empty for most keys, so most
  /// positions of a line cost one table read.
  private var pairFrom: [Int32] = []
  private var sealed = false

  /// Builds the flat scanning tables; call after the last `register`.
  mutating func seal() {
    // An anchor is listed under every key its first two bytes can take:
    // the second byte in either case; a one-byte anchor under all 256.
    var entries: [(key: Int, bytes: [UInt8], id: Int)] = []
    for (bytes, id) in ids {
      guard let first = bytes.first else { continue }
      if bytes.count == 1 {
        for second in 0..<256 { entries.append((Int(first) << 8 | second, bytes, id)) }
      } else {
        entries.append((Int(first) << 8 | Int(bytes[1]), bytes, id))
        if bytes[1] >= 97 && bytes[1] <= 122 { entries.append((Int(first) << 8 | Int(bytes[1] - 32), bytes, id)) }
      }
    }
    entries.sort { ($0.key, $0.id) < ($1.key, $1.id) }
    flatBytes = []
    flatStart = []
    flatLength = []
    flatId = []
    flatWordStart = []
    pairFrom = [Int32](repeating: 0, count: 65537)
    var counts = [Int32](repeating: 0, count: 65536)
    for e in entries {
      flatStart.append(Int32(flatBytes.count))
      flatLength.append(Int32(e.bytes.count))
      flatId.append(Int32(e.id))
      flatWordStart.append(wordStartIds.contains(e.id))
      flatBytes += e.bytes
      counts[e.key] += 1
    }
    var running: Int32 = 0
    for k in 0..<65536 {
      pairFrom[k] = running
      running += counts[k]
    }
    pairFrom[65536] = running
    sealed = true
  }

  /// Which anchors occur in the line. A plain loop over flat arrays: this
  /// runs on every byte of every line that reaches matching.
  func scan(_ line: UnsafeBufferPointer<UInt8>, into hits: inout AnchorHits) {
    precondition(sealed, "Prefilter.seal() must run after the last register")
    hits.next(count: anchorCount)
    let n = line.count
    guard n > 0 else { return }
    pairFrom.withUnsafeBufferPointer { from in
      var pos = 0
      var previousIsWord = false
      while pos < n {
        let raw = line[pos]
        let key = Int(asciiLower(raw)) << 8 | Int(pos + 1 < n ? line[pos + 1] : 0)
        var k = Int(from[key])
        let end = Int(from[key + 1])
        while k < end {
          let length = Int(flatLength[k])
          if pos + length <= n, !previousIsWord || !flatWordStart[k] {
            let start = Int(flatStart[k])
            var j = 2
            while j < length, asciiLower(line[pos + j]) == flatBytes[start + j] { j += 1 }
            if j >= length { hits.set(Int(flatId[k])) }
          }
          k += 1
        }
        previousIsWord = isWordByte(raw)
        pos += 1
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
