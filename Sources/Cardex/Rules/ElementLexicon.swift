/// The vocabulary of every element type the rules declare, and the trie
/// that finds it in a line.
public struct ElementLexicon: Sendable {
  public internal(set) var entries: [ElementEntry] = []
  var trie = PhraseTrie()
  /// The element types with at least one entry.
  public internal(set) var types: Set<String> = []
  /// Each entry's first two key tokens (what the prose gate indexes), so
  /// that no one tokenizes the phrases twice.
  public internal(set) var leads: [PhraseLead] = []
  /// Exact spellings of case-sensitive entries, by entry index.
  var exactTexts: [Int: [String]] = [:]

  public init() {}

  /// Adds an entry; the same spelling may belong to several types.
  /// Returns false, adding nothing, for a phrase with no token.
  @discardableResult
  public mutating func add(_ entry: ElementEntry) -> Bool {
    let tokens = PhraseTrie.keyTokens(Tokenizer.tokenize(entry.phrase))
    guard !tokens.isEmpty else { return false }
    entries.append(entry)
    leads.append(PhraseLead(first: tokens[0], second: tokens.count > 1 ? tokens[1] : nil))
    types.insert(entry.type)
    if entry.caseSensitive { exactTexts[entries.count - 1] = tokens.map(\.text) }
    trie.insert(tokens, entry: entries.count - 1)
    return true
  }

  /// Every entry spelled by the tokens starting at `start`, with where the
  /// spelling ends; case-sensitive entries only when the case agrees.
  public func matches(in tokens: [Token], from start: Int) -> [(end: Int, entry: Int)] {
    matches(in: tokens, words: trie.words(of: tokens), from: start)
  }

  /// The tokens' word numbers in the trie: looked up once a line for
  /// `matches(in:words:from:)` at each of its tokens.
  func words(of tokens: [Token]) -> [Int32] { trie.words(of: tokens) }

  /// As `matches(in:from:)`, with the tokens' word numbers given.
  func matches(in tokens: [Token], words: [Int32], from start: Int) -> [(end: Int, entry: Int)] {
    var out: [(Int, Int)] = []
    trie.matches(in: tokens, words: words, from: start) { end, ids in
      for id in ids {
        let e = Int(id)
        if let exact = exactTexts[e] {
          let written = tokens[start..<end].filter { !$0.isJoiner }.map(\.text)
          if written != exact { continue }
        }
        out.append((end, e))
      }
    }
    return out
  }

  /// Whether a spelling (a whole phrase) is an entry of `type`.
  public func contains(_ phrase: String, type: String) -> Bool {
    let tokens = Tokenizer.tokenize(phrase)
    return matches(in: tokens, from: 0).contains { $0.end == tokens.count && entries[$0.entry].type == type }
  }
}

/// The first two tokens of a phrase's key.
public struct PhraseLead: Sendable {
  public var first: Token
  public var second: Token?
}
