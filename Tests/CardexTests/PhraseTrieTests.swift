import Foundation
import Testing

@testable import Cardex

/// The trie of numbered words finds, from every token of a line, the
/// phrases the string-keyed trie it replaced found (`ReferencePhraseTrie`):
/// on every lexicon phrase, every corpus line and the stems of case endings.
@Suite struct PhraseTrieTests {
  /// Both tries, built from every phrase of the shipped lexicons.
  static let tries: (new: PhraseTrie, old: ReferencePhraseTrie) = {
    var new = PhraseTrie()
    var old = ReferencePhraseTrie()
    for (k, entry) in Repo.shippedRules.elements.entries.enumerated() {
      let tokens = Tokenizer.tokenize(entry.phrase)
      new.insert(tokens, entry: k)
      old.insert(tokens, entry: k)
    }
    return (new, old)
  }()

  func expectSame(_ line: String) {
    let tokens = Tokenizer.tokenize(line)
    let words = Self.tries.new.words(of: tokens)
    for start in tokens.indices {
      var new: [[Int]] = []
      var old: [[Int]] = []
      Self.tries.new.matches(in: tokens, words: words, from: start) { end, ids in new.append([end] + ids.map(Int.init)) }
      Self.tries.old.matches(in: tokens, from: start) { end, ids in old.append([end] + ids.map(Int.init)) }
      #expect(new == old, "matches differ from token \(start) of \(line.debugDescription)")
    }
  }

  @Test func agreesWithTheStringTrieOnEveryLexiconPhrase() {
    for entry in Repo.shippedRules.elements.entries { expectSame(entry.phrase) }
  }

  @Test func agreesWithTheStringTrieOnEveryCorpusLine() {
    for line in ProseGateTests.corpusLines { expectSame(String(decoding: line, as: UTF8.self)) }
  }

  @Test func agreesOnCaseEndingsJoinersAndCanonicalSpellings() {
    for line in [
      "Süper Lig'de Premier League'in", "Peso-leve vs. Peso leve", "PESO-LEVE x peso-Leve", "me\u{301}dio-pesado",
      "Lig'in O'Neill d'Artagnan", "", "-", "vs", "v. vs. x",
    ] {
      expectSame(line)
    }
  }

  @Test func aLexiconFindsEachOfItsPhrasesWhole() {
    let lexicon = Repo.shippedRules.elements
    for (k, entry) in lexicon.entries.enumerated() where !entry.caseSensitive {
      let tokens = Tokenizer.tokenize(entry.phrase)
      #expect(lexicon.matches(in: tokens, from: 0).contains { $0.end == tokens.count && $0.entry == k }, "\(entry.phrase)")
    }
  }
}

/// The trie as it was, each node's children keyed by folded token text.
/// Kept as the reference the numbered trie must agree with.
struct ReferencePhraseTrie {
  struct Node {
    var children: [String: Int32] = [:]
    var entries: [Int32] = []
  }

  var nodes: [Node] = [Node()]

  mutating func insert(_ tokens: [Token], entry: Int) {
    var node = 0
    for t in PhraseTrie.keyTokens(tokens) {
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

  func matches(in tokens: [Token], from start: Int, _ visit: (_ end: Int, _ entries: [Int32]) -> Void) {
    var node = 0
    var i = start
    while i < tokens.count {
      if tokens[i].isJoiner, i > start {
        i += 1
        continue
      }
      guard let next = nodes[node].children[tokens[i].folded] else {
        if let stem = PhraseTrie.stem(tokens[i]), let last = nodes[node].children[stem], !nodes[Int(last)].entries.isEmpty {
          visit(i + 1, nodes[Int(last)].entries)
        }
        return
      }
      node = Int(next)
      i += 1
      if !nodes[node].entries.isEmpty { visit(i, nodes[node].entries) }
    }
  }
}
