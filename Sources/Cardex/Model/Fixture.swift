/// One match in a fixture list or results box.
public struct Fixture: Codable, Sendable, Hashable {
  /// Always `fixture`.
  public var type = "fixture"
  public var sport: String
  public var competition: Competition?
  /// Round, group or matchday as written (`Group B`, `Matchday 6`).
  public var stage: String?
  public var home: String
  public var away: String
  public var kickoff: Kickoff?
  /// The date as written on the line or its nearest date heading.
  public var date: String?
  public var score: Score?
  public var section: String?
  /// The line of the section's heading, as for bouts.
  public var sectionLine: Int?
  public var format: String
  public var provenance: Provenance

  public init(
    sport: String, competition: Competition?, stage: String?, home: String, away: String,
    kickoff: Kickoff?, date: String?, score: Score?, section: String?, sectionLine: Int? = nil, format: String,
    provenance: Provenance
  ) {
    self.sport = sport
    self.competition = competition
    self.stage = stage
    self.home = home
    self.away = away
    self.kickoff = kickoff
    self.date = date
    self.score = score
    self.section = section
    self.sectionLine = sectionLine
    self.format = format
    self.provenance = provenance
  }
}

/// A competition name as written and in its canonical spelling.
public struct Competition: Codable, Sendable, Hashable {
  public var asWritten: String
  /// Canonical name from the competitions lexicon, or the written name when
  /// the lexicon does not know it.
  public var canonical: String
  public var known: Bool

  public init(asWritten: String, canonical: String, known: Bool) {
    self.asWritten = asWritten
    self.canonical = canonical
    self.known = known
  }
}

/// A kick-off time: as written, and as 24-hour local time when unambiguous.
public struct Kickoff: Codable, Sendable, Hashable {
  public var asWritten: String
  /// `HH:mm`, local to the publication; nil when the text is ambiguous
  /// (`4.45` with no am/pm).
  public var local: String?
  /// `+04:00` when the format, a heading or the text fixes the zone.
  public var utcOffset: String?

  public init(asWritten: String, local: String?, utcOffset: String?) {
    self.asWritten = asWritten
    self.local = local
    self.utcOffset = utcOffset
  }
}

/// A final score, home first.
public struct Score: Codable, Sendable, Hashable {
  public var home: Int
  public var away: Int

  public init(home: Int, away: Int) {
    self.home = home
    self.away = away
  }
}
