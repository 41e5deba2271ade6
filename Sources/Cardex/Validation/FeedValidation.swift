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
    var findings = schemaVersionCheck(document, at: "")
    if !findings.isEmpty { return findings }
    findings += schema.validate(document)
    // The records whose shape is wrong, found once: asking every finding
    // about every record took time records × findings (31 s for 40 000).
    let misshapen = Set(findings.map { Self.recordPointer($0.pointer) })
    var checker = FeedChecker(rules: rules)
    let decoder = JSONDecoder()
    for (kind, pointer) in [("bouts", "/bouts"), ("fixtures", "/fixtures")] {
      guard case .array(let items)? = document[kind] else { continue }
      for (i, item) in items.enumerated() {
        let p = "\(pointer)/\(i)"
        guard !misshapen.contains(p) else { continue }
        guard let data = try? encode(item) else { continue }
        if kind == "bouts", let b = try? decoder.decode(Bout.self, from: data) {
          findings += checker.check(b, at: p)
        } else if kind == "fixtures", let f = try? decoder.decode(Fixture.self, from: data) {
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
    var findings: [ValidationFinding] = []
    var checker = FeedChecker(rules: rules)
    let decoder = JSONDecoder()
    var sawHeader = false
    for (n, lineBytes) in body.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
      let line = n + 1
      var bytes = Array(lineBytes)
      if bytes.last == 13 { bytes.removeLast() }
      if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
      let value: JSONValue
      do {
        value = try JSONReader.parse(bytes)
      } catch {
        findings.append(.init(.error, "malformed-json", at: "", "\(error.message) at column \(error.column)", line: line))
        continue
      }
      guard case .string(let type)? = value["type"] else {
        findings.append(.init(.error, "required", at: "/type", "every NDJSON line needs a 'type'", line: line))
        continue
      }
      if !sawHeader {
        sawHeader = true
        if type == "feed" {
          findings += schemaVersionCheck(value, at: "").map { var f = $0; f.line = line; return f }
          findings += schema.validate(value, definition: "FeedHeader").map { var f = $0; f.line = line; return f }
          continue
        }
        findings.append(.init(.error, "missing-header", at: "", "the first line should be the feed header {\"type\":\"feed\",\"schemaVersion\":1}", line: line))
      }
      let definition = ["bout": "Bout", "fixture": "Fixture", "diagnostic": "Diagnostic", "feed": "FeedHeader"][type]
      guard let definition else {
        findings.append(.init(.error, "enum", at: "/type", "type must be 'bout', 'fixture' or 'diagnostic', not '\(type)'", line: line))
        continue
      }
      let structural = schema.validate(value, definition: definition).map { var f = $0; f.line = line; return f }
      findings += structural
      guard structural.isEmpty else { continue }
      let data = Data(bytes)
      if type == "bout", let b = try? decoder.decode(Bout.self, from: data) {
        findings += checker.check(b, at: "").map { var f = $0; f.line = line; return f }
      } else if type == "fixture", let f = try? decoder.decode(Fixture.self, from: data) {
        findings += checker.check(f, at: "").map { var x = $0; x.line = line; return x }
      }
    }
    return findings
  }

  private func schemaVersionCheck(_ v: JSONValue, at p: String) -> [ValidationFinding] {
    guard case .object = v else { return [.init(.error, "type", at: p, "a feed must be a JSON object")] }
    switch v["schemaVersion"] {
    case nil: return [.init(.error, "schema-version", at: "\(p)/schemaVersion", "schemaVersion is missing; this cardex reads version 1")]
    case .number(1, _)?: return []
    case let other?: return [.init(.error, "schema-version", at: "\(p)/schemaVersion", "schemaVersion \(render(other)) is not supported; this cardex reads version 1")]
    }
  }

  /// Writes a value back as JSON for the typed decoder.
  private func encode(_ v: JSONValue) throws -> Data {
    var out = ""
    write(v, into: &out)
    return Data(out.utf8)
  }

  private func write(_ v: JSONValue, into out: inout String) {
    switch v {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let d, let isInteger): out += isInteger && abs(d) < 1e15 ? String(Int(d)) : String(d)
    case .string(let s): out += quoted(s)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        write(item, into: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (i, (k, item)) in pairs.enumerated() {
        if i > 0 { out += "," }
        out += quoted(k) + ":"
        write(item, into: &out)
      }
      out += "}"
    }
  }

  private func quoted(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
