import Foundation

/// Checks an NDJSON feed one line at a time, keeping only what the checks
/// across records need (the current card, the records seen), so that a
/// feed of any length is checked as it is read, not loaded whole.
///
/// `FeedValidation` uses it on a feed in memory; `cardex validate` feeds it
/// lines as it reads them.
public struct NDJSONValidation {
  let schema: SchemaValidator
  var checker: FeedChecker
  private var sawHeader = false
  /// The number of the next line.
  private var line = 1
  public private(set) var findings: [ValidationFinding] = []

  public init(rules: RuleSet) throws {
    self.init(schema: try SchemaValidator.feed(), rules: rules)
  }

  init(schema: SchemaValidator, rules: RuleSet) {
    self.schema = schema
    checker = FeedChecker(rules: rules)
  }

  /// Checks the next line (without its line feed).
  public mutating func check<Line: Collection<UInt8>>(line raw: Line) {
    defer { line += 1 }
    var bytes = Array(raw)
    if bytes.last == 13 { bytes.removeLast() }
    if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { return }
    let value: JSONValue
    do {
      value = try JSONReader.parse(bytes)
    } catch {
      add([.init(.error, "malformed-json", at: "", "\(error.message) at column \(error.column)")])
      return
    }
    guard case .string(let type)? = value["type"] else {
      add([.init(.error, "required", at: "/type", "every NDJSON line needs a 'type'")])
      return
    }
    if !sawHeader {
      sawHeader = true
      if type == "feed" {
        add(FeedValidation.schemaVersionCheck(value, at: "") + schema.validate(value, definition: "FeedHeader"))
        return
      }
      add([.init(.error, "missing-header", at: "", "the first line should be the feed header {\"type\":\"feed\",\"schemaVersion\":1}")])
    }
    guard let definition = ["bout": "Bout", "fixture": "Fixture", "diagnostic": "Diagnostic", "feed": "FeedHeader"][type] else {
      add([.init(.error, "enum", at: "/type", "type must be 'bout', 'fixture' or 'diagnostic', not '\(type)'")])
      return
    }
    let structural = schema.validate(value, definition: definition)
    add(structural)
    guard structural.isEmpty else { return }
    checker.line = line
    if type == "bout", let b = RecordValues.bout(value) {
      add(checker.check(b, at: ""))
    } else if type == "fixture", let f = RecordValues.fixture(value) {
      add(checker.check(f, at: ""))
    }
  }

  /// Findings of the current line, with its number.
  private mutating func add(_ found: [ValidationFinding]) {
    for var f in found {
      f.line = line
      findings.append(f)
    }
  }
}
