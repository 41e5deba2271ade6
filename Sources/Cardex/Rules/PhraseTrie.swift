/// Every phrase of every element lexicon, by its words: finds all phrases
/// that start at a token of a line in one walk.
///
/// Keys are folded tokens (lower case, accents kept), with joining hyphens
/// left out so that `Peso-leve` and `Peso leve` are one key. Each phrase
/// is a whole number of tokens, so `v` never matches inside `vs` or `Ivan`.
public struct PhraseTrie: Sendable {
  struct Node: Sendable {
    var children: [String: Int32] = [:]
    /// Entries (indexes into `ElementLexicon.entries`) whose phrase ends here.
    var entries: [Int32] = []
  }

  var nodes: [Node] = [Node()]

  public init() {}

  /// The tokens of a phrase that form its key.
  static func keyTokens(_ tokens: [Token]) -> [Token] { tokens.filter { !$0.isJoiner } }

  mutating func insert(_ tokens: [Token], entry: Int) {
    var node = 0
    for t in Self.keyTokens(tokens) {
      if let next = nodes[node].children[t.folded] {
        node = Int(next)
      } else {
        nodes.append(Node())
        nodes[node].children[t.folded] = Int32(nodes.count - 1)
        node = nodes.count - 1
      }
    }
    if node != 0 { nodes[node].entries.append(Int32(entry)) }
  }

  /// Each phrase that starts at token `start`: the token after its last
  /// token, and the entries spelled that way.
  func matches(in tokens: [Token], from start: Int, _ visit: (_ end: Int, _ entries: [Int32]) -> Void) {
    var node = 0
    var i = start
    while i < tokens.count {
      if tokens[i].isJoiner, i > start {
        i += 1
        continue
      }
      guard let next = nodes[node].children[tokens[i].folded] else {
        // A proper noun's case ending after an apostrophe (Turkish `Süper
        // Lig'de`, `Lig'in`) ends the phrase with its word.
        if let stem = Self.stem(tokens[i]), let last = nodes[node].children[stem], !nodes[Int(last)].entries.isEmpty {
          visit(i + 1, nodes[Int(last)].entries)
        }
        return
      }
      node = Int(next)
      i += 1
      if !nodes[node].entries.isEmpty { visit(i, nodes[node].entries) }
    }
  }

  /// The word before the apostrophe of a capitalised word with a case
  /// ending (`Lig'de` → `lig`); nil for names written with one (`O'Neill`,
  /// `d'Artagnan`: one letter before it) and for lower-case words.
  static func stem(_ t: Token) -> String? {
    guard t.isWord, t.isCapitalized else { return nil }
    return stem(t.text, folded: t.folded)
  }

  static func stem(_ text: String, folded: String) -> String? {
    guard let mark = folded.firstIndex(of: "'"), let written = text.firstIndex(of: "'") else { return nil }
    let stem = folded[..<mark]
    guard stem.count >= 2, text[text.index(after: written)...].first?.isLowercase == true else { return nil }
    return String(stem)
  }
}
