/// Why a line gave what it gave: for `parse --explain`, so a rule author can
/// see which format and pattern took a line, what was normalized, and for a
/// line that looked like a record, which pattern came closest and where it
/// stopped.
public struct LineExplanation: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case record, heading
    case nearMiss = "near-miss"
  }

  public var source: String
  public var line: Int
  public var kind: Kind
  public var format: String
  /// The pattern as written in its rule file, and where.
  public var pattern: String
  public var patternLocation: String
  /// One line per slot or normalization: `weightClass 'Lighweight' → Lightweight (corrected)`.
  public var details: [String]

  public var description: String {
    var text: String
    switch kind {
    case .record: text = "\(source):\(line): record by \(format): \(pattern)  (\(patternLocation))"
    case .heading: text = "\(source):\(line): heading of \(format): \(pattern)  (\(patternLocation))"
    case .nearMiss: text = "\(source):\(line): near miss, closest \(format): \(pattern)  (\(patternLocation))"
    }
    for d in details { text += "\n    \(d)" }
    return text
  }
}

extension Pattern.Element {
  /// How an element reads in messages: `'v'`, `a space`, `{fighter1:name}`.
  var summary: String {
    switch self {
    case .literal(let b): "'\(String(decoding: b, as: UTF8.self))'"
    case .space: "a space"
    case .slot(let field, let type): "{\(field):\(type.rawValue)}"
    case .choice(let options): "one of <\(options.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "|"))>"
    }
  }
}
