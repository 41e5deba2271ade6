import Foundation

/// Lints a rules folder: every file on its own, so one mistake does not hide
/// the next, then the folder as a whole.
///
/// Errors are what stops the rules loading (YAML syntax, unknown keys, slot
/// types, fields or lexicons, an alias claimed twice). Warnings are what
/// loads but is probably wrong: a format with no examples, a pattern no
/// example exercises (often one that can never match), a format id used twice.
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
  /// so that a folder of formats can lean on the shipped lexicons.
  public func check(directory: String, base: [String] = []) -> [Finding] {
    var findings: [Finding] = []
    let files = yamlFiles(in: directory)
    if files.isEmpty {
      return [Finding(severity: .error, file: directory, mark: Mark(line: 1, column: 1), message: "no rule files (*.yaml) in this folder")]
    }
    var ids: [String: String] = [:]
    for path in files {
      let text: String
      guard let data = FileManager.default.contents(atPath: path) else {
        findings.append(Finding(severity: .error, file: path, mark: Mark(line: 1, column: 1), message: "cannot read rule file"))
        continue
      }
      guard let t = String(validating: data, as: UTF8.self) else {
        findings.append(Finding(severity: .error, file: path, mark: Mark(line: 1, column: 1), message: "rule file is not valid UTF-8"))
        continue
      }
      text = t
      do {
        // Each file alone (a country lexicon finds its table beside it).
        let root = try YAMLParser().parse(text, file: path)
        let set = try RuleLoader().load(texts: [(path, text)])
        let formatMark = root["format"]?.mark ?? Mark(line: 1, column: 1)
        for format in set.formats {
          if let other = ids[format.id] {
            findings.append(Finding(severity: .warning, file: path, mark: formatMark, message: "format id '\(format.id)' is also used in \(other); the later file wins"))
          }
          ids[format.id] = path
          if format.examples.isEmpty {
            findings.append(Finding(severity: .warning, file: path, mark: formatMark, message: "format '\(format.id)' has no examples"))
          }
        }
      } catch {
        findings.append(Finding(severity: .error, file: error.file, mark: error.mark, message: error.message))
      }
    }
    var isDir: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: directory, isDirectory: &isDir)
    if findings.contains(where: { $0.severity == .error }) || !isDir.boolValue { return findings }
    // The folder as a whole, over the base rules: lexicon files, and which
    // patterns the examples exercise.
    do {
      if !base.isEmpty {
        let shipped = try RuleLoader().load(directories: base)
        for path in files {
          guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let set = try? RuleLoader().load(texts: [(path, text)])
          else { continue }
          for format in set.formats {
            if let replaced = shipped.formats.first(where: { $0.id == format.id }) {
              findings.append(Finding(severity: .warning, file: path, mark: Mark(line: 1, column: 1), message: "format '\(format.id)' replaces the one in \(replaced.file)"))
            }
          }
        }
      }
      let rules = try RuleLoader().load(directories: base + [directory])
      let used = exercisedPatterns(rules)
      for format in rules.formats where files.contains(format.file) {
        for rule in format.records where !used.contains("\(rule.pattern.file):\(rule.pattern.mark)") {
          findings.append(Finding(severity: .warning, file: rule.pattern.file, mark: rule.pattern.mark, message: "no example of format '\(format.id)' is taken by this pattern; add one (a pattern no line can match is a bug)"))
        }
      }
      for outcome in ExampleRunner(rules: rules).run() where !outcome.passed && files.contains(outcome.file) {
        findings.append(Finding(severity: .warning, file: outcome.file, mark: outcome.mark, message: "example fails: \(outcome.failures.joined(separator: "; "))"))
      }
    } catch {
      findings.append(Finding(severity: .error, file: error.file, mark: error.mark, message: error.message))
    }
    return findings
  }

  /// `file:line:column` of every record pattern that some example's text
  /// produced a record with.
  private func exercisedPatterns(_ rules: RuleSet) -> Set<String> {
    let extractor = Extractor(rules: rules)
    var used = Set<String>()
    for format in rules.formats {
      for example in format.examples {
        var session = extractor.session(source: "example", explain: true)
        var splitter = LineSplitter()
        var items: [ExtractedItem] = []
        splitter.feed(Array(example.text.utf8)[...]) { n, line in items += session.consume(line: line, number: n) }
        splitter.finish { n, line in items += session.consume(line: line, number: n) }
        for case .explanation(let e) in items where e.kind == .record { used.insert(e.patternLocation) }
      }
    }
    return used
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
}
