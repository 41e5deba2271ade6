/// A JSON value with exact types, read by `JSONReader`.
///
/// `validate` reads feeds written by other tools and by hand, so it keeps
/// what Foundation's parser blurs: an integer is not a float, `true` is not 1,
/// and the order of keys is kept for messages.
///
/// Not `indirect`: arrays and objects already hold their values in an
/// array's storage, and an indirect enum puts every string, number and
/// `true` in a heap box of its own (a malloc for each value of each record).
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double, isInteger: Bool)
  case string(String)
  case array([JSONValue])
  case object([(key: String, value: JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x, _), .number(let y, _)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  public func hash(into h: inout Hasher) {
    switch self {
    case .null: h.combine(0)
    case .bool(let b): h.combine(b)
    case .number(let d, _): h.combine(d)
    case .string(let s): h.combine(s)
    case .array(let a): h.combine(a)
    case .object(let o):
      for (k, v) in o {
        h.combine(k)
        h.combine(v)
      }
    }
  }

  public subscript(key: String) -> JSONValue? {
    if case .object(let pairs) = self { return pairs.first { $0.key == key }?.value }
    return nil
  }

  /// The JSON Schema type name of the value.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number(_, let isInteger): isInteger ? "integer" : "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}
