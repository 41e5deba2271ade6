/// A composition rule's `set:`: values every record the rule reads gets
/// where its line gives none.
///
/// A rule for a layout that leaves something unsaid (a results box whose
/// heading says every bout went the distance, a list of finals) states it
/// once in the rule instead of in every line; what the line itself says
/// wins. The keys are read and checked by `GrammarReader` (`boutSetKeys`,
/// `fixtureSetKeys`, bounds); before this the values were read and then
/// dropped.
extension RecordBuilder {
  /// The rule's values, by key.
  private var ruleValues: [String: String] { rules.grammar.rules[candidate.rule].set }

  /// `title: true` makes a title bout; `rounds` schedules the bout;
  /// `draw: true` makes a result with no winner (and `Draw` as its method
  /// when none is known); `method` and `round` fill a result the line gives
  /// without them (they make no result of their own: a bout with no result
  /// is still to be fought).
  func applyingRuleValues(_ bout: Bout) -> Bout {
    let set = ruleValues
    guard !set.isEmpty else { return bout }
    var b = bout
    if set["title"] == "true" { b.title = true }
    if b.scheduledRounds == nil, let rounds = set["rounds"].flatMap({ Int($0) }) { b.scheduledRounds = rounds }
    if set["draw"] == "true" {
      var r = b.result ?? BoutResult(winner: nil)
      r.winner = nil
      if r.methodCanonical == nil { r.methodCanonical = "Draw" }
      b.result = r
    }
    if var r = b.result {
      if r.method == nil, let method = set["method"] { r.method = method }
      if r.round == nil, let round = set["round"].flatMap(Self.roundNumber) { r.round = round }
      b.result = r
    }
    return b
  }

  /// `competition` (looked up in the competitions lexicon), `stage`,
  /// `date`, and `homeScore` with `awayScore` fill a fixture the line left
  /// without them.
  func applyingRuleValues(_ fixture: Fixture) -> Fixture {
    let set = ruleValues
    guard !set.isEmpty else { return fixture }
    var f = fixture
    if f.competition == nil, let name = set["competition"] {
      let entry = rules.competitions.lookup(name)
      f.competition = Competition(asWritten: name, canonical: entry?.name ?? name, known: entry != nil)
    }
    if f.stage == nil, let stage = set["stage"] { f.stage = stage }
    if f.date == nil, let date = set["date"] { f.date = date }
    if f.score == nil, let home = set["homeScore"].flatMap({ Int($0) }), let away = set["awayScore"].flatMap({ Int($0) }) {
      f.score = Score(home: home, away: away)
    }
    return f
  }

  /// `3` or `R3`, as `set:` may write a round.
  private static func roundNumber(_ value: String) -> Int? {
    Int(value.first == "R" || value.first == "r" ? String(value.dropFirst()) : value)
  }
}
