/// Every phrase of every element lexicon, by its words: finds all phrases
/// that start at a token of a line in one walk.
///
/// Keys are folded tokens (lower case, accents kept), with joining hyphens
/// left out so that `Peso-leve` and `Peso leve` are one key. Each phrase
/// is a whole number of tokens, so `v` never matches inside `vs` or `Ivan`.
///
/// Each distinct key token is numbered once (`words`); a line's tokens are
/// looked up there once each (`words(of:)`), and the walk from every start
/// then follows numbered edges, with no string hashed or compared. Most
/// tokens of a line are in no phrase and stop the walk at once.
public struct PhraseTrie: Sendable {
  /// The number of each folded key token of any phrase.
  var words: [String: Int32] = [:]
  /// The root's children, by word number: every start of a walk.
  var rootChildren: [Int32] = []
  /// Deeper edges: `node << 32 | word` → child.
  var edges: [UInt64: Int32] = [:]
  /// Entries (indexes into `ElementLexicon.entries`) whose phrase ends at
  /// each node.
  var ends: [[Int32]] = [[]]

  /// A token no phrase holds.
  static let unknown: Int32 = -1

  public init() {}

  /// The tokens of a phrase that form its key.
  static func keyTokens(_ tokens: [Token]) -> [Token] { tokens.contains(where: \.isJoiner) ? tokens.filter { !$0.isJoiner } : tokens }

  mutating func insert(_ tokens: [Token], entry: Int) {
    var node: Int32 = 0
    for t in Self.keyTokens(tokens) {
      let word = number(t.folded)
      if let next = child(node, word) {
        node = next
      } else {
        let next = Int32(ends.count)
        ends.append([])
        if node == 0 { rootChildren[Int(word)] = next } else { edges[Self.edge(node, word)] = next }
        node = next
      }
    }
    if node != 0 { ends[Int(node)].append(Int32(entry)) }
  }

  /// The word number of a folded key token, numbering it if new.
  private mutating func number(_ folded: String) -> Int32 {
    if let w = words[folded] { return w }
    let w = Int32(words.count)
    words[folded] = w
    rootChildren.append(Self.unknown)
    return w
  }

  private func child(_ node: Int32, _ word: Int32) -> Int32? {
    guard word != Self.unknown else { return nil }
    if node == 0 {
      let c = rootChildren[Int(word)]
      return c == Self.unknown ? nil : c
    }
    return edges[Self.edge(node, word)]
  }

  private static func edge(_ node: Int32, _ word: Int32) -> UInt64 { UInt64(UInt32(node)) << 32 | UInt64(UInt32(word)) }

  /// Each token's word number (`unknown` for a token no phrase holds), for
  /// `matches(in:words:from:_:)`.
  func words(of tokens: [Token]) -> [Int32] { tokens.map { words[$0.folded] ?? Self.unknown } }

  /// Each phrase that starts at token `start`: the token after its last
  /// token, and the entries spelled that way.
  func matches(in tokens: [Token], from start: Int, _ visit: (_ end: Int, _ entries: [Int32]) -> Void) {
    matches(in: tokens, words: words(of: tokens), from: start, visit)
  }

  /// As `matches(in:from:_:)`, with the tokens' word numbers given.
  func matches(in tokens: [Token], words: [Int32], from start: Int, _ visit: (_ end: Int, _ entries: [Int32]) -> Void) {
    var node: Int32 = 0
    var i = start
    while i < tokens.count {
      if tokens[i].isJoiner, i > start {
        i += 1
        continue
      }
      guard let next = child(node, words[i]) else {
        // A proper noun's case ending after an apostrophe (Turkish `Süper
        // Lig'de`, `Lig'in`) ends the phrase with its word.
        if let stem = Self.stem(tokens[i]), let w = self.words[stem], let last = child(node, w), !ends[Int(last)].isEmpty {
          visit(i + 1, ends[Int(last)])
        }
        return
      }
      node = next
      i += 1
      if !ends[Int(node)].isEmpty { visit(i, ends[Int(node)]) }
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
    // No apostrophe byte, no apostrophe: most words end here, before a
    // search by `Character`.
    guard text.utf8.contains(39) else { return nil }
    guard let mark = folded.firstIndex(of: "'"), let written = text.firstIndex(of: "'") else { return nil }
    let stem = folded[..<mark]
    guard stem.count >= 2, text[text.index(after: written)...].first?.isLowercase == true else { return nil }
    return String(stem)
  }
}
