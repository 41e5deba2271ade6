/// The one entry point: rules plus text in, records and diagnostics out.
///
/// An `Extractor` compiles a rule set once (prefilter anchors for every
/// pattern variant) and is then shared; each input gets its own
/// `ExtractionSession`, fed one line at a time, so input is streamed and
/// never held whole.
///
/// A class, so that sessions share one compiled rule set instead of copying
/// its arrays; it is immutable after `init`.
public final class Extractor: Sendable {
  public let rules: RuleSet
  /// The same rules by reference, for the slot scanners and record
  /// builders.
  let sharedRules: RuleSet.Shared
  let prefilter: Prefilter
  /// Which variants a line's anchors admit.
  let variants: VariantIndex
  /// By anchor, whether it means "this line pairs two sides", for
  /// near-miss reports: a line's few hits are looked up here rather than
  /// every separator looked for among them.
  let isSeparatorAnchor: [Bool]
  /// The separators' spellings (lower-case), for near-miss reports: built
  /// from the lexicon on every call, they cost more than the report.
  let separatorWords: Set<[UInt8]>
  /// Every variant's elements in flat memory, for the matcher.
  let compiled: CompiledPatterns
  /// Every `set:` of the rules, read into typed values once.
  let setValues: SetValues

  /// The `set:` values of formats, record rules and headings, by index.
  /// Reading one runs a slot scanner; doing it once per record cost more
  /// than matching the line.
  ///
  /// A format's and a record rule's values are kept as lists of the fields
  /// a record reads (`FieldValues.Key`): each record lays them over its
  /// fields, and a list costs neither hashing nor the names no record reads.
  struct SetValues: Sendable {
    var formats: [[Capture]] = []
    var records: [[[Capture]]] = []
    var headings: [[[String: Capture]]] = []

    init(_ rules: RuleSet) {
      func read(_ set: [String: String]) -> [String: Capture] {
        Dictionary(uniqueKeysWithValues: set.map { ($0.key, Capture(field: $0.key, setValue: $0.value, rules: rules)) })
      }
      func fields(_ set: [String: String]) -> [Capture] {
        read(set).values.filter { $0.key >= 0 }.sorted { $0.key < $1.key }
      }
      formats = rules.formats.map { fields($0.set) }
      records = rules.formats.map { $0.records.map { fields($0.set) } }
      headings = rules.formats.map { $0.headings.map { read($0.set) } }
    }
  }

  /// Lines longer than this get a `line-too-long` note: no card line is,
  /// and the backtracking matcher must not meet a 50 MB line.
  public static let maxRecordLineBytes = 4096

  /// Lines longer than this (after normalization) are prose to cardex: the
  /// longest single record line in the labelled corpus is 120 bytes, and a
  /// paragraph that happens to name a month or a weight class is not worth
  /// matching. This is the main reason prose costs little.
  public static let maxMatchedLineBytes = 320

  /// Lines longer than this before normalization are taken for prose
  /// without being normalized (docs/rules.md, "What happens to a line").
  static let maxNormalizedLineBytes = maxMatchedLineBytes * 4

  public convenience init(rules: RuleSet) {
    self.init(rules: rules, prunesByShape: true)
  }

  /// `prunesByShape: false` turns off `VariantShape` pruning, for the test
  /// that shows it changes nothing.
  init(rules: RuleSet, prunesByShape: Bool) {
    self.rules = rules
    self.sharedRules = RuleSet.Shared(rules)
    self.setValues = SetValues(rules)
    var prefilter = Prefilter()
    var index = VariantIndex()
    let lexicons = VariantShape.Lexicons(rules)
    for (f, format) in rules.formats.enumerated() {
      for (r, rule) in format.records.enumerated() {
        for (v, variant) in rule.pattern.variants.enumerated() {
          index.add(
            .init(format: f, rule: r, variant: v, isHeading: false), groups: prefilter.register(variant, rules: rules),
            shape: VariantShape(variant, lexicons: lexicons), elements: variant, triedWhenClosed: !format.requiresSection)
        }
      }
    }
    for (f, format) in rules.formats.enumerated() {
      for (h, heading) in format.headings.enumerated() {
        for (v, variant) in heading.pattern.variants.enumerated() {
          index.add(
            .init(format: f, rule: h, variant: v, isHeading: true), groups: prefilter.register(variant, rules: rules),
            shape: VariantShape(variant, lexicons: lexicons), elements: variant, triedWhenClosed: heading.opens)
        }
      }
    }
    let sepVariant: [Pattern.Element] = [.space, .slot(field: "sep", type: .separator), .space]
    let separators = Set(prefilter.register(sepVariant, rules: rules).flatMap { $0 })
    separatorWords = Set(rules.separators.phrases)
    isSeparatorAnchor = (0..<prefilter.anchorCount).map(separators.contains)
    index.prunes = prunesByShape
    let selectivity = (0..<prefilter.anchorCount).map(prefilter.selectivity)
    let scanned = index.seal(anchorCount: prefilter.anchorCount, alsoScanned: separators) { selectivity[$0] }
    prefilter.seal(scanning: scanned)
    self.prefilter = prefilter
    self.compiled = CompiledPatterns(index.elements)
    self.variants = index
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
    reader.finish { n, line in session.consume(line: line, number: n, into: &out) }
    out += session.finish()
    return out
  }
}

/// A record or diagnostic, in the order the input produced them.
public enum ExtractedItem: Sendable, Hashable {
  case bout(Bout)
  case fixture(Fixture)
  case diagnostic(Diagnostic)
  /// Only when the session explains (`parse --explain`).
  case explanation(LineExplanation)
}
