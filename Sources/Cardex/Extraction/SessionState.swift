extension ExtractionSession {
  /// What the lines read so far leave for the lines to come: the open
  /// section, values headings set, and what the document is about. Two
  /// sessions in the same state give the same records for the same lines,
  /// which is how `--jobs` checks a chunk started from the right one.
  public struct State: Sendable, Hashable {
    /// A card or list a heading opened.
    public struct Section: Sendable, Hashable {
      /// Bouts or fixtures; nil when only a weight or date heading opened it.
      public var kind: Family.Record?
      public var heading: String
      /// The heading's line: a heading that opens a section again (a second
      /// `FIGHT CARD` box) starts a new section, and with it a new card.
      public var line: Int
      /// Non-blank lines since its last record or heading.
      public var idle = 0
    }

    /// Values a heading set for the bouts below it.
    public struct BoutHeading: Sendable, Hashable {
      public var weightClass: String?
      public var limit: Weight?
      public var rounds: Int?
      public var title = false
      /// For the next bout only (`Featherweight Bout:`).
      public var nextOnly = false
    }

    public var section: Section?
    public var boutHeading: BoutHeading?
    public var date: String?
    public var competition: String?
    /// Its canonical name, when the lexicon knows it.
    public var competitionCanonical: String?
    public var stage: String?
    /// A competition or stage named in prose above, for lists whose
    /// headings do not name it.
    public var mentions: [String: Mention] = [:]
    public var mentionedStage: String?
    /// A start time a line gave all the matches (`All games kick off at
    /// 3pm`), for the listed matches that print none.
    public var defaultKickoff: Kickoff?
    /// A time heading's, for the matches under it.
    public var headingKickoff: Kickoff?
    public var sport: String?
    /// The sport is one cardex makes no records for (chess, e-sports): its
    /// pairings and results look like bouts and are not.
    public var sportUnlisted = false
    /// The sport a short line of its own names (`BOXING`, `Football`,
    /// `NBA`) over the lines below, as a multi-sport listing heads each.
    public var sportHeading: String?
    public var ruleset: String?
    public var bouts = 0
    public var fixtures = 0
    /// Whether each of the last few non-blank lines gave records (latest last).
    public var recent: [Bool] = []
    public var headingAbove = false
    /// The records of the last record line, waiting one line in case the
    /// next holds only annotations for them.
    public var held: [ExtractedItem] = []
    /// The last `Self.pairsKept` records' sides, as folded words, with the
    /// line that gave each: a pairing listed again (a heading, an intro, a
    /// repeated table), even with a fuller or shorter name (`Huddersfield v
    /// Birmingham`, then `Huddersfield Town v Birmingham City`), is not a
    /// second record.
    public var pairs: [SeenPair] = []
    /// The columns of the table being read, by cell, from its header row.
    public var tableColumns: [Int: String]?
    /// The line just above is a paragraph of prose.
    public var proseAbove = false
    /// The line above is a team and a number alone (`Miami Heat 104`).
    public var scoreboardAbove = false
    /// The number of the line decided last.
    public var previousLine = 0
    public var linesSeen = 0
    /// The words of the law read so far, as the lexicon writes them
    /// (`appellant`, `supreme court`).
    public var legalWords: Set<String> = []
    /// Non-blank lines since a heading made of an article's words
    /// (`Prediction`, `Our pick`, `Odds`); nil when none is open.
    public var articleHeadingAgo: Int?
    /// The last line a record written over several lines took.
    public var absorbedThrough = 0

    public init() {}

    /// A competition named in the text, by its canonical name.
    public struct Mention: Sendable, Hashable {
      public var written: String
      public var count: Int
      /// Its first mention's place among all mentions (line, then order on
      /// the line).
      public var first: Int
      /// The lexicon knows it (not read from its name's shape).
      public var known: Bool
    }

    /// The competition the text is about, for matches no heading names: the
    /// first it names (an intro names its subject first more often than a
    /// comparison), unless another is named at least twice as often (the
    /// subject comes back; a comparison is made once). One the lexicon knows
    /// goes before one read from its name's shape.
    public var mentionedCompetition: String? {
      let known = mentions.values.filter(\.known)
      let pool = known.isEmpty ? Array(mentions.values) : known
      guard let first = pool.min(by: { $0.first < $1.first }),
        let top = pool.max(by: { ($0.count, -$0.first) < ($1.count, -$1.first) })
      else { return nil }
      return (top.count >= 2 * first.count ? top : first).written
    }

    /// The canonical name of `mentionedCompetition`, when known.
    public var mentionedCanonical: String? {
      guard let written = mentionedCompetition else { return nil }
      return mentions.first { $0.value.known && $0.value.written == written }?.key
    }

    mutating func mention(_ canonical: String, written: String, known: Bool) {
      var m = mentions[canonical] ?? Mention(written: written, count: 0, first: mentions.count, known: known)
      m.count += 1
      mentions[canonical] = m
    }

    var recordAbove: Bool { recent.last == true }

    /// A record's two sides as sets of folded words.
    public struct SeenPair: Sendable, Hashable {
      public var bout: Bool
      public var first: Set<String>
      public var second: Set<String>
      public var line: Int
      public var scored: Bool
      /// The fixture's date as written, when it has one: the same two
      /// teams on another day are another match (a play-off series, the two
      /// legs of a tie).
      public var when: String? = nil
      /// The fixture's score: the same two teams with another score a few
      /// lines on are another match (the girls' and then the boys' games),
      /// not a half-time line under the result.
      public var score: Score? = nil

      /// Each side's words hold the other's (either way round for bouts),
      /// the new record adds no score the first lacked, and neither names a
      /// day or a score the other does not share.
      func repeats(_ other: SeenPair) -> Bool {
        !(scored && !other.scored) && (when == nil || other.when == nil || when == other.when)
          && (score == nil || other.score == nil || score == other.score || line - other.line <= 2) && sameNames(other)
      }

      /// The same two sides, whatever each record says of them.
      func sameNames(_ other: SeenPair) -> Bool {
        guard bout == other.bout else { return false }
        func same(_ a: Set<String>, _ b: Set<String>) -> Bool { !a.isEmpty && !b.isEmpty && (a.isSubset(of: b) || b.isSubset(of: a)) }
        if same(first, other.first) && same(second, other.second) { return true }
        return bout && same(first, other.second) && same(second, other.first)
      }
    }

    static let pairsKept = 300

    /// The earlier line that gave this record already, if any.
    mutating func repeatedLine(_ pair: SeenPair) -> Int? {
      if let earlier = pairs.first(where: { pair.repeats($0) }) { return earlier.line }
      pairs.append(pair)
      if pairs.count > Self.pairsKept { pairs.removeFirst() }
      return nil
    }

    mutating func noteLine(records: Bool) {
      recent.append(records)
      if recent.count > 3 { recent.removeFirst() }
      linesSeen += 1
    }
  }
}
