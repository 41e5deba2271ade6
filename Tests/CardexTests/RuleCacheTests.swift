import Foundation
import Testing

@testable import Cardex

/// The compiled-rules cache makes start-up faster and nothing else: a hit
/// gives the rules a build gives, and anything it cannot vouch for is a
/// miss.
@Suite struct RuleCacheTests {
  /// A copy of the shipped rules and an empty cache folder, removed by
  /// the caller; the tests edit the copy.
  static func workspace() throws -> (root: URL, rules: String, cache: RuleCache) {
    let root = try temporaryDirectory()
    let rules = root.appendingPathComponent("Rules")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Repo.rules), to: rules)
    return (root, rules.path, RuleCache(directory: root.appendingPathComponent("cache").path, version: "test"))
  }

  static func entry(_ cache: RuleCache, _ rules: String) throws -> (path: String, key: String, files: [String]) {
    let key = try #require(cache.key(directories: [rules], lexiconsOnly: false))
    return (cache.path(for: key), key, try RuleLoader().documentPaths(in: [rules], skipping: []))
  }

  @Test func writingAndReadingKeepsEveryStoredProperty() throws {
    for loader in [RuleLoader(), RuleLoader(lexiconsOnly: true)] {
      let built = try loader.load(directories: [Repo.rules])
      var w = BinaryWriter()
      w.value(built)
      let read = try w.finished().withUnsafeBytes { raw in
        var r = try BinaryReader(raw)
        defer { #expect(r.isAtEnd) }
        return try RuleSet(from: &r)
      }
      #expect(canonical(read) == canonical(built))
    }
  }

  @Test func aHitGivesWhatABuildGives() throws {
    let (root, rules, cache) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let cold = try RuleLoader().load(directories: [rules])
    let first = try RuleLoader().load(directories: [rules], cache: cache)
    let entry = try Self.entry(cache, rules)
    let hit = try #require(cache.read(key: entry.key, files: entry.files))
    let second = try RuleLoader().load(directories: [rules], cache: cache)
    #expect(canonical(first) == canonical(cold))
    #expect(canonical(hit) == canonical(cold))
    #expect(canonical(second) == canonical(cold))
    let text = try String(contentsOf: Repo.fixtures.appendingPathComponent("the-national-2019-12-30.txt"), encoding: .utf8)
    let expected = canonical(Extractor(rules: cold).extract(text, source: "t.txt", explain: true))
    #expect(canonical(Extractor(rules: hit).extract(text, source: "t.txt", explain: true)) == expected)
  }

  @Test(arguments: ["truncated", "flipped", "empty", "other bytes"])
  func aDamagedEntryIsIgnoredAndRewritten(_ damage: String) throws {
    let (root, rules, cache) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let cold = try RuleLoader().load(directories: [rules], cache: cache)
    let entry = try Self.entry(cache, rules)
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry.path)))
    switch damage {
    case "truncated": bytes.removeLast(bytes.count / 2)
    case "flipped": bytes[bytes.count / 2] ^= 0x20
    case "empty": bytes = []
    default: bytes = Array("not a cache".utf8)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: entry.path))
    #expect(cache.read(key: entry.key, files: entry.files) == nil)
    let rebuilt = try RuleLoader().load(directories: [rules], cache: cache)
    #expect(canonical(rebuilt) == canonical(cold))
    #expect(cache.read(key: entry.key, files: entry.files) != nil)
  }

  @Test(arguments: ["edit a rule file", "edit the country table", "add a rule file", "remove a rule file"])
  func aChangedRulesFolderIsAMiss(_ change: String) throws {
    let (root, rules, cache) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try RuleLoader().load(directories: [rules], cache: cache)
    let before = try Self.entry(cache, rules)
    #expect(cache.read(key: before.key, files: before.files) != nil)
    let months = rules + "/elements/months.yaml"
    switch change {
    case "edit a rule file":
      try (String(contentsOfFile: months, encoding: .utf8) + "  - phrases: [Brumaire]\n    value: \"13\"\n")
        .write(toFile: months, atomically: true, encoding: .utf8)
    case "edit the country table":
      let csv = rules + "/lexicons/countries.csv"
      try (String(contentsOfFile: csv, encoding: .utf8) + "XA,XAA,XAA,XAA,Atlantis\n").write(toFile: csv, atomically: true, encoding: .utf8)
    case "add a rule file":
      try "version: 2\nelement: zz-word\nentries:\n  - phrases: [zyzzyva]\n".write(
        toFile: rules + "/elements/zz.yaml", atomically: true, encoding: .utf8)
    default:
      try FileManager.default.removeItem(atPath: rules + "/families/fixture-list.yaml")
    }
    let after = try Self.entry(cache, rules)
    #expect(cache.read(key: after.key, files: after.files) == nil)
    let cached = try RuleLoader().load(directories: [rules], cache: cache)
    #expect(canonical(cached) == canonical(try RuleLoader().load(directories: [rules])))
  }

  @Test func aRuleErrorIsReportedAsWithoutACache() throws {
    let (root, rules, cache) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try RuleLoader().load(directories: [rules], cache: cache)
    let weekdays = rules + "/elements/weekdays.yaml"
    try (String(contentsOfFile: weekdays, encoding: .utf8) + "\n bogus: [\n").write(toFile: weekdays, atomically: true, encoding: .utf8)
    let plain = #expect(throws: YAMLError.self) { try RuleLoader().load(directories: [rules]) }
    let cached = #expect(throws: YAMLError.self) { try RuleLoader().load(directories: [rules], cache: cache) }
    #expect(cached?.description == plain?.description)
    #expect(plain?.description.hasPrefix(weekdays + ":") == true)
  }

  @Test func aCacheFolderThatCannotBeWrittenIsNoError() throws {
    let cache = RuleCache(directory: "/dev/null/cardex", version: "test")
    let rules = try RuleLoader().load(directories: [Repo.rules], cache: cache)
    #expect(rules.files == Repo.shippedRules.files)
  }

  @Test func onlyTheNewestEntriesAreKept() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let cache = RuleCache(directory: root.path, version: "test")
    for i in 0..<(RuleCache.maxEntries + 3) {
      try Data([1]).write(to: root.appendingPathComponent("rules-\(i).bin"))
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: Double(i - 100))], ofItemAtPath: root.appendingPathComponent("rules-\(i).bin").path)
    }
    try Data([1]).write(to: root.appendingPathComponent("rules-x.bin.1.2.tmp"))
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: root.appendingPathComponent("rules-x.bin.1.2.tmp").path)
    cache.prune()
    let left = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
    #expect(left == (3..<(RuleCache.maxEntries + 3)).map { "rules-\($0).bin" }.sorted())
  }

  @Test func theCommandWritesAnEntryUnlessToldNotTo() throws {
    let root = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let env = URL(fileURLWithPath: "/usr/bin/env")
    for (flag, variable) in [("--no-cache", "CARDEX_NO_CACHE="), ("", "CARDEX_NO_CACHE=1")] {
      let r = try run(env, ["XDG_CACHE_HOME=\(root.path)", variable, Repo.binary.path, "parse", "-q", "/dev/null"] + (flag.isEmpty ? [] : [flag]))
      #expect(r.status == 0, "\(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("cardex").path))
    }
    for _ in 0..<2 {
      let r = try run(env, ["XDG_CACHE_HOME=\(root.path)", "CARDEX_NO_CACHE=", Repo.binary.path, "parse", "-q", "/dev/null"])
      #expect(r.status == 0, "\(r.stderr)")
    }
    let entries = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("cardex").path)
    #expect(entries.count == 1 && entries[0].hasSuffix(".bin"))
  }

  @Test func aCountPastTheEndIsMalformed() throws {
    var w = BinaryWriter()
    w.int(1 << 40)
    for bytes in [w.bytes, [0, 0, 0, 0, 0, 0, 0, 0] + w.bytes] {
      #expect(throws: BinaryReader.Malformed.self) {
        try bytes.withUnsafeBytes { raw in
          var r = try BinaryReader(raw)
          return try r.strings()
        }
      }
    }
  }
}

/// Every stored property of a value, private ones too, as text, with the
/// items of dictionaries and sets sorted (two equal ones need not list
/// them in the same order). A property a cache forgot shows up here.
func canonical(_ value: Any) -> String {
  let m = Mirror(reflecting: value)
  switch m.displayStyle {
  case .dictionary, .set:
    return "[" + m.children.map { canonical($0.value) }.sorted().joined(separator: ", ") + "]"
  case .optional:
    return m.children.first.map { "some(\(canonical($0.value)))" } ?? "nil"
  case .struct, .class, .tuple, .enum, .collection:
    if m.children.isEmpty { return "\(m.subjectType).\(value)" }
    return "\(m.subjectType)(" + m.children.map { "\($0.label ?? "_"): \(canonical($0.value))" }.joined(separator: ", ") + ")"
  default:
    return String(reflecting: value)
  }
}
