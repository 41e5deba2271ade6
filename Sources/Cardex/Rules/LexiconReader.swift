import Foundation

/// Reads the lexicon files (weight classes, countries, competitions),
/// which keep the shape they had in rule version 1, and puts their
/// spellings into the element lexicon once all are read.
struct LexiconReader {
  var countryAliases: [(code: String?, name: String?, entry: Int, note: String?)] = []
  /// The tables read beside the rule files (`countries.csv`), as read: a
  /// compiled-rules cache depends on them as on the rule files.
  var tables: [RuleSource] = []

  static let kinds = ["weight-classes", "countries", "competitions"]

  mutating func read(_ root: YAMLNode, _ r: RuleReader, path: String, into rules: inout RuleSet) throws(YAMLError) {
    try r.checkVersion(root)
    guard let lexicon = root["lexicon"] else { return }
    switch lexicon.string {
    case "weight-classes": try loadWeightClasses(root, r, into: &rules.weightClasses)
    case "countries": try loadCountries(root, r, path: path, into: &rules.countries, aliases: &countryAliases, tables: &tables)
    case "competitions": try loadCompetitions(root, r, into: &rules.competitions)
    case "separators":
      throw r.error(lexicon, "the separators lexicon is an element file in rule version 2 (element: separator; see Rules/elements/separators.yaml)")
    default:
      throw r.error(lexicon, "unknown lexicon '\(lexicon.string ?? "")'\(didYouMean(lexicon.string ?? "", Self.kinds)); known: \(Self.kinds.joined(separator: ", "))")
    }
  }

  /// Indexes the lexicons and adds their spellings to the element lexicon:
  /// `weight-class`, `women-word`, `country` (names; codes are read by
  /// shape) and `competition` (tagged with its sport).
  ///
  /// With `elements: false` (`RuleLoader.lexiconsOnly`) only the lexicons
  /// are indexed, with the demonyms the element files gave: what the feed
  /// checks read, not what the matcher reads.
  func finish(_ rules: inout RuleSet, elements: Bool = true) {
    rules.countries.index(aliases: countryAliases)
    rules.weightClasses.finish()
    guard elements else {
      for e in rules.elements.entries where e.type == "demonym" { _ = rules.countries.addDemonym(e.phrase, code: e.value) }
      return
    }
    for s in Set(rules.weightClasses.spellings).sorted() {
      rules.elements.add(ElementEntry(type: "weight-class", phrase: s, value: s))
    }
    for w in Set(rules.weightClasses.womenWords).sorted() {
      rules.elements.add(ElementEntry(type: "women-word", phrase: w, value: w))
    }
    for e in rules.elements.entries where e.type == "demonym" {
      _ = rules.countries.addDemonym(e.phrase, code: e.value)
    }
    for n in rules.countries.allNames.sorted() {
      rules.elements.add(ElementEntry(type: "country", phrase: n, value: n, tags: ["name"]))
    }
    for (spelling, entry) in rules.competitions.spellings {
      // A short abbreviation in capitals (`VFL`, `EPL`, `MLS`) is matched in
      // capitals only: in other case it is a word or a club's name (`VfL`).
      let abbreviation = spelling.count <= 5 && spelling == spelling.uppercased() && spelling != spelling.lowercased()
      // A name that opens with a capitalised article (`La Liga`, `Le
      // Championnat`) is that name only so written: `de la Liga MX`.
      let article = ElementFileReader.opensWithArticle(spelling)
      rules.elements.add(
        ElementEntry(
          type: "competition", phrase: spelling, value: entry.name, tags: entry.sport.map { [$0] } ?? [], caseSensitive: abbreviation || article))
    }
  }

  func loadWeightClasses(_ root: YAMLNode, _ r: RuleReader, into lexicon: inout WeightClassLexicon) throws(YAMLError) {
    _ = try r.mapping(root, allowed: ["version", "lexicon", "women", "aliases", "tables"], what: "a weight-class lexicon")
    for p in try r.stringList(root["women"], "'women'") { lexicon.womenWords.append(p) }
    if let aliases = root["aliases"] {
      for (key, value) in try r.mapping(aliases, allowed: aliases.keys, what: "'aliases'") {
        let canonical = try r.string(key, "a class name")
        lexicon.spellings.append(canonical)
        for a in try r.stringList(value, "the aliases of '\(canonical)'") {
          if let other = lexicon.sharedAliases[a.lowercased()], other != canonical {
            throw r.error(value, "alias '\(a)' is claimed by both '\(other)' and '\(canonical)'")
          }
          lexicon.sharedAliases[a.lowercased()] = canonical
          lexicon.spellings.append(a)
        }
      }
    }
    for tableNode in try r.list(root["tables"] ?? .sequence([], root.mark), "'tables'") {
      _ = try r.mapping(tableNode, allowed: ["sport", "ruleset", "unit", "classes", "source"], what: "a weight-class table")
      let sport = try r.requiredString(tableNode, "sport", what: "a weight-class table")
      let ruleset = try r.requiredString(tableNode, "ruleset", what: "a weight-class table")
      let unit = try r.optionalString(tableNode, "unit") ?? "lb"
      guard unit == "lb" || unit == "kg" else { throw r.error(tableNode["unit"]!, "unit must be lb or kg") }
      var table = WeightClassLexicon.Table(sport: sport, ruleset: ruleset, limits: [:], aliases: [:])
      for classNode in try r.list(tableNode["classes"] ?? .sequence([], tableNode.mark), "'classes'") {
        _ = try r.mapping(classNode, allowed: ["name", "limit", "aliases"], what: "a weight class")
        let name = try r.requiredString(classNode, "name", what: "a weight class")
        var limit: Weight?
        if let l = classNode["limit"], !l.isNull {
          let v = try r.number(l, "'limit'")
          limit = unit == "kg" ? .kilograms(v) : .pounds(v)
        }
        if table.limits[name] != nil { throw r.error(classNode, "class '\(name)' is listed twice in table '\(ruleset)'") }
        table.limits[name] = limit
        lexicon.spellings.append(name)
        for a in try r.stringList(classNode["aliases"], "'aliases'") {
          if let other = table.aliases[a.lowercased()], other != name {
            throw r.error(classNode, "alias '\(a)' is claimed by both '\(other)' and '\(name)' in table '\(ruleset)'")
          }
          table.aliases[a.lowercased()] = name
          lexicon.spellings.append(a)
        }
      }
      if let i = lexicon.tables.firstIndex(where: { $0.sport == sport && $0.ruleset == ruleset }) {
        lexicon.tables[i] = table
      } else {
        lexicon.tables.append(table)
      }
    }
  }

