/// What a careful editor would list from one document: the records
/// `cardex eval` measures the rules against.
///
/// The format is the corpus label format (`docs/labels.md`,
/// `docs/labels.schema.json`): the records, plus what the document is
/// (language, sport, layout family) so that figures can be broken down by
/// them.
public struct DocumentLabels: Sendable, Hashable {
  public struct Fighter: Sendable, Hashable {
    public var name: String
    /// The country exactly as written beside the name, if any.
    public var country: String?
  }

  public struct Result: Sendable, Hashable {
    /// Nil for a draw or a no contest.
    public var winner: String?
    public var method: String?
    public var round: Int?
    public var time: String?
  }

  public struct Bout: Sendable, Hashable {
    /// The line holding the two names (1-based).
    public var line: Int?
    public var weightClass: String?
    public var weightClassNormalized: String?
    public var limitKg: Double?
    public var fighters: [Fighter]
    public var title: Bool?
    public var result: Result?
  }

  public struct Fixture: Sendable, Hashable {
    public var line: Int?
    public var competition: String?
    public var stage: String?
    public var home: String
    public var away: String
    /// The kick-off time as written.
    public var time: String?
    public var date: String?
    /// `H-A`, only for a played match.
    public var score: String?
  }

  public var bouts: [Bout] = []
  public var fixtures: [Fixture] = []
  public var notes: String?
  /// ISO 639-1 code of the listing text.
  public var language: String?
  public var sport: String?
  /// The layout family of the records' lines (`card-weight-first`,
  /// `fixture-list`, … `negative`).
  public var layout: String?
  /// True when the document holds no records at all.
  public var negative: Bool?

  public init() {}
}
