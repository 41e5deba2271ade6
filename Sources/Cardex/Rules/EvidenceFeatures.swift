/// The names of the evidence features cardex computes, so that `rules
/// check` can warn about a weight for a name no feature has.
///
/// A misspelt name in the evidence file's `weights:` or `kind:`
/// (`side.one-wrod`) loads, and then weighs nothing: the line it was meant
/// to move is read as before, and nothing says why. The names are made in
/// `Matching/Evidence.swift` and the `ExtractionSession+…` files;
/// `EvidenceFeaturesTests` reads those sources and fails when a name made
/// there is missing here.
enum EvidenceFeatures {
  /// Names made as they are written.
  static let fixed: Set<String> = [
    "annotations", "article-words", "anchor.inside-spaced", "core.lone-cell-mark", "core.score", "lead.clean",
    "lead.event-title", "lead.heading-mark", "lead.label", "lead.rank-place", "lead.unexplained", "line.minority-anchor",
    "line.question", "line.lineup", "line.same-rule", "line.sentence", "line.several", "line.unexplained-share", "name.club",
    "name.country", "name.nickname", "name.one-word", "name.people", "cue.combat", "cue.team", "lead.half-time", "line.standings", "prose.words", "scores.chained", "side.all-caps",
    "side.long", "side.not-a-name", "side.one-word", "side.uncased", "span.link", "tail.card-heading", "tail.clean",
    "tail.remote", "tail.unexplained", "context.article-heading", "context.heading-above", "context.headline",
    "context.prose-above", "context.prose-below", "context.record-above", "context.section", "context.siblings",
    "context.split-lines", "context.table-columns", "context.unlisted-sport", "context.legal", "context.score-below", "core.implausible-score", "core.quoted",
    "lead.article-label", "lead.scorers-list", "tail.report", "sides.scored", "sides.quoted-title", "side.inner-number", "tail.paragraph",
  ]

  /// Names only the `kind:` weights read (the record kind of the section,
  /// of the document so far, of the sport named on the line).
  static let kindOnly: Set<String> = [
    "context.section-bout", "context.section-fixture", "context.document-bout", "context.document-fixture",
    "context.sport-combat", "context.sport-team", "context.sport-heading-combat", "context.sport-heading-team",
  ]

  /// The kinds of note beside a name (`Side.NoteKind`): `note.KIND`.
  static let noteKinds: Set<String> = ["country", "fight-record", "weigh-in", "ranking", "champion-mark", "odds", "text", "result-mark"]

  /// Why `name` is no feature of `rules`, or nil when it is one. `kind`:
  /// the name is a `kind:` weight. `rule.ID` is left to the caller, which
  /// says the rule does not exist.
  static func problem(_ name: String, kind: Bool, rules: RuleSet) -> String? {
    if fixed.contains(name) || (kind && kindOnly.contains(name)) || name.hasPrefix("rule.") { return nil }
    let elementTypes = rules.elements.types.union(GrammarTerm.shapeTypes).union(["country", "weight-class", "competition", "women-word"])
    if let dot = name.firstIndex(of: "."), name[..<dot] != "context" {
      let family = String(name[..<dot])
      let rest = String(name[name.index(after: dot)...])
      switch family {
      case "element" where elementTypes.contains(rest): return nil
      case "lead" where Evidence.countedAnnotations.contains(rest), "tail" where Evidence.countedAnnotations.contains(rest): return nil
      case "note" where noteKinds.contains(rest): return nil
      case "anchor" where tags(of: rules).contains(rest): return nil
      default: break
      }
    }
    let known = Array(fixed.union(kind ? kindOnly : [])) + elementTypes.map { "element.\($0)" }
      + Evidence.countedAnnotations.flatMap { ["lead.\($0)", "tail.\($0)"] } + noteKinds.map { "note.\($0)" }
      + tags(of: rules).map { "anchor.\($0)" }
    return "'\(name)' is no evidence feature\(didYouMean(name, known)), so its weight counts for nothing"
  }

  /// Every tag an element can carry: the element files' tags and those the
  /// grammar asks for or against (shapes add some: `joined-dash[contrast]`).
  static func tags(of rules: RuleSet) -> Set<String> {
    var tags = Set(rules.elements.entries.flatMap(\.tags))
    for rule in rules.grammar.rules {
      for term in rule.terms {
        if case .element(_, let required, let excluded) = term.kind { tags.formUnion(required.union(excluded)) }
      }
    }
    return tags
  }
}
