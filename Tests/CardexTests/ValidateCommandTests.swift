import Foundation
import Testing

@testable import Cardex

/// `cardex validate`: the gate before publishing.
@Suite struct ValidateCommandTests {
  static let seed = Repo.fixtures.appendingPathComponent("the-national-2019-12-30.txt").path

  /// The seed's feed, as a mutable JSON object, for breaking on purpose.
  static func seedFeed() throws -> [String: Any] {
    let r = try runCardex(["parse", "-q", seed])
    return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] ?? [:]
  }

  static func write(_ object: Any, in dir: URL, name: String = "feed.json") throws -> String {
    let url = dir.appendingPathComponent(name)
    try JSONSerialization.data(withJSONObject: object).write(to: url)
    return url.path
  }

  @Test func everyFixtureFeedPassesValidation() throws {
    let validation = try FeedValidation(rules: Repo.shippedRules)
    for url in Repo.labelledTexts {
      let name = url.lastPathComponent
      let text = try String(contentsOf: url, encoding: .utf8)
      let feed = extractFeed(text, source: name)
      let findings = validation.validate(try FeedEncoder().json(feed)).filter { $0.severity == .error }
      #expect(findings.isEmpty, "\(name): \(findings.map { $0.rendered(file: name) })")
    }
  }

  @Test func goodFeedExitsZeroInBothFormats() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let json = dir.appendingPathComponent("feed.json").path
    let ndjson = dir.appendingPathComponent("feed.ndjson").path
    #expect(try runCardex(["parse", "-q", "-o", json, Self.seed]).status == 0)
    #expect(try runCardex(["parse", "-q", "--format", "ndjson", "-o", ndjson, Self.seed]).status == 0)
    let r = try runCardex(["validate", json, ndjson])
    #expect(r.status == 0)
    #expect(r.stdout == "0 errors, 0 warnings in 2 feeds\n")
  }

  @Test func wrongRecordsAreStoppedWithPointerRuleAndMessage() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var feed = try Self.seedFeed()
    var bouts = feed["bouts"] as? [[String: Any]] ?? []
    var fixtures = feed["fixtures"] as? [[String: Any]] ?? []
    func set(_ i: Int, _ path: [Any], _ value: Any?) {
      bouts[i] = setting(bouts[i], path, value) as? [String: Any] ?? [:]
    }
    set(3, ["fighters", 1, "country"], ["asWritten": "XYZ"])
    set(1, ["weightClass", "canonical"], "Lightweight")
    set(1, ["limit"], ["kg": 93, "lb": 205])
    set(2, ["fighters", 1, "name"], "Abdullah Mohammed Ali")
    set(4, ["title"], nil)
    set(5, ["result"], ["winner": "Nobody", "round": 3])
    set(5, ["scheduledRounds"], 2)
    set(6, ["weightClass", "canonical"], "Hyperweight")
    bouts.append(bouts[7])
    fixtures[0]["away"] = "Barcelona"
    feed["bouts"] = bouts
    feed["fixtures"] = fixtures
    let path = try Self.write(feed, in: dir)
    let r = try runCardex(["validate", path])
    #expect(r.status == 1)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    let expected = [
      "\(path): /bouts/4: error[required]: required field 'title' is missing",
      "\(path): /bouts/1/limit/kg: error[implausible-limit]: 93 kg is outside Lightweight (65.8–70.3 kg in mma-unified)",
      "\(path): /bouts/2/fighters/1/name: error[same-fighter]: 'Abdullah Mohammed Ali' cannot fight themself",
      "\(path): /bouts/3/fighters/1/country: error[unknown-country]: 'XYZ' is not an IOC, FIFA or ISO code or a known country name",
      "\(path): /bouts/5/result/winner: error[winner-not-fighter]: 'Nobody' is not one of the two fighters",
      "\(path): /bouts/5/result/round: error[round-beyond-schedule]: round 3 is after the 2 scheduled",
      "\(path): /bouts/6/weightClass/canonical: error[unknown-weight-class]: 'Hyperweight' is not a mma weight class",
      "\(path): /bouts/11/fighters/0/name: error[fighter-twice]: 'Rachid Hazoume' already fights on this card (/bouts/7/fighters/0)",
      "\(path): /bouts/11/fighters/1/name: error[fighter-twice]: 'Yanis Ghemmouri' already fights on this card (/bouts/7/fighters/1)",
      "\(path): /bouts/11: error[duplicate-record]: the same record as /bouts/7",
      "\(path): /fixtures/0/away: error[same-team]: 'Barcelona' cannot play itself",
      "11 errors, 0 warnings in 1 feed",
    ]
    #expect(lines == expected)
  }

  /// In NDJSON a record's pointer is within its line, so a finding that
  /// points back at an earlier record names that record by its source line.
  @Test func ndjsonFindingsAboutAnEarlierRecordNameItsLine() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let feed = try runCardex(["parse", "-q", "--format", "ndjson", "Fixtures/the-national-2019-12-30.txt"], cwd: Repo.root)
    var lines = feed.stdout.split(separator: "\n").map(String.init)
    let bout = try #require(lines.firstIndex { $0.contains("Rachid Hazoume") })
    lines.append(lines[bout])
    let path = dir.appendingPathComponent("feed.ndjson").path
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    let r = try runCardex(["validate", path])
    #expect(r.status == 1)
    let again = lines.count
    let record = try JSONSerialization.jsonObject(with: Data(lines[bout].utf8)) as? [String: Any]
    let provenance = try #require(record?["provenance"] as? [String: Any])
    let first = "\(try #require(provenance["source"] as? String)):\(try #require(provenance["line"] as? Int))"
    #expect(
      r.stdout.split(separator: "\n").map(String.init) == [
        "\(path):\(again): /fighters/0/name: error[fighter-twice]: 'Rachid Hazoume' already fights on this card (\(first))",
        "\(path):\(again): /fighters/1/name: error[fighter-twice]: 'Yanis Ghemmouri' already fights on this card (\(first))",
        "\(path):\(again): /: error[duplicate-record]: the same record as \(first), given earlier",
        "3 errors, 0 warnings in 1 feed",
      ])
  }

  @Test func jsonReportIsMachineReadable() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var feed = try Self.seedFeed()
    feed["schemaVersion"] = 2
    let path = try Self.write(feed, in: dir)
    let r = try runCardex(["validate", "--format", "json", path])
    #expect(r.status == 1)
    let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    #expect(report?["errors"] as? Int == 1)
    #expect(report?["passed"] as? Bool == false)
    let files = report?["files"] as? [[String: Any]]
    let finding = (files?.first?["findings"] as? [[String: Any]])?.first
    #expect(finding?["rule"] as? String == "schema-version")
    #expect(finding?["pointer"] as? String == "/schemaVersion")
    #expect(finding?["message"] as? String == "schemaVersion 2 is not supported; this cardex reads version 1")
  }

  @Test func malformedJSONIsOneErrorWithItsPosition() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("bad.json").path
    try "{\n  \"schemaVersion\": 1,\n  \"bouts\": [1, }\n".write(toFile: path, atomically: true, encoding: .utf8)
    let r = try runCardex(["validate", path])
    #expect(r.status == 1)
    #expect(r.stdout == "\(path): /: error[malformed-json]: unexpected character '}' at line 3, column 16\n1 error, 0 warnings in 1 feed\n")
  }

  @Test func truncatedNDJSONLineIsReportedByLineAndTheRestIsChecked() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let full = try runCardex(["parse", "-q", "--format", "ndjson", Self.seed]).stdout
    var lines = full.split(separator: "\n").map(String.init)
    lines[3] = String(lines[3].prefix(40))
    let path = dir.appendingPathComponent("feed.ndjson").path
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let r = try runCardex(["validate", path])
    #expect(r.status == 1)
    #expect(r.stdout.hasPrefix("\(path):4: /: error[malformed-json]: "))
    #expect(r.stdout.hasSuffix("1 error, 0 warnings in 1 feed\n"))
  }

  @Test func emptyAndMissingFeedsFail() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let empty = dir.appendingPathComponent("empty.json").path
    try "".write(toFile: empty, atomically: true, encoding: .utf8)
    let r = try runCardex(["validate", empty, dir.appendingPathComponent("missing.json").path])
    #expect(r.status == 1)
    #expect(r.stdout.contains("empty.json: /: error[empty-feed]: the feed is empty"))
    #expect(r.stdout.contains("missing.json: /: error[unreadable]: cannot open"))
  }

  /// `/dev/zero` never ends: it is refused at the cap, not read until
  /// memory runs out.
  @Test func aFeedPastTheSizeCapIsRefused() throws {
    let r = try runCardex(["validate", "--max-feed-bytes", "100000", "/dev/zero"])
    #expect(r.status == 1)
    #expect(r.stdout == "/dev/zero: /: error[too-large]: the feed is larger than 100000 bytes, the most validate reads\n1 error, 0 warnings in 1 feed\n")
  }

  @Test func warningsFailOnlyWithStrict() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var feed = try Self.seedFeed()
    var bouts = feed["bouts"] as? [[String: Any]] ?? []
    bouts[0]["result"] = ["winner": "Hamza Bougamza", "round": 14]
    feed["bouts"] = bouts
    let path = try Self.write(feed, in: dir)
    #expect(try runCardex(["validate", path]).status == 0)
    let strict = try runCardex(["validate", "--strict", path])
    #expect(strict.status == 1)
    #expect(strict.stdout.contains("/bouts/0/result/round: warning[implausible-round]"))
  }

  @Test func parseStrictStopsAWrongRecordAndWritesNothing() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("feed.json")
    let r = try runCardex(["parse", "--strict", "-o", out.path], stdin: "FIGHT CARD\nLightweight Ann Smith (USA) v Ann Smith (MAR)\n")
    #expect(r.status == 1)
    #expect(r.stderr.contains("-:2: error: /fighters/1/name: 'Ann Smith' cannot fight themself [same-fighter]"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  /// `parse --strict` runs what `validate` runs, over all the files of the
  /// run: a file named twice repeats every record (`duplicate-record`), and
  /// a strict run fails exactly when `validate` rejects the feed a plain
  /// run writes, with the same findings.
  @Test(arguments: [["1"], ["2"]]) func parseStrictFailsWhereValidateFailsAcrossFiles(_ jobs: [String]) throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let twice = dir.appendingPathComponent("twice.txt")
    try "FIGHT CARD\nLightweight Ann Smith (USA) v Bea Jones (MAR)\nLightweight Ann Smith (USA) v Cat Brown (ALG)\n"
      .write(to: twice, atomically: true, encoding: .utf8)
    let runs = [[Self.seed], [Self.seed, Self.seed], [twice.path], [Self.seed, twice.path, Self.seed]]
    for inputs in runs {
      let out = dir.appendingPathComponent("feed.ndjson").path
      let plain = try runCardex(["parse", "-q", "--format", "ndjson", "--jobs"] + jobs + ["-o", out] + inputs)
      #expect(plain.status == 0)
      let written = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
        let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return o?["severity"] as? String == "error" ? o?["code"] as? String : nil
      }
      let validate = try runCardex(["validate", "--format", "json", out])
      let report = try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8)) as? [String: Any]
      let files = report?["files"] as? [[String: Any]] ?? []
      let rejected = files.flatMap { $0["findings"] as? [[String: Any]] ?? [] }.compactMap { $0["rule"] as? String }
      let strict = try runCardex(["parse", "-q", "--strict", "--jobs"] + jobs + ["-o", dir.appendingPathComponent("strict.json").path] + inputs)
      #expect(written.sorted() == rejected.sorted(), "\(inputs)")
      #expect((strict.status == 0) == (validate.status == 0), "\(inputs)")
      #expect((strict.status == 0) == rejected.isEmpty, "\(inputs)")
    }
    let strict = try runCardex(["parse", "-q", "--strict", Self.seed, Self.seed])
    #expect(strict.stderr.contains("the-national-2019-12-30.txt:66: error: /: the same record as \(Self.seed):66, given earlier [duplicate-record]"))
  }

  /// On standard output the feed streams: a failing --strict run still
  /// writes all of it (not a cut-off part), then exits 1.
  @Test func parseStrictOnStandardOutputWritesTheWholeFeedAndFails() throws {
    var text = "FIGHT CARD\nLightweight Ann Smith (MAR) v Ann Smith (MAR)\n"
    for i in 0..<400 { text += "Lightweight Fighter \(Self.letters(i)) Aaa (MAR) v Other \(Self.letters(i)) Bbb (ALG)\n" }
    for jobs in ["1", "2"] {
      let r = try runCardex(["parse", "-q", "--strict", "--format", "ndjson", "--jobs", jobs], stdin: text)
      #expect(r.status == 1)
      #expect(r.stdout.split(separator: "\n").filter { $0.contains(#""type":"bout""#) }.count == 401)
      #expect(r.stderr.contains("do not publish this output"))
    }
  }

  /// A name word for a number: `Ba`, `Bb`, … (names take letters only).
  static func letters(_ i: Int) -> String {
    let a = Array("abcdefghijklmnopqrstuvwxyz")
    return "B" + String(a[i % 26]) + String(a[(i / 26) % 26])
  }

  /// The schema is checked by an independent validator (Python's
  /// `jsonschema`, which `.ci/run` installs) on real output of every
  /// fixture, so that the schema and the code cannot drift apart.
  @Test func independentValidatorAcceptsEveryFixtureFeed() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let inputs = Repo.labelledTexts.map(\.path)
    #expect(try runCardex(["parse", "-q", "-o", dir.appendingPathComponent("all.json").path] + inputs).status == 0)
    #expect(try runCardex(["parse", "-q", "--format", "ndjson", "-o", dir.appendingPathComponent("all.ndjson").path] + inputs).status == 0)
    let script = """
      import json, sys, glob, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      defs = {"feed": "FeedHeader", "bout": "Bout", "fixture": "Fixture", "diagnostic": "Diagnostic"}
      n = 0
      for f in sorted(glob.glob(sys.argv[2] + "/*.json")):
          jsonschema.validate(json.load(open(f)), schema); n += 1
      for f in sorted(glob.glob(sys.argv[2] + "/*.ndjson")):
          for line in open(f):
              o = json.loads(line)
              jsonschema.validate(o, {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/" + defs[o["type"]]}); n += 1
      print(n)
      """
    let r = try runPython(script, [Repo.root.appendingPathComponent("docs/feed.schema.json").path, dir.path])
    #expect(r.status == 0, "\(r.stderr)")
    let count = Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    #expect(count > inputs.count)
  }

  @Test func bundledSchemaIsTheDocumentedOne() throws {
    let documented = try String(contentsOf: Repo.root.appendingPathComponent("docs/feed.schema.json"), encoding: .utf8)
    #expect(FeedSchema.text + "\n" == documented, "run scripts/generate-feed-schema.sh")
  }
}

/// Sets a value at a path of keys and indexes in a JSON object tree.
func setting(_ node: Any, _ path: [Any], _ value: Any?) -> Any {
  guard let head = path.first else { return value as Any }
  let rest = Array(path.dropFirst())
  if let key = head as? String, var object = node as? [String: Any] {
    if rest.isEmpty, value == nil {
      object.removeValue(forKey: key)
    } else {
      object[key] = setting(object[key] ?? [String: Any](), rest, value)
    }
    return object
  }
  if let index = head as? Int, var array = node as? [Any] {
    array[index] = setting(array[index], rest, value)
    return array
  }
  return node
}
