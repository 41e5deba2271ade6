import Foundation

/// One term of a composition rule's sequence: a side of the record, an
/// element of a type (with tags it must or must not have, and the field it
/// fills), or a literal mark.
///
/// Written in a rule file as `side`, `winner`, `separator`,
/// `result-verb[loser-first]`, `homeScore=number`, `'('`, each with an
/// optional `?`, or `...` for a gap.
public struct GrammarTerm: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// A competitor: a name with the notes around it.
    case side(SideRole)
    case element(type: String, required: Set<String>, excluded: Set<String>)
    case literal(String)
    /// `...`: up to `gapLimit` tokens of anything but a pairing or a record
    /// boundary, as between a verb and the word that closes it (`won by
    /// unanimous decision over`, `gagne aux points devant`). Elements inside
    /// it are the record's.
    case gap
  }

  /// The most tokens a gap spans.
  public static let gapLimit = 8

  public var kind: Kind
  public var optional: Bool
  /// The record field the element fills (`homeScore`, `method`), if named.
  public var field: String?
  /// Where the term is written, for messages.
  public var mark: Mark

  /// Element types read from how text is written rather than from a list.
  public static let shapeTypes: Set<String> = [
    "time", "date", "score", "weight", "round", "rounds", "duration", "ranking", "bullet", "ordinal", "number", "stage",
    "scorecards", "link", "joined-dash", "minute", "rank-place", "scorers", "innings", "margin", "venue", "dateline",
  ]

  /// Fields a term may fill by name.
  public static let fields: Set<String> = [
    "homeScore", "awayScore", "score", "method", "round", "time", "rounds", "weightClass", "limit", "kickoff", "date", "weighIn",
    "outcome",
  ]

  public var isSide: Bool {
    if case .side = kind { return true }
    return false
  }
}

/// What a side is in the record it makes.
public enum SideRole: String, Sendable, Hashable, CaseIterable {
  /// First or second in the order written (fighters, or home then away).
  case side
  case home, away, winner, loser
}

/// Reads a sequence such as `winner outcome method? round? loser`.
struct SequenceParser {
  let reader: RuleReader
  let node: YAMLNode

  func parse(_ text: String) throws(YAMLError) -> [GrammarTerm] {
    var terms: [GrammarTerm] = []
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      if scalars[i] == " " {
        i += 1
        continue
      }
      let start = i
      var word = ""
      if scalars[i] == "'" {
        i += 1
        while i < scalars.count, scalars[i] != "'" {
          word.unicodeScalars.append(scalars[i])
          i += 1
        }
        guard i < scalars.count else { throw error(at: start, "a quoted mark is never closed") }
        i += 1
        if word.isEmpty { throw error(at: start, "an empty quoted mark") }
        var optional = false
        if i < scalars.count, scalars[i] == "?" {
          optional = true
          i += 1
        }
        terms.append(GrammarTerm(kind: .literal(word), optional: optional, field: nil, mark: mark(at: start)))
        continue
      }
      while i < scalars.count, scalars[i] != " " {
        word.unicodeScalars.append(scalars[i])
        i += 1
      }
      if word == "..." {
        if terms.last?.kind == .gap || terms.isEmpty { throw error(at: start, "a gap must follow another term, and only one at a time") }
        terms.append(GrammarTerm(kind: .gap, optional: false, field: nil, mark: mark(at: start)))
        continue
      }
      terms.append(try term(word, at: start))
    }
    if terms.isEmpty { throw reader.error(node, "a rule's sequence is empty") }
    return terms
  }

  private func term(_ word: String, at start: Int) throws(YAMLError) -> GrammarTerm {
    var w = Substring(word)
    var optional = false
    if w.hasSuffix("?") {
      optional = true
      w = w.dropLast()
    }
    var field: String?
    if let eq = w.firstIndex(of: "=") {
      field = String(w[..<eq])
      w = w[w.index(after: eq)...]
      guard let f = field, GrammarTerm.fields.contains(f) else {
        throw error(at: start, "unknown field '\(field ?? "")'\(didYouMean(field ?? "", Array(GrammarTerm.fields))); a term may fill \(GrammarTerm.fields.sorted().joined(separator: ", "))")
      }
    }
    var required: Set<String> = []
    var excluded: Set<String> = []
    if let open = w.firstIndex(of: "[") {
      guard w.hasSuffix("]") else { throw error(at: start, "'[' without a closing ']' in '\(word)'") }
      for tag in w[w.index(after: open)..<w.index(before: w.endIndex)].split(separator: ",") {
        let t = tag.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("!") { excluded.insert(String(t.dropFirst())) } else { required.insert(t) }
      }
      w = w[..<open]
    }
    let name = String(w)
    if let role = SideRole(rawValue: name) {
      if optional { throw error(at: start, "a side cannot be optional") }
      if field != nil { throw error(at: start, "a side fills its own field") }
      return GrammarTerm(kind: .side(role), optional: false, field: nil, mark: mark(at: start))
    }
    guard ElementFileReader.isTypeName(name) else { throw error(at: start, "'\(word)' is not an element type, a side or a quoted mark") }
    return GrammarTerm(kind: .element(type: name, required: required, excluded: excluded), optional: optional, field: field, mark: mark(at: start))
  }

  /// The position of column `i` of the sequence in the rule file, when the
  /// sequence is written on one line.
  private func mark(at i: Int) -> Mark {
    let m = node.mark
    if case .scalar(_, _, let quoted) = node { return Mark(line: m.line, column: m.column + i + (quoted ? 1 : 0)) }
    return m
  }

  private func error(at i: Int, _ message: String) -> YAMLError {
    YAMLError(file: reader.file, mark: mark(at: i), message: message)
  }
}
