/// One spelling of an element's vocabulary: `vs.` for a separator, `def.`
/// for a result verb, `nocaute` for the method KO.
public struct ElementEntry: Sendable, Hashable {
  /// The element type it belongs to (`separator`, `method`, `weight-class` …).
  public var type: String
  /// The spelling as written in its rule file.
  public var phrase: String
  /// The canonical value (`KO` for `nocaute`), the phrase when none is given.
  public var value: String
  /// Qualifiers the grammar and the evidence read (`strong`, `loser-first`).
  public var tags: Set<String>
  public var languages: [String]
  /// Matched only with the letters' case as written (`W` in `A W TKO 8 B`).
  public var caseSensitive: Bool
  /// `file:line:column` of the entry, for `--explain` and messages.
  public var location: String

  public init(
    type: String, phrase: String, value: String, tags: Set<String> = [], languages: [String] = [],
    caseSensitive: Bool = false, location: String = ""
  ) {
    self.type = type
    self.phrase = phrase
    self.value = value
    self.tags = tags
    self.languages = languages
    self.caseSensitive = caseSensitive
    self.location = location
  }
}
