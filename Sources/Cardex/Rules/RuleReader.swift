/// Reads rule values out of YAML nodes, turning every mistake into an error
/// that points at the node.
struct RuleReader {
  let file: String

  func error(_ node: YAMLNode, _ message: String) -> YAMLError {
    YAMLError(file: file, mark: node.mark, message: message)
  }

  /// The node's pairs, after checking that every key is one of `allowed`.
  func mapping(_ node: YAMLNode, allowed: [String], what: String) throws(YAMLError) -> [(key: YAMLNode, value: YAMLNode)] {
    guard case .mapping(let pairs, _) = node else {
      throw error(node, "\(what) must be a mapping, not \(node.kindName)")
    }
    var seen = Set<String>()
    for (key, _) in pairs {
      guard let k = key.string else { throw error(key, "keys must be plain words") }
      if !allowed.contains(k) {
        throw error(key, "unknown key '\(k)' in \(what)\(didYouMean(k, allowed)); allowed keys: \(allowed.joined(separator: ", "))")
      }
      if !seen.insert(k).inserted { throw error(key, "key '\(k)' appears twice in \(what)") }
    }
    return pairs
  }

  func string(_ node: YAMLNode, _ what: String) throws(YAMLError) -> String {
    guard let s = node.string else { throw error(node, "\(what) must be a scalar, not \(node.kindName)") }
    return s
  }

  func optionalString(_ parent: YAMLNode, _ key: String) throws(YAMLError) -> String? {
    guard let node = parent[key], !node.isNull else { return nil }
    return try string(node, "'\(key)'")
  }

  func requiredString(_ parent: YAMLNode, _ key: String, what: String) throws(YAMLError) -> String {
    guard let node = parent[key] else { throw error(parent, "\(what) needs a '\(key)' key") }
    let s = try string(node, "'\(key)'")
    if s.isEmpty { throw error(node, "'\(key)' must not be empty") }
    return s
  }

  func list(_ node: YAMLNode, _ what: String) throws(YAMLError) -> [YAMLNode] {
    switch node {
    case .sequence(let items, _): return items
    case .scalar where node.isNull: return []
    default: throw error(node, "\(what) must be a list, not \(node.kindName)")
    }
  }

  func stringList(_ node: YAMLNode?, _ what: String) throws(YAMLError) -> [String] {
    guard let node else { return [] }
    if case .scalar = node, !node.isNull { return [try string(node, what)] }
    var out: [String] = []
    for item in try list(node, what) { out.append(try string(item, "each of \(what)")) }
    return out
  }

  func number(_ node: YAMLNode, _ what: String) throws(YAMLError) -> Double {
    guard let s = node.string, let v = Double(s), v.isFinite else {
      throw error(node, "\(what) must be a number")
    }
    return v
  }

  func int(_ node: YAMLNode?, _ what: String, default value: Int) throws(YAMLError) -> Int {
    guard let node else { return value }
    guard let s = node.string, let v = Int(s) else { throw error(node, "\(what) must be a whole number") }
    return v
  }

  /// A whole number within `range`: values outside it are mistakes that
  /// would otherwise be carried into every record (`max-words: -5`).
  func int(_ node: YAMLNode?, _ what: String, default value: Int, in range: ClosedRange<Int>) throws(YAMLError) -> Int {
    let v = try int(node, what, default: value)
    guard let node, !range.contains(v) else { return v }
    throw error(node, "\(what) must be from \(range.lowerBound) to \(range.upperBound), not \(v)")
  }

  func bool(_ node: YAMLNode?, _ what: String, default value: Bool) throws(YAMLError) -> Bool {
    guard let node else { return value }
    switch node.string {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw error(node, "\(what) must be true or false")
    }
  }

  /// Checks the file's `version:`; rules newer than this build understands
  /// are refused rather than half-read. Lexicon files keep the shape they
  /// had in version 1 and are read in either version; grammar, element,
  /// evidence and family files are version 2.
  func checkVersion(_ root: YAMLNode, accepting versions: [Int] = [1, 2]) throws(YAMLError) {
    let newest = versions.max() ?? 2
    guard let v = root["version"] else { throw error(root, "rule file needs 'version: \(newest)'") }
    guard let n = v.string.flatMap({ Int($0) }), versions.contains(n) else {
      throw error(
        v, "unsupported rule version '\(v.string ?? "")' for this kind of file; this cardex reads version \(versions.map(String.init).joined(separator: " or "))")
    }
  }
}
