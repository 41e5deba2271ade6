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
  /// The schema read into nodes once (`SchemaNode`), patterns compiled.
  let table: SchemaNode.Table

  public init(schema: JSONValue) {
    root = schema
    table = SchemaNode.Table(schema)
  }

  /// The shipped feed schema (`docs/feed.schema.json`, bundled).
  public static func feed() throws -> SchemaValidator {
    SchemaValidator(schema: try JSONReader.parse(Array(FeedSchema.text.utf8)))
  }

  /// Every violation, at its pointer. `definition` names a `$defs` entry to
  /// check against instead of the root (`Bout` for an NDJSON line).
  public func validate(_ value: JSONValue, definition: String? = nil) -> [ValidationFinding] {
    var walk = Walk(nodes: table.nodes)
    walk.check(value, definition.flatMap { table.definitions[$0] } ?? table.root)
    return walk.out
  }

  /// One value's check: the findings, and the path to the value being
  /// checked, made into a JSON Pointer only when a finding names it (it
  /// was a string built for every value checked).
  private struct Walk {
    let nodes: [SchemaNode]
    var out: [ValidationFinding] = []
    var path: [PathStep] = []

    enum PathStep {
      case key(String)
      case index(Int)
    }

    var pointer: String {
      var p = ""
      for step in path {
        switch step {
        case .key(let k): p += "/" + pointerToken(k)
        case .index(let i): p += "/\(i)"
        }
      }
      return p
    }

    mutating func add(_ rule: String, _ message: String) {
      out.append(.init(.error, rule, at: pointer, message))
    }

    mutating func check(_ value: JSONValue, _ index: Int) {
      let schema = nodes[index]
      if case .number(let d, _) = value, !d.isFinite {
        add("out-of-range", "too large a number to read (a 64-bit float holds at most about ±1.8e308)")
        return
      }
      if let c = schema.const, c != value {
        add("const", "must be \(render(c)), not \(render(value))")
        return
      }
      if let options = schema.enumValues, !options.contains(value) {
        add("enum", "must be one of \(options.map(render).joined(separator: ", ")), not \(render(value))")
        return
      }
      if let type = schema.type, !SchemaValidator.matches(value, type) {
        add("type", "must be \(SchemaValidator.article(type)) \(type), not \(SchemaValidator.article(value.typeName)) \(value.typeName)")
        return
      }
      switch value {
      case .object(let pairs):
        for key in schema.required where !pairs.contains(where: { $0.key == key }) {
          add("required", "required field '\(key)' is missing")
        }
        for (key, v) in pairs {
          path.append(.key(key))
          if let sub = schema.property(key) {
            check(v, sub)
          } else if schema.closed {
            add("unknown-field", "field '\(key)' is not in schema version 1")
          }
          path.removeLast()
        }
      case .array(let items):
        if let n = schema.minItems, Double(items.count) < n {
          add("min-items", "needs at least \(Int(n)) items, has \(items.count)")
        }
        if let n = schema.maxItems, Double(items.count) > n {
          add("max-items", "allows at most \(Int(n)) items, has \(items.count)")
        }
        if let sub = schema.items {
          for (i, item) in items.enumerated() {
            path.append(.index(i))
            check(item, sub)
            path.removeLast()
          }
        }
      case .number(let d, _):
        checkRange(d, schema)
      case .string(let s):
        checkString(s, schema)
      default:
        break
      }
    }

    private mutating func checkRange(_ d: Double, _ schema: SchemaNode) {
      if let m = schema.minimum, d < m {
        add("minimum", "must be at least \(render(.number(m, isInteger: m == m.rounded())))")
      }
      if let m = schema.exclusiveMinimum, d <= m {
        add("minimum", "must be more than \(render(.number(m, isInteger: m == m.rounded())))")
      }
      if let m = schema.maximum, d > m {
        add("maximum", "must be at most \(render(.number(m, isInteger: m == m.rounded())))")
      }
    }

    private mutating func checkString(_ s: String, _ schema: SchemaNode) {
      if let n = schema.minLength, Self.isShorter(s, than: n) {
        add("min-length", "must not be empty")
        return
      }
      guard let pattern = schema.pattern, !pattern.matches(s) else { return }
      if let meaning = SchemaValidator.patternMeanings[pattern.source] {
        add(meaning.rule, meaning.message)
      } else {
        add("pattern", "'\(s)' does not have the form \(pattern.source)")
      }
    }

    /// `s.count < n`, counting no further than `n` characters (a raw line
    /// is long, and the schema asks for one).
    static func isShorter(_ s: String, than n: Double) -> Bool {
      var count = 0
      for _ in s {
        count += 1
        if Double(count) >= n { return false }
      }
      return Double(count) < n
    }
  }

  /// Patterns that say something simpler than their form, with the rule and
  /// message a person reads instead of the regular expression.
  static let patternMeanings: [String: (rule: String, message: String)] = [
    "\\S": ("blank", "must not be blank")
  ]

  static func matches(_ value: JSONValue, _ type: String) -> Bool {
    switch (type, value) {
    case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null): true
    case ("number", .number): true
    case ("integer", .number(_, let isInteger)): isInteger
    default: false
    }
  }

  static func article(_ word: String) -> String {
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
