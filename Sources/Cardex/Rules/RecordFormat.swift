/// One event format: which headings open its sections and which line patterns
/// inside them are records. Read from a file under `Rules/formats/`.
public struct RecordFormat: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case bout, fixture
  }

  /// How long a heading's values last.
  public enum Scope: String, Sendable, CaseIterable {
    /// Until the section closes or another heading replaces them.
    case section
    /// For the next record only (a `Featherweight Bout:` line over its pairing).
    case next
  }

  /// A line that opens a section or sets values for the lines below it.
  public struct Heading: Sendable {
    public var pattern: Pattern
    /// Values every record under the heading gets (`ruleset: one-championship`).
    public var set: [String: String]
    public var scope: Scope
    /// False for a heading that only sets values inside a section another
    /// heading opened (a date line under a `… Fixtures` heading): on its own
    /// it is too weak to make the lines below records.
    public var opens: Bool
  }

  /// A line pattern that yields a record.
  public struct RecordRule: Sendable {
    public var pattern: Pattern
    public var set: [String: String]
  }

  /// An example from the rule file: a small block of text and the records it
  /// must give (or none, for a counter-example).
  public struct Example: Sendable {
    public var text: String
    public var expected: [[String: String]]
    public var mark: Mark
  }

  public var id: String
  public var file: String
  public var description: String?
  public var kind: Kind
  public var sport: String
  public var ruleset: String?
  /// UTC offset of the times the format prints, `+04:00`.
  public var timezone: String?
  /// Records only inside a section opened by one of `headings`.
  public var requiresSection: Bool
  /// A section closes after this many non-blank lines that are neither
  /// records nor headings of this format.
  public var closeAfter: Int
  /// Higher tries first when two formats could take the same line.
  public var priority: Int
  public var headings: [Heading]
  public var records: [RecordRule]
  public var examples: [Example]
  /// Values every record of the format gets.
  public var set: [String: String]

  /// The fields a record of this kind may fill, from slots or `set:`.
  public static func fields(for kind: Kind) -> Set<String> {
    let common: Set<String> = ["sport", "ruleset", "timezone", "section", "_", "sep"]
    switch kind {
    case .bout:
      return common.union([
        "weightClass", "limit", "fighter1", "fighter2", "country1", "country2", "winner", "loser",
        "winnerCountry", "loserCountry", "method", "round", "time", "title", "rounds", "draw", "bodies",
      ])
    case .fixture:
      return common.union(["competition", "stage", "home", "away", "kickoff", "date", "score", "homeScore", "awayScore"])
    }
  }
}
