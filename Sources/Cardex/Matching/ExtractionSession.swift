/// Extraction state for one input, fed line by line.
public struct ExtractionSession {
  let extractor: Extractor
  let source: String
  var sections: [SectionState]
  var hits = AnchorHits()
  let scratch: VariantIndex.Scratch
  /// The extractor's variant index and scan tables, held by the session:
  /// reached through the extractor on every line, the index (a struct of
  /// arrays) was copied, retaining each array, every time.
  let variantIndex: VariantIndex
  let scanTables: Prefilter.Tables
  /// The slot scanners' memo, reused line after line.
  let memo = SlotScanner.Memo()
  /// The matcher's captures, reused line after line.
  let captures: PatternMatcher.Captures
  /// The current line's normal form, when it is not its own.
  let normalized = LineBuffer(capacity: Extractor.maxNormalizedLineBytes)
  /// The line being matched in lower case, for finding literals.
  let lowered = LineBuffer(capacity: Extractor.maxNormalizedLineBytes)
  var sawInvalidUTF8 = false
  var sawNUL = false
  /// The feed checks, run on every record as it is made (`parse --strict`
  /// fails on what they find).
  var checker: FeedChecker
  /// Add a `LineExplanation` for every record, heading and near miss.
  public var explain = false

  init(extractor: Extractor, source: String) {
    self.extractor = extractor
    self.source = source
    self.sections = Array(repeating: SectionState(), count: extractor.rules.formats.count)
    self.checker = FeedChecker(rules: extractor.rules, trackDuplicates: false, recordsAreOwn: true)
    self.scanTables = extractor.prefilter.tables
    self.variantIndex = extractor.variants
    self.captures = PatternMatcher.Captures(capacity: extractor.compiled.maxElements)
    self.scratch = VariantIndex.Scratch(
      variants: extractor.variants.variantCount, anchors: extractor.prefilter.anchorCount, rests: extractor.variants.restCount)
  }

  /// Processes one line (without its line ending); returns what it yields.
  public mutating func consume(line raw: ArraySlice<UInt8>, number: Int) -> [ExtractedItem] {
    var out: [ExtractedItem] = []
    consume(line: raw, number: number, into: &out)
    return out
  }

  /// As `consume(line:number:)`, appending to `out`: the streaming path,
  /// which keeps one array for a whole chunk of input.
  public mutating func consume(line raw: ArraySlice<UInt8>, number: Int, into out: inout [ExtractedItem]) {
    raw.withUnsafeBufferPointer { consume($0, raw: raw, number: number, into: &out) }
  }

  private mutating func consume(_ line: UnsafeBufferPointer<UInt8>, raw: ArraySlice<UInt8>, number: Int, into out: inout [ExtractedItem]) {
    let survey = LineSurvey(line)
    if !sawInvalidUTF8, !survey.isValidUTF8 {
      sawInvalidUTF8 = true
      out.append(.diagnostic(Diagnostic(.warning, .invalidUTF8, source: source, line: number)))
    }
    if !sawNUL, survey.hasNUL {
      sawNUL = true
      out.append(.diagnostic(Diagnostic(.warning, .nulBytes, source: source, line: number)))
    }
    if line.count > Extractor.maxRecordLineBytes {
      out.append(.diagnostic(Diagnostic(.note, .lineTooLong, source: source, line: number)))
      idle(except: nil)
      return
    }
    // A clean line (printable ASCII, single spaces) is its own normalized
    // form and valid UTF-8: matched in place, with no copy. About half the
    // lines of real text are.
    if survey.isClean {
      if line.isEmpty { return }
      if line.count > Extractor.maxMatchedLineBytes {
        idle(except: nil)
        return
      }
      match(line, number: number, raw: raw, into: &out)
      return
    }
    // A paragraph: its normal form is too long to be a record or heading
    // line, whatever normalization takes out.
    if survey.minimumNormalLength > Extractor.maxMatchedLineBytes || line.count > Extractor.maxNormalizedLineBytes {
      idle(except: nil)
      return
    }
    let length = TextNormalizer.normalize(line, into: normalized)
    if length == 0 { return }
    if length > Extractor.maxMatchedLineBytes {
      idle(except: nil)
      return
    }
    match(normalized[0..<length], number: number, raw: raw, into: &out)
    return
  }

