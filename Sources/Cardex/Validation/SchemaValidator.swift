/// Checks a `JSONValue` against the feed's JSON Schema.
///
/// Implements the part of JSON Schema 2020-12 the feed schema uses (`$ref`
/// to `$defs`, `type`, `const`, `enum`, `required`, `properties`,
/// `additionalProperties: false`, `items`, `minItems`, `maxItems`,
/// `minimum`, `exclusiveMinimum`, `maximum`, `minLength`, `pattern`), so the Swift
/// checks and the schema other languages use cannot disagree. A test runs
/// Python's `jsonschema` on the same feeds to keep the two honest.
public struct SchemaValidator: Sendable {
  let root: JSONValue
  /// The schema's patterns, compiled once: compiling one for each string
  /// checked was most of `validate`'s time.
  let patterns: CompiledPatterns

  public init(schema: JSONValue) {
    root = schema
    patterns = CompiledPatterns(schema)
  }

  /// The shipped feed schema (`docs/feed.schema.json`, bundled).
  public static func feed() throws -> SchemaValidator {
    SchemaValidator(schema: try JSONReader.parse(Array(FeedSchema.text.utf8)))
  }

  /// Every violation, at its pointer. `definition` names a `$defs` entry to
  /// check against instead of the root (`Bout` for an NDJSON line).
  public func validate(_ value: JSONValue, definition: String? = nil) -> [ValidationFinding] {
    var out: [ValidationFinding] = []
    let schema = definition.flatMap { root["$defs"]?[$0] } ?? root
    check(value, schema, "", &out)
    return out
  }

  private func resolve(_ schema: JSONValue) -> JSONValue {
    if case .string(let ref)? = schema["$ref"], ref.hasPrefix("#/$defs/") {
      return root["$defs"]?[String(ref.dropFirst("#/$defs/".count))] ?? schema
    }
    return schema
  }

  private func check(_ value: JSONValue, _ rawSchema: JSONValue, _ pointer: String, _ out: inout [ValidationFinding]) {
    let schema = resolve(rawSchema)
    if case .number(let d, _) = value, !d.isFinite {
      out.append(.init(.error, "out-of-range", at: pointer, "too large a number to read (a 64-bit float holds at most about ±1.8e308)"))
      return
    }
    if let c = schema["const"], c != value {
      out.append(.init(.error, "const", at: pointer, "must be \(render(c)), not \(render(value))"))
      return
    }
    if case .array(let options)? = schema["enum"], !options.contains(value) {
      out.append(.init(.error, "enum", at: pointer, "must be one of \(options.map(render).joined(separator: ", ")), not \(render(value))"))
      return
    }
    if case .string(let type)? = schema["type"], !matches(value, type) {
      out.append(.init(.error, "type", at: pointer, "must be \(article(type)) \(type), not \(article(value.typeName)) \(value.typeName)"))
      return
    }
    switch value {
    case .object(let pairs):
      if case .array(let required)? = schema["required"] {
        for case .string(let key) in required where !pairs.contains(where: { $0.key == key }) {
          out.append(.init(.error, "required", at: pointer, "required field '\(key)' is missing"))
        }
      }
      let properties = schema["properties"]
      for (key, v) in pairs {
        let path = pointer + "/" + pointerToken(key)
        if let sub = properties?[key] {
          check(v, sub, path, &out)
        } else if schema["additionalProperties"] == .bool(false) {
          out.append(.init(.error, "unknown-field", at: path, "field '\(key)' is not in schema version 1"))
        }
      }
    case .array(let items):
      if case .number(let n, _)? = schema["minItems"], Double(items.count) < n {
        out.append(.init(.error, "min-items", at: pointer, "needs at least \(Int(n)) items, has \(items.count)"))
      }
      if case .number(let n, _)? = schema["maxItems"], Double(items.count) > n {
        out.append(.init(.error, "max-items", at: pointer, "allows at most \(Int(n)) items, has \(items.count)"))
      }
      if let sub = schema["items"] {
        for (i, item) in items.enumerated() { check(item, sub, "\(pointer)/\(i)", &out) }
      }
    case .number(let d, _):
      checkRange(d, schema, pointer, &out)
    case .string(let s):
      checkString(s, schema, pointer, &out)
    default:
      break
    }
  }

