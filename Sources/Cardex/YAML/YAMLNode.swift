/// A YAML value that remembers where it was written.
///
/// The rule loader builds its model from these nodes by hand rather than
/// through `Decoder`, because a decoder forgets positions and every rule error
/// must point at `file:line:column`.
public indirect enum YAMLNode: Sendable {
  case scalar(String, Mark, quoted: Bool)
  case mapping([(key: YAMLNode, value: YAMLNode)], Mark)
  case sequence([YAMLNode], Mark)

  public var mark: Mark {
    switch self {
    case .scalar(_, let m, _), .mapping(_, let m), .sequence(_, let m): return m
    }
  }

  /// The scalar's text, or nil for a mapping or sequence.
  public var string: String? {
    if case .scalar(let s, _, _) = self { return s }
    return nil
  }

  /// A plain `~`, `null` or empty scalar: YAML's way of writing "nothing".
  public var isNull: Bool {
    if case .scalar(let s, _, let quoted) = self, !quoted {
      return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
    }
    return false
  }

  /// Looks up a key in a mapping; nil for a missing key or a non-mapping.
  public subscript(key: String) -> YAMLNode? {
    guard case .mapping(let pairs, _) = self else { return nil }
    return pairs.first { $0.key.string == key }?.value
  }

  /// A short name for the node's kind, used in "expected a X" messages.
  public var kindName: String {
    switch self {
    case .scalar: return "a scalar"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
  }
}
