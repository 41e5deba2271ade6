/// Everything cardex knows how to recognise, loaded from one or more rule
/// folders at run time: the lexicons and element vocabularies, the grammar
/// that composes elements into records, the evidence weights that say when
/// a composition is a record, and the families records belong to.
public struct RuleSet: Sendable {
  public var weightClasses = WeightClassLexicon()
  public var countries = CountryLexicon()
  public var competitions = CompetitionLexicon()
  /// Every phrase-based element: the element files, plus the spellings of
  /// weight classes, countries and competitions.
  public var elements = ElementLexicon()
  public var grammar = Grammar()
  public var evidence = EvidenceModel()
  /// Families, highest priority first.
  public var families: [Family] = []
  /// The files read, in order, for `--explain` and error messages.
  public var files: [String] = []

  public init() {}

  /// Every example of every family, with the family it belongs to.
  public var examples: [(family: Family, example: RuleExample)] {
    families.flatMap { f in f.examples.map { (f, $0) } }
  }
}
