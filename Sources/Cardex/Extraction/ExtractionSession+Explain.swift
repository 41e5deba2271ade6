extension ExtractionSession {
  /// For `--explain`: each candidate on a line, with its rule, sides,
  /// elements and weighed evidence, and what was decided.
  /// `joined` is the reading a record written over several lines was
  /// read on, when it was.
  func explanations(_ scored: [Candidate], _ p: PendingLine, accepted: Bool, joined: LineReading? = nil) -> [ExtractedItem] {
    guard let reading = joined ?? p.reading else { return [] }
    let evidence = extractor.rules.evidence
    let line = reading.elements
    var out: [ExtractedItem] = []
    for c in scored {
      let rule = extractor.rules.grammar.rules[c.rule]
      var details: [String] = []
      for (i, s) in c.sides.enumerated() {
        let notes = s.notes.map { note -> String in
          guard let written = note.country else { return "\(note.kind.rawValue) '\(note.text)'" }
          let country = extractor.rules.countries.resolve(written)
          return "country '\(written)'" + (country.iso3.map { " → \($0) (\(country.name ?? ""), by \(country.matchedAs ?? ""))" } ?? " (unknown)")
        }.joined(separator: ", ")
        details.append("\(c.roles[i].rawValue) '\(line.text(s.nameStart, s.nameEnd))'" + (notes.isEmpty ? "" : " with \(notes)"))
      }
      for e in c.elements {
        let written = line.text(e.start, e.end)
        var detail = "\(e.type) '\(written)'"
        if case .text(let v) = e.value, v != written { detail += " → \(v)" }
        if e.tags.contains("corrected") { detail += " (corrected)" }
        details.append(detail)
      }
      let words = (c.unexplainedLead + c.unexplainedTail).map { line.tokens[$0].text }
      if !words.isEmpty { details.append("unexplained: \(words.joined(separator: " "))") }
      let weighed = c.features.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.format($0.value))×\(Self.format(evidence.weight($0.key)))" }
      details.append("evidence: \(weighed.joined(separator: ", ")) → \(Self.format(c.score)) (threshold \(Self.format(evidence.threshold)))")
      let kind: LineExplanation.Kind =
        c.score >= evidence.threshold ? .record : (c.score >= evidence.nearMiss ? .nearMiss : .prose)
      if kind == .record { details.append("a \(self.kind(of: c).rawValue) (\(kindReason(c)))") }
      out.append(
        .explanation(
          LineExplanation(
            source: source, line: p.number, kind: kind, rule: rule.id, location: "\(rule.file):\(rule.mark)", details: details)))
    }
    return out
  }

  func headingExplanation(_ h: HeadingReading, _ p: PendingLine) -> ExtractedItem {
    let line = p.reading?.elements
    let details = h.elements.map { "\($0.type) '\(line?.text($0.start, $0.end) ?? "")'" }
    return .explanation(LineExplanation(source: source, line: p.number, kind: .heading, rule: "heading", location: "", details: details))
  }

  /// Why a record is a bout or a fixture: its rule or its roles, else the
  /// line's bout evidence with the section, document and sport around it.
  func kindReason(_ c: Candidate) -> String {
    if c.roles.contains(.winner), kind(of: c) == .fixture { return "a winner in a \(teamSport ?? "team sport")'s text, with no way of winning a fight" }
    if c.roles.contains(.winner) || c.roles.contains(.home) || extractor.rules.grammar.rules[c.rule].record != .either {
      return "as the rule reads it"
    }
    return "bout evidence \(Self.format(c.boutScore)) on the line, then the section, the document and the sport"
  }
}
