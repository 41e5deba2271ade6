/// A line pattern from a rule file, compiled for matching on UTF-8 bytes.
///
/// Syntax (see docs/rules.md): text is matched literally and case-insensitively;
/// one space matches one space of the normalized line; `{field}` or
/// `{field:type}` is a slot; `[ … ]` is optional; `<a|b|c>` is one of several
/// literals; `\` escapes the next character. Optional groups are expanded into
/// variants when the pattern is compiled, so the matcher walks a flat list.
public struct Pattern: Sendable {
  /// One step of a variant.
  public enum Element: Sendable, Equatable {
    case literal([UInt8])
    case space
    case slot(field: String, type: SlotType)
    case choice([[UInt8]])
  }

  /// The pattern as written in the rule file.
  public var source: String
  /// Where it was written.
  public var file: String
  public var mark: Mark
  /// Every way of taking or leaving the optional groups, longest first.
  public var variants: [[Element]]
  /// The field names the pattern can fill.
  public var fields: Set<String>

  /// Most variants one pattern may expand to; more optional groups than this
  /// make the pattern hard to read as well as slow.
  static let maxVariants = 64

  public init(_ source: String, file: String, mark: Mark) throws(YAMLError) {
    self.source = source
    self.file = file
    self.mark = mark
    var parser = PatternParser(source: Array(source.unicodeScalars), file: file, mark: mark)
    let tree = try parser.parseSequence(closing: nil)
    var variants: [[Element]] = []
    for v in Self.expand(tree) {
      variants.append(Self.merge(v))
      if variants.count > Self.maxVariants {
        throw YAMLError(file: file, mark: mark, message: "pattern has too many optional groups (more than \(Self.maxVariants) variants)")
      }
    }
    variants.sort { $0.count > $1.count }
    self.variants = variants
    var fields = Set<String>()
    for v in variants {
      for case .slot(let f, _) in v { fields.insert(f) }
    }
    self.fields = fields
    if variants.contains(where: \.isEmpty) {
      throw YAMLError(file: file, mark: mark, message: "pattern can match an empty line")
    }
  }

  /// Expands optional groups: each group is either taken or left out.
  private static func expand(_ nodes: [PatternParser.Node]) -> [[Element]] {
    var results: [[Element]] = [[]]
    for node in nodes {
      switch node {
      case .element(let e):
        // In place: each variant grows by one, with no new array.
        for i in results.indices { results[i].append(e) }
      case .optional(let inner):
        let innerVariants = expand(inner)
        var next: [[Element]] = []
        for r in results {
          for iv in innerVariants { next.append(r + iv) }
          next.append(r)
        }
        results = next
      }
      if results.count > maxVariants * 4 { break }
    }
    return results
  }

  /// Joins adjacent literals and collapses doubled spaces that optional groups
  /// leave behind.
  private static func merge(_ elements: [Element]) -> [Element] {
    var out: [Element] = []
    for e in elements {
      switch (out.last, e) {
      case (.literal(let a)?, .literal(let b)):
        out[out.count - 1] = .literal(a + b)
      case (.space?, .space):
        continue
      default:
        out.append(e)
      }
    }
    while out.first == .space { out.removeFirst() }
    while out.last == .space { out.removeLast() }
    return out
  }
}

/// Reads the pattern syntax into a tree of elements and optional groups.
private struct PatternParser {
  indirect enum Node {
    case element(Pattern.Element)
    case optional([Node])
  }

  let source: [Unicode.Scalar]
  let file: String
  let mark: Mark
  var index = 0

  init(source: [Unicode.Scalar], file: String, mark: Mark) {
    self.source = source
    self.file = file
    self.mark = mark
  }

  func error(_ message: String, at offset: Int) -> YAMLError {
    // Point into the scalar when it is written on one line in the file.
    YAMLError(file: file, mark: Mark(line: mark.line, column: mark.column + offset), message: message)
  }

