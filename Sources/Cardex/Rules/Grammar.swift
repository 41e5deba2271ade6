/// How elements make records: the composition rules, and which element
/// types may stand where around a record's core.
public struct Grammar: Sendable {
  public var rules: [RecordRule] = []
  /// Element types that may stand before the core (`bullet`, `ordinal`,
  /// `weight-class`, `billing`, `date`, `time` …).
  public var lead: Set<String> = []
  /// Element types that may stand beside a name, inside the side
  /// (`country`, `fight-record`, `ranking`, `champion-mark` …).
  public var note: Set<String> = []
  /// Element types that may stand after the core (`weight-class`,
  /// `rounds`, `title-word`, `method`, `round`, `time`, `channel` …).
  public var tail: Set<String> = []
  /// Marks that end one record and start the next on a line (`;`, `|`, `•`).
  public var boundaries: Set<String> = []
  /// Element types a heading line is made of, by what the heading does:
  /// `section` opens a card or a fixture list, `bout` sets a weight class
  /// or title for the bouts below, `fixture` sets a date, competition or
  /// stage for the matches below.
  public var headings: [String: Set<String>] = [:]
  /// What may and may not stand in a competitor's name.
  public var names = NameRules()

  public init() {}

  /// Every element type the grammar names, for checking that each is
  /// declared by a lexicon or a shape.
  public var namedTypes: Set<String> {
    var out = lead.union(note).union(tail).union(names.never).union(names.notAfterStart).union(names.inside).union(names.end)
    for set in headings.values { out.formUnion(set) }
    for rule in rules {
      for term in rule.terms {
        if case .element(let type, _, _) = term.kind { out.insert(type) }
      }
    }
    return out
  }
}

/// Reads a grammar file (`grammar: records`).
struct GrammarReader {
  let reader: RuleReader

  static let keys = ["version", "grammar", "description", "rules", "annotations", "boundaries", "headings", "names"]
  static let ruleKeys = ["rule", "record", "sequence", "set", "needs", "unless", "description"]
  static let headingRoles = ["section", "bout", "fixture"]

  func read(_ root: YAMLNode, into grammar: inout Grammar) throws(YAMLError) {
    let r = reader
    _ = try r.mapping(root, allowed: Self.keys, what: "a grammar file")
    try r.checkVersion(root, accepting: [2])
    _ = try r.requiredString(root, "grammar", what: "a grammar file")
    for node in try r.list(root["rules"] ?? .sequence([], root.mark), "'rules'") {
      _ = try r.mapping(node, allowed: Self.ruleKeys, what: "a rule")
      let id = try r.requiredString(node, "rule", what: "a rule")
      let recordName = try r.optionalString(node, "record") ?? "either"
      guard let record = RecordRule.Record(rawValue: recordName) else {
        throw r.error(node["record"] ?? node, "record must be bout, fixture or either")
      }
      guard let seqNode = node["sequence"] else { throw r.error(node, "rule '\(id)' needs a 'sequence'") }
      let terms = try SequenceParser(reader: r, node: seqNode).parse(try r.string(seqNode, "'sequence'"))
      try check(terms, record: record, rule: id, node: seqNode)
      var set: [String: String] = [:]
      if let s = node["set"] {
        let allowed = Self.setKeys(for: record)
        for (k, v) in try r.mapping(s, allowed: allowed, what: "'set' of a rule that makes \(Self.recordWords(record))") {
          let key = try r.string(k, "a key")
          set[key] = try Self.checkedSetValue(key, v, r)
        }
        if (set["homeScore"] == nil) != (set["awayScore"] == nil) {
          throw r.error(s, "set: homeScore and awayScore go together; rule '\(id)' gives only one")
        }
      }
      var rule = RecordRule(id: id, record: record, terms: terms, set: set, file: r.file, mark: node.mark)
      rule.needs = Set(try r.stringList(node["needs"], "'needs'"))
      rule.unless = Set(try r.stringList(node["unless"], "'unless'"))
      if let i = grammar.rules.firstIndex(where: { $0.id == id }) { grammar.rules[i] = rule } else { grammar.rules.append(rule) }
    }
    if let a = root["annotations"] {
      _ = try r.mapping(a, allowed: ["lead", "note", "tail"], what: "'annotations'")
      grammar.lead.formUnion(try r.stringList(a["lead"], "'lead'"))
      grammar.note.formUnion(try r.stringList(a["note"], "'note'"))
      grammar.tail.formUnion(try r.stringList(a["tail"], "'tail'"))
    }
    grammar.boundaries.formUnion(try r.stringList(root["boundaries"], "'boundaries'"))
    if let n = root["names"] {
      _ = try r.mapping(n, allowed: ["never", "not-after-start", "inside", "end", "max-words"], what: "'names'")
      grammar.names.never.formUnion(try r.stringList(n["never"], "'never'"))
      grammar.names.notAfterStart.formUnion(try r.stringList(n["not-after-start"], "'not-after-start'"))
      grammar.names.inside.formUnion(try r.stringList(n["inside"], "'inside'"))
      grammar.names.end.formUnion(try r.stringList(n["end"], "'end'"))
      grammar.names.maxWords = try r.int(n["max-words"], "'max-words'", default: grammar.names.maxWords, in: 1...20)
    }
    if let h = root["headings"] {
      for (k, v) in try r.mapping(h, allowed: Self.headingRoles, what: "'headings'") {
        grammar.headings[try r.string(k, "a heading role"), default: []].formUnion(try r.stringList(v, "the heading's element types"))
      }
    }
  }

