/// What a named slot in a pattern accepts, and so what value it yields.
///
/// Each type is a small hand-written scanner over the line's UTF-8 bytes
/// (see `SlotScanner`). Field names imply a type (`{fighter1}` is a `name`,
/// `{home}` a `team`), and `{field:type}` overrides it.
public enum SlotType: String, Sendable, CaseIterable {
  /// A person's name: capitalised words, particles (`da`, `van`, `Al`),
  /// hyphens, apostrophes, quoted nicknames and status marks (`©`, `(c)`).
  case name
  /// A team or club: words and digits in any case (`man City`, `Bodø/Glimt`).
  case team
  /// A weight class from the weight-class lexicon, with a women's prefix and
  /// one-letter typo correction (`Lighweight`).
  case weightclass
  /// A weight with its unit: `67kg`, `145 lbs.`, `73 kg`.
  case weight
  /// A bare number read as pounds, where a column or label gives the unit
  /// (`Lightweight, 155`): `155`, `137.5`.
  case lb
  /// A bare number read as kilograms: `73`, `61,2`.
  case kg
  /// A country: a 3-letter code, a known 2-letter ISO code, or a name.
  case country
  /// A pairing word from the separators lexicon: `v`, `vs.`, `versus`.
  case separator
  /// A time of day: `midnight`, `7.45pm`, `19:45`, `8 p.m.`.
  case clock
  /// Time into a round: `3:33`.
  case duration
  /// A round: `2`, `R2`, `4th`, `second`, `four`.
  case round
  /// A whole number.
  case int
  /// A fight record: `26-10`, `22-10-1`, `30-0, 26 KO's`, `13-5 (1 NC)`.
  case record
  /// A score, home first: `2-1`, `17-22`, `2 - 1`.
  case score
  /// A competition from the competitions lexicon.
  case competition
  /// A date as printed: `Saturday, 28 September 2019`, `March 11`, `Dec. 10`.
  case date
  /// A finishing method: text that starts with a method word (`KO`,
  /// `TKO`, `Submission`, `Decision`, `DQ`, `Draw`, `No contest` …), as short
  /// as the rest of the pattern allows. Unlike `text`, it cannot start with
  /// the end of a name.
  case method
  /// Any text, as short as the rest of the pattern allows.
  case text

  /// The type a field has when the pattern does not say.
  public static func implied(by field: String) -> SlotType {
    switch field {
    case "weightClass": .weightclass
    case "limit": .weight
    case "fighter1", "fighter2", "winner", "loser": .name
    case "country1", "country2", "winnerCountry", "loserCountry": .country
    case "home", "away": .team
    case "sep": .separator
    case "kickoff": .clock
    case "time": .duration
    case "round", "rounds": .round
    case "score": .score
    case "homeScore", "awayScore": .int
    case "competition": .competition
    case "date": .date
    default: .text
    }
  }

  /// How many types there are: `index` is below this.
  static let count = 18

  /// A small number per type, for table keys.
  var index: Int {
    switch self {
    case .name: 0
    case .team: 1
    case .weightclass: 2
    case .weight: 3
    case .lb: 4
    case .kg: 5
    case .country: 6
    case .separator: 7
    case .clock: 8
    case .duration: 9
    case .round: 10
    case .int: 11
    case .score: 12
    case .record: 13
    case .competition: 14
    case .date: 15
    case .text: 16
    case .method: 17
    }
  }
}
