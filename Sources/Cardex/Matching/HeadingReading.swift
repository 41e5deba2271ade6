/// What a line that is not a record says to the lines below it: that a card
/// or a fixture list begins, a weight class or title for the next bout, a
/// date, a competition or a stage for the matches below, or the sport.
public struct HeadingReading: Sendable {
  /// The kind of list a section heading opens (`FIGHT CARD`, `Fixtures`).
  public var opens: Family.Record?
  /// The heading's words open both kinds of list (`Results`,
  /// `Resultados`): the lines below decide.
  public var opensEither = false
  public var weightClass: Element?
  public var limit: Element?
  public var rounds: Element?
  /// A title word or champion mark stands in the heading.
  public var title = false
  /// A bout word (`Bout`, `Fight`): the heading is for the next bout only.
  public var boutWord = false
  public var date: Element?
  public var competition: Element?
  public var stage: Element?
  /// A time alone over the matches below (`20.30` above its pairing).
  public var time: Element?
  /// A sport cue (`UFC`, `WBC`, `NFL`): the sport and, when it fixes one,
  /// the weight-class table.
  public var sport: String?
  public var ruleset: String?
  /// The cue names a sport cardex makes no records for (tag `unlisted`).
  public var sportUnlisted = false
  /// Words in the line, and those no element explains.
  public var words = 0
  public var unexplained = 0
  /// Short and mostly made of heading elements: it sets values for the
  /// lines below. A longer line still tells its competition and sport.
  public var isHeading = false
  /// Elements read.
  public var elements: [Element] = []

  /// Whether the heading sets anything a bout below takes.
  public var setsBout: Bool { weightClass != nil || limit != nil || rounds != nil || title }
  /// Whether it sets anything a match below takes.
  public var setsFixture: Bool { date != nil || competition != nil || stage != nil || time != nil }
}
