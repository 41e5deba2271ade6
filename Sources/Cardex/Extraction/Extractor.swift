/// The one entry point: rules plus text in, records and diagnostics out.
///
/// An `Extractor` prepares a rule set once and is then shared; each input
/// gets its own `ExtractionSession`, fed one line at a time, so input is
/// streamed and never held whole.
///
/// A class, so that sessions share one prepared rule set instead of
/// copying it; it is immutable after `init`.
public final class Extractor: Sendable {
  public let rules: RuleSet
  let reader: LineReader

  /// Lines longer than this get a `line-too-long` note and are not read:
  /// no listing line is, and no wire story flattened onto one line is
  /// either.
  public static let maxRecordLineBytes = 4096

  /// Lines longer than this (after normalization) are prose to cardex
  /// unless they pair names several times over (a wire story flattened onto
  /// one line): reading a paragraph costs more than any listing line.
  public static let maxMatchedLineBytes = 2048

  /// Non-blank lines a line's decision waits for: its sibling evidence
  /// looks this far down.
  static let lookahead = 2

  public init(rules: RuleSet) {
    self.rules = rules
    self.reader = LineReader(rules: rules)
  }

  /// A session for one input; `source` names it in provenance.
  public func session(source: String, explain: Bool = false) -> ExtractionSession {
    var s = ExtractionSession(extractor: self, source: source)
    s.explain = explain
    return s
  }

  /// Extracts everything from a whole text (tests, small inputs).
  public func extract(_ text: String, source: String, explain: Bool = false) -> [ExtractedItem] {
    extract(bytes: Array(text.utf8), source: source, explain: explain)
  }

  /// Extracts everything from a whole text given as bytes (which need not
  /// be valid UTF-8: the session says so in a diagnostic).
  public func extract(bytes: [UInt8], source: String, explain: Bool = false) -> [ExtractedItem] {
    var session = session(source: source, explain: explain)
    var out: [ExtractedItem] = []
    var reader = LineSplitter()
    reader.feed(bytes[...]) { n, line in session.consume(line: line, number: n, into: &out) }
    reader.finish { n, line in session.consume(line: line, number: n, terminated: false, into: &out) }
    out += session.finish()
    return out
  }
}
