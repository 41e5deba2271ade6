/// The Unicode properties `Tokenizer` asks of a scalar, looked up once for
/// every scalar below U+0800 (Latin, Greek, Cyrillic, Armenian, Hebrew,
/// Arabic: the two-byte UTF-8 range) and then read from a table.
///
/// The property functions of the standard library search tables of their
/// own on every call; lexicon phrases and lines in those scripts ask for
/// each letter several times.
enum ScalarClasses {
  static let letter: UInt8 = 1
  static let mark: UInt8 = 2
  static let digit: UInt8 = 4
  static let space: UInt8 = 8
  /// `changesWhenCaseMapped`: a letter with case.
  static let cased: UInt8 = 16
  static let upper: UInt8 = 32
  static let titlecase: UInt8 = 64

  /// Scalars below this are in the table.
  static let limit: UInt32 = 0x800

  /// The classes of each scalar below `limit`, from the same properties
  /// `Tokenizer` reads for the others.
  static let table: [UInt8] = (0..<limit).map { v in
    guard let s = Unicode.Scalar(v) else { return 0 }
    let p = s.properties
    var c: UInt8 = 0
    if p.isAlphabetic && p.numericType == nil { c |= letter }
    switch p.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: c |= mark
    case .titlecaseLetter: c |= titlecase
    default: break
    }
    if p.changesWhenCaseMapped { c |= cased }
    if p.isUppercase { c |= upper }
    if p.numericType == .decimal { c |= digit }
    if p.isWhitespace { c |= space }
    return c
  }

  static func has(_ s: Unicode.Scalar, _ c: UInt8) -> Bool { table[Int(s.value)] & c != 0 }

  /// `changesWhenCaseMapped`, from the table where it reaches.
  static func isCased(_ s: Unicode.Scalar) -> Bool { s.value < limit ? has(s, cased) : s.properties.changesWhenCaseMapped }

  /// `isUppercase`, from the table where it reaches.
  static func isUppercase(_ s: Unicode.Scalar) -> Bool { s.value < limit ? has(s, upper) : s.properties.isUppercase }

  /// A title-case letter (`ǅ`), from the table where it reaches.
  static func isTitlecase(_ s: Unicode.Scalar) -> Bool {
    s.value < limit ? has(s, titlecase) : s.properties.generalCategory == .titlecaseLetter
  }
}
