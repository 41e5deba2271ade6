import CByteLanes

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one look at a raw line tells: whether it is already in normal form,
/// whether it is valid UTF-8 and holds a NUL, and how long its normal form
/// is at least.
///
/// Every line of the input is surveyed, so the work goes sixteen bytes at a
/// time (`CByteLanes`): the clean test, the counts, and the search for the
/// next byte from 0x80 up. Only multi-byte sequences go byte by byte, to
/// validate UTF-8 without building a `String`.
struct LineSurvey {
  /// Printable ASCII with no leading, trailing or doubled spaces and no `%`:
  /// its own normal form (`TextNormalizer.isClean`).
  var isClean = true
  var isValidUTF8 = true
  var hasNUL = false

  init(_ line: UnsafeBufferPointer<UInt8>) {
    if !Self.isClean(line), let base = line.baseAddress {
      isClean = false
      survey(base, line.count)
    }
  }

  static func isClean(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = line.baseAddress else { return true }
    return cardex_is_clean(base, line.count) != 0
  }

  /// UTF-8 validity (as `String(validating:)` judges it: no overlong forms,
  /// surrogates or values past U+10FFFF) and NULs.
  private mutating func survey(_ base: UnsafePointer<UInt8>, _ n: Int) {
    hasNUL = memchr(base, 0, n) != nil
    var i = cardex_next_high(base, 0, n)
    while i < n {
      let length = Self.sequenceLength(base, i, n)
      guard length > 0 else {
        isValidUTF8 = false
        return
      }
      i = cardex_next_high(base, i &+ length, n)
    }
  }

  /// 0x80 in each byte of `x` that is zero, nothing elsewhere (the
  /// normalizer's test for spaces, eight bytes at a time).
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & lows) &+ lows) | x | lows)
  }

  /// The length of the well-formed sequence starting at `i` (whose first
  /// byte is not ASCII), or 0.
  @inline(__always)
  private static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
    let b0 = p[i]
    @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
    switch b0 {
    case 0xC2...0xDF:
      return cont(1) ? 2 : 0
    case 0xE0...0xEF:
      guard cont(1), cont(2) else { return 0 }
      let b1 = p[i + 1]
      if b0 == 0xE0 && b1 < 0xA0 { return 0 }  // overlong
      if b0 == 0xED && b1 > 0x9F { return 0 }  // surrogate
      return 3
    case 0xF0...0xF4:
      guard cont(1), cont(2), cont(3) else { return 0 }
      let b1 = p[i + 1]
      if b0 == 0xF0 && b1 < 0x90 { return 0 }  // overlong
      if b0 == 0xF4 && b1 > 0x8F { return 0 }  // past U+10FFFF
      return 4
    default:
      return 0
    }
  }
}
