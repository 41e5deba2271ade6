import Foundation

/// Validates a feed file's bytes: JSON (one document) or NDJSON (a header
/// line, then one record per line), written by cardex, another tool or a
/// person. Structure is checked against the schema first; records whose
/// structure is sound are then checked for meaning.
public struct FeedValidation: Sendable {
  let schema: SchemaValidator
  let rules: RuleSet

  public init(rules: RuleSet) throws {
    self.schema = try SchemaValidator.feed()
    self.rules = rules
  }

  public func validate(_ bytes: [UInt8]) -> [ValidationFinding] {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    let body = Array(bytes[start...])
    if body.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) {
      return [.init(.error, "empty-feed", at: "", "the feed is empty")]
    }
    let document: JSONValue
    do {
      document = try JSONReader.parse(body)
    } catch {
      // Not one JSON value: NDJSON if the first line is a value on its own.
      let firstLine = Array(body.prefix { $0 != 10 })
      if body.contains(10), (try? JSONReader.parse(firstLine)) != nil { return validateLines(body) }
      return [.init(.error, "malformed-json", at: "", "\(error.message) at line \(error.line), column \(error.column)")]
    }
    if case .object = document, document["type"] == .string("feed"), body.contains(10) {
      return validateLines(body)
    }
    return validateDocument(document, body)
  }

  private func validateDocument(_ document: JSONValue, _ body: [UInt8]) -> [ValidationFinding] {
    var findings = Self.schemaVersionCheck(document, at: "")
    if !findings.isEmpty { return findings }
    findings += schema.validate(document)
    // The records whose shape is wrong, found once: asking every finding
    // about every record took time records × findings (31 s for 40 000).
    let misshapen = Set(findings.map { Self.recordPointer($0.pointer) })
    var checker = FeedChecker(rules: rules)
    for (kind, pointer) in [("bouts", "/bouts"), ("fixtures", "/fixtures")] {
      guard case .array(let items)? = document[kind] else { continue }
      for (i, item) in items.enumerated() {
        let p = "\(pointer)/\(i)"
        guard !misshapen.contains(p) else { continue }
        if kind == "bouts", let b = RecordValues.bout(item) {
          findings += checker.check(b, at: p)
        } else if kind == "fixtures", let f = RecordValues.fixture(item) {
          findings += checker.check(f, at: p)
        }
      }
    }
    return findings
  }

  /// The record a pointer is in: `/bouts/3` for `/bouts/3/fighters/1/name`.
  static func recordPointer(_ pointer: String) -> String {
    let parts = pointer.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
    return parts.count >= 3 ? "/\(parts[1])/\(parts[2].prefix { $0 != "/" })" : pointer
  }

  private func validateLines(_ body: [UInt8]) -> [ValidationFinding] {
    var lines = NDJSONValidation(schema: schema, rules: rules)
    for line in body.split(separator: 10, omittingEmptySubsequences: false) { lines.check(line: line) }
    return lines.findings
  }

  static func schemaVersionCheck(_ v: JSONValue, at p: String) -> [ValidationFinding] {
    guard case .object = v else { return [.init(.error, "type", at: p, "a feed must be a JSON object")] }
    switch v["schemaVersion"] {
    case nil: return [.init(.error, "schema-version", at: "\(p)/schemaVersion", "schemaVersion is missing; this cardex reads version 1")]
    case .number(1, _)?: return []
    case let other?: return [.init(.error, "schema-version", at: "\(p)/schemaVersion", "schemaVersion \(render(other)) is not supported; this cardex reads version 1")]
    }
  }
}
