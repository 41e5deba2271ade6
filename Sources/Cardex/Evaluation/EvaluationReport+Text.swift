extension EvaluationReport {
  /// The report for people (`cardex eval`): figures by record kind, field,
  /// layout family, language and document, then every miss, extra and
  /// wrong field with its `file:line` and raw line.
  public func text() -> String {
    var out: [String] = []
    out.append("cardex eval: \(directory) (\(documents.count) documents)")
    out.append("")
    out.append(row("", "expected", "found", "matched", "precision", "recall", "F1"))
    out.append(figures("bouts", bouts))
    out.append(figures("fixtures", fixtures))
    out.append(figures("overall", overall))
    out.append("")
    out.append(pad("fields (on paired records)", 30) + pad("right/checked", 15, left: true) + pad("accuracy", 10, left: true))
    for (field, t) in fields.sorted(by: { $0.key < $1.key }) {
      let mark = field.inOverall ? "" : "  (not in overall)"
      out.append(pad("  " + field.rawValue, 30) + pad("\(t.correct)/\(t.checked)", 15, left: true) + pad(decimal(t.accuracy), 10, left: true) + mark)
    }
    let fa = fieldAccuracy
    out.append(pad("  overall", 30) + pad("\(fa.correct)/\(fa.checked)", 15, left: true) + pad(decimal(fa.accuracy), 10, left: true))
    for (title, key) in [("by layout", \DocumentEvaluation.layout), ("by language", \DocumentEvaluation.language)] {
      out.append("")
      out.append(row(title, "docs", "expected", "found", "matched", "precision", "recall", "F1"))
      for b in breakdown(by: key) {
        out.append(
          row(
            "  " + b.key, "\(b.documents)", "\(b.tally.expected)", "\(b.tally.found)", "\(b.tally.matched)", decimal(b.tally.precision),
            decimal(b.tally.recall), decimal(b.tally.f1)))
      }
    }
    out.append("")
    out.append("documents")
    for d in documents {
      out.append(
        "  \(pad(d.name, 8))P \(decimal(d.overall.precision))  R \(decimal(d.overall.recall))  F1 \(decimal(d.overall.f1))"
          + "   bouts \(d.bouts.matched)/\(d.bouts.expected) (found \(d.bouts.found))"
          + "  fixtures \(d.fixtures.matched)/\(d.fixtures.expected) (found \(d.fixtures.found))"
          + (d.layout.map { "  \($0)" } ?? "") + (d.language.map { " \($0)" } ?? ""))
    }
    let misses = documents.flatMap { d in d.misses.map { (d, $0) } }
    if !misses.isEmpty {
      out.append("")
      out.append("misses by reason (the ten most common)")
      for r in missReasons.prefix(10) { out.append(pad("  \(r.count)", 8) + r.reason) }
    }
    out.append("")
    out.append("misses (\(misses.count), \(reportedMisses) reported as near misses)")
    for (d, m) in misses {
      out.append(discrepancy(d, m))
      out.append("      " + (m.reason ?? "no near miss reported"))
    }
    let extras = documents.flatMap { d in d.extras.map { (d, $0) } }
    out.append("")
    out.append("extras (\(extras.count))")
    for (d, e) in extras { out.append(discrepancy(d, e)) }
    let wrong = documents.flatMap { d in d.wrongFields.map { (d, $0) } }
    out.append("")
    out.append("wrong fields (\(wrong.count))")
    for (d, w) in wrong {
      out.append(
        "  \(d.path):\(w.line.map(String.init) ?? "?"): \(w.kind.rawValue) \(w.names.joined(separator: " / ")): \(w.field.rawValue) expected '\(w.expected)', got '\(w.got)'"
      )
    }
    out.append("")
    let perDoc = documents.isEmpty ? 0 : Double(nearMissesElsewhere) / Double(documents.count)
    out.append("near misses on lines with no labelled record: \(nearMissesElsewhere) (\(decimal(perDoc)) per document)")
    out.append("records from negative documents: \(recordsFromNegatives)")
    for path in unlabelled { out.append("not evaluated (no label file): \(path)") }
    for path in labelsWithoutText { out.append("not evaluated (no text): \(path)") }
    return out.joined(separator: "\n") + "\n"
  }

  private func discrepancy(_ d: DocumentEvaluation, _ m: DocumentEvaluation.Discrepancy) -> String {
    "  \(d.path):\(m.line.map(String.init) ?? "?"): \(m.kind.rawValue) \(m.names.joined(separator: " / "))"
      + (m.raw.map { "\n      | \(Self.clipped($0))" } ?? "")
  }

  /// A raw line as the text report shows it: long lines (a wire story
  /// flattened onto one line) cut at 160 characters; the JSON report keeps
  /// them whole.
  static func clipped(_ line: String) -> String {
    line.count > 160 ? String(line.prefix(160)) + "…" : line
  }

  private func figures(_ name: String, _ t: RecordTally) -> String {
    row(name, "\(t.expected)", "\(t.found)", "\(t.matched)", decimal(t.precision), decimal(t.recall), decimal(t.f1))
  }

  private func row(_ first: String, _ rest: String...) -> String {
    pad(first, 24) + rest.map { pad($0, 10, left: true) }.joined()
  }

  private func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return left ? fill + s : s + fill
  }
}

/// `0.833`: three decimals, as the figures are quoted in notes.
func decimal(_ x: Double) -> String {
  let scaled = Int((x * 1000).rounded())
  let whole = scaled / 1000
  let frac = scaled % 1000
  return "\(whole)." + String(repeating: "0", count: 3 - String(frac).count) + String(frac)
}
