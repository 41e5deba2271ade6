import Testing

@testable import Cardex

/// Mistakes in rule files are reported as `file:line:column: error: …`.
@Suite struct RuleErrorTests {
  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var id: String
    var files: [(name: String, text: String)]
    var expected: String
    var testDescription: String { id }
  }

  static let separators = (name: "s.yaml", text: "version: 2\nelement: separator\nentries:\n  - { phrases: [vs, v] }\n")

  static let cases: [ErrorCase] = [
    ErrorCase(
      id: "yaml syntax",
      files: [("g.yaml", "version: 2\ngrammar: g\nrules: [{rule: x, sequence: \"side v side\"}\n")],
      expected: "g.yaml:4:1: error: while parsing a flow sequence: did not find expected ',' or ']'"),
    ErrorCase(
      id: "unknown key in a rule",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    sequnce: \"side separator side\"\n")],
      expected:
        "g.yaml:5:5: error: unknown key 'sequnce' in a rule (did you mean 'sequence'?); allowed keys: rule, record, sequence, set, needs, unless, description"),
    ErrorCase(
      id: "unknown element type",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    sequence: \"side separtor side\"\n")],
      expected:
        "g.yaml:5:21: error: unknown element type 'separtor' (did you mean 'separator'?); no element file, lexicon or shape declares it"),
    ErrorCase(
      id: "one side",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    sequence: \"side separator\"\n")],
      expected: "g.yaml:5:15: error: rule 'x' needs exactly two sides, it has 1"),
    ErrorCase(
      id: "a term before the first side",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    sequence: \"separator side separator side\"\n")],
      expected: "g.yaml:5:15: error: rule 'x' must begin with a side; what stands before a name (a sign, a seed) is read as its note"),
    ErrorCase(
      id: "unclosed mark",
      files: [("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    sequence: \"side '( side\"\n")],
      expected: "g.yaml:5:21: error: a quoted mark is never closed"),
    ErrorCase(
      id: "winner and home",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    sequence: \"winner separator home\"\n")],
      expected: "g.yaml:5:15: error: rule 'x' pairs sides winner and home; use side and side, home and away, or winner and loser"),
    ErrorCase(
      id: "a version 1 format",
      files: [("f.yaml", "version: 1\nformat: x\nrecord: bout\npatterns: [\"{fighter1} v {fighter2}\"]\n")],
      expected:
        "f.yaml:2:9: error: format files were replaced in rule version 2 by grammar rules and families (docs/rules.md, 'From formats to families')"),
    ErrorCase(
      id: "unknown lexicon",
      files: [("l.yaml", "version: 1\nlexicon: weight-clases\n")],
      expected: "l.yaml:2:10: error: unknown lexicon 'weight-clases' (did you mean 'weight-classes'?); known: weight-classes, countries, competitions"),
    ErrorCase(
      id: "newer version",
      files: [("e.yaml", "version: 3\nelement: separator\nentries: []\n")],
      expected: "e.yaml:1:10: error: unsupported rule version '3' for this kind of file; this cardex reads version 2"),
    ErrorCase(
      id: "one spelling two meanings",
      files: [("e.yaml", "version: 2\nelement: method\nentries:\n  - { phrases: [KO], value: KO }\n  - { phrases: [ko], value: TKO }\n")],
      expected: "e.yaml:5:16: error: phrase 'ko' means 'TKO' here and 'KO' at line 4; one spelling, one meaning"),
    ErrorCase(
      id: "timezone past +14:00",
      files: [("f.yaml", "version: 2\nfamily: x\nrecord: fixture\ntimezone: '+14:30'\n")],
      expected: "f.yaml:4:11: error: timezone +14:30 is outside the offsets in use, -12:00 to +14:00"),
    ErrorCase(
      id: "timezone before -12:00",
      files: [("f.yaml", "version: 2\nfamily: x\nrecord: fixture\ntimezone: UTC-12:59\n")],
      expected: "f.yaml:4:11: error: timezone -12:59 is outside the offsets in use, -12:00 to +14:00"),
    ErrorCase(
      id: "closeAfter below zero",
      files: [("f.yaml", "version: 2\nfamily: x\nrecord: bout\ncloseAfter: -5\n")],
      expected:
        "f.yaml:4:1: error: unknown key 'closeAfter' in a family; allowed keys: version, family, description, record, sports, ruleset, timezone, requires, priority, examples"),
    ErrorCase(
      id: "set round past 15",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    sequence: \"side separator side\"\n    set: { round: 99999999 }\n")],
      expected: "g.yaml:6:19: error: set: round must be a whole number from 1 to 15, not '99999999'"),
    ErrorCase(
      id: "set rounds zero",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    sequence: \"side separator side\"\n    set: { rounds: 0 }\n")],
      expected: "g.yaml:6:20: error: set: rounds must be a whole number from 1 to 15, not '0'"),
    ErrorCase(
      id: "max-words below one",
      files: [("g.yaml", "version: 2\ngrammar: g\nnames:\n  max-words: -5\n")],
      expected: "g.yaml:4:14: error: 'max-words' must be from 1 to 20, not -5"),
    ErrorCase(
      id: "alias bomb",
      files: [
        (
          "f.yaml",
          "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
        )
      ],
      expected: "f.yaml:7:8: error: document expands to more than 2000000 nodes (an alias bomb?)"),
  ]

  /// `set:` takes the fields its records have, with values they can hold.
  static let setCases: [ErrorCase] = [
    ErrorCase(
      id: "set: a misspelt field",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    record: bout\n    sequence: \"side separator side\"\n    set: { titel: true }\n")],
      expected:
        "g.yaml:7:12: error: unknown key 'titel' in 'set' of a rule that makes bouts (did you mean 'title'?); allowed keys: title, rounds, round, method, draw"),
    ErrorCase(
      id: "set: a fixture's field on a bout rule",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    record: bout\n    sequence: \"side separator side\"\n    set: { stage: Final }\n")],
      expected:
        "g.yaml:7:12: error: unknown key 'stage' in 'set' of a rule that makes bouts; allowed keys: title, rounds, round, method, draw"),
    ErrorCase(
      id: "set: title false",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    record: bout\n    sequence: \"side separator side\"\n    set: { title: false }\n")],
      expected: "g.yaml:7:19: error: set: title can only be true (a record without it is not a title bout), not 'false'"),
    ErrorCase(
      id: "set: one score",
      files: [separators, ("g.yaml", "version: 2\ngrammar: g\nrules:\n  - rule: x\n    record: fixture\n    sequence: \"home separator away\"\n    set: { homeScore: 3 }\n")],
      expected: "g.yaml:7:10: error: set: homeScore and awayScore go together; rule 'x' gives only one"),
  ]

  @Test(arguments: setCases)
  func setMistakeIsReportedAtItsPosition(_ c: ErrorCase) {
    do {
      _ = try RuleLoader().load(texts: c.files)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == c.expected)
    }
  }

  @Test(arguments: cases)
  func ruleMistakeIsReportedAtItsPosition(_ c: ErrorCase) {
    do {
      _ = try RuleLoader().load(texts: c.files)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == c.expected)
    }
  }

  @Test func roundsWithinTheBoundLoad() throws {
    let grammar = "version: 2\ngrammar: g\nrules:\n  - rule: x\n    sequence: \"side separator side\"\n    set: { round: R3, rounds: 15 }\n"
    let rules = try RuleLoader().load(texts: [Self.separators, ("g.yaml", grammar)])
    #expect(rules.grammar.rules.first?.set == ["round": "R3", "rounds": "15"])
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
