/// Competitions and the spellings text uses for them.
public struct CompetitionLexicon: Sendable {
  public struct Entry: Sendable, Hashable {
    public var name: String
    public var sport: String?
  }

  /// Folded spelling → competition.
  var bySpelling: [String: Entry] = [:]
  /// Every spelling with its competition, for the element lexicon.
  public internal(set) var spellings: [(spelling: String, entry: Entry)] = []

  public init() {}

  /// Adds a spelling; a later entry with the same spelling replaces the earlier.
  mutating func add(_ spelling: String, _ entry: Entry) {
    bySpelling[key(spelling)] = entry
    spellings.append((spelling, entry))
  }

  /// The competition a whole string names, if the lexicon knows it.
  public func lookup(_ text: String) -> Entry? { bySpelling[key(text)] }

  private func key(_ s: String) -> String {
    Tokenizer.tokenize(s).filter { !$0.isJoiner }.map(\.folded).joined(separator: " ")
  }
}
