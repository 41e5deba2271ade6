extension ProseGate {
  /// The line's tokens as `Tokenizer` makes them (letters with their marks
  /// and inner apostrophes make words, digits numbers, any other character
  /// a mark), read straight from the bytes; nil for a line the gate leaves
  /// to the full reader (Chinese or Japanese, digits of other scripts,
  /// bytes that are not UTF-8).
  static func lex(_ b: UnsafeBufferPointer<UInt8>) -> [Piece]? {
    var tokens: [Piece] = []
    tokens.reserveCapacity(b.count / 4)
    var i = 0
    var spaceBefore = false
    while i < b.count {
      guard let (s, width) = scalar(b, i) else { return nil }
      if Tokenizer.isSpace(s) {
        spaceBefore = true
        i += width
        continue
      }
      if Tokenizer.isCJK(s) { return nil }
      if Tokenizer.isLetter(s) {
        let start = i
        var ascii = s.value < 0x80
        i += width
        while i < b.count {
          // ASCII letters, most of any word, need no decoding.
          if isASCIILetter(b[i]) {
            i += 1
            continue
          }
          guard let (c, w) = scalar(b, i) else { return nil }
          if Tokenizer.isCJK(c) { break }
          if Tokenizer.isLetter(c) || Tokenizer.isMark(c) {
            ascii = ascii && c.value < 0x80
            i += w
          } else if c == "'", i + 1 < b.count, let (d, _) = scalar(b, i + 1), Tokenizer.isLetter(d), !Tokenizer.isCJK(d) {
            i += w
          } else {
            break
          }
        }
        let bytes = UnsafeBufferPointer(rebasing: b[start..<i])
        let h = ascii ? hash(bytes) : hash(Tokenizer.fold(String(decoding: bytes, as: UTF8.self)).utf8)
        let capitalised = s.value < 0x80 ? s.value <= 90 : !s.properties.isLowercase
        var piece = Piece(kind: .word, hash: h, spaceBefore: spaceBefore, capitalised: capitalised, length: i - start)
        if capitalised, bytes.contains(39) {
          // `Lig'de`: the lexicons read its stem too (`PhraseTrie.stem`).
          let text = String(decoding: bytes, as: UTF8.self)
          if let stem = PhraseTrie.stem(text, folded: Tokenizer.fold(text)) { piece.stemHash = hash(stem.utf8) }
        }
        tokens.append(piece)
      } else if width == 1, s.value >= 48, s.value <= 57 {
        let start = i
        while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        tokens.append(Piece(kind: .number, hash: hash(UnsafeBufferPointer(rebasing: b[start..<i])), spaceBefore: spaceBefore, capitalised: false))
      } else if Tokenizer.isDigit(s) {
        return nil
      } else {
        let bytes = UnsafeBufferPointer(rebasing: b[i..<i + width])
        let closing = isClosing(s)
        tokens.append(
          Piece(kind: .mark, hash: hash(bytes), spaceBefore: spaceBefore, capitalised: closing, mark: s.value < 0x80 ? UInt8(s.value) : 0))
        i += width
      }
      spaceBefore = false
    }
    return tokens
  }

  /// A mark a name may end with: `)`, `]`, `"`, `'`, `.`, `*`, `”`, `’`, `»`.
  static func isClosing(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x29, 0x5D, 0x22, 0x27, 0x2E, 0x2A, 0x201D, 0x2019, 0xBB: return true
    default: return false
    }
  }

  /// The scalar whose UTF-8 encoding starts at `i`, and its width.
  static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int)? {
    let c = b[i]
    if c < 0x80 { return (Unicode.Scalar(c), 1) }
    let width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0
    guard width > 0, i + width <= b.count else { return nil }
    var v = UInt32(c) & (0xFF >> (width + 1))
    for k in 1..<width {
      let d = b[i + k]
      guard d & 0xC0 == 0x80 else { return nil }
      v = v << 6 | UInt32(d & 0x3F)
    }
    // An overlong form (`C0 B0` for `0`) is no UTF-8.
    guard v >= [0, 0, 0x80, 0x800, 0x10000][width] else { return nil }
    return Unicode.Scalar(v).map { ($0, width) }
  }
}