  mutating func parseSequence(closing: Unicode.Scalar?, openedAt: Int = 0) throws(YAMLError) -> [Node] {
    var nodes: [Node] = []
    var literal: [UInt8] = []
    func flush() {
      if !literal.isEmpty {
        nodes.append(.element(.literal(literal)))
        literal = []
      }
    }
    while index < source.count {
      let c = source[index]
      switch c {
      case "\\":
        index += 1
        guard index < source.count else { throw error("pattern ends with a lone '\\'", at: index) }
        appendLower(source[index], to: &literal)
        index += 1
      case " ", "\t":
        flush()
        if case .element(.space)? = nodes.last {} else { nodes.append(.element(.space)) }
        index += 1
      case "{":
        flush()
        nodes.append(.element(try parseSlot()))
      case "<":
        flush()
        nodes.append(.element(try parseChoice()))
      case "[":
        flush()
        let start = index
        index += 1
        let inner = try parseSequence(closing: "]", openedAt: start)
        if inner.isEmpty { throw error("empty optional group '[]'", at: start) }
        nodes.append(.optional(inner))
      case "]":
        guard closing == "]" else { throw error("']' without a matching '['", at: index) }
        flush()
        index += 1
        return nodes
      case "}", ">":
        throw error("'\(c)' without a matching opening bracket; write '\\\(c)' for the character itself", at: index)
      default:
        appendLower(c, to: &literal)
        index += 1
      }
    }
    if closing != nil { throw error("'[' is never closed", at: openedAt) }
    flush()
    return nodes
  }

  mutating func parseSlot() throws(YAMLError) -> Pattern.Element {
    let start = index
    index += 1
    var body = ""
    while index < source.count, source[index] != "}" {
      body.unicodeScalars.append(source[index])
      index += 1
    }
    guard index < source.count else { throw error("'{' is never closed", at: start) }
    index += 1
    let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let field = parts[0].trimmingSpaces
    guard field.isEmpty || field.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
      throw error("slot name '\(field)' may hold only letters, digits and '_'", at: start + 1)
    }
    let type: SlotType
    if parts.count == 2 {
      let name = parts[1].trimmingSpaces
      guard let t = SlotType(rawValue: name) else {
        let known = SlotType.allCases.map(\.rawValue)
        throw error("unknown slot type '\(name)'\(didYouMean(name, known)); known types: \(known.joined(separator: ", "))", at: start + 1 + parts[0].count + 1)
      }
      type = t
    } else {
      type = SlotType.implied(by: field)
    }
    return .slot(field: field.isEmpty ? "_" : field, type: type)
  }

  mutating func parseChoice() throws(YAMLError) -> Pattern.Element {
    let start = index
    index += 1
    var options: [[UInt8]] = [[]]
    while index < source.count, source[index] != ">" {
      if source[index] == "\\", index + 1 < source.count {
        index += 1
        appendLower(source[index], to: &options[options.count - 1])
      } else if source[index] == "|" {
        options.append([])
      } else {
        appendLower(source[index], to: &options[options.count - 1])
      }
      index += 1
    }
    guard index < source.count else { throw error("'<' is never closed", at: start) }
    index += 1
    if options.contains(where: \.isEmpty) { throw error("empty alternative in '<…>'", at: start) }
    // Longest first, so `vs.` is tried before `vs`.
    return .choice(options.sorted { $0.count > $1.count })
  }

  func appendLower(_ c: Unicode.Scalar, to bytes: inout [UInt8]) {
    let folded = TextNormalizer.normalizeScalar(c)
    for b in String(folded).utf8 { bytes.append(asciiLower(b)) }
  }
}

@inline(__always) func asciiLower(_ b: UInt8) -> UInt8 {
  (b >= 65 && b <= 90) ? b | 0x20 : b
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}

/// `" (did you mean 'x'?)"` when a known word is one or two edits away.
func didYouMean(_ word: String, _ known: [String]) -> String {
  // Ties go to the alphabetically first word, so the message is stable.
  // Ties go to a word with the same first letter, then alphabetically, so
  // the message is stable.
  let lower = word.lowercased()
  let best = known.map { k -> (String, Int, Int) in
    (k, editDistance(Array(lower.utf8), Array(k.lowercased().utf8)), k.lowercased().first == lower.first ? 0 : 1)
  }.min { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }
  if let best, best.1 <= max(2, word.count / 3) { return " (did you mean '\(best.0)'?)" }
  return ""
}

/// Levenshtein distance on bytes; used for typo correction and suggestions.
func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var prev = Array(0...b.count)
  var cur = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    cur[0] = i
    for j in 1...b.count {
      cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&prev, &cur)
  }
  return prev[b.count]
}
