/// Weight classes by sport and ruleset, and every spelling that names one.
///
/// A spelling is looked up once across all tables (`Lightweight`,
/// `peso leve`, `Junior Welterweight`); the table that applies to the record
/// (from its format or heading) then says what the class is called there and
/// what its limit is. This is why `Strawweight` can be 105 lb in boxing and
/// 115 lb in MMA.
public struct WeightClassLexicon: Sendable {
  /// One sport's (or promotion's) table.
  public struct Table: Sendable {
    public var sport: String
    public var ruleset: String
    /// Canonical class name → upper limit, nil for open classes.
    public var limits: [String: Weight?]
    /// Lower-cased spelling → canonical name, for this table only.
    public var aliases: [String: String]
    /// Lower-cased class name → class name.
    var lowercasedNames: [String: String] = [:]
  }

  public var tables: [Table] = []
  /// Lower-cased spelling → canonical name, in every table.
  public var sharedAliases: [String: String] = [:]
  /// Every spelling (canonical names and aliases), for the element lexicon.
  public var spellings: [String] = []
  /// Words that make a class a women's division (`Women's`, `Feminino`).
  public var womenWords: [String] = []
  /// Folded single-word spellings of seven letters or more, for one-typo
  /// correction.
  var singleWords: [(folded: String, spelling: String)] = []
  /// `singleWords` by their first and by their last byte: a word one edit
  /// from a spelling shares one of the two with it.
  var byFirstByte: [UInt8: [Int]] = [:]
  var byLastByte: [UInt8: [Int]] = [:]
  var singleWordSet: Set<String> = []

  public init() {}

  /// The table for a sport and ruleset; the sport's first table when the
  /// ruleset is unknown.
  public func table(sport: String, ruleset: String?) -> Table? {
    if let ruleset {
      // A ruleset no table has gets no table: its limits are unknown, and
      // borrowing another ruleset's would report wrong ones.
      return tables.first { $0.ruleset == ruleset && $0.sport == sport } ?? tables.first { $0.ruleset == ruleset }
    }
    return tables.first { $0.sport == sport }
  }

  /// The canonical name a spelling has in `table`.
  public func canonical(for spelling: String, in table: Table?) -> String? {
    let key = spelling.lowercased()
    if let table, let c = table.aliases[key] { return c }
    if let c = sharedAliases[key] { return c }
    if let table, let name = table.lowercasedNames[key] { return name }
    return canonicalNames[key]
  }

  /// Lower-cased class name → the name as the tables write it.
  var canonicalNames: [String: String] = [:]

  mutating func finish() {
    for i in tables.indices {
      for name in tables[i].limits.keys {
        tables[i].lowercasedNames[name.lowercased()] = name
        if canonicalNames[name.lowercased()] == nil { canonicalNames[name.lowercased()] = name }
      }
    }
    var words: [String: String] = [:]
    for s in spellings where s.count >= 7 && !s.contains(" ") && !s.contains("-") { words[Tokenizer.fold(s)] = words[Tokenizer.fold(s)] ?? s }
    singleWords = words.map { ($0.key, $0.value) }.sorted { $0.folded < $1.folded }
    singleWordSet = Set(singleWords.map(\.folded))
    byFirstByte = [:]
    byLastByte = [:]
    for (k, w) in singleWords.enumerated() {
      if let f = w.folded.utf8.first { byFirstByte[f, default: []].append(k) }
      if let l = w.folded.utf8.last { byLastByte[l, default: []].append(k) }
    }
  }

  /// The one spelling a single word of seven letters or more is one typing
  /// error away from (`Lighweight` → `lightweight`); nil when none or two.
  public func correction(of word: String) -> String? {
    // Folding keeps an ASCII word's length: a short one needs no folding
    // to be turned away (most names a line has).
    if word.utf8.count < 7, word.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
    let folded = Tokenizer.fold(word)
    guard folded.utf8.count >= 7, !singleWordSet.contains(folded), let first = folded.utf8.first, let last = folded.utf8.last else { return nil }
    let bytes = Array(folded.utf8)
    var best: String?
    var tried = Set<Int>()
    for k in (byFirstByte[first] ?? []) + (byLastByte[last] ?? []) where tried.insert(k).inserted {
      let candidate = singleWords[k]
      guard abs(candidate.folded.utf8.count - bytes.count) <= 1 else { continue }
      if editDistance(bytes, Array(candidate.folded.utf8)) == 1 {
        if best != nil, best != candidate.spelling { return nil }  // ambiguous: two classes one edit away
        best = candidate.spelling
      }
    }
    return best
  }
}
