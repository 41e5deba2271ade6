/// One piece of a normalized line: a word, a number, a punctuation mark or
/// a symbol, with what the grammar asks of it.
///
/// Spaces are not tokens; `spaceBefore` keeps them, because `Aubin-Mercier`
/// and `Aubin - Mercier` differ only there.
public struct Token: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case word, number, punctuation, symbol
  }

  public var kind: Kind
  /// The text as written (after line normalization).
  public var text: String
  /// Lower case, accents removed: what lexicons are matched against.
  public var folded: String
  /// Whether a space stands before the token (false for the first).
  public var spaceBefore: Bool
  /// Offsets in Unicode scalars of the normalized line, for columns.
  public var start: Int
  public var end: Int
  /// The first letter is upper case (`Khabib`, `UFC`).
  public var isCapitalized = false
  /// Two or more letters, all upper case (`KHABIB`, `UFC`).
  public var isAllCaps = false
  /// A word in a script without letter case (Japanese, Chinese, Korean,
  /// Thai, Arabic, Malayalam …): capitals cannot mark its names.
  public var isUncased = false
  /// A single Chinese character or kana: such scripts are written without
  /// spaces, so each character is a token.
  public var isCJK = false
  /// Hiragana: in Japanese it writes grammar, rarely names.
  public var isHiragana = false
  /// A hyphen or middle dot between two letters with no space around it:
  /// it joins one word (`Aubin-Mercier`, `ノニト・ドネア`).
  public var isJoiner = false

  public var isWord: Bool { kind == .word }
  public var isNumber: Bool { kind == .number }
  public var isPunctuation: Bool { kind == .punctuation }

  /// The token's single character, for punctuation.
  public var character: Character? { text.count == 1 ? text.first : nil }
}
