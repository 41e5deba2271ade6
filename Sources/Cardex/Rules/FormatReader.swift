/// Builds a `RecordFormat` from a format file's YAML, checking every key,
/// field and pattern so that mistakes are reported where they were made.
struct FormatReader {
  let reader: RuleReader

  static let keys = [
    "version", "format", "description", "record", "sport", "ruleset", "timezone", "section", "priority", "set",
    "headings", "patterns", "examples",
  ]

  func read(_ root: YAMLNode) throws(YAMLError) -> RecordFormat {
    let r = reader
    _ = try r.mapping(root, allowed: Self.keys, what: "a format")
    try r.checkVersion(root)
    let id = try r.requiredString(root, "format", what: "a format")
    let kindName = try r.requiredString(root, "record", what: "format '\(id)'")
    guard let kind = RecordFormat.Kind(rawValue: kindName) else {
      throw r.error(root["record"]!, "record must be one of \(RecordFormat.Kind.allCases.map(\.rawValue).joined(separator: ", "))\(didYouMean(kindName, RecordFormat.Kind.allCases.map(\.rawValue)))")
    }
    let allowedFields = RecordFormat.fields(for: kind)
    var timezone: String?
    if let tz = root["timezone"] {
      let text = try r.string(tz, "'timezone'")
      guard let offset = UTCOffset.parse(text) else {
        throw r.error(tz, "timezone must be a UTC offset such as '+04:00' or 'UTC'")
      }
      timezone = offset
    }
    var requiresSection: Bool?
    var closeAfter = 6
    if let section = root["section"] {
      _ = try r.mapping(section, allowed: ["required", "closeAfter"], what: "'section'")
      if let required = section["required"] { requiresSection = try r.bool(required, "'required'", default: true) }
      closeAfter = try r.int(section["closeAfter"], "'closeAfter'", default: 6)
    }
    var headings: [RecordFormat.Heading] = []
    for node in try r.list(root["headings"] ?? .sequence([], root.mark), "'headings'") {
      let (pattern, set, scope) = try readRule(node, allowedFields: allowedFields, heading: true)
      let opens = try r.bool(node["opens"], "'opens'", default: true)
      headings.append(.init(pattern: pattern, set: set, scope: scope, opens: opens))
    }
    var records: [RecordFormat.RecordRule] = []
    for node in try r.list(root["patterns"] ?? .sequence([], root.mark), "'patterns'") {
      let (pattern, set, _) = try readRule(node, allowedFields: allowedFields, heading: false)
      try checkRecordPattern(pattern, kind: kind, node: node)
      records.append(.init(pattern: pattern, set: set))
    }
    if records.isEmpty { throw r.error(root, "format '\(id)' has no 'patterns'") }
    return RecordFormat(
      id: id, file: r.file, description: try r.optionalString(root, "description"), kind: kind,
      sport: try r.optionalString(root, "sport") ?? (kind == .bout ? "mma" : "football"),
      ruleset: try r.optionalString(root, "ruleset"), timezone: timezone,
      requiresSection: requiresSection ?? !headings.isEmpty, closeAfter: closeAfter,
      priority: try r.int(root["priority"], "'priority'", default: 0), headings: headings, records: records,
      examples: try readExamples(root["examples"]),
      set: try readSet(root["set"], allowedFields: allowedFields))
  }

  /// A pattern given as a string, or as a mapping with `pattern`, `set` and
  /// (for headings) `scope`.
  private func readRule(_ node: YAMLNode, allowedFields: Set<String>, heading: Bool) throws(YAMLError) -> (Pattern, [String: String], RecordFormat.Scope) {
    let r = reader
    var patternNode = node
    var set: [String: String] = [:]
    var scope = RecordFormat.Scope.section
    if case .mapping = node {
      _ = try r.mapping(node, allowed: heading ? ["pattern", "set", "scope", "opens"] : ["pattern", "set"], what: heading ? "a heading" : "a pattern")
      guard let p = node["pattern"] else { throw r.error(node, "needs a 'pattern' key") }
      patternNode = p
      set = try readSet(node["set"], allowedFields: allowedFields)
      if let s = node["scope"] {
        let name = try r.string(s, "'scope'")
        guard let v = RecordFormat.Scope(rawValue: name) else {
          throw r.error(s, "scope must be 'section' or 'next'")
        }
        scope = v
      }
    }
    let text = try r.string(patternNode, "a pattern")
    // A plain scalar's text starts at its mark; a quoted one a column later.
    var mark = patternNode.mark
    if case .scalar(_, _, let quoted) = patternNode, quoted { mark.column += 1 }
    let pattern = try Pattern(text, file: r.file, mark: mark)
    for field in pattern.fields where !allowedFields.contains(field) {
      throw YAMLError(
        file: r.file, mark: mark,
        message: "unknown field '\(field)' in pattern\(didYouMean(field, Array(allowedFields))); fields of this record: \(allowedFields.sorted().joined(separator: ", "))")
    }
    return (pattern, set, scope)
  }

  private func checkRecordPattern(_ pattern: Pattern, kind: RecordFormat.Kind, node: YAMLNode) throws(YAMLError) {
    // Every variant, not just the pattern as a whole: a side inside an
    // optional group would give records with one fighter.
    let ok = pattern.variants.allSatisfy { variant in
      var f = Set<String>()
      for case .slot(let field, _) in variant { f.insert(field) }
      switch kind {
      case .bout: return (f.contains("fighter1") && f.contains("fighter2")) || (f.contains("winner") && f.contains("loser"))
      case .fixture: return f.contains("home") && f.contains("away")
      }
    }
    if !ok {
      let need = kind == .bout ? "{fighter1} and {fighter2}, or {winner} and {loser}" : "{home} and {away}"
      throw YAMLError(file: reader.file, mark: pattern.mark, message: "a \(kind.rawValue) pattern needs \(need), outside any optional group")
    }
  }

  private func readSet(_ node: YAMLNode?, allowedFields: Set<String>) throws(YAMLError) -> [String: String] {
    guard let node else { return [:] }
    var out: [String: String] = [:]
    for (key, value) in try reader.mapping(node, allowed: allowedFields.sorted(), what: "'set'") {
      out[key.string ?? ""] = try reader.string(value, "a value in 'set'")
    }
    return out
  }

  private func readExamples(_ node: YAMLNode?) throws(YAMLError) -> [RecordFormat.Example] {
    guard let node else { return [] }
    var out: [RecordFormat.Example] = []
    for item in try reader.list(node, "'examples'") {
      _ = try reader.mapping(item, allowed: ["text", "records"], what: "an example")
      let text = try reader.requiredString(item, "text", what: "an example")
      var expected: [[String: String]] = []
      for rec in try reader.list(item["records"] ?? .sequence([], item.mark), "'records'") {
        var fields: [String: String] = [:]
        for (k, v) in try reader.mapping(rec, allowed: rec.keys, what: "an expected record") {
          fields[k.string ?? ""] = try reader.string(v, "an expected value")
        }
        expected.append(fields)
      }
      out.append(.init(text: text, expected: expected, mark: item.mark))
    }
    return out
  }
}
