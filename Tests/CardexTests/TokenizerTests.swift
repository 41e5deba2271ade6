import Foundation
import Testing

@testable import Cardex

/// The byte-level tokenizer cuts and describes every token as the scalar
/// walk it replaced did (`ReferenceTokenizer`), on every lexicon phrase,
/// every corpus line and lines made to hit its corners.
@Suite struct TokenizerTests {
  /// Lines that reach the tokenizer's less common paths: combining marks,
  /// CJK, emoji with selectors and skin tones, flags, other scripts'
  /// digits, apostrophes, joiners, `ё`, title-case letters.
  static let corners = [
    "", " ", "  a  ", "Aubin-Mercier vs. O'Neill d'Artagnan", "Süper Lig'de 2-1", "67kg R2 730pm", "ノニト・ドネア 対 井上尚弥",
    "Ｆｕｌｌ ｗｉｄｔｈ １２", "😀️ 👍🏽 🇺🇸🇬🇧 🇺", "٣٤٥ ५६ ๑๒", "Лёгкий ЁЖ ёж", "ǅemal ǈubo", "e\u{301}te\u{301} A\u{30A}",
    "Ωmega \u{2126} \u{212B} \u{1F71}", "a'", "'a", "x'y'z", "- -a a- a-b a - b", "tab\there\u{A0}nbsp\u{2003}em",
    "한국 대 일본", "Ⅻ Ⅷ ½", "\u{FFFD}\u{200B}\u{FEFF}x", "مصر ضد تونس", "Θεσσαλονίκη – Αθήνα",
  ]

  func expectSame(_ line: String) {
    let new = Tokenizer.tokenize(line)
    let old = ReferenceTokenizer.tokenize(line)
    #expect(new == old, "tokens differ for \(line.debugDescription)")
    // `==` on strings is canonical equivalence: compare the bytes too.
    let bytes = { (t: [Token]) in t.map { Array($0.text.utf8) + [0] + Array($0.folded.utf8) } }
    #expect(bytes(new) == bytes(old), "token bytes differ for \(line.debugDescription)")
  }

  @Test func agreesWithTheScalarWalkOnCorners() {
    for line in Self.corners { expectSame(line) }
  }

  @Test func agreesWithTheScalarWalkOnEveryLexiconPhrase() {
    for entry in Repo.shippedRules.elements.entries { expectSame(entry.phrase) }
  }

  @Test func agreesWithTheScalarWalkOnEveryCorpusLine() {
    for line in ProseGateTests.corpusLines { expectSame(String(decoding: line, as: UTF8.self)) }
  }

  @Test func foldKeepsItsMeaning() {
    for word in ["MÉDIO", "лёгкий", "ЛЁГКИЙ", "Peso-Leve", "e\u{301}", "straße", "İstanbul", "abc", "ABC"] {
      #expect(Tokenizer.fold(word) == ReferenceTokenizer.fold(word), "\(word)")
    }
  }
}

