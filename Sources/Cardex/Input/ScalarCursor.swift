/// A walk over valid UTF-8 (a `String`'s bytes) one Unicode scalar at a
/// time, keeping both the byte offset and the count of scalars passed.
///
/// `Tokenizer` reads bytes to avoid building an array of scalars for every
/// line, but its tokens give their place in scalars.
struct ScalarCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  /// Offset of the next scalar's first byte.
  private(set) var byte = 0
  /// Scalars passed so far.
  private(set) var scalar = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The scalar at the cursor; nil at the end.
  func peek() -> Unicode.Scalar? { byte < bytes.count ? decode(at: byte).scalar : nil }

  /// The scalar after the one at the cursor.
  func peekNext() -> Unicode.Scalar? {
    guard byte < bytes.count else { return nil }
    let next = byte + decode(at: byte).width
    return next < bytes.count ? decode(at: next).scalar : nil
  }

  /// Steps past the scalar at the cursor.
  mutating func advance() {
    byte += decode(at: byte).width
    scalar += 1
  }

  /// Moves past one token that starts with `s` (the scalar at the cursor),
  /// as `Tokenizer` cuts them; returns its kind.
  mutating func consumeToken(first s: Unicode.Scalar) -> Token.Kind {
    advance()
    if Tokenizer.isCJK(s) { return .word }
    if Tokenizer.isLetter(s) {
      while true {
        // ASCII letters, most of any word, need no decoding.
        while byte < bytes.count, Self.isASCIILetter(bytes[byte]) {
          byte += 1
          scalar += 1
        }
        guard let c = peek(), !Tokenizer.isCJK(c) else { break }
        if Tokenizer.isLetter(c) || Tokenizer.isMark(c) {
          advance()
        } else if c == "'", let d = peekNext(), Tokenizer.isLetter(d), !Tokenizer.isCJK(d) {
          advance()
        } else {
          break
        }
      }
      return .word
    }
    if Tokenizer.isDigit(s) {
      while let c = peek(), Tokenizer.isDigit(c) { advance() }
      return .number
    }
    if s.value < 0x80 { return .punctuation }
    let kind: Token.Kind = s.properties.isEmoji && s.value > 0xFF || Tokenizer.isRegionalIndicator(s) ? .symbol : .punctuation
    // A flag is two regional indicators; other emoji may carry a
    // variation selector or a skin tone.
    if Tokenizer.isRegionalIndicator(s), let c = peek(), Tokenizer.isRegionalIndicator(c) { advance() }
    while let c = peek(), c.properties.isVariationSelector || c.properties.isEmojiModifier { advance() }
    return kind
  }

  static func isASCIILetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }

  /// The scalar whose encoding starts at `i`, and its length in bytes.
  private func decode(at i: Int) -> (scalar: Unicode.Scalar, width: Int) {
    let c = bytes[i]
    if c < 0x80 { return (Unicode.Scalar(c), 1) }
    let width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
    var v = UInt32(c) & (0xFF >> (width + 1))
    for k in 1..<width { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
    // Valid UTF-8 (a `String`'s) always decodes to a scalar.
    return (Unicode.Scalar(v) ?? "\u{FFFD}", width)
  }
}
