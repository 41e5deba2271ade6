/// One fight on a card: the record a results feed publishes for a bout line.
public struct Bout: Codable, Sendable, Hashable {
  /// Always `bout`; lets NDJSON consumers dispatch on one field.
  public var type = "bout"
  /// `mma`, `boxing`, `kickboxing`, `muay-thai` …, from the format or a heading.
  public var sport: String
  /// The weight-class table the class and its limit were read from.
  public var ruleset: String?
  public var weightClass: WeightClass?
  /// The limit printed on the line (`67kg`), nil when the line gives none.
  public var limit: Weight?
  public var fighters: [Fighter]
  public var title: Bool
  /// Scheduled rounds when the card states them.
  public var scheduledRounds: Int?
  /// Sanctioning bodies whose belts are at stake (`WBA`, `IBF`, `WBO`), as
  /// written.
  public var sanctioningBodies: [String]?
  public var result: BoutResult?
  /// The heading of the section the line sat under.
  public var section: String?
  /// The line of that heading. Two sections under the same heading text
  /// (two `FIGHT CARD` boxes in one article) are two cards: the feed checks
  /// tell them apart by this line.
  public var sectionLine: Int?
  /// The id of the rule format that recognised the line.
  public var format: String
  public var provenance: Provenance

  public init(
    sport: String, ruleset: String?, weightClass: WeightClass?, limit: Weight?, fighters: [Fighter],
    title: Bool, scheduledRounds: Int? = nil, sanctioningBodies: [String]? = nil, result: BoutResult?,
    section: String?, sectionLine: Int? = nil, format: String, provenance: Provenance
  ) {
    self.sport = sport
    self.ruleset = ruleset
    self.weightClass = weightClass
    self.limit = limit
    self.fighters = fighters
    self.title = title
    self.scheduledRounds = scheduledRounds
    self.sanctioningBodies = sanctioningBodies
    self.result = result
    self.section = section
    self.sectionLine = sectionLine
    self.format = format
    self.provenance = provenance
  }
}
