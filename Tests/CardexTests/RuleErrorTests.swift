import Testing

@testable import Cardex

/// Mistakes in rule files are reported as `file:line:column: error: …`.
@Suite struct RuleErrorTests {
  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var id: String
    var yaml: String
    var expected: String
    var testDescription: String { id }
  }

  static let cases: [ErrorCase] = [
    ErrorCase(
      id: "yaml syntax",
      yaml: "version: 1\nformat: x\nrecord: bout\npatterns: [\"{fighter1} v {fighter2}\"\n",
      expected: "f.yaml:5:1: error: while parsing a flow sequence: did not find expected ',' or ']'"),
    ErrorCase(
      id: "unknown key",
      yaml: "version: 1\nformat: x\nrecord: bout\npaterns:\n  - \"{fighter1} v {fighter2}\"\n",
      expected: "f.yaml:4:1: error: unknown key 'paterns' in a format (did you mean 'patterns'?); allowed keys: version, format, description, record, sport, ruleset, timezone, section, priority, set, headings, patterns, examples"),
    ErrorCase(
      id: "unknown slot type",
      yaml: "version: 1\nformat: x\nrecord: bout\npatterns:\n  - \"{fighter1:nme} v {fighter2}\"\n",
      expected: "f.yaml:5:16: error: unknown slot type 'nme' (did you mean 'name'?); known types: \(SlotType.allCases.map(\.rawValue).joined(separator: ", "))"),
    ErrorCase(
      id: "unknown field",
      yaml: "version: 1\nformat: x\nrecord: bout\npatterns:\n  - \"{fighter1} v {fighter3}\"\n",
      expected: "f.yaml:5:6: error: unknown field 'fighter3' in pattern (did you mean 'fighter1'?); fields of this record: \(RecordFormat.fields(for: .bout).sorted().joined(separator: ", "))"),
    ErrorCase(
      id: "unclosed optional",
      yaml: "version: 1\nformat: x\nrecord: bout\npatterns:\n  - \"[{weightClass} {fighter1} v {fighter2}\"\n",
      expected: "f.yaml:5:6: error: '[' is never closed"),
    ErrorCase(
      id: "unknown lexicon",
      yaml: "version: 1\nlexicon: weight-clases\n",
      expected: "f.yaml:2:10: error: unknown lexicon 'weight-clases' (did you mean 'weight-classes'?); known: weight-classes, countries, competitions, separators"),
    ErrorCase(
      id: "newer version",
      yaml: "version: 2\nformat: x\nrecord: bout\npatterns: [\"{fighter1} v {fighter2}\"]\n",
      expected: "f.yaml:1:10: error: unsupported rule version '2'; this cardex reads version 1"),
    ErrorCase(
      id: "alias bomb",
      yaml: "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n",
      expected: "f.yaml:7:8: error: document expands to more than 2000000 nodes (an alias bomb?)"),
  ]

  @Test(arguments: cases)
  func ruleMistakeIsReportedAtItsPosition(_ c: ErrorCase) {
    do {
      _ = try RuleLoader().load(texts: [("f.yaml", c.yaml)])
      Issue.record("expected an error")
    } catch {
      #expect(error.description == c.expected)
    }
  }

  @Test func deepNestingIsRefusedNotACrash() {
    let yaml = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    do {
      _ = try YAMLParser().parse(yaml, file: "deep.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "deep.yaml:1:257: error: nesting deeper than 256 levels")
    }
  }
}
