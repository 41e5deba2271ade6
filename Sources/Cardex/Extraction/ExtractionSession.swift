/// Extraction state for one input, fed line by line.
///
/// Each line is read on its own (`LineReader`), then waits for the next
/// `Extractor.lookahead` non-blank lines before it is decided: whether a
/// pairing on it is a record depends on the lines around it (a heading
/// above, sibling lines of the same shape). A record line's records wait
/// one line more, in case the next line holds only annotations for them
/// (a weight class or a result written under the pairing).
public struct ExtractionSession {
  let extractor: Extractor
  let source: String
  /// Add a `LineExplanation` for every record, heading and near miss.
  public var explain = false
  public var state = State()
  /// Lines read and not yet decided.
  var window: [PendingLine] = []
  var sawInvalidUTF8 = false
  var sawNUL = false

  struct PendingLine {
    var number: Int
    var raw: String
    var text: String
    /// Nil for a line too long to read as a listing.
    var reading: LineReading?
    /// The input's last line, with no line ending after it: a page cut off
    /// here may be cut inside its last name.
    var unterminated = false
  }

  init(extractor: Extractor, source: String) {
    self.extractor = extractor
    self.source = source
  }

  /// Processes one line (without its line ending); returns what it yields.
  /// `terminated` is false for the input's last line when no line ending
  /// follows it (what `LineSplitter.finish` hands on).
  public mutating func consume(line raw: ArraySlice<UInt8>, number: Int, terminated: Bool = true) -> [ExtractedItem] {
    var out: [ExtractedItem] = []
    consume(line: raw, number: number, terminated: terminated, into: &out)
    return out
  }

  /// As `consume(line:number:terminated:)`, appending to `out`: the
  /// streaming path.
  public mutating func consume(line raw: ArraySlice<UInt8>, number: Int, terminated: Bool = true, into out: inout [ExtractedItem]) {
    consume(PreparedLine(line: raw, number: number, terminated: terminated, extractor: extractor, explain: explain), into: &out)
  }

  /// Takes a line read already (on any thread: `PreparedLine` needs no
  /// session), says what is to be said about it, and decides the lines
  /// that were waiting for it. Lines must come in input order.
  public mutating func consume(_ line: PreparedLine, into out: inout [ExtractedItem]) {
    let number = line.number
    if !sawInvalidUTF8, !line.isValidUTF8 {
      sawInvalidUTF8 = true
      out.append(.diagnostic(Diagnostic(.warning, .invalidUTF8, source: source, line: number)))
    }
    if !sawNUL, line.hasNUL {
      sawNUL = true
      out.append(.diagnostic(Diagnostic(.warning, .nulBytes, source: source, line: number)))
    }
    if line.isTooLong { out.append(.diagnostic(Diagnostic(.note, .lineTooLong, source: source, line: number))) }
    guard let pending = line.pending else { return }
    if pending.reading?.outOfSteps == true {
      out.append(.diagnostic(Diagnostic(.warning, .lineBudget, source: source, line: number)))
    }
    push(pending, into: &out)
  }

  /// Everything still waiting, at the end of the input.
  public mutating func finish() -> [ExtractedItem] {
    var out: [ExtractedItem] = []
    while !window.isEmpty { decide(window.removeFirst(), into: &out) }
    out += state.held
    state.held = []
    state.section = nil
    state.boutHeading = nil
    return out
  }

  /// Decides every line still waiting and lets the held records go, but
  /// keeps sections and headings open: for an input that has paused (a
  /// pipe with nothing more to read for now), whose records should come
  /// out now rather than when the lines below them arrive. Later lines are
  /// read as usual; they no longer change what was decided.
  public mutating func settle(into out: inout [ExtractedItem]) {
    while !window.isEmpty { decide(window.removeFirst(), into: &out) }
    out += state.held
    state.held = []
  }

  private mutating func push(_ line: PendingLine, into out: inout [ExtractedItem]) {
    window.append(line)
    while window.count > Extractor.lookahead { decide(window.removeFirst(), into: &out) }
  }

  /// A long line is read only when it pairs names again and again (a wire
  /// story or a table flattened onto one line): ` v `, ` vs`, ` x `, ` - `,
  /// ` – `, ` — ` at least four times.
  static func pairsOften(_ bytes: [UInt8]) -> Bool {
    var n = 0
    var i = 1
    while i + 2 < bytes.count {
      if bytes[i - 1] == 32, bytes[i + 1] == 32 || bytes[i + 1] == 115 || bytes[i + 1] == 46,
        bytes[i] == 118 || bytes[i] == 120 || bytes[i] == 45
      {
        n += 1
      } else if bytes[i - 1] == 32, bytes[i] == 0xE2, i + 3 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94,
        bytes[i + 3] == 32
      {
        n += 1
      }
      if n >= 4 { return true }
      i += 1
    }
    return false
  }
}

extension Diagnostic.Message {
  static let invalidUTF8 = Self(code: "invalid-utf8", "input is not valid UTF-8; bad bytes were read as U+FFFD")
  static let nulBytes = Self(code: "nul-bytes", "input contains NUL bytes (a binary file?); they were ignored")
  static let lineTooLong = Self(
    code: "line-too-long", "line is longer than \(Extractor.maxRecordLineBytes) bytes, longer than any record line; not matched")
  static func nearMiss(_ why: String) -> Self { Self(code: "near-miss", why) }
  static let lineBudget = Self(
    code: "line-budget",
    "the rules' readings of this line ran past \(RuleMatcher.stepBudget) steps; the rest were not tried (a rule with several gaps or optional terms?)")
  static func duplicateRecord(_ line: Int) -> Self {
    Self(code: "duplicate-record", "the same pairing as line \(line); not listed again")
  }
}
