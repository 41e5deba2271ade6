/// The feed checks run on records as extraction gives them, in input
/// order: each finding becomes a diagnostic placed just after its record,
/// its message starting with the pointer into the record.
///
/// `parse` runs this on everything it writes, so a feed carries its own
/// findings and `parse --strict` fails where `validate` would; a library
/// user runs it the same way over `Extractor.extract` or a session's items.
public struct RecordCheck: Sendable {
  var checker: FeedChecker

  public init(rules: RuleSet) {
    checker = FeedChecker(rules: rules, trackDuplicates: false, recordsAreOwn: true)
  }

  /// `items` with each record's findings after it; `findings` counts them.
  public mutating func pass(_ items: [ExtractedItem]) -> (items: [ExtractedItem], findings: Int) {
    var out: [ExtractedItem] = []
    out.reserveCapacity(items.count)
    var count = 0
    for item in items {
      out.append(item)
      let found: [ValidationFinding]
      let source: String
      let line: Int
      switch item {
      case .bout(let b):
        found = checker.check(b, at: "")
        (source, line) = (b.provenance.source, b.provenance.line)
      case .fixture(let f):
        found = checker.check(f, at: "")
        (source, line) = (f.provenance.source, f.provenance.line)
      default:
        continue
      }
      for f in found {
        out.append(.diagnostic(Diagnostic(f.severity, Diagnostic.Message(code: f.rule, "\(f.pointer): \(f.message)"), source: source, line: line)))
      }
      count += found.count
    }
    return (out, count)
  }
}
