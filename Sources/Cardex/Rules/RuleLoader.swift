import Foundation

/// Reads rule folders into a `RuleSet`.
///
/// Folders are read in order; a file in a later folder with the same path
/// relative to its folder replaces the earlier one, a format with the same id
/// replaces the earlier format, and lexicon entries are added to (or replace)
/// what is there. That is how `--rules DIR` adds to or overrides the shipped
/// rules without copying them.
public struct RuleLoader: Sendable {
  public init() {}

  /// The shipped rules: `$CARDEX_RULES`, else the `Rules` folder of the
  /// package the executable was built in, else `./Rules`.
  public static func defaultRulesDirectory(executablePath: String) -> String? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["CARDEX_RULES"], !env.isEmpty { return env }
    // Started through PATH, argv[0] is a bare name: ask the kernel instead.
    var path = executablePath
    if !path.contains("/"), let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { path = exe }
    var dir = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
      let share = dir.appendingPathComponent("share/cardex/Rules").path
      if fm.fileExists(atPath: share) { return share }
      let candidate = dir.appendingPathComponent("Rules").path
      if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path), fm.fileExists(atPath: candidate) {
        return candidate
      }
      dir = dir.deletingLastPathComponent()
    }
    let cwd = fm.currentDirectoryPath + "/Rules"
    return fm.fileExists(atPath: cwd) ? cwd : nil
  }

  /// Loads every rule file under `directories`, later folders overriding earlier.
  public func load(directories: [String]) throws(YAMLError) -> RuleSet {
    var byRelativePath: [String: String] = [:]
    var order: [String] = []
    for dir in directories {
      for relative in try ruleFiles(in: dir) {
        if byRelativePath[relative] == nil { order.append(relative) }
        byRelativePath[relative] = dir + "/" + relative
      }
    }
    var documents: [(path: String, root: YAMLNode)] = []
    for relative in order {
      guard let path = byRelativePath[relative] else { continue }
      documents.append((path, try parse(path)))
    }
    return try build(documents)
  }

  /// Builds a rule set from files already in memory: `(name, text)` pairs.
  /// Used by tests and by `rules check` on single files.
  public func load(texts: [(name: String, text: String)]) throws(YAMLError) -> RuleSet {
    var documents: [(path: String, root: YAMLNode)] = []
    for (name, text) in texts {
      documents.append((name, try YAMLParser().parse(text, file: name)))
    }
    return try build(documents)
  }

  private func ruleFiles(in dir: String) throws(YAMLError) -> [String] {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
      throw YAMLError(file: dir, mark: Mark(line: 1, column: 1), message: "rules folder does not exist or is not a folder")
    }
    guard let walker = fm.enumerator(atPath: dir) else { return [] }
    var out: [String] = []
    while let item = walker.nextObject() as? String {
      if item.hasSuffix(".yaml") || item.hasSuffix(".yml") { out.append(item) }
    }
    return out.sorted()
  }

  private func parse(_ path: String) throws(YAMLError) -> YAMLNode {
    let text = try readText(path)
    return try YAMLParser().parse(text, file: path)
  }

  /// Rule files are written by hand; anything this large is a mistake or an
  /// attack, and is refused before it is parsed.
  public static let maxRuleFileBytes = 4 << 20

  private func readText(_ path: String) throws(YAMLError) -> String {
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Self.maxRuleFileBytes {
      throw YAMLError(
        file: path, mark: Mark(line: 1, column: 1),
        message: "rule file is \(size / 1_048_576) MB; rule files may be at most \(Self.maxRuleFileBytes / 1_048_576) MB")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw YAMLError(file: path, mark: Mark(line: 1, column: 1), message: "cannot read rule file")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw YAMLError(file: path, mark: Mark(line: 1, column: 1), message: "rule file is not valid UTF-8")
    }
    return text
  }

  private func build(_ documents: [(path: String, root: YAMLNode)]) throws(YAMLError) -> RuleSet {
    var rules = RuleSet()
    rules.files = documents.map(\.path)
    var countryAliases: [(code: String?, name: String?, entry: Int, note: String?)] = []
    var formatFiles: [(path: String, root: YAMLNode)] = []
    for (path, root) in documents {
      let reader = RuleReader(file: path)
      guard case .mapping = root else { throw reader.error(root, "a rule file must be a mapping with 'version', and 'lexicon' or 'format'") }
      if root["format"] != nil {
        formatFiles.append((path, root))
        continue
      }
      guard let lexicon = root["lexicon"] else {
        throw reader.error(root, "a rule file needs a 'lexicon' or a 'format' key")
      }
      try reader.checkVersion(root)
      switch lexicon.string {
      case "weight-classes": try loadWeightClasses(root, reader, into: &rules.weightClasses)
      case "countries": try loadCountries(root, reader, path: path, into: &rules.countries, aliases: &countryAliases)
      case "competitions": try loadCompetitions(root, reader, into: &rules.competitions)
      case "separators": try loadSeparators(root, reader, into: &rules.separators)
      default:
        let known = ["weight-classes", "countries", "competitions", "separators"]
        throw reader.error(lexicon, "unknown lexicon '\(lexicon.string ?? "")'\(didYouMean(lexicon.string ?? "", known)); known: \(known.joined(separator: ", "))")
      }
    }
    rules.countries.index(aliases: countryAliases)
    rules.weightClasses.finish()
    for (path, root) in formatFiles {
      let format = try FormatReader(reader: RuleReader(file: path)).read(root)
      if let i = rules.formats.firstIndex(where: { $0.id == format.id }) {
        rules.formats[i] = format
      } else {
        rules.formats.append(format)
      }
    }
    rules.formats.sort { ($0.priority, $1.id) > ($1.priority, $0.id) }
    return rules
  }

  // MARK: Lexicons

  private func loadWeightClasses(_ root: YAMLNode, _ r: RuleReader, into lexicon: inout WeightClassLexicon) throws(YAMLError) {
    _ = try r.mapping(root, allowed: ["version", "lexicon", "women", "aliases", "tables"], what: "a weight-class lexicon")
    for p in try r.stringList(root["women"], "'women'") { lexicon.womenPrefixes.insert(p, true) }
    if let aliases = root["aliases"] {
      for (key, value) in try r.mapping(aliases, allowed: aliases.keys, what: "'aliases'") {
        let canonical = try r.string(key, "a class name")
        lexicon.spellings.insert(canonical, canonical)
        for a in try r.stringList(value, "the aliases of '\(canonical)'") {
          if let other = lexicon.sharedAliases[a.lowercased()], other != canonical {
            throw r.error(value, "alias '\(a)' is claimed by both '\(other)' and '\(canonical)'")
          }
          lexicon.sharedAliases[a.lowercased()] = canonical
          lexicon.spellings.insert(a, a)
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
        lexicon.spellings.insert(name, name)
        for a in try r.stringList(classNode["aliases"], "'aliases'") {
          if let other = table.aliases[a.lowercased()], other != name {
            throw r.error(classNode, "alias '\(a)' is claimed by both '\(other)' and '\(name)' in table '\(ruleset)'")
          }
          table.aliases[a.lowercased()] = name
          lexicon.spellings.insert(a, a)
        }
      }
      if let i = lexicon.tables.firstIndex(where: { $0.sport == sport && $0.ruleset == ruleset }) {
        lexicon.tables[i] = table
      } else {
        lexicon.tables.append(table)
      }
    }
  }

  private func loadCountries(
    _ root: YAMLNode, _ r: RuleReader, path: String, into lexicon: inout CountryLexicon,
    aliases: inout [(code: String?, name: String?, entry: Int, note: String?)]
  ) throws(YAMLError) {
    _ = try r.mapping(root, allowed: ["version", "lexicon", "table", "overrides", "entities", "aliases"], what: "a country lexicon")
    if let tableNode = root["table"] {
      let name = try r.string(tableNode, "'table'")
      let csvPath = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name).path
      guard let data = FileManager.default.contents(atPath: csvPath), let text = String(validating: data, as: UTF8.self) else {
        throw r.error(tableNode, "cannot read country table '\(csvPath)'")
      }
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

  private func loadCompetitions(_ root: YAMLNode, _ r: RuleReader, into lexicon: inout CompetitionLexicon) throws(YAMLError) {
    _ = try r.mapping(root, allowed: ["version", "lexicon", "competitions"], what: "a competition lexicon")
    for node in try r.list(root["competitions"] ?? .sequence([], root.mark), "'competitions'") {
      _ = try r.mapping(node, allowed: ["name", "sport", "aliases"], what: "a competition")
      let entry = CompetitionLexicon.Entry(
        name: try r.requiredString(node, "name", what: "a competition"), sport: try r.optionalString(node, "sport"))
      lexicon.spellings.insert(entry.name, entry)
      for a in try r.stringList(node["aliases"], "'aliases'") { lexicon.spellings.insert(a, entry) }
    }
  }

  private func loadSeparators(_ root: YAMLNode, _ r: RuleReader, into table: inout PhraseTable<String>) throws(YAMLError) {
    _ = try r.mapping(root, allowed: ["version", "lexicon", "separators"], what: "a separator lexicon")
    for s in try r.stringList(root["separators"], "'separators'") { table.insert(s, s) }
  }
}

extension YAMLNode {
  /// The keys of a mapping, as strings.
  var keys: [String] {
    guard case .mapping(let pairs, _) = self else { return [] }
    return pairs.compactMap { $0.key.string }
  }
}
