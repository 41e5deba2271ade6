/// Turns a candidate the evidence accepted, and what the lines above it
/// say, into a typed record with every field normalized: names cleaned of
/// their marks, countries resolved, weight classes named in the record's
/// table, methods given their canonical name, kick-offs in 24-hour time.
struct RecordBuilder {
  let rules: RuleSet
  let candidate: Candidate
  let line: LineElements
  let context: RecordContext
  let provenance: Provenance
  var diagnostics: [Diagnostic] = []

  init(rules: RuleSet, candidate: Candidate, line: LineElements, context: RecordContext, provenance: Provenance) {
    self.rules = rules
    self.candidate = candidate
    self.line = line
    self.context = context
    self.provenance = provenance
  }

  /// The record and the diagnostics building it raised.
  mutating func build(as kind: Family.Record) -> [ExtractedItem] {
    let record: ExtractedItem = kind == .bout ? .bout(applyingRuleValues(bout())) : .fixture(applyingRuleValues(fixture()))
    return [record] + diagnostics.map { .diagnostic($0) }
  }

  // MARK: Shared

  /// A side's name as written, cleaned: champion marks off (they make the
  /// bout a title bout), surrounding quotes and a trailing full stop off.
  func name(_ s: Side) -> (name: String, champion: Bool) {
    var text = line.text(s.nameStart, s.nameEnd)
    if text.hasPrefix("\""), text.hasSuffix("\""), text.count > 2, !text.dropFirst().dropLast().contains("\"") {
      text = String(text.dropFirst().dropLast())
    }
    // (Not a state's abbreviation: `Alliance, Neb.`.)
    if text.hasSuffix("."), let last = text.split(separator: " ").last, last.count > 3, !last.dropLast().contains("."),
      !line.elements.contains(where: { $0.type == "us-state" && $0.end == s.nameEnd })
    {
      text.removeLast()
    }
    let cleaned = NameCleaner.clean(text)
    return (cleaned.name, cleaned.champion || s.has(.champion))
  }

  /// The text an element was written as.
  func written(_ e: Element) -> String { line.text(e.start, e.end) }

  /// The family a record belongs to: the first, by priority, that takes its
  /// kind, sport and elements.
  func family(_ kind: Family.Record, sport: String, has: Set<String>) -> Family? {
    rules.families.first { $0.takes(kind, sport: sport, has: has) } ?? rules.families.first { $0.record == kind }
  }

  func diagnostic(_ severity: Diagnostic.Severity, _ message: Diagnostic.Message) -> Diagnostic {
    Diagnostic(severity, message, source: provenance.source, line: provenance.line)
  }
}

extension Diagnostic.Message {
  static func weightClassCorrected(_ written: String, _ canonical: String) -> Self {
    Self(code: "weight-class-corrected", "weight class '\(written)' read as '\(canonical)'")
  }
  static func nonStandardCountry(_ written: String, _ c: Country) -> Self {
    Self(
      code: "country-nonstandard-code",
      "'\(written)' read as \(c.name ?? "?") (IOC \(c.ioc ?? "-"), ISO \(c.iso3 ?? "-"))" + (c.note.map { ": \($0)" } ?? ""))
  }
}