  /// Tries a normalized line against the records and headings its anchors
  /// admit.
  private mutating func match(_ line: UnsafeBufferPointer<UInt8>, number: Int, raw: ArraySlice<UInt8>, into out: inout [ExtractedItem]) {
    scanTables.scan(line, into: &hits)
    // With every section closed and no separator (most lines), only what
    // can be tried when closed matters: nothing else is tried, and no near
    // miss is looked for.
    let separated = holdsSeparator
    let admitted = variantIndex.admissible(
      hits, line: line, prefilter: scanTables, scratch: scratch, onlyTriedWhenClosed: !mayHaveOpenSection && !separated)
    // Most lines: nothing that could be tried here, and no separator to
    // report a near miss for.
    if !admitted.contains(where: isTryable) && !separated {
      idle(except: nil)
      return
    }
    let scanner = SlotScanner(rules: extractor.sharedRules, line: line, memo: memo)
    for i in 0..<line.count { lowered.bytes[i] = asciiLower(line[i]) }
    let matcher = PatternMatcher(scanner: scanner, compiled: extractor.compiled, captures: captures, lowered: lowered[0..<line.count])
    if let formatIndex = matchRecord(matcher, admitted, line: line, number: number, raw: raw, into: &out) {
      idle(except: formatIndex)
      return
    }
    var headed: [Int] = []
    for v in admitted {
      let ref = variantIndex.refs[Int(v)]
      let f = ref.format
      guard ref.isHeading, !headed.contains(f) else { continue }
      guard variantIndex.triedWhenClosed[Int(v)] || sections[f].isOpen else { continue }
      do {
        guard let caps = matcher.match(Int(v)) else { continue }
        let format = extractor.rules.formats[f]
        let heading = format.headings[ref.rule]
        open(f, ref.rule, heading: heading, captures: caps, line: line)
        headed.append(f)
        if explain {
          let sets = caps.filter { $0.field != "_" }.map { "sets \($0.field) '\($0.text)'" }
            + heading.set.sorted { $0.key < $1.key }.map { "sets \($0.key) '\($0.value)'" }
          out.append(.explanation(explanation(.heading, number, format: format, pattern: heading.pattern, details: sets + (heading.scope == .next ? ["for the next record only"] : []))))
        }
      }
    }
    if headed.isEmpty { out += nearMiss(matcher, admitted, line, number: number) }
    for f in sections.indices where !headed.contains(f) { idle(f) }
  }

  /// Everything a session carries from one line to the next besides its
  /// output: the sections' states and the card the feed checks are on.
  /// `parse --jobs` compares the state a chunk started from with the state
  /// the chunk before it ended in, and runs the chunk again when they differ.
  public struct State: Sendable, Equatable {
    var sections: [SectionState]
    var card: FeedChecker.CardState
  }

  public var state: State {
    get { State(sections: sections, card: checker.cardState) }
    set {
      sections = newValue.sections
      mayHaveOpenSection = true
      checker.cardState = newValue.card
    }
  }

  /// Closes what is still open at the end of an input.
  public mutating func finish() -> [ExtractedItem] {
    for i in sections.indices { sections[i].close() }
    return []
  }

  // MARK: Records

  /// Appends the record the line makes (and its diagnostics) to `out`;
  /// returns its format, or nil when no record variant takes the line.
  private mutating func matchRecord(
    _ matcher: PatternMatcher, _ admitted: UnsafeBufferPointer<Int32>, line: UnsafeBufferPointer<UInt8>, number: Int,
    raw: ArraySlice<UInt8>, into out: inout [ExtractedItem]
  ) -> Int? {
    let formats = extractor.rules.formats
    // Formats whose section is open go first: the heading above the line is
    // the strongest evidence of what the line is. Within a pass, variants
    // come in format, rule and variant order. A variant that needs its
    // section is never tried while it is closed: `match` relies on this
    // when it asks `admissible` for only the variants tried when closed.
    for openPass in [true, false] {
      for v in admitted {
        let ref = variantIndex.refs[Int(v)]
        let f = ref.format
        guard !ref.isHeading else { continue }
        if openPass ? !sections[f].isOpen : (sections[f].isOpen || !variantIndex.triedWhenClosed[Int(v)]) { continue }
        guard let caps = matcher.match(Int(v)) else { continue }
        let provenance = Provenance(source: source, line: number, raw: String(decoding: raw, as: UTF8.self))
        var builder = RecordBuilder(rules: extractor.sharedRules, format: formats[f], provenance: provenance)
        let start = out.count
        builder.build(
          formatValues: extractor.setValues.formats[f], ruleValues: extractor.setValues.records[f][ref.rule], captures: caps,
          section: sections[f], into: &out)
        sections[f].nextValues = [:]
        // The record is checked where it lies in `out`: copying it out would
        // retain and release each of its strings and arrays.
        check(at: start, line: number, into: &out)
        if explain {
          let pattern = formats[f].records[ref.rule].pattern
          out.append(.explanation(explanation(.record, number, format: formats[f], pattern: pattern, details: Self.details(of: out[start], captures: caps))))
        }
        return f
      }
    }
    return nil
  }

