/// One problem `validate` (or `parse`'s own check) found in a feed.
public struct ValidationFinding: Sendable, Hashable, Codable {
  public var severity: Diagnostic.Severity
  /// Stable rule id: `unknown-country`, `same-fighter`, `required` …
  public var rule: String
  /// JSON Pointer (RFC 6901) to the field, within the feed document or,
  /// for NDJSON, within the line's object.
  public var pointer: String
  public var message: String
  /// For NDJSON: the line of the feed file the record is on.
  public var line: Int?

  public init(_ severity: Diagnostic.Severity, _ rule: String, at pointer: String, _ message: String, line: Int? = nil) {
    self.severity = severity
    self.rule = rule
    self.pointer = pointer
    self.message = message
    self.line = line
  }

  /// `FILE: /bouts/3/fighters/1/country: error[unknown-country]: …`, or
  /// `FILE:12: /fighters/1/country: …` for an NDJSON line.
  public func rendered(file: String) -> String {
    let place = line.map { "\(file):\($0)" } ?? file
    return "\(place): \(pointer.isEmpty ? "/" : pointer): \(severity.rawValue)[\(rule)]: \(message)"
  }
}

/// Escapes one reference token of a JSON Pointer.
func pointerToken(_ s: String) -> String {
  guard s.utf8.contains(where: { $0 == 126 || $0 == 47 }) else { return s }
  return s.replacing("~", with: "~0").replacing("/", with: "~1")
}
