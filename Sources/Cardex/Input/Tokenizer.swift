import Foundation

/// Splits a normalized line into `Token`s.
///
/// Letters (with their combining marks and inner apostrophes) make words,
/// digits make numbers, and every other character is a token of its own. A
/// word and a number written together (`67kg`, `R2`, `730pm`) are two
/// tokens with no space between them, so shapes can read them either way.
/// Chinese characters and kana are a token each, since those scripts put no
/// spaces between words.
///
/// The walk goes over the line's UTF-8 bytes: ASCII, most of every line and
/// every lexicon phrase, needs no Unicode tables, and each token's text is
/// copied from the bytes in one piece. Offsets are still counted in
/// Unicode scalars.
public enum Tokenizer {
  public static func tokenize(_ line: String) -> [Token] {
    var line = line
    return line.withUTF8 { tokenize(bytes: $0) }
  }

  /// Tokenizes the UTF-8 of a `String` (valid by construction).
  static func tokenize(bytes b: UnsafeBufferPointer<UInt8>) -> [Token] {
    var tokens: [Token] = []
    var cursor = ScalarCursor(b)
    var sawSpace = false
    while let s = cursor.peek() {
      if isSpace(s) {
        sawSpace = true
        cursor.advance()
        continue
      }
      let (startByte, start) = (cursor.byte, cursor.scalar)
      let kind = cursor.consumeToken(first: s)
      let bytes = UnsafeBufferPointer(rebasing: b[startByte..<cursor.byte])
      let ascii = bytes.allSatisfy { $0 < 0x80 }
      let text = String(decoding: bytes, as: UTF8.self)
      var token = Token(
        kind: kind, text: text, folded: ascii ? foldASCII(text, bytes) : fold(text), spaceBefore: sawSpace && !tokens.isEmpty,
        start: start, end: cursor.scalar)
      if ascii { classifyASCII(&token, bytes) } else { classify(&token, first: s) }
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
    let lower = composed.lowercased()
    // `ё` is D1 91 in UTF-8; most words have none, and `replacing` is dear.
    return lower.utf8.contains(0x91) ? lower.replacing("ё", with: "е") : lower
  }

  /// `fold` of an ASCII token: its letters in lower case, the text itself
  /// when it has no capital.
  static func foldASCII(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.contains(where: { $0 >= 65 && $0 <= 90 }) else { return text }
    return String(unsafeUninitializedCapacity: bytes.count) { out in
      for (k, c) in bytes.enumerated() { out[k] = c >= 65 && c <= 90 ? c | 0x20 : c }
      return bytes.count
    }
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

  /// The case of an ASCII word, from its bytes: no Unicode tables.
  private static func classifyASCII(_ t: inout Token, _ bytes: UnsafeBufferPointer<UInt8>) {
    guard t.kind == .word, let first = bytes.first else { return }
    var letters = 0
    var upper = 0
    for b in bytes where (b >= 65 && b <= 90) || (b >= 97 && b <= 122) {
      letters += 1
      if b <= 90 { upper += 1 }
    }
    t.isCapitalized = first >= 65 && first <= 90
    t.isAllCaps = letters >= 2 && upper == letters
  }

  /// The case and script of a word with letters beyond ASCII.
  private static func classify(_ t: inout Token, first: Unicode.Scalar) {
    guard t.kind == .word else { return }
    if isCJK(first) {
      t.isCJK = true
      t.isUncased = true
      t.isHiragana = (0x3041...0x309F).contains(first.value)
      return
    }
    // Letters with case, and how many of them are capitals.
    var cased = 0
    var upper = 0
    for s in t.text.unicodeScalars where isLetter(s) && ScalarClasses.isCased(s) {
      cased += 1
      if ScalarClasses.isUppercase(s) { upper += 1 }
    }
    if cased == 0 {
      t.isUncased = true
      return
    }
    t.isCapitalized = ScalarClasses.isUppercase(first) || ScalarClasses.isTitlecase(first)
    t.isAllCaps = cased >= 2 && upper == cased
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
    if s.value < ScalarClasses.limit { return ScalarClasses.has(s, ScalarClasses.letter) }
    return s.properties.isAlphabetic && s.properties.numericType == nil
  }

  static func isDigit(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return s.value >= 48 && s.value <= 57 }
    if s.value < ScalarClasses.limit { return ScalarClasses.has(s, ScalarClasses.digit) }
    return s.properties.numericType == .decimal
  }

  static func isSpace(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return s.value == 32 || (s.value >= 9 && s.value <= 13) }
    if s.value < ScalarClasses.limit { return ScalarClasses.has(s, ScalarClasses.space) }
    return s.properties.isWhitespace
  }

  static func isMark(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return false }
    if s.value < ScalarClasses.limit { return ScalarClasses.has(s, ScalarClasses.mark) }
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
