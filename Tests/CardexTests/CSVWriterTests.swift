import Foundation
import Testing

@testable import Cardex

/// `parse --format csv`: one RFC 4180 row per bout or fixture, under one
/// header, for spreadsheets.
@Suite struct CSVWriterTests {
  /// Relative to the repository (every run here starts there), so that the
  /// `source` column is the same on every machine.
  static let inputs = ["Fixtures/the-national-2019-12-30.txt", "Fixtures/dev/raw/008.txt", "Fixtures/dev/raw/028.txt"]

  /// Bouts with countries and limits, results (winner, method, round) and
  /// fixtures with kick-offs and scores, against
  /// `Fixtures/parse.expected.csv`, byte for byte. Set `CARDEX_RECORD=1` to
  /// re-record it.
  @Test func csvOfThreeDocumentsMatchesItsGoldenFile() throws {
    let r = try runCardex(["parse", "-q", "--format", "csv", "--jobs", "1"] + Self.inputs, cwd: Repo.root)
    #expect(r.status == 0, "\(r.stderr)")
    let url = Repo.fixtures.appendingPathComponent("parse.expected.csv")
    if ProcessInfo.processInfo.environment["CARDEX_RECORD"] != nil || !FileManager.default.fileExists(atPath: url.path) {
      try Data(r.stdout.utf8).write(to: url)
      Issue.record("recorded a new golden file at \(url.path); check it and run again")
      return
    }
    #expect(r.stdout == (try String(contentsOf: url, encoding: .utf8)))
  }

  @Test func severalCoresWriteTheRowsOneCoreWrites() throws {
    let one = try runCardex(["parse", "-q", "--format", "csv", "--jobs", "1"] + Self.inputs, cwd: Repo.root)
    let two = try runCardex(["parse", "-q", "--format", "csv", "--jobs", "2", "--chunk-bytes", "2048"] + Self.inputs, cwd: Repo.root)
    #expect(one.status == 0 && two.status == 0)
    #expect(one.stdout == two.stdout)
  }

  /// An independent reader (Python's `csv` module) reads every row with as
  /// many fields as the header, and gets the raw lines back (with the
  /// formula guard's `'` the only change).
  @Test func pythonsCSVReaderReadsEveryRowWhole() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("records.csv").path
    #expect(try runCardex(["parse", "-q", "--format", "csv", "-o", out] + Self.inputs, cwd: Repo.root).status == 0)
    let script = """
      import csv, sys
      rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
      assert all(len(r) == len(rows[0]) for r in rows), "ragged rows"
      raw = rows[0].index("raw")
      for r in rows[1:]: print(r[raw])
      """
    let r = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, out])
    #expect(r.status == 0, "\(r.stderr)")
    let feed = try runCardex(["parse", "-q", "--format", "ndjson"] + Self.inputs, cwd: Repo.root)
    let raws = feed.stdout.split(separator: "\n").compactMap { line -> String? in
      guard line.contains(#""type":"bout""#) || line.contains(#""type":"fixture""#),
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      else { return nil }
      return (object["provenance"] as? [String: Any])?["raw"] as? String
    }
    let read = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
      $0.hasPrefix("'-") ? String($0.dropFirst()) : String($0)
    }
    #expect(read == raws)
  }

  /// One named case of field quoting.
  struct FieldCase: CustomTestStringConvertible, Sendable {
    var id: String
    var text: String
    var guarded: Bool
    var written: String
    var testDescription: String { id }
  }

  static let fieldCases = [
    FieldCase(id: "plain", text: "Hamza Bougamza", guarded: true, written: "Hamza Bougamza"),
    FieldCase(id: "comma", text: "Barcelona v Spurs, midnight", guarded: true, written: #""Barcelona v Spurs, midnight""#),
    FieldCase(id: "quote", text: #"Mike "The Bull" Perry"#, guarded: true, written: #""Mike ""The Bull"" Perry""#),
    FieldCase(id: "line feed", text: "a\nb", guarded: true, written: "\"a\nb\""),
    FieldCase(id: "carriage return", text: "a\rb", guarded: true, written: "\"a\rb\""),
    FieldCase(id: "formula", text: "=HYPERLINK(\"x\")", guarded: true, written: #""'=HYPERLINK(""x"")""#),
    FieldCase(id: "bullet", text: "- Italy 17-22 Ireland", guarded: true, written: "'- Italy 17-22 Ireland"),
    FieldCase(id: "at sign", text: "@cardex", guarded: true, written: "'@cardex"),
    FieldCase(id: "offset cardex wrote", text: "-05:00", guarded: false, written: "-05:00"),
  ]

  @Test(arguments: fieldCases)
  func fieldIsQuotedAsRFC4180Says(_ c: FieldCase) {
    var bytes: [UInt8] = []
    CSVWriter.append(c.text, guarded: c.guarded, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == c.written)
  }

  @Test func headerAndRowsEndInCRLFAndDiagnosticsAreNoRows() {
    let writer = CSVWriter()
    #expect(String(decoding: writer.header(), as: UTF8.self) == CSVWriter.columns.joined(separator: ",") + "\r\n")
    var bytes: [UInt8] = []
    writer.row(.diagnostic(Diagnostic(.warning, Diagnostic.Message(code: "x", "m"), source: "s", line: 1)), appendingTo: &bytes)
    #expect(bytes.isEmpty)
  }
}
