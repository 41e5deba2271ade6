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
    default: break
    }
    if p.numericType == .decimal { c |= digit }
    if p.isWhitespace { c |= space }
    return c
  }

  static func has(_ s: Unicode.Scalar, _ c: UInt8) -> Bool { table[Int(s.value)] & c != 0 }
}
