/// One line of input as it is read on its own, before any decision: what
/// `ExtractionSession.consume` makes of a line before the line waits for
/// the lines below it.
///
/// Reading a line (normalizing it, tokenizing it, scanning its elements,
/// matching the rules, weighing its own evidence) is most of what
/// extraction costs, and none of it depends on the lines around it. So
/// `--jobs` prepares lines on several cores and one session decides them
/// in input order (`ExtractionSession.consume(_:into:)`): the decisions,
/// which do depend on everything above, are made exactly as on one core.
public struct PreparedLine: Sendable {
  public let number: Int
  /// What the session must say once per input, or about this line.
  let isValidUTF8: Bool
  let hasNUL: Bool
  let isTooLong: Bool
  /// The line waiting for its decision; nil for a blank line, which is
  /// never decided (it does not count as one of the lines a decision
  /// waits for).
  let pending: ExtractionSession.PendingLine?

  /// Reads one line (without its line ending). `terminated` is false for
  /// the input's last line when no line ending follows it. `explain` reads
  /// each line in full, past the prose gate, as `--explain` shows every
  /// pairing, however weak.
  public init(line raw: ArraySlice<UInt8>, number: Int, terminated: Bool = true, extractor: Extractor, explain: Bool = false) {
    let survey = raw.withUnsafeBufferPointer { LineSurvey($0) }
    self.number = number
    isValidUTF8 = survey.isValidUTF8
    hasNUL = survey.hasNUL
    let rawText = String(decoding: raw, as: UTF8.self)
    if raw.count > Extractor.maxRecordLineBytes {
      isTooLong = true
      pending = ExtractionSession.PendingLine(number: number, raw: rawText, text: "", reading: nil)
      return
    }
    isTooLong = false
    let normalized = TextNormalizer.normalize(raw.filter { $0 != 0 }[...])
    if normalized.isEmpty {
      pending = nil
      return
    }
    let text = String(decoding: normalized, as: UTF8.self)
    let reads = normalized.count <= Extractor.maxMatchedLineBytes || ExtractionSession.pairsOften(normalized)
    let reading = reads ? (explain ? extractor.reader.read(text) : extractor.reader.read(text, bytes: normalized)) : nil
    pending = ExtractionSession.PendingLine(number: number, raw: rawText, text: text, reading: reading, unterminated: !terminated)
  }
}
