/// One schema of the feed's JSON Schema, with its keywords read once.
///
/// The validator used to look every keyword up in the schema's own
/// `JSONValue` (a linear search of an object's members, a `$ref` resolved
/// again) for each value of each record: a third of `validate`'s time once
/// records were no longer decoded twice. The schema is fixed, so it is read
/// into these nodes once; a node refers to its subschemas by index into
/// `SchemaNode.Table.nodes`, so a `$defs` entry used in many places is one
/// node.
struct SchemaNode: Sendable {
  var const: JSONValue?
  var enumValues: [JSONValue]?
  var type: String?
  var required: [String] = []
  /// Property name → node, in the schema's order (few enough that a linear
  /// search beats hashing the key).
  var properties: [(name: String, node: Int)]?
  /// `additionalProperties: false`.
  var closed = false
  var items: Int?
  var minItems: Double?
  var maxItems: Double?
  var minimum: Double?
  var exclusiveMinimum: Double?
  var maximum: Double?
  var minLength: Double?
  var pattern: SchemaPattern?

  func property(_ name: String) -> Int? {
    guard let properties else { return nil }
    for p in properties where p.name == name { return p.node }
    return nil
  }

  /// Every node of a schema, and the one each `$defs` entry became.
  struct Table: Sendable {
    private(set) var nodes: [SchemaNode] = []
    private(set) var definitions: [String: Int] = [:]
    /// The root schema's node.
    private(set) var root = 0
    private let schema: JSONValue

    init(_ schema: JSONValue) {
      self.schema = schema
      if case .object(let defs)? = schema["$defs"] {
        for (name, _) in defs { _ = definition(name) }
      }
      root = node(for: schema)
    }

    /// The node of `$defs/name`, made once (a placeholder first, so that
    /// definitions referring to each other end).
    private mutating func definition(_ name: String) -> Int {
      if let index = definitions[name] { return index }
      let index = nodes.count
      nodes.append(SchemaNode())
      definitions[name] = index
      if let def = schema["$defs"]?[name] { nodes[index] = read(def) }
      return index
    }

    /// A subschema's node: a `$ref` to `#/$defs/NAME` is that definition's
    /// node (its other keywords ignored, as the validator always did); an
    /// inline schema gets a node of its own.
    private mutating func node(for raw: JSONValue) -> Int {
      if case .string(let ref)? = raw["$ref"], ref.hasPrefix("#/$defs/") {
        let name = String(ref.dropFirst("#/$defs/".count))
        if schema["$defs"]?[name] != nil { return definition(name) }
      }
      nodes.append(read(raw))
      return nodes.count - 1
    }

    private mutating func read(_ raw: JSONValue) -> SchemaNode {
      var n = SchemaNode()
      n.const = raw["const"]
      if case .array(let options)? = raw["enum"] { n.enumValues = options }
      if case .string(let type)? = raw["type"] { n.type = type }
      if case .array(let required)? = raw["required"] {
        n.required = required.compactMap { if case .string(let key) = $0 { key } else { nil } }
      }
      if case .object(let properties)? = raw["properties"] {
        var read: [(name: String, node: Int)] = []
        for (name, sub) in properties { read.append((name, node(for: sub))) }
        n.properties = read
      } else if raw["properties"] != nil {
        n.properties = []
      }
      n.closed = raw["additionalProperties"] == .bool(false)
      if let items = raw["items"] { n.items = node(for: items) }
      n.minItems = Self.number(raw["minItems"])
      n.maxItems = Self.number(raw["maxItems"])
      n.minimum = Self.number(raw["minimum"])
      n.exclusiveMinimum = Self.number(raw["exclusiveMinimum"])
      n.maximum = Self.number(raw["maximum"])
      n.minLength = Self.number(raw["minLength"])
      if case .string(let p)? = raw["pattern"] { n.pattern = SchemaPattern(p) }
      return n
    }

    private static func number(_ v: JSONValue?) -> Double? {
      if case .number(let d, _)? = v { d } else { nil }
    }
  }
}
