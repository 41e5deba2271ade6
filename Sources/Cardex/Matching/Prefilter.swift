/// Rejects lines that cannot be records before any pattern is tried.
///
/// Every pattern variant names the anchors it cannot match without: its
/// longest literal, or failing that the separator words, the competition or
/// weight-class spellings, or month names its slots need. One pass over a
/// line's bytes finds which anchors occur; only variants with an anchor
/// present are tried. Most prose lines hold none and cost one scan.
struct Prefilter: Sendable {
  /// Anchors bucketed by first byte: (bytes, anchor id).
  private var buckets: [[(bytes: [UInt8], id: Int)]] = Array(repeating: [], count: 256)
  private var ids: [[UInt8]: Int] = [:]
  private(set) var anchorCount = 0

  /// The anchor ids a variant needs (any one of them); empty means "always try".
  mutating func register(_ variant: [Pattern.Element], rules: RuleSet) -> [Int] {
    var bestLiteral: [UInt8] = []
    var hasSeparator = false
    var lexiconPhrases: [[UInt8]]?
    for (i, e) in variant.enumerated() {
      switch e {
      case .literal(let bytes):
        let trimmed = bytes.filter { $0 != 32 }
        if trimmed.count > bestLiteral.filter({ $0 != 32 }).count { bestLiteral = bytes }
      case .slot(_, .separator):
        let spaced = i > 0 && variant[i - 1] == .space && i + 1 < variant.count && variant[i + 1] == .space
        hasSeparator = hasSeparator || spaced
      case .slot(_, .competition):
        lexiconPhrases = lexiconPhrases ?? rules.competitions.spellings.phrases
      case .slot(_, .date):
        lexiconPhrases = lexiconPhrases ?? SlotScanner.months.map { Array($0.utf8) }
      case .slot(_, .weightclass):
        lexiconPhrases = lexiconPhrases ?? rules.weightClasses.spellings.phrases
      default:
        break
      }
    }
    let literalStrength = bestLiteral.filter { $0 != 32 }.count
    if literalStrength >= 3 || (literalStrength >= 2 && !hasSeparator) {
      return [id(for: bestLiteral)]
    }
    if hasSeparator {
      return rules.separators.phrases.map { id(for: [32] + $0 + [32]) }
    }
    if let lexiconPhrases, !lexiconPhrases.isEmpty {
      return lexiconPhrases.map { id(for: $0) }
    }
    if literalStrength >= 1 { return [id(for: bestLiteral)] }
    return []
  }

  private mutating func id(for bytes: [UInt8]) -> Int {
    if let id = ids[bytes] { return id }
    let id = anchorCount
    anchorCount += 1
    ids[bytes] = id
    if let first = bytes.first {
      buckets[Int(first)].append((bytes, id))
    }
    return id
  }

  /// Which anchors occur in the line, as a bit set indexed by anchor id.
  func scan(_ line: UnsafeBufferPointer<UInt8>, into hits: inout [Bool]) {
    if hits.count != anchorCount { hits = Array(repeating: false, count: anchorCount) }
    for i in hits.indices { hits[i] = false }
    // A separator anchor is spelled with spaces round it; a line that starts
    // with one (` vs `) is not a pairing, so no padding is needed.
    let n = line.count
    var pos = 0
    while pos < n {
      let bucket = buckets[Int(asciiLower(line[pos]))]
      if !bucket.isEmpty {
        for (bytes, id) in bucket where !hits[id] && pos + bytes.count <= n {
          var k = 1
          while k < bytes.count, asciiLower(line[pos + k]) == bytes[k] { k += 1 }
          if k == bytes.count { hits[id] = true }
        }
      }
      pos += 1
    }
  }
}