  /// Whether the line's scan found a separator (` v `, ` vs. `).
  private var holdsSeparator: Bool {
    hits.found.contains { extractor.isSeparatorAnchor[$0] }
  }

  /// Whether a variant can take a line in the current state: a record
  /// variant of a format whose section is open or that needs none, or a
  /// heading that may open (or continue) its section.
  private func isTryable(_ v: Int32) -> Bool {
    variantIndex.triedWhenClosed[Int(v)] || sections[variantIndex.refs[Int(v)].format].isOpen
  }

  /// Runs the feed checks on a new record; findings become diagnostics
  /// whose message starts with the pointer into the record.
  private mutating func check(at index: Int, line: Int, into out: inout [ExtractedItem]) {
    let findings: [ValidationFinding]
    switch out[index] {
    case .bout(let b): findings = checker.check(b, at: "")
    case .fixture(let f): findings = checker.check(f, at: "")
    default: findings = []
    }
    for f in findings {
      out.append(.diagnostic(Diagnostic(f.severity, Diagnostic.Message(code: f.rule, "\(f.pointer): \(f.message)"), source: source, line: line)))
    }
  }

  // MARK: Sections

  private mutating func open(_ f: Int, _ h: Int, heading: RecordFormat.Heading, captures: [Capture], line: UnsafeBufferPointer<UInt8>) {
    var state = sections[f]
    state.isOpen = true
    state.idleLines = 0
    var values: [String: Capture] = [:]
    for (k, v) in extractor.setValues.headings[f][h] { values[k] = v }
    for c in captures where c.field != "_" && c.field != "sep" { values[c.field] = c }
    switch heading.scope {
    case .section:
      state.heading = String(decoding: line, as: UTF8.self)
      // A heading that sets nothing (`Match info`, `FIGHT CARD`) is a box
      // title: it starts a new box, so values from the box before are gone.
      if values.isEmpty { state.values = [:] }
      state.values.merge(values) { $1 }
    case .next:
      state.nextValues = values
    }
    sections[f] = state
    mayHaveOpenSection = true
  }

  /// False only when every section is closed: then a line that is no
  /// record or heading (most lines) skips the walk over every format's
  /// section. Set wherever a section may open, cleared by `idle(except:)`.
  private var mayHaveOpenSection = false

  private mutating func idle(except f: Int?) {
    // A closed section's idle count is already 0.
    guard mayHaveOpenSection else { return }
    var open = false
    for i in sections.indices where i != f {
      idle(i)
      open = open || sections[i].isOpen
    }
    if let f {
      sections[f].idleLines = 0
      open = open || sections[f].isOpen
    }
    mayHaveOpenSection = open
  }

  private mutating func idle(_ f: Int) {
    guard sections[f].isOpen else { return }
    sections[f].idleLines += 1
    if sections[f].idleLines > extractor.rules.formats[f].closeAfter { sections[f].close() }
  }

  // MARK: Near misses

  /// A line that pairs two capitalised sides with a separator, short enough
  /// to be a listing, that no pattern took: reported with the pattern that
  /// came closest, so that no bout is lost without a word. Only a line with
  /// a separator is looked at: `match` relies on this when it asks
  /// `admissible` for only the variants tried when closed.
  private func nearMiss(
    _ matcher: PatternMatcher, _ admitted: UnsafeBufferPointer<Int32>, _ line: UnsafeBufferPointer<UInt8>, number: Int
  ) -> [ExtractedItem] {
    guard holdsSeparator, line.count <= 200 else { return [] }
    let anyOpen = sections.contains { $0.isOpen }
    let words = line.split(separator: 32)
    guard anyOpen || words.count <= 12 else { return [] }
    var paired = false
    for (i, w) in words.enumerated() where i > 0 && i < words.count - 1 {
      guard extractor.separatorWords.contains(w.map(asciiLower)) else { continue }
      let capital: (UInt8) -> Bool = { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 || $0 == 34 }
      // The side before may end in a bracketed code (`Ali (UAE) v …`).
      let before = words[..<i].last { $0.first != 40 } ?? words[i - 1]
      if capital(before.first ?? 0) && capital(words[i + 1].first ?? 0) { paired = true }
    }
    guard paired else { return [] }
    guard let closest = closestPattern(matcher, admitted, line) else {
      return [.diagnostic(Diagnostic(.warning, .nearMiss(nil), source: source, line: number))]
    }
    var out: [ExtractedItem] = [.diagnostic(Diagnostic(.warning, .nearMiss(closest.summary), source: source, line: number, column: closest.column))]
    if explain {
      out.append(.explanation(explanation(.nearMiss, number, format: closest.format, pattern: closest.pattern, details: [closest.summary])))
    }
    return out
  }

