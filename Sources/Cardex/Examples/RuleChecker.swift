import Foundation

/// Lints a rules folder: every file on its own, so one mistake does not hide
/// the next, then the folder as a whole.
///
/// Errors are what stops the rules loading (YAML syntax, unknown keys,
/// element types or fields, a bad sequence, an alias claimed twice).
/// Warnings are what loads but is probably wrong: a family with no
/// examples, a composition rule no example exercises, a failing example,
/// an evidence weight for a rule that does not exist, a family or rule id
/// that replaces a shipped one.
public struct RuleChecker: Sendable {
  public struct Finding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var file: String
    public var mark: Mark
    public var message: String

    public var description: String { "\(file):\(mark): \(severity.rawValue): \(message)" }
  }

  public init() {}

  /// Checks `directory`; `base` folders (the shipped rules) are loaded first
  /// so that a folder of rules can lean on the shipped vocabulary.
  public func check(directory: String, base: [String] = []) -> [Finding] {
    var findings: [Finding] = []
    let files = yamlFiles(in: directory)
    if files.isEmpty {
      return [Finding(severity: .error, file: directory, mark: Mark(line: 1, column: 1), message: RuleLoader.noRuleFiles)]
    }
    // A country file that adds names to a table read elsewhere is checked
    // with that table's file, so its codes can be found.
    let countryTables: [(name: String, text: String)] = files.compactMap { path in
      guard let text = try? RuleFileText.text(path), text.contains("lexicon: countries"), text.contains("\ntable:")
      else { return nil }
      return (path, text)
    }
    // Files that do not load on their own, and the element types they
    // declare (when their YAML can be read), for the folder's type check.
    var broken: Set<String> = []
    var declaredByBroken: Set<String> = []
    for path in files {
      do {
        let text = try RuleFileText.text(path)
        // Each file alone (a country lexicon finds its table beside it).
        let needsTable = text.contains("lexicon: countries") && !text.contains("\ntable:")
        let set = try RuleLoader().load(texts: (needsTable ? countryTables : []) + [(path, text)], checkingTypes: false)
        for family in set.families where family.examples.isEmpty {
          findings.append(Finding(severity: .warning, file: path, mark: family.mark, message: "family '\(family.id)' has no examples"))
        }
      } catch {
        findings.append(Finding(severity: .error, file: error.file, mark: error.mark, message: error.message))
        broken.insert(path)
        if let text = try? RuleFileText.text(path), let root = try? YAMLParser().parse(text, file: path),
          let type = root["element"]?.string
        {
          declaredByBroken.insert(type)
        }
      }
    }
    var isDir: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: directory, isDirectory: &isDir)
    if !isDir.boolValue { return findings }
    do {
      // The folder as a whole, less the files that do not load: every
      // unknown element type, though another file has an error of its own.
      let (rules, typeErrors) = try RuleLoader().loadForChecking(
        directories: base + [directory], skipping: broken, alsoKnown: declaredByBroken)
      for error in typeErrors { findings.append(Finding(severity: .error, file: error.file, mark: error.mark, message: error.message)) }
      // Examples and the rest need every file loaded.
      if findings.contains(where: { $0.severity == .error }) { return findings }
      if !base.isEmpty { findings += replacements(files, base: try RuleLoader().load(directories: base)) }
      let outcomes = ExampleRunner(rules: rules).run()
      let used = Set(outcomes.flatMap(\.rulesUsed))
      for rule in rules.grammar.rules where files.contains(rule.file) && !used.contains("\(rule.file):\(rule.mark)") {
        findings.append(
          Finding(severity: .warning, file: rule.file, mark: rule.mark, message: "no example is read by rule '\(rule.id)'; add one (a rule no line can match is a bug)"))
      }
      for rule in rules.grammar.rules where files.contains(rule.file) {
        if let cost = Self.costWarning(rule) { findings.append(Finding(severity: .warning, file: rule.file, mark: rule.mark, message: cost)) }
      }
      for outcome in outcomes where !outcome.passed && files.contains(outcome.file) {
        findings.append(Finding(severity: .warning, file: outcome.file, mark: outcome.mark, message: "example fails: \(outcome.failures.joined(separator: "; "))"))
      }
      findings += evidenceNames(rules, files: files)
    } catch {
      findings.append(Finding(severity: .error, file: error.file, mark: error.mark, message: error.message))
    }
    return findings
  }

  /// Weights (`weights:`, `kind:`) in the folder's evidence files for a
  /// name no feature has: a rule that does not exist, or a misspelling.
  /// Each at its key.
  private func evidenceNames(_ rules: RuleSet, files: [String]) -> [Finding] {
    let ids = Set(rules.grammar.rules.map(\.id))
    var out: [Finding] = []
    for (places, kind) in [(rules.evidence.weightPlaces, false), (rules.evidence.kindPlaces, true)] {
      for (name, place) in places where files.contains(place.file) {
        let message: String?
        if name.hasPrefix("rule.") {
          let id = String(name.dropFirst(5))
          message = ids.contains(id) ? nil : "weight '\(name)' names no composition rule\(didYouMean(id, Array(ids)))"
        } else {
          message = EvidenceFeatures.problem(name, kind: kind, rules: rules).map { "weight " + $0 }
        }
        if let message { out.append(Finding(severity: .warning, file: place.file, mark: place.mark, message: message)) }
      }
    }
    return out.sorted { ($0.file, $0.mark) < ($1.file, $1.mark) }
  }

  /// A family or composition rule in the folder that replaces a shipped one.
  private func replacements(_ files: [String], base: RuleSet) -> [Finding] {
    var out: [Finding] = []
    for path in files {
      guard let text = try? RuleFileText.text(path),
        let set = try? RuleLoader().load(texts: [(path, text)], checkingTypes: false)
      else { continue }
      for family in set.families {
        if let replaced = base.families.first(where: { $0.id == family.id }) {
          out.append(Finding(severity: .warning, file: path, mark: family.mark, message: "family '\(family.id)' replaces the one in \(replaced.file)"))
        }
      }
      for rule in set.grammar.rules {
        if let replaced = base.grammar.rules.first(where: { $0.id == rule.id }) {
          out.append(Finding(severity: .warning, file: path, mark: rule.mark, message: "rule '\(rule.id)' replaces the one in \(replaced.file)"))
        }
      }
    }
    return out
  }

  private func yamlFiles(in dir: String) -> [String] {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), !isDir.boolValue { return [dir] }
    guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
    var out: [String] = []
    while let item = walker.nextObject() as? String {
      if item.hasSuffix(".yaml") || item.hasSuffix(".yml") { out.append(dir + "/" + item) }
    }
    return out.sorted()
  }

  /// Gaps and optional terms multiply the readings a rule tries on a long
  /// line; past `RuleMatcher.stepBudget` steps a line's remaining readings
  /// are not tried.
  static func costWarning(_ rule: RecordRule) -> String? {
    let gaps = rule.terms.filter { if case .gap = $0.kind { return true } else { return false } }.count
    let optional = rule.terms.filter(\.optional).count
    guard gaps >= 3 || (gaps >= 2 && optional >= 2) else { return nil }
    return "rule '\(rule.id)' may cost much on long lines: \(gaps) gaps and \(optional) optional terms multiply the readings tried"
      + " (a line stops after \(RuleMatcher.stepBudget) steps, with a line-budget warning)"
  }
}
