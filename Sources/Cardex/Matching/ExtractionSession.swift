/// Extraction state for one input, fed line by line.
public struct ExtractionSession {
  let extractor: Extractor
  let source: String
  var sections: [SectionState]
  var hits: [Bool] = []
  var sawInvalidUTF8 = false

  init(extractor: Extractor, source: String) {
    self.extractor = extractor
    self.source = source
    self.sections = Array(repeating: SectionState(), count: extractor.rules.formats.count)
  }

  /// Processes one line (without its line ending); returns what it yields.
  public mutating func consume(line raw: ArraySlice<UInt8>, number: Int) -> [ExtractedItem] {
    var out: [ExtractedItem] = []
    if !sawInvalidUTF8, String(validating: raw, as: UTF8.self) == nil {
      sawInvalidUTF8 = true
      out.append(.diagnostic(Diagnostic(.warning, .invalidUTF8, source: source, line: number)))
    }
    if raw.count > Extractor.maxRecordLineBytes {
      out.append(.diagnostic(Diagnostic(.note, .lineTooLong(raw.count), source: source, line: number)))
      idle(except: nil)
      return out
    }
    let normalized = TextNormalizer.normalize(raw)
    if normalized.isEmpty { return out }
    normalized.withUnsafeBufferPointer { line in
      extractor.prefilter.scan(line, into: &hits)
      let scanner = SlotScanner(rules: extractor.rules, line: line)
      let matcher = PatternMatcher(scanner: scanner)
      if let (formatIndex, items) = matchRecord(matcher, line: line, number: number, raw: raw) {
        out += items
        idle(except: formatIndex)
        return
      }
      var headed = Set<Int>()
      for (f, format) in extractor.rules.formats.enumerated() {
        for (h, heading) in format.headings.enumerated() {
          guard let caps = firstMatch(heading.pattern, anchors: extractor.headingAnchors[f][h], matcher) else { continue }
          open(f, heading: heading, captures: caps, line: line)
          headed.insert(f)
          break
        }
      }
      if headed.isEmpty, let near = nearMiss(line, number: number) { out.append(near) }
      for f in sections.indices where !headed.contains(f) { idle(f) }
    }
    return out
  }

  /// Closes what is still open at the end of an input.
  public mutating func finish() -> [ExtractedItem] {
    for i in sections.indices { sections[i].close() }
    return []
  }

  // MARK: Records

  private mutating func matchRecord(
    _ matcher: PatternMatcher, line: UnsafeBufferPointer<UInt8>, number: Int, raw: ArraySlice<UInt8>
  ) -> (Int, [ExtractedItem])? {
    let formats = extractor.rules.formats
    // Formats whose section is open go first: the heading above the line is
    // the strongest evidence of what the line is.
    let order = formats.indices.filter { sections[$0].isOpen } + formats.indices.filter { !sections[$0].isOpen && !formats[$0].requiresSection }
    for f in order {
      for (r, rule) in formats[f].records.enumerated() {
        guard let caps = firstMatch(rule.pattern, anchors: extractor.recordAnchors[f][r], matcher) else { continue }
        let provenance = Provenance(source: source, line: number, raw: String(decoding: raw, as: UTF8.self))
        var builder = RecordBuilder(rules: extractor.rules, format: formats[f], provenance: provenance)
        let items = builder.build(rule: rule, captures: caps, section: sections[f])
        sections[f].nextValues = [:]
        return (f, items)
      }
    }
    return nil
  }

  private func firstMatch(_ pattern: Pattern, anchors: [[Int]], _ matcher: PatternMatcher) -> [Capture]? {
    for (v, variant) in pattern.variants.enumerated() {
      let need = anchors[v]
      if !need.isEmpty, !need.contains(where: { hits[$0] }) { continue }
      if let caps = matcher.match(variant) {
        return caps.map { Capture(field: $0.field, text: matcher.scanner.string($0.start, $0.end), value: $0.value) }
      }
    }
    return nil
  }

  // MARK: Sections

  private mutating func open(_ f: Int, heading: RecordFormat.Heading, captures: [Capture], line: UnsafeBufferPointer<UInt8>) {
    var state = sections[f]
    state.isOpen = true
    state.idleLines = 0
    var values: [String: Capture] = [:]
    for (k, v) in heading.set { values[k] = Capture(field: k, text: v, value: .text) }
    for c in captures where c.field != "_" && c.field != "sep" { values[c.field] = c }
    switch heading.scope {
    case .section:
      state.heading = String(decoding: line, as: UTF8.self)
      state.values.merge(values) { $1 }
    case .next:
      state.nextValues = values
    }
    sections[f] = state
  }

  private mutating func idle(except f: Int?) {
    for i in sections.indices where i != f { idle(i) }
    if let f { sections[f].idleLines = 0 }
  }

  private mutating func idle(_ f: Int) {
    guard sections[f].isOpen else { return }
    sections[f].idleLines += 1
    if sections[f].idleLines > extractor.rules.formats[f].closeAfter { sections[f].close() }
  }

  // MARK: Near misses

  /// A line that pairs two capitalised sides with a separator, short enough
  /// to be a listing, that no pattern took: reported so that no bout is lost
  /// without a word.
  private func nearMiss(_ line: UnsafeBufferPointer<UInt8>, number: Int) -> ExtractedItem? {
    guard extractor.separatorAnchors.contains(where: { hits[$0] }), line.count <= 200 else { return nil }
    let anyOpen = sections.contains { $0.isOpen }
    let words = line.split(separator: 32)
    guard anyOpen || words.count <= 12 else { return nil }
    // Find the separator and check a capitalised word on each side.
    for (i, w) in words.enumerated() where i > 0 && i < words.count - 1 {
      let lower = String(decoding: w.map(asciiLower), as: UTF8.self)
      guard extractor.rules.separators.phrases.contains(Array(lower.utf8)) else { continue }
      let before = words[i - 1].first ?? 0
      let after = words[i + 1].first ?? 0
      let capital: (UInt8) -> Bool = { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 }
      if capital(before) && capital(after) {
        return .diagnostic(Diagnostic(.warning, .nearMiss, source: source, line: number))
      }
    }
    return nil
  }
}

extension Diagnostic.Message {
  static let invalidUTF8 = Self(code: "invalid-utf8", "input is not valid UTF-8; bad bytes were read as U+FFFD")
  static func lineTooLong(_ n: Int) -> Self {
    Self(code: "line-too-long", "line of \(n) bytes is longer than any record line; not matched")
  }
  static let nearMiss = Self(code: "near-miss", "line pairs two names with a separator but no pattern took it")
}
