import Foundation
import Testing

@testable import Cardex

/// `cardex eval`: labelled records against found ones, as a rule author
/// reads the figures, and the label files it reads.
@Suite struct EvalTests {
  /// A two-document corpus: a card of which cardex reads two bouts of
  /// three (one weight class wrong in the label on purpose), and a
  /// negative document.
  static func corpus() throws -> URL {
    let dir = try temporaryDirectory()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("raw"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("expected"), withIntermediateDirectories: true)
    let card = """
      FIGHT CARD

      Bantamweight Hamza Bougamza (MAR) v Jalal Al Daaja (JOR)

      Lightweight Abdullah Mohammed Ali (UAE) v Abdelhak Amhidra (MAR)

      The night closes when Ivan Ivanov meets Petr Petrov, who flew in on Tuesday after a long delay.
      """
    let cardLabels = """
      {"bouts": [
        {"line": 3, "weightClass": "Bantamweight", "weightClassNormalized": "Bantamweight", "limitKg": null,
         "fighters": [{"name": "Hamza Bougamza", "country": "MAR"}, {"name": "Jalal Al Daaja", "country": "JOR"}],
         "title": false, "result": null},
        {"line": 5, "weightClass": "Lightweight", "weightClassNormalized": "Featherweight", "limitKg": null,
         "fighters": [{"name": "Abdullah Mohammed Ali", "country": "UAE"}, {"name": "Abdelhak Amhidra", "country": "MAR"}],
         "title": false, "result": null},
        {"line": 7, "weightClass": null, "weightClassNormalized": null, "limitKg": null,
         "fighters": [{"name": "Ivan Ivanov", "country": null}, {"name": "Petr Petrov", "country": null}],
         "title": false, "result": null}],
       "fixtures": [], "notes": "test", "language": "en", "sport": "mma", "layout": "card-weight-first", "negative": false}
      """
    try card.write(to: dir.appendingPathComponent("raw/001.txt"), atomically: true, encoding: .utf8)
    try cardLabels.write(to: dir.appendingPathComponent("expected/001.json"), atomically: true, encoding: .utf8)
    try "Batman v Superman: Dawn of Justice\n".write(to: dir.appendingPathComponent("raw/002.txt"), atomically: true, encoding: .utf8)
    try #"{"bouts": [], "fixtures": [], "language": "en", "layout": "negative", "negative": true}"#.write(
      to: dir.appendingPathComponent("expected/002.json"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test func figuresCountPairedMissedAndWrongRecords() throws {
    let dir = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = try CorpusEvaluator(extractor: Repo.extractor).evaluate(directory: dir.path)
    #expect(report.documents.map(\.name) == ["001", "002"])
    #expect(report.bouts == RecordTally(expected: 3, found: 2, matched: 2))
    #expect(report.fixtures == RecordTally())
    #expect(abs(report.overall.recall - 2.0 / 3.0) < 1e-9)
    #expect(report.overall.precision == 1)
    #expect(report.fields[.weightClass] == FieldTally(checked: 2, correct: 1))
    #expect(report.fields[.country] == FieldTally(checked: 4, correct: 4))
    #expect(report.fieldAccuracy == FieldTally(checked: 6, correct: 5))

    let miss = try #require(report.misses.first)
    #expect(report.misses.count == 1)
    #expect(miss.line == 7)
    #expect(miss.names == ["Ivan Ivanov", "Petr Petrov"])
    #expect(miss.raw?.hasPrefix("The night closes") == true)
    let wrong = try #require(report.documents[0].wrongFields.first)
    #expect(wrong.field == .weightClass && wrong.expected == "Featherweight" && wrong.got == "Lightweight")
    #expect(report.recordsFromNegatives == 0)
    #expect(report.breakdown(by: \.layout).map(\.key) == ["card-weight-first", "negative"])
    // The prose line gave nothing, near miss or record.
    #expect(report.missReasons.map(\.reason) == [MissReason.silent])
    #expect(report.missReasons.map(\.count) == [1])
  }

  /// Misses count together by what held them back, whatever the line
  /// quoted: the first reason of a short evidence, a message with its
  /// quotes and counts left out.
  @Test func missReasonsCountLinesTogether() {
    func miss(_ reason: String?, line: Int = 3) -> DocumentEvaluation.Discrepancy {
      .init(kind: .bout, line: line, names: ["A", "B"], raw: nil, reason: reason)
    }
    var d = DocumentEvaluation(name: "001", path: "raw/001.txt", negative: false)
    #expect(MissReason.of(miss("reads as a pairing (rule dash) but the evidence is short (-0.7 < 0): line.unexplained-share; context.prose-below"), in: d)
      == "evidence short: line.unexplained-share")
    #expect(MissReason.of(miss("holds a record's score '96-67' between names, but no rule reads two sides in it"), in: d)
      == "holds a record's score '…' between names, but no rule reads two sides in it")
    #expect(MissReason.of(miss("reads as a pairing (rule versus) but the evidence is short (-1 < 0): 4 words before the pairing that no element explains"), in: d)
      == "evidence short: N words before the pairing that no element explains")
    #expect(MissReason.of(miss(nil), in: d) == MissReason.silent)
    d.extras = [miss(nil)]
    #expect(MissReason.of(miss(nil), in: d) == MissReason.misread)
    #expect(MissReason.of(miss(nil, line: 4), in: d) == MissReason.silent)
  }

  @Test func aFoundRecordTheLabelsLackIsAnExtra() throws {
    let labels = try LabelReader.read(Array(#"{"bouts": [], "fixtures": []}"#.utf8), file: "x.json")
    let d = CorpusEvaluator(extractor: Repo.extractor).evaluate(
      text: Array("FIGHT CARD\nBantamweight Hamza Bougamza (MAR) v Jalal Al Daaja (JOR)\n".utf8), labels: labels, name: "x",
      path: "x.txt")
    #expect(d.bouts == RecordTally(expected: 0, found: 1, matched: 0))
    #expect(d.extras.map(\.line) == [2])
    #expect(d.overall.precision == 0)
  }

  @Test func namesArePairedByFoldedSpelling() {
    #expect(NameFolding.unicode.fold("  Ji  Přišč-Jr. ") == "ji prisc jr")
    #expect(NameFolding.unicode.fold("Нурмагомедов") == "нурмагомедов")
    #expect(NameFolding.ascii.fold("Нурмагомедов") == "")
    #expect(NameFolding.unicode.fold("Ｒｙｕ") == "ryu")
  }

  @Test func kickOffsAreReadAsClockTimes() {
    #expect(ClockTime.of("4.45pm") == "16:45")
    #expect(ClockTime.of("midnight") == "00:00")
    #expect(ClockTime.of("1815") == "18:15")
    #expect(ClockTime.of("3 p.m. GMT/10 a.m. ET") == "15:00")
    #expect(ClockTime.of("Saturday 15 March") == nil)
    #expect(ClockTime.accepted(forLabel: "4.45") == ["04:45", "16:45"])
  }

  // MARK: Label files

  @Test func aBrokenLabelFileIsOneLocatedError() {
    let text = "{\"bouts\": [\n  {\"line\": 3,, \"fighters\": []}\n]}"
    #expect(throws: LabelError(file: "e/1.json", line: 2, column: 14, message: "expected a quoted key")) {
      try LabelReader.read(Array(text.utf8), file: "e/1.json")
    }
  }

  @Test func anUnknownKeyIsAnErrorAtTheKey() throws {
    let text = "{\"bouts\": [], \"fixtures\": [\n  {\"home\": \"A\", \"away\": \"B\", \"kickoff\": \"12:30\"}]}"
    do {
      _ = try LabelReader.read(Array(text.utf8), file: "e/2.json")
      Issue.record("no error")
    } catch {
      #expect(error.description.hasPrefix("e/2.json:2:30: error: unknown key 'kickoff' in a fixture"))
    }
  }

  @Test func aBoutNeedsTwoNamedFighters() throws {
    let text = #"{"bouts": [{"line": 1, "fighters": [{"name": "A"}, {"country": "MAR"}]}]}"#
    #expect(throws: LabelError(file: "e/3.json", line: 1, column: 52, message: "missing 'name'")) {
      try LabelReader.read(Array(text.utf8), file: "e/3.json")
    }
  }

  @Test func aNegativeDocumentListsNoRecords() {
    let text = #"{"bouts": [], "fixtures": [{"home": "A", "away": "B"}], "negative": true}"#
    #expect(throws: LabelError.self) { try LabelReader.read(Array(text.utf8), file: "e/4.json") }
  }

  // MARK: The command

  @Test func textReportShowsFiguresAndEveryMiss() throws {
    let dir = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runCardex(["eval", dir.path])
    #expect(r.status == 0)
    #expect(r.stdout.contains("cardex eval: \(dir.path) (2 documents)"))
    let overall = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("overall") })
    #expect(overall.split(separator: " ").map(String.init) == ["overall", "3", "2", "2", "1.000", "0.667", "0.800"])
    #expect(r.stdout.contains("\(dir.path)/raw/001.txt:7: bout Ivan Ivanov / Petr Petrov"))
    #expect(r.stdout.contains("weightClass expected 'Featherweight', got 'Lightweight'"))
    #expect(r.stdout.contains("misses by reason (the ten most common)\n  1     \(MissReason.silent)\n"))
  }

  @Test func jsonReportGivesOverallKindFieldAndDocumentFigures() throws {
    let dir = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try runCardex(["eval", "--format", "json", dir.path])
    #expect(r.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let overall = try #require(json["overall"] as? [String: Any])
    #expect(overall["precision"] as? Double == 1)
    #expect(overall["recall"] as? Double == 0.6667)
    #expect(overall["f1"] as? Double == 0.8)
    let bouts = try #require((json["kinds"] as? [String: Any])?["bouts"] as? [String: Any])
    #expect(bouts["matched"] as? Int == 2)
    let field = try #require((json["fields"] as? [String: Any])?["weightClass"] as? [String: Any])
    #expect(field["accuracy"] as? Double == 0.5)
    let documents = try #require(json["documents"] as? [[String: Any]])
    #expect(documents.map { $0["name"] as? String } == ["001", "002"])
    #expect((documents[0]["misses"] as? [[String: Any]])?.first?["line"] as? Int == 7)
    let reasons = try #require(json["missReasons"] as? [[String: Any]])
    #expect(reasons.map { $0["count"] as? Int } == [1])
  }

  @Test func minF1FailsTheRunBelowIt() throws {
    let dir = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try runCardex(["eval", "--min-f1", "0.8", dir.path]).status == 0)
    let below = try runCardex(["eval", "--min-f1", "0.81", dir.path])
    #expect(below.status == 1)
    #expect(below.stderr.contains("overall F1 0.800 is below --min-f1 0.81"))
  }

  @Test func badFlagsExit64() throws {
    #expect(try runCardex(["eval", "--min-f1", "1.5", "x"]).status == 64)
    #expect(try runCardex(["eval", "--format", "xml", "x"]).status == 64)
    #expect(try runCardex(["eval"]).status == 64)
  }

  @Test func aBrokenLabelFileStopsTheRunWithItsPlace() throws {
    let dir = try Self.corpus()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "{\"bouts\": [}\n".write(to: dir.appendingPathComponent("expected/002.json"), atomically: true, encoding: .utf8)
    let r = try runCardex(["eval", dir.path])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == "\(dir.path)/expected/002.json:1:12: error: unexpected character '}'\n")
  }

  @Test func aMissingFolderIsOneLineError() throws {
    let r = try runCardex(["eval", "/nonexistent/corpus"])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("/nonexistent/corpus/raw: error: no such folder"))
  }
}
