/// What the lines above a record tell it: the heading it sits under, a
/// weight class or title set by a heading for it, the date, competition and
/// stage of the list it belongs to, and the sport the document is about.
public struct RecordContext: Sendable, Hashable {
  /// The text of the section's heading line.
  public var section: String?
  /// Its line, which tells one card from the next under the same heading.
  public var sectionLine: Int?
  public var weightClass: String?
  public var limit: Weight?
  public var rounds: Int?
  public var title = false
  public var date: String?
  /// A competition as written, from a heading (or, failing one, the
  /// nearest mention above).
  public var competition: String?
  /// Its canonical name, when the lexicon knows it.
  public var competitionCanonical: String?
  public var stage: String?
  /// The start time a line above gave all the matches.
  public var kickoff: Kickoff?
  public var sport: String?
  public var ruleset: String?

  public init() {}
}