  /// The record pattern that got furthest into the line, over every format.
  ///
  /// Only an admitted variant can match the whole line (the prefilter and
  /// shapes never turn one away that could), so those are tried first: the
  /// first that matches is a format waiting for its heading. Then every
  /// record variant is walked for the furthest progress, except those that
  /// cannot beat the best so far (fewer elements than it got through) or
  /// cannot take the line's first byte (they stop at the start, where every
  /// other variant is at least; the first of all stands for them when no
  /// variant gets further).
  private func closestPattern(
    _ matcher: PatternMatcher, _ admitted: UnsafeBufferPointer<Int32>, _ line: UnsafeBufferPointer<UInt8>
  ) -> (format: RecordFormat, pattern: Pattern, column: Int, summary: String)? {
    for v in admitted where !variantIndex.refs[Int(v)].isHeading {
      if matcher.match(Int(v)) != nil {
        let format = extractor.rules.formats[variantIndex.refs[Int(v)].format]
        return (format, format.records[variantIndex.refs[Int(v)].rule].pattern, 1, "format '\(format.id)' matches the whole line but takes records only under one of its headings")
      }
    }
    var best: (v: Int, progress: PatternMatcher.Progress)?
    for v in 0..<variantIndex.variantCount where !variantIndex.refs[v].isHeading {
      if best == nil { best = (v, PatternMatcher.Progress(offset: 0, element: 0)) }
      guard variantIndex.elements[v].count >= best!.progress.element, variantIndex.canStart(v, with: line) else { continue }
      var progress = PatternMatcher.Progress(offset: 0, element: 0)
      matcher.match(v, furthest: &progress)
      // The pattern that matched the most elements is the closest; a
      // text slot can run far into a line without meaning much.
      if (progress.element, progress.offset) > (best!.progress.element, best!.progress.offset) { best = (v, progress) }
    }
    guard let best else { return nil }
    let format = extractor.rules.formats[variantIndex.refs[best.v].format]
    let pattern = format.records[variantIndex.refs[best.v].rule].pattern
    let variant = variantIndex.elements[best.v]
    let column = String(decoding: UnsafeBufferPointer(rebasing: line[0..<best.progress.offset]), as: UTF8.self).unicodeScalars.count + 1
    let expected = best.progress.element < variant.count ? variant[best.progress.element].summary : "the end of the line"
    return (format, pattern, column, "format '\(format.id)' pattern \"\(pattern.source)\" stopped at column \(column), expecting \(expected)")
  }

  private func explanation(_ kind: LineExplanation.Kind, _ number: Int, format: RecordFormat, pattern: Pattern, details: [String]) -> LineExplanation {
    LineExplanation(
      source: source, line: number, kind: kind, format: format.id, pattern: pattern.source,
      patternLocation: "\(pattern.file):\(pattern.mark)", details: details)
  }

  /// What each slot captured, and what normalization made of it.
  static func details(of item: ExtractedItem, captures: [Capture]) -> [String] {
    var out = captures.filter { $0.field != "_" && $0.field != "sep" }.map { "\($0.field) '\($0.text)'" }
    switch item {
    case .bout(let b):
      if let w = b.weightClass, w.asWritten != w.canonical { out.append("weight class '\(w.asWritten)' → \(w.canonical)") }
      if let l = b.limit { out.append("limit '\(l.asWritten ?? "")' → \(l.kg) kg / \(l.lb) lb") }
      for f in b.fighters {
        if let c = f.country {
          out.append(c.isResolved ? "country '\(c.asWritten)' → \(c.iso3 ?? "?") (\(c.name ?? "?"), by \(c.matchedAs ?? "?"))" : "country '\(c.asWritten)' unknown")
        }
      }
    case .fixture(let x):
      if let c = x.competition, c.asWritten != c.canonical { out.append("competition '\(c.asWritten)' → \(c.canonical)") }
      if let k = x.kickoff { out.append("kick-off '\(k.asWritten)' → \(k.local ?? "ambiguous")\(k.utcOffset.map { " UTC\($0)" } ?? "")") }
    default:
      break
    }
    return out
  }
}

extension Diagnostic.Message {
  static let invalidUTF8 = Self(code: "invalid-utf8", "input is not valid UTF-8; bad bytes were read as U+FFFD")
  static let nulBytes = Self(code: "nul-bytes", "input contains NUL bytes (a binary file?); they were ignored")
  /// Says no length: a long line is cut while it is read, so its length is
  /// not known.
  static let lineTooLong = Self(
    code: "line-too-long", "line is longer than \(Extractor.maxRecordLineBytes) bytes, longer than any record line; not matched")

  static func nearMiss(_ closest: String?) -> Self {
    Self(code: "near-miss", "line pairs two names with a separator but no pattern took it" + (closest.map { "; closest: \($0)" } ?? ""))
  }
}
