/// Why a line gave what it gave, for `parse --explain`: which rule read it,
/// which elements and sides it found, the evidence with its weights, and the
/// decision (a record, a heading, a near miss, or prose).
public struct LineExplanation: Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case record, heading
    case nearMiss = "near-miss"
    /// A pairing the evidence found too weak even for a near miss.
    case prose
  }

  public var source: String
  public var line: Int
  public var kind: Kind
  /// The composition rule (or `heading`), and where it is written.
  public var rule: String
  public var location: String
  /// One line per element, side and feature.
  public var details: [String]

  public init(source: String, line: Int, kind: Kind, rule: String, location: String, details: [String]) {
    self.source = source
    self.line = line
    self.kind = kind
    self.rule = rule
    self.location = location
    self.details = details
  }

  public var description: String {
    var text: String
    switch kind {
    case .record: text = "\(source):\(line): record by rule \(rule)  (\(location))"
    case .heading: text = "\(source):\(line): heading"
    case .nearMiss: text = "\(source):\(line): near miss, rule \(rule)  (\(location))"
    case .prose: text = "\(source):\(line): prose, rule \(rule) found a pairing too weak to report  (\(location))"
    }
    for d in details { text += "\n    \(d)" }
    return text
  }
}
