/// An example in a rule file: a small text and the records it must give
/// (none, for a counter-example). `cardex rules test` runs every example
/// through the whole rule set, as real input would.
public struct RuleExample: Sendable {
  public var text: String
  /// Each expected record's fields, as text (`fighter1: Khabib …`); a
  /// field written `null` must be absent.
  public var expected: [[String: String?]]
  public var file: String
  public var mark: Mark

  /// Reads an `examples:` list.
  static func read(_ node: YAMLNode?, _ reader: RuleReader) throws(YAMLError) -> [RuleExample] {
    guard let node else { return [] }
    var out: [RuleExample] = []
    for item in try reader.list(node, "'examples'") {
      _ = try reader.mapping(item, allowed: ["text", "records"], what: "an example")
      let text = try reader.requiredString(item, "text", what: "an example")
      var expected: [[String: String?]] = []
      for rec in try reader.list(item["records"] ?? .sequence([], item.mark), "'records'") {
        var fields: [String: String?] = [:]
        for (k, v) in try reader.mapping(rec, allowed: rec.keys, what: "an expected record") {
          fields[k.string ?? ""] = v.isNull ? .some(nil) : try reader.string(v, "an expected value")
        }
        expected.append(fields)
      }
      out.append(RuleExample(text: text, expected: expected, file: reader.file, mark: item.mark))
    }
    return out
  }
}
