/// A field of a labelled record that `cardex eval` checks on paired records.
public enum EvaluatedField: String, Sendable, CaseIterable, Comparable {
  // Bouts.
  case weightClass, limitKg, country, title, winner, method, round, time
  // Fixtures.
  case competition, stage, date, kickoff, score

  /// Whether the field counts in the overall field accuracy. Those that do
  /// are the fields the corpus's `score.py` checks, so the two agree; the
  /// others are reported one by one.
  public var inOverall: Bool {
    switch self {
    case .weightClass, .limitKg, .country, .winner, .competition, .stage, .kickoff, .score: true
    case .title, .method, .round, .time, .date: false
    }
  }

  public static func < (a: EvaluatedField, b: EvaluatedField) -> Bool {
    (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
  }
}
