/// Competitions and the spellings text uses for them.
public struct CompetitionLexicon: Sendable {
  public struct Entry: Sendable, Hashable {
    public var name: String
    public var sport: String?
  }

  public var spellings = PhraseTable<Entry>()

  public init() {}

  /// The competition a whole string names, if the lexicon knows it.
  public func lookup(_ text: String) -> Entry? {
    let bytes = TextNormalizer.normalize(ArraySlice(Array(text.utf8)))
    return bytes.withUnsafeBufferPointer { buffer in
      guard let hit = spellings.longestMatch(in: buffer, at: 0), hit.end == buffer.count else { return nil }
      return hit.value
    }
  }
}
