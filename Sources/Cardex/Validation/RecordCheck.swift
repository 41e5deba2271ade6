/// The feed checks run on records as extraction gives them, in input
/// order: each finding becomes a diagnostic placed just after its record,
/// its message starting with the pointer into the record.
///
/// `parse` runs this on everything it writes, one check across all the
/// inputs of a run, so a feed carries its own findings and `parse --strict`
/// fails where `validate` would; a library user runs it the same way over
/// `Extractor.extract` or a session's items.
public struct RecordCheck: Sendable {
  var checker: FeedChecker
  /// With `--strict`: each record is also written as JSON and held to the
  /// schema, as `validate` holds it, so that nothing `validate` would
  /// reject passes.
  let schema: SchemaValidator?

  /// The checks for a run over inputs named `sources` (`Provenance.source`
  /// of their records): a name given twice has its records remembered,
  /// for the `duplicate-record` check, in memory that grows with them.
  /// `schema` adds the schema check (`SchemaValidator.feed()`).
  public init(rules: RuleSet, sources: [String] = [], schema: SchemaValidator? = nil) {
    var seen = Set<String>()
    let repeated = Set(sources.filter { !seen.insert($0).inserted })
    checker = FeedChecker(rules: rules, duplicates: .recent(repeatedSources: repeated), recordsAreOwn: true)
    self.schema = schema
  }

  /// `items` with each record's findings after it; `findings` counts them.
  public mutating func pass(_ items: [ExtractedItem]) -> (items: [ExtractedItem], findings: Int) {
    var out: [ExtractedItem] = []
    out.reserveCapacity(items.count)
    var count = 0
    for item in items {
      out.append(item)
      var found: [ValidationFinding]
      let source: String
      let line: Int
      switch item {
      case .bout(let b):
        found = shape(item, "Bout")
        found += checker.check(b, at: "")
        (source, line) = (b.provenance.source, b.provenance.line)
      case .fixture(let f):
        found = shape(item, "Fixture")
        found += checker.check(f, at: "")
        (source, line) = (f.provenance.source, f.provenance.line)
      case .diagnostic(let d):
        found = shape(item, "Diagnostic")
        (source, line) = (d.source, d.line)
      case .explanation:
        continue
      }
      for f in found {
        out.append(.diagnostic(Diagnostic(f.severity, Diagnostic.Message(code: f.rule, "\(f.pointer.isEmpty ? "/" : f.pointer): \(f.message)"), source: source, line: line)))
      }
      count += found.count
    }
    return (out, count)
  }

  /// The schema's findings on `item` as written, when there is a schema.
  private func shape(_ item: ExtractedItem, _ definition: String) -> [ValidationFinding] {
    guard let schema else { return [] }
    var bytes: [UInt8] = []
    FeedEncoder().ndjsonLine(item, appendingTo: &bytes)
    guard let value = try? JSONReader.parse(Array(bytes.dropLast())) else {
      return [.init(.error, "malformed-json", at: "", "the record was not written as JSON")]
    }
    return schema.validate(value, definition: definition)
  }
}