/// The tokenizer as it was before it read bytes: one scalar at a time over
/// an array of the line's scalars, each token's text appended scalar by
/// scalar. Kept as the reference the faster walk must agree with.
enum ReferenceTokenizer {
  static func tokenize(_ line: String) -> [Token] {
    var tokens: [Token] = []
    let scalars = Array(line.unicodeScalars)
    var i = 0
    var sawSpace = false
    while i < scalars.count {
      let s = scalars[i]
      if Tokenizer.isSpace(s) {
        sawSpace = true
        i += 1
        continue
      }
      let start = i
      i = end(of: scalars, from: i)
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars[start..<i])
      var token = Token(
        kind: kind(of: scalars[start]), text: text, folded: fold(text), spaceBefore: sawSpace && !tokens.isEmpty, start: start, end: i)
      classify(&token, first: scalars[start])
      tokens.append(token)
      sawSpace = false
    }
    if tokens.count >= 3 {
      for i in 1..<tokens.count - 1 where tokens[i].kind == .punctuation && ["-", "・", "·"].contains(tokens[i].text) {
        if !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore, tokens[i - 1].isWord, tokens[i + 1].isWord { tokens[i].isJoiner = true }
      }
    }
    return tokens
  }

  static func kind(of s: Unicode.Scalar) -> Token.Kind {
    if Tokenizer.isCJK(s) || Tokenizer.isLetter(s) { return .word }
    if Tokenizer.isDigit(s) { return .number }
    if s.value < 0x80 { return .punctuation }
    return s.properties.isEmoji && s.value > 0xFF || Tokenizer.isRegionalIndicator(s) ? .symbol : .punctuation
  }

  static func end(of scalars: [Unicode.Scalar], from start: Int) -> Int {
    let s = scalars[start]
    var i = start + 1
    if Tokenizer.isCJK(s) { return i }
    if Tokenizer.isLetter(s) {
      while i < scalars.count {
        let c = scalars[i]
        if Tokenizer.isCJK(c) { break }
        if Tokenizer.isLetter(c) || Tokenizer.isMark(c) {
          i += 1
        } else if c == "'", i + 1 < scalars.count, Tokenizer.isLetter(scalars[i + 1]), !Tokenizer.isCJK(scalars[i + 1]) {
          i += 1
        } else {
          break
        }
      }
    } else if Tokenizer.isDigit(s) {
      while i < scalars.count, Tokenizer.isDigit(scalars[i]) { i += 1 }
    } else if s.value >= 0x80 {
      if Tokenizer.isRegionalIndicator(s), i < scalars.count, Tokenizer.isRegionalIndicator(scalars[i]) { i += 1 }
      while i < scalars.count, scalars[i].properties.isVariationSelector || scalars[i].properties.isEmojiModifier { i += 1 }
    }
    return i
  }

  static func fold(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
    let composed = text.unicodeScalars.contains(where: Tokenizer.changesUnderNFC) ? text.precomposedStringWithCanonicalMapping : text
    return composed.lowercased().replacing("ё", with: "е")
  }

  static func classify(_ t: inout Token, first: Unicode.Scalar) {
    guard t.kind == .word else { return }
    if t.text.utf8.allSatisfy({ $0 < 0x80 }) {
      let letters = t.text.utf8.filter { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
      t.isCapitalized = first.value >= 65 && first.value <= 90
      t.isAllCaps = letters.count >= 2 && letters.allSatisfy { $0 <= 90 }
      return
    }
    if Tokenizer.isCJK(first) {
      t.isCJK = true
      t.isUncased = true
      t.isHiragana = (0x3041...0x309F).contains(first.value)
      return
    }
    let cased = t.text.unicodeScalars.filter { Tokenizer.isLetter($0) && $0.properties.changesWhenCaseMapped }
    if cased.isEmpty {
      t.isUncased = true
      return
    }
    t.isCapitalized = first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
    t.isAllCaps = cased.count >= 2 && cased.allSatisfy { $0.properties.isUppercase }
  }
}

extension TokenizerTests {
  /// The table of two-byte scalars says what the properties say.
  @Test func scalarTableAgreesWithTheProperties() {
    for v in UInt32(0x80)..<ScalarClasses.limit {
      guard let s = Unicode.Scalar(v) else { continue }
      let p = s.properties
      #expect(Tokenizer.isLetter(s) == (p.isAlphabetic && p.numericType == nil))
      #expect(Tokenizer.isDigit(s) == (p.numericType == .decimal))
      #expect(Tokenizer.isSpace(s) == p.isWhitespace)
      #expect(Tokenizer.isMark(s) == [.nonspacingMark, .spacingMark, .enclosingMark].contains(p.generalCategory))
      #expect(ScalarClasses.isCased(s) == p.changesWhenCaseMapped)
      #expect(ScalarClasses.isUppercase(s) == p.isUppercase)
      #expect(ScalarClasses.isTitlecase(s) == (p.generalCategory == .titlecaseLetter))
    }
  }
}