  func loadCountries(
    _ root: YAMLNode, _ r: RuleReader, path: String, into lexicon: inout CountryLexicon,
    aliases: inout [(code: String?, name: String?, entry: Int, note: String?)], tables: inout [RuleSource]
  ) throws(YAMLError) {
    _ = try r.mapping(root, allowed: ["version", "lexicon", "table", "overrides", "entities", "aliases"], what: "a country lexicon")
    if let tableNode = root["table"] {
      let name = try r.string(tableNode, "'table'")
      let csvPath = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name).path
      guard let data = FileManager.default.contents(atPath: csvPath), let text = String(validating: data, as: UTF8.self) else {
        throw r.error(tableNode, "cannot read country table '\(csvPath)'")
      }
      tables.append(RuleSource(path: csvPath, bytes: Array(data)))
      lexicon.entries += try CountryTable.parse(text, file: csvPath)
    }
    func find(_ node: YAMLNode) throws(YAMLError) -> Int {
      let iso3 = try r.requiredString(node, "iso3", what: "this entry")
      guard let i = lexicon.entries.firstIndex(where: { $0.iso3 == iso3 }) else {
        throw r.error(node["iso3"]!, "no country with ISO alpha-3 code '\(iso3)' in the country table")
      }
      return i
    }
    for node in try r.list(root["overrides"] ?? .sequence([], root.mark), "'overrides'") {
      _ = try r.mapping(node, allowed: ["iso3", "iso2", "ioc", "fifa", "name", "reason"], what: "an override")
      let i = try find(node)
      if let v = try r.optionalString(node, "ioc") { lexicon.entries[i].ioc = v }
      if let v = try r.optionalString(node, "fifa") { lexicon.entries[i].fifa = v }
      if let v = try r.optionalString(node, "iso2") { lexicon.entries[i].iso2 = v }
      if let v = try r.optionalString(node, "name") { lexicon.entries[i].name = v }
    }
    for node in try r.list(root["entities"] ?? .sequence([], root.mark), "'entities'") {
      _ = try r.mapping(node, allowed: ["name", "iso2", "iso3", "ioc", "fifa", "note"], what: "an entity")
      lexicon.entries.append(
        .init(
          iso2: try r.optionalString(node, "iso2"), iso3: try r.optionalString(node, "iso3"),
          ioc: try r.optionalString(node, "ioc"), fifa: try r.optionalString(node, "fifa"),
          name: try r.requiredString(node, "name", what: "an entity"), note: try r.optionalString(node, "note")))
    }
    for node in try r.list(root["aliases"] ?? .sequence([], root.mark), "'aliases'") {
      _ = try r.mapping(node, allowed: ["code", "name", "iso3", "note"], what: "an alias")
      let code = try r.optionalString(node, "code")
      let name = try r.optionalString(node, "name")
      if code == nil && name == nil { throw r.error(node, "an alias needs a 'code' or a 'name'") }
      let note = try r.optionalString(node, "note")
      aliases.append((code, name, try find(node), code.map { c in "\(c) is not an IOC, FIFA or ISO code" + (note.map { "; \($0)" } ?? "") } ?? note))
    }
  }

  func loadCompetitions(_ root: YAMLNode, _ r: RuleReader, into lexicon: inout CompetitionLexicon) throws(YAMLError) {
    _ = try r.mapping(root, allowed: ["version", "lexicon", "competitions"], what: "a competition lexicon")
    for node in try r.list(root["competitions"] ?? .sequence([], root.mark), "'competitions'") {
      _ = try r.mapping(node, allowed: ["name", "sport", "aliases"], what: "a competition")
      let entry = CompetitionLexicon.Entry(
        name: try r.requiredString(node, "name", what: "a competition"), sport: try r.optionalString(node, "sport"))
      lexicon.add(entry.name, entry)
      for a in try r.stringList(node["aliases"], "'aliases'") { lexicon.add(a, entry) }
    }
  }
}
