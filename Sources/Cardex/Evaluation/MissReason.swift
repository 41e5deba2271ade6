/// Why a labelled record was missed, in words that count together across
/// a corpus: the first thing that held its near miss back, or, when cardex
/// said nothing, whether it read the line with other names.
///
/// A rule author reads the most common ones first: they are the families
/// of lines the rules do not yet read.
enum MissReason {
  static let misread = "no near miss; the line gave a record with other names (a misread)"
  static let silent = "no near miss, and no record on the line"

  /// The reason `miss` counts under, in document `d`.
  static func of(_ miss: DocumentEvaluation.Discrepancy, in d: DocumentEvaluation) -> String {
    guard let reason = miss.reason else {
      return d.extras.contains(where: { $0.line == miss.line && $0.line != nil }) ? misread : silent
    }
    // `reads as a pairing (rule dash) but the evidence is short (-0.7 < 0):
    // line.unexplained-share; context.prose-below`: the first of what held
    // it back.
    if let colon = reason.range(of: "): "), reason.contains("the evidence is short") {
      let first = reason[colon.upperBound...].split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
      return "evidence short: " + withoutQuotes(first)
    }
    return withoutQuotes(reason)
  }

  /// The message with what it quotes from the line left out (`holds a
  /// record's method '…' between names`) and its counts as `N` (`N words
  /// before the pairing`), so that lines count together. A quote opens
  /// after a space and closes before one (or a mark): the apostrophe in
  /// `record's` is no quote.
  static func withoutQuotes(_ s: String) -> String {
    let chars = Array(s)
    var out = ""
    var i = 0
    while i < chars.count {
      let ch = chars[i]
      let opens = ch == "'" && (i == 0 || chars[i - 1] == " ")
      if opens, let close = (i + 1..<chars.count).first(where: { k in
        chars[k] == "'" && (k + 1 == chars.count || " ,;:).".contains(chars[k + 1]))
      }) {
        out += "'…'"
        i = close + 1
        continue
      }
      if ch.isNumber {
        if !(out.last == "N") { out += "N" }
      } else {
        out.append(ch)
      }
      i += 1
    }
    return out
  }
}

extension EvaluationReport {
  /// Every miss counted by its reason, most common first (ties by reason).
  public var missReasons: [(reason: String, count: Int)] {
    var counts: [String: Int] = [:]
    for d in documents {
      for m in d.misses { counts[MissReason.of(m, in: d), default: 0] += 1 }
    }
    return counts.map { (reason: $0.key, count: $0.value) }.sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
  }
}
