import Foundation

/// Reads rule folders into a `RuleSet`.
///
/// Folders are read in order; a file in a later folder with the same path
/// relative to its folder replaces the earlier one, a format with the same id
/// replaces the earlier format, and lexicon entries are added to (or replace)
/// what is there. That is how `--rules DIR` adds to or overrides the shipped
/// rules without copying them.
public struct RuleLoader: Sendable {
  /// Read only what the feed checks need (`cardex validate`): the lexicons
  /// (weight classes, countries, competitions) and the demonyms among the
  /// element files. Every file is still parsed, so a broken one is still an
  /// error; the grammar, evidence, families and other element files are
  /// not built, which was most of `validate`'s start-up (0.12 s).
  public var lexiconsOnly: Bool

  public init(lexiconsOnly: Bool = false) {
    self.lexiconsOnly = lexiconsOnly
  }

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
    try build(try documents(in: directories, skipping: [])).rules
  }

  /// For `rules check`: the folders' rules without the files in `skipping`
  /// (those that do not load on their own), with every unknown element
  /// type their grammar names (not only the first), each at its place.
  /// `alsoKnown` are types the skipped files declare, so that a broken
  /// element file does not make each use of its type an error too.
  func loadForChecking(directories: [String], skipping: Set<String>, alsoKnown: Set<String>) throws(YAMLError) -> (
    rules: RuleSet, typeErrors: [YAMLError]
  ) {
    let (rules, grammarFiles, _) = try build(try documents(in: directories, skipping: skipping), checkingTypes: false)
    return (rules, typeErrors(rules, grammarFiles, alsoKnown: alsoKnown))
  }

  /// The parsed rule files of `directories`, a later folder's file
  /// replacing an earlier one with the same relative path.
  private func documents(in directories: [String], skipping: Set<String>) throws(YAMLError) -> [(path: String, root: YAMLNode)] {
    var documents: [(path: String, root: YAMLNode)] = []
    for path in try documentPaths(in: directories, skipping: skipping) {
      documents.append((path, try parse(path)))
    }
    return documents
  }

  /// The rule files of `directories`, in the order they are read, a later
  /// folder's file replacing an earlier one with the same relative path.
  func documentPaths(in directories: [String], skipping: Set<String>) throws(YAMLError) -> [String] {
    var byRelativePath: [String: String] = [:]
    var order: [String] = []
    for dir in directories {
      let files = try ruleFiles(in: dir)
      // An empty folder is a mistake (a wrong path, a lost checkout), not a
      // request for no rules: `rules check` says so, and so does `parse`.
      if files.isEmpty { throw YAMLError(file: dir, mark: Mark(line: 1, column: 1), message: Self.noRuleFiles) }
      for relative in files {
        if byRelativePath[relative] == nil { order.append(relative) }
        byRelativePath[relative] = dir + "/" + relative
      }
    }
    return order.compactMap { relative in
      guard let path = byRelativePath[relative], !skipping.contains(path) else { return nil }
      return path
    }
  }

  /// Builds a rule set from files already in memory: `(name, text)` pairs.
  /// Used by tests and by `rules check` on single files.
  /// `checkingTypes: false` reads a file on its own (`rules check`), when
  /// the element types its grammar names are declared in other files.
  public func load(texts: [(name: String, text: String)], checkingTypes: Bool = true) throws(YAMLError) -> RuleSet {
    var documents: [(path: String, root: YAMLNode)] = []
    for (name, text) in texts {
      documents.append((name, try YAMLParser().parse(text, file: name)))
    }
    return try build(documents, checkingTypes: checkingTypes).rules
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
    try YAMLParser().parse(try RuleFileText.text(path), file: path)
  }

  /// Rule files are written by hand; anything this large is a mistake or an
  /// attack, and is refused before it is parsed.
  public static let maxRuleFileBytes = RuleFileText.maxBytes

  /// The rule set, the grammar files (for `typeErrors`) and the tables
  /// the lexicons read beside the rule files (for `RuleCache`).
  func build(_ documents: [(path: String, root: YAMLNode)], checkingTypes: Bool = true) throws(YAMLError) -> (
    rules: RuleSet, grammarFiles: [(RuleReader, YAMLNode)], tables: [RuleSource]
  ) {
    var rules = RuleSet()
    rules.files = documents.map(\.path)
    var lexicons = LexiconReader()
    var grammarFiles: [(RuleReader, YAMLNode)] = []
    for (path, root) in documents {
      let reader = RuleReader(file: path)
      guard case .mapping = root else {
        throw reader.error(root, "a rule file must be a mapping with 'version' and one of \(Self.kinds.joined(separator: ", "))")
      }
      if let format = root["format"] {
        throw reader.error(
          format, "format files were replaced in rule version 2 by grammar rules and families (docs/rules.md, 'From formats to families')")
      }
      if root["lexicon"] != nil {
        try lexicons.read(root, reader, path: path, into: &rules)
      } else if lexiconsOnly {
        if root["element"]?.string == "demonym" { try ElementFileReader(reader: reader).read(root, into: &rules.elements) }
      } else if root["element"] != nil {
        try ElementFileReader(reader: reader).read(root, into: &rules.elements)
      } else if root["grammar"] != nil {
        grammarFiles.append((reader, root))
      } else if root["evidence"] != nil {
        try EvidenceReader(reader: reader).read(root, into: &rules.evidence)
      } else if root["family"] != nil {
        let family = try FamilyReader(reader: reader).read(root)
        if let i = rules.families.firstIndex(where: { $0.id == family.id }) { rules.families[i] = family } else { rules.families.append(family) }
      } else {
        throw reader.error(root, "a rule file needs one of the keys \(Self.kinds.joined(separator: ", "))")
      }
    }
    for (reader, root) in grammarFiles { try GrammarReader(reader: reader).read(root, into: &rules.grammar) }
    lexicons.finish(&rules, elements: !lexiconsOnly)
    rules.families.sort { ($0.priority, $1.id) > ($1.priority, $0.id) }
    if checkingTypes && !lexiconsOnly, let first = typeErrors(rules, grammarFiles).first { throw first }
    return (rules, grammarFiles, lexicons.tables)
  }

  /// What a rules folder with no rule file in it gets, from `parse` and
  /// `rules check` alike.
  static let noRuleFiles = "no rule files (*.yaml) in this folder"

  /// The keys that say what a rule file is.
  static let kinds = ["lexicon", "element", "grammar", "evidence", "family"]

  /// Every element type the grammar names must be declared by an element
  /// file, a lexicon or a shape: a misspelt type would silently match
  /// nothing. Each unknown type is reported where it is written (a
  /// sequence term, a rule's `needs`/`unless`, an item of `annotations`,
  /// `headings` or `names`), in file order.
  private func typeErrors(_ rules: RuleSet, _ grammarFiles: [(RuleReader, YAMLNode)], alsoKnown: Set<String> = []) -> [YAMLError] {
    let known = rules.elements.types.union(GrammarTerm.shapeTypes).union(["country", "weight-class", "competition", "women-word"])
      .union(alsoKnown)
    func unknown(_ type: String) -> String { "unknown element type '\(type)'\(didYouMean(type, Array(known)))" }
    var errors: [YAMLError] = []
    for rule in rules.grammar.rules {
      for term in rule.terms {
        guard case .element(let type, _, _) = term.kind, !known.contains(type) else { continue }
        errors.append(YAMLError(file: rule.file, mark: term.mark, message: "\(unknown(type)); no element file, lexicon or shape declares it"))
      }
      for type in rule.needs.union(rule.unless).sorted() where !known.contains(type) {
        errors.append(
          YAMLError(
            file: rule.file, mark: rule.mark,
            message: "rule '\(rule.id)' names unknown element type '\(type)'\(didYouMean(type, Array(known))) in 'needs' or 'unless'"))
      }
    }
    for (reader, root) in grammarFiles {
      var sections: [(YAMLNode, [String])] = []
      if let a = root["annotations"] { sections.append((a, ["lead", "note", "tail"])) }
      for section in ["headings", "names"] {
        guard let h = root[section] else { continue }
        sections.append((h, h.keys.filter { $0 != "max-words" }))
      }
      for (node, keys) in sections {
        for key in keys {
          guard let list = node[key] else { continue }
          // Each item where it stands (a one-word scalar is a list of one).
          let items: [YAMLNode] = if case .sequence(let items, _) = list { items } else { [list] }
          for item in items {
            guard let type = item.string, !known.contains(type) else { continue }
            errors.append(reader.error(item, unknown(type)))
          }
        }
      }
    }
    return errors.sorted { ($0.file, $0.mark) < ($1.file, $1.mark) }
  }
}

extension YAMLNode {
  /// The keys of a mapping, as strings.
  var keys: [String] {
    guard case .mapping(let pairs, _) = self else { return [] }
    return pairs.compactMap { $0.key.string }
  }
}