  /// The fields a rule's `set:` may give its records, by record kind
  /// (`RecordBuilder+RuleValues` applies them where the line gives none).
  static let boutSetKeys = ["title", "rounds", "round", "method", "draw"]
  static let fixtureSetKeys = ["competition", "stage", "date", "homeScore", "awayScore"]

  static func setKeys(for record: RecordRule.Record) -> [String] {
    switch record {
    case .bout: boutSetKeys
    case .fixture: fixtureSetKeys
    case .either: boutSetKeys + fixtureSetKeys
    }
  }

  private static func recordWords(_ record: RecordRule.Record) -> String {
    switch record {
    case .bout: "bouts"
    case .fixture: "fixtures"
    case .either: "bouts or fixtures"
    }
  }

  /// The numbers a rule's `set:` may give, by field. Rounds stop at 15, as
  /// the round shapes and the feed schema do: `set: { round: 99999999 }`
  /// is refused here rather than dropped from every record it makes.
  static let setBounds: [String: ClosedRange<Int>] = ["round": 1...15, "rounds": 1...15, "homeScore": 0...999, "awayScore": 0...999]

  static func checkedSetValue(_ key: String, _ node: YAMLNode, _ r: RuleReader) throws(YAMLError) -> String {
    let value = try r.string(node, "a value")
    // A flag says what the line does not: only `true` means anything.
    if ["title", "draw"].contains(key), value != "true" {
      throw r.error(node, "set: \(key) can only be true (a record without it is not a \(key == "title" ? "title bout" : "draw")), not '\(value)'")
    }
    if !["title", "draw"].contains(key), value.allSatisfy(\.isWhitespace) {
      throw r.error(node, "set: \(key) needs a value")
    }
    guard let bounds = setBounds[key] else { return value }
    let digits = key == "round" && value.first.map({ $0 == "R" || $0 == "r" }) == true ? String(value.dropFirst()) : value
    guard let n = Int(digits), bounds.contains(n) else {
      throw r.error(node, "set: \(key) must be a whole number from \(bounds.lowerBound) to \(bounds.upperBound), not '\(value)'")
    }
    return value
  }

  /// A rule needs two sides with an element between them, and sides whose
  /// roles fit the record it makes.
  private func check(_ terms: [GrammarTerm], record: RecordRule.Record, rule: String, node: YAMLNode) throws(YAMLError) {
    let roles = terms.compactMap { t -> SideRole? in
      if case .side(let role) = t.kind { return role }
      return nil
    }
    guard roles.count == 2 else { throw reader.error(node, "rule '\(rule)' needs exactly two sides, it has \(roles.count)") }
    // The matcher reads the first side leftwards from the anchor: a term
    // before it could never match. Signs before a name are its notes.
    guard terms.first?.isSide == true else {
      throw reader.error(node, "rule '\(rule)' must begin with a side; what stands before a name (a sign, a seed) is read as its note")
    }
    guard let first = terms.firstIndex(where: \.isSide), let last = terms.lastIndex(where: \.isSide),
      terms[first..<last].contains(where: { !$0.isSide && !$0.optional })
    else { throw reader.error(node, "rule '\(rule)' needs an element that is not optional between its two sides") }
    let set = Set(roles)
    let valid: [Set<SideRole>] = [[.side], [.home, .away], [.winner, .loser]]
    guard valid.contains(set) else {
      throw reader.error(node, "rule '\(rule)' pairs sides \(roles.map(\.rawValue).joined(separator: " and ")); use side and side, home and away, or winner and loser")
    }
    if set == [.home, .away], record == .bout { throw reader.error(node, "rule '\(rule)' makes bouts but names home and away") }
    if set == [.winner, .loser], record == .fixture { throw reader.error(node, "rule '\(rule)' makes fixtures but names a winner and a loser") }
  }
}

/// What a competitor's name may hold: a name runs over capitalised words
/// (and words of scripts without case) and stops at an element of a type
/// in `never`; a type in `notAfterStart` may begin a name (`Max` is a
/// channel and a first name) but ends one that has begun; a type in
/// `inside` may stand in a name though it is lower case (`van`, `de`), and
/// one in `end` may end a name after a capitalised word (`Stade français`).
public struct NameRules: Sendable {
  public var never: Set<String> = []
  public var notAfterStart: Set<String> = []
  public var inside: Set<String> = []
  public var end: Set<String> = []
  /// Words in one name at most (a group of characters of a script written
  /// without spaces counts as one).
  public var maxWords = 6

  public init() {}
}
