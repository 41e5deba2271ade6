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
  /// Every spelling (canonical names and aliases), for the matcher.
  public var spellings = PhraseTable<String>()
  /// Words that make a class a women's division, as phrases.
  public var womenPrefixes = PhraseTable<Bool>()
  /// Single-word spellings, for one-typo correction.
  var singleWords: [[UInt8]] = []

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
    var words = Set<[UInt8]>()
    for p in spellings.phrases where p.count >= 7 && !p.contains(32) { words.insert(p) }
    singleWords = words.sorted { $0.lexicographicallyPrecedes($1) }
  }

  /// A spelling one edit away from the word at `start`, for words of seven
  /// letters or more (`Lighweight` → `lightweight`).
  func correction(in line: UnsafeBufferPointer<UInt8>, at start: Int) -> (end: Int, spelling: [UInt8])? {
    var end = start
    while end < line.count, isASCIILetter(line[end]) || line[end] == 45 { end += 1 }
    let length = end - start
    guard length >= 7, end == line.count || !isWordByte(line[end]) else { return nil }
    let word = (start..<end).map { asciiLower(line[$0]) }
    var best: [UInt8]?
    for candidate in singleWords where abs(candidate.count - length) <= 1 {
      if editDistance(word, candidate) == 1 {
        if best != nil { return nil }  // ambiguous: two classes one edit away
        best = candidate
      }
    }
    return best.map { (end, $0) }
  }
}

@inline(__always) func isASCIILetter(_ b: UInt8) -> Bool {
  (b >= 97 && b <= 122) || (b >= 65 && b <= 90)
}