  private func checkRange(_ d: Double, _ schema: JSONValue, _ pointer: String, _ out: inout [ValidationFinding]) {
    if case .number(let m, _)? = schema["minimum"], d < m {
      out.append(.init(.error, "minimum", at: pointer, "must be at least \(render(.number(m, isInteger: m == m.rounded())))"))
    }
    if case .number(let m, _)? = schema["exclusiveMinimum"], d <= m {
      out.append(.init(.error, "minimum", at: pointer, "must be more than \(render(.number(m, isInteger: m == m.rounded())))"))
    }
    if case .number(let m, _)? = schema["maximum"], d > m {
      out.append(.init(.error, "maximum", at: pointer, "must be at most \(render(.number(m, isInteger: m == m.rounded())))"))
    }
  }

  private func checkString(_ s: String, _ schema: JSONValue, _ pointer: String, _ out: inout [ValidationFinding]) {
    if case .number(let n, _)? = schema["minLength"], Double(s.count) < n {
      out.append(.init(.error, "min-length", at: pointer, "must not be empty"))
      return
    }
    guard case .string(let p)? = schema["pattern"], !patterns.matches(p, s) else { return }
    if let meaning = Self.patternMeanings[p] {
      out.append(.init(.error, meaning.rule, at: pointer, meaning.message))
    } else {
      out.append(.init(.error, "pattern", at: pointer, "'\(s)' does not have the form \(p)"))
    }
  }

  /// Patterns that say something simpler than their form, with the rule and
  /// message a person reads instead of the regular expression.
  static let patternMeanings: [String: (rule: String, message: String)] = [
    "\\S": ("blank", "must not be blank")
  ]

  private func matches(_ value: JSONValue, _ type: String) -> Bool {
    switch (type, value) {
    case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null): true
    case ("number", .number): true
    case ("integer", .number(_, let isInteger)): isInteger
    default: false
    }
  }

  private func article(_ word: String) -> String {
    ["a", "e", "i", "o", "u"].contains(word.prefix(1)) ? "an" : "a"
  }
}

/// A short rendering of a value for messages.
func render(_ v: JSONValue) -> String {
  switch v {
  case .null: "null"
  case .bool(let b): b ? "true" : "false"
  case .number(let d, let isInteger): isInteger && abs(d) < 1e15 ? String(Int(d)) : String(d)
  case .string(let s): "'\(s)'"
  case .array: "a list"
  case .object: "an object"
  }
}

/// Regular expressions compiled once per schema. Immutable after `init`,
/// so sharing it between threads is safe.
final class CompiledPatterns: @unchecked Sendable {
  private var regexes: [String: Regex<AnyRegexOutput>] = [:]

  init(_ schema: JSONValue) {
    collect(schema)
  }

  private func collect(_ node: JSONValue) {
    switch node {
    case .object(let members):
      for (key, value) in members {
        if key == "pattern", case .string(let p) = value, regexes[p] == nil { regexes[p] = try? Regex(p) }
        collect(value)
      }
    case .array(let items):
      for item in items { collect(item) }
    default:
      break
    }
  }

  /// Whether `s` matches pattern `p` (searched anywhere, as JSON Schema
  /// does); true for a pattern that does not compile, as before.
  func matches(_ p: String, _ s: String) -> Bool {
    // `\S`, the schema's most common pattern: no need for a regex.
    if p == "\\S" { return s.unicodeScalars.contains { !$0.properties.isWhitespace } }
    guard let regex = regexes[p] ?? (try? Regex(p)) else { return true }
    return (try? regex.firstMatch(in: s)) != nil
  }
}
