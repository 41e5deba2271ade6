/// Everything cardex knows how to recognise: lexicons and formats, loaded from
/// one or more rule folders at run time.
public struct RuleSet: Sendable {
  public var weightClasses = WeightClassLexicon()
  public var countries = CountryLexicon()
  public var competitions = CompetitionLexicon()
  public var separators = PhraseTable<String>()
  public var formats: [RecordFormat] = []
  /// The files read, in order, for `--explain` and error messages.
  public var files: [String] = []

  public init() {}

  /// One rule set shared by reference, for values copied on the hot path.
  final class Shared: Sendable {
    let rules: RuleSet

    init(_ rules: RuleSet) {
      self.rules = rules
    }
  }
}
