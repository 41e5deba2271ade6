/// What a whole line must look like for a pattern variant to match it: the
/// bytes it can start and end with, and how long it can be.
///
/// Anchors say which variants a line's words allow; the shape then throws out
/// most of them for the price of four comparisons. A prose sentence that
/// names a month admits the `{date}` heading by its anchor, but is far longer
/// than any date; a line that starts with `-` cannot be a `{weightClass} …`
/// fact-box line. Every bound here is a superset of what the slot scanners
/// accept (see `SlotScanner`), so a shape never rejects a line the walk would
/// take: `ExtractorPruningTests` runs the corpus with and without it.
struct VariantShape: Sendable {
  var first = ByteSet()
  var last = ByteSet()
  var minLength = 0
  var maxLength = Int.max

  /// What the lexicon slots can start and end with and how long they run,
  /// worked out once for all variants.
  struct Lexicons {
    var separators: (first: ByteSet, last: ByteSet, longest: Int)
    var competitions: (first: ByteSet, last: ByteSet, longest: Int)
    var weightClassFirst: ByteSet

    init(_ rules: RuleSet) {
      func bounds(_ phrases: [[UInt8]]) -> (first: ByteSet, last: ByteSet, longest: Int) {
        (ByteSet(caseless: phrases.compactMap(\.first)), ByteSet(caseless: phrases.compactMap(\.last)), phrases.map(\.count).max() ?? Int.max)
      }
      separators = bounds(rules.separators.phrases)
      competitions = bounds(rules.competitions.spellings.phrases)
      // A spelling, a women's prefix, or a misspelt word of letters and
      // hyphens (the typo correction).
      weightClassFirst = ByteSet(caseless: (rules.weightClasses.spellings.phrases + rules.weightClasses.womenPrefixes.phrases).compactMap(\.first))
        .union(.letters).union(ByteSet([45]))
    }
  }

  init(_ variant: [Pattern.Element], lexicons: Lexicons) {
    guard let head = variant.first, let tail = variant.last else { return }
    first = Self.firstBytes(of: head, lexicons)
    last = Self.lastBytes(of: tail, lexicons)
    var minimum = 0
    var maximum = 0
    for e in variant {
      let (lo, hi) = Self.lengths(of: e, lexicons)
      minimum += lo
      maximum = hi == Int.max || maximum == Int.max ? Int.max : maximum + hi
    }
    minLength = minimum
    maxLength = maximum
  }

  /// True when a normalized line of this length, first and last byte may
  /// match the variant.
  @inline(__always)
  func admits(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = line.count
    return n >= minLength && n <= maxLength && first.contains(line[0]) && last.contains(line[n - 1])
  }

  // MARK: Bounds by element

  private static func firstBytes(of e: Pattern.Element, _ lexicons: Lexicons) -> ByteSet {
    switch e {
    case .literal(let bytes): return ByteSet(caseless: bytes.first.map { [$0] } ?? [])
    case .space: return ByteSet([32])
    case .choice(let options): return ByteSet(caseless: options.compactMap(\.first))
    case .slot(_, let type):
      switch type {
      // `nameWord`: a capital, any non-ASCII byte, a quote or `_`; or a
      // status mark (`(c)`, `©`).
      case .name: return .upper.union(.nonASCII).union(ByteSet([34, 95, 40]))
      // `teamWord`: the first word starts with a letter or digit.
      case .team: return .letters.union(.digits).union(.nonASCII)
      case .country: return .upper.union(.nonASCII)
      case .weight, .lb, .kg, .int, .score, .record, .duration: return .digits
      case .round, .date, .clock: return .letters.union(.digits)
      case .method: return .letters
      case .separator: return lexicons.separators.first
      case .competition: return lexicons.competitions.first
      case .weightclass: return lexicons.weightClassFirst
      case .text: return .all
      }
    }
  }

  private static func lastBytes(of e: Pattern.Element, _ lexicons: Lexicons) -> ByteSet {
    switch e {
    case .literal(let bytes): return ByteSet(caseless: bytes.last.map { [$0] } ?? [])
    case .space: return ByteSet([32])
    case .choice(let options): return ByteSet(caseless: options.compactMap(\.last))
    case .slot(_, let type):
      switch type {
      // A name word's bytes, or the end of a status mark.
      case .name: return .letters.union(.nonASCII).union(ByteSet([39, 45, 46, 34, 95, 33, 41]))
      case .weight, .lb, .kg, .int, .score, .duration:
        return .letters.union(.digits).union(.nonASCII).union(ByteSet([46]))
      case .separator: return lexicons.separators.last
      case .competition: return lexicons.competitions.last
      default: return .all
      }
    }
  }

  /// The fewest and most bytes an element can take. Only slots with a
  /// short, fixed form have an upper bound; the bounds are generous.
  private static func lengths(of e: Pattern.Element, _ lexicons: Lexicons) -> (Int, Int) {
    switch e {
    case .literal(let bytes): return (bytes.count, bytes.count)
    case .space: return (1, 1)
    case .choice(let options): return (options.map(\.count).min() ?? 0, options.map(\.count).max() ?? 0)
    case .slot(_, let type):
      switch type {
      case .int, .duration, .round: return (1, 16)
      case .score: return (3, 16)
      case .weight, .clock: return (1, 32)
      case .date: return (3, 80)
      case .separator: return (1, lexicons.separators.longest)
      case .competition: return (1, lexicons.competitions.longest)
      default: return (1, Int.max)
      }
    }
  }
}

/// A set of byte values, as four words.
struct ByteSet: Sendable, Equatable {
  private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

  init() {}

  init(_ bytes: [UInt8]) {
    for b in bytes { insert(b) }
  }

  /// The bytes and, for ASCII letters, both their cases.
  init(caseless bytes: [UInt8]) {
    for b in bytes {
      insert(b)
      if b >= 97 && b <= 122 { insert(b - 32) }
      if b >= 65 && b <= 90 { insert(b + 32) }
    }
  }

  init(range: ClosedRange<UInt8>) {
    for b in range { insert(b) }
  }

  mutating func insert(_ b: UInt8) {
    let bit = UInt64(1) << UInt64(b & 63)
    switch b >> 6 {
    case 0: words.0 |= bit
    case 1: words.1 |= bit
    case 2: words.2 |= bit
    default: words.3 |= bit
    }
  }

  /// Selects the word without a jump table: shapes are tested a hundred
  /// thousand times per 2 MB, and an indirect jump on the byte mispredicts.
  @inline(__always)
  func contains(_ b: UInt8) -> Bool {
    let high = b >> 6
    let word = high < 2 ? (high == 0 ? words.0 : words.1) : (high == 2 ? words.2 : words.3)
    return word >> UInt64(b & 63) & 1 != 0
  }

  func union(_ other: ByteSet) -> ByteSet {
    var out = self
    out.words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
    return out
  }

  static func == (a: ByteSet, b: ByteSet) -> Bool {
    a.words == b.words
  }

  static let all = ByteSet(range: 0...255)
  static let digits = ByteSet(range: 48...57)
  static let upper = ByteSet(range: 65...90)
  static let letters = ByteSet(range: 65...90).union(ByteSet(range: 97...122))
  static let nonASCII = ByteSet(range: 0x80...0xFF)
}
