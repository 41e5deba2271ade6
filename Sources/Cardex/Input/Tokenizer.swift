import Foundation

/// Splits a normalized line into `Token`s.
///
/// Letters (with their combining marks and inner apostrophes) make words,
/// digits make numbers, and every other character is a token of its own. A
/// word and a number written together (`67kg`, `R2`, `730pm`) are two
/// tokens with no space between them, so shapes can read them either way.
/// Chinese characters and kana are a token each, since those scripts put no
/// spaces between words.
public enum Tokenizer {
  public static func tokenize(_ line: String) -> [Token] {
    var tokens: [Token] = []
    let scalars = Array(line.unicodeScalars)
    var i = 0
    var sawSpace = false
    while i < scalars.count {
      let s = scalars[i]
      if isSpace(s) {
        sawSpace = true
        i += 1
        continue
      }
      let start = i
      var kind = Token.Kind.symbol
      if isCJK(s) {
        kind = .word
        i += 1
      } else if isLetter(s) {
        kind = .word
        i += 1
        while i < scalars.count {
          let c = scalars[i]
          if isCJK(c) { break }
          if isLetter(c) || isMark(c) {
            i += 1
          } else if c == "'", i + 1 < scalars.count, isLetter(scalars[i + 1]), !isCJK(scalars[i + 1]) {
            i += 1
          } else {
            break
          }
        }
      } else if isDigit(s) {
        kind = .number
        i += 1
        while i < scalars.count, isDigit(scalars[i]) { i += 1 }
      } else if s.value < 0x80 {
        kind = .punctuation
        i += 1
      } else {
        kind = s.properties.isEmoji && s.value > 0xFF || isRegionalIndicator(s) ? .symbol : .punctuation
        i += 1
        // A flag is two regional indicators; other emoji may carry a
        // variation selector or a skin tone.
        if isRegionalIndicator(s), i < scalars.count, isRegionalIndicator(scalars[i]) { i += 1 }
        while i < scalars.count, scalars[i].properties.isVariationSelector || scalars[i].properties.isEmojiModifier { i += 1 }
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars[start..<i])
      var token = Token(
        kind: kind, text: text, folded: fold(text), spaceBefore: sawSpace && !tokens.isEmpty, start: start, end: i)
      classify(&token, first: scalars[start])
      tokens.append(token)
      sawSpace = false
    }
    markJoiners(&tokens)
    return tokens
  }

  /// Lower case, in composed form, with `ё` read as `е`: `MÉDIO` and
  /// `médio`, `лёгкий` and `легкий` are the same word to a lexicon. Accents
  /// are kept: `från` (Swedish "from") is not the name `Fran`, so lexicons
  /// list spellings with and without accents where texts drop them.
  public static func fold(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
    let composed = text.unicodeScalars.contains(where: changesUnderNFC) ? text.precomposedStringWithCanonicalMapping : text
    return composed.lowercased().replacing("ё", with: "е")
  }

  /// Scalars composition may change: combining marks, Hangul jamo, and the
  /// blocks holding the canonical singletons (Greek with oxia, the Ohm and
  /// Kelvin signs, CJK compatibility ideographs). Text without any is
  /// already composed, and most words are.
  static func changesUnderNFC(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x0300...0x036F, 0x0374, 0x037E, 0x0387, 0x1100...0x11FF, 0x1F00...0x1FFF, 0x2000...0x2001, 0x2126...0x212B, 0x2329...0x232A,
      0xF900...0xFAFF, 0x2F800...0x2FA1F:
      return true
    default:
      return s.value >= 0x80 && isMark(s)
    }
  }

  private static func classify(_ t: inout Token, first: Unicode.Scalar) {
    guard t.kind == .word else { return }
    // Most words are ASCII: their case needs no Unicode tables.
    if t.text.utf8.allSatisfy({ $0 < 0x80 }) {
      var letters = 0
      var upper = 0
      for b in t.text.utf8 where (b >= 65 && b <= 90) || (b >= 97 && b <= 122) {
        letters += 1
        if b <= 90 { upper += 1 }
      }
      t.isCapitalized = first.value >= 65 && first.value <= 90
      t.isAllCaps = letters >= 2 && upper == letters
      return
    }
    if isCJK(first) {
      t.isCJK = true
      t.isUncased = true
      t.isHiragana = (0x3041...0x309F).contains(first.value)
      return
    }
    let letters = t.text.unicodeScalars.filter { isLetter($0) }
    let cased = letters.filter { $0.properties.changesWhenCaseMapped }
    if cased.isEmpty {
      t.isUncased = true
      return
    }
    t.isCapitalized = first.properties.isUppercase || first.properties.generalCategory == .titlecaseLetter
    t.isAllCaps = cased.count >= 2 && cased.allSatisfy { $0.properties.isUppercase }
  }

  /// A hyphen, or a middle dot, between two word tokens with no space on
  /// either side joins them into one word (`Aubin-Mercier`, `ノニト・ドネア`).
  private static func markJoiners(_ tokens: inout [Token]) {
    guard tokens.count >= 3 else { return }
    for i in 1..<tokens.count - 1 where tokens[i].kind == .punctuation {
      guard tokens[i].text == "-" || tokens[i].text == "・" || tokens[i].text == "·" else { continue }
      if !tokens[i].spaceBefore, !tokens[i + 1].spaceBefore, tokens[i - 1].isWord, tokens[i + 1].isWord {
        tokens[i].isJoiner = true
      }
    }
  }

  static func isLetter(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122) }
    return s.properties.isAlphabetic && s.properties.numericType == nil
  }

  static func isDigit(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return s.value >= 48 && s.value <= 57 }
    return s.properties.numericType == .decimal
  }

  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return s.value == 32 || (s.value >= 9 && s.value <= 13) }
    return s.properties.isWhitespace
  }

  static func isMark(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return false }
    switch s.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Han, hiragana, katakana (with the long-vowel mark) and full-width forms:
  /// written without spaces between words.
  static func isCJK(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x3041...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F: return s.value != 0x30FB
    default: return false
    }
  }

  static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(s.value) }
}
