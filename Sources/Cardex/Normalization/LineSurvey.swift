/// What one look at a raw line tells: whether it is already in normal form,
/// whether it is valid UTF-8 and holds a NUL, and how long its normal form
/// is at least.
///
/// Every line of the input is surveyed, so the common case (plain ASCII with
/// single spaces) is checked eight bytes at a time. Only a line that is not
/// clean gets the byte-by-byte pass, which also validates UTF-8 without
/// building a `String`.
struct LineSurvey {
  /// Printable ASCII with no leading, trailing or doubled spaces and no `%`:
  /// its own normal form (`TextNormalizer.isClean`).
  var isClean = true
  var isValidUTF8 = true
  var hasNUL = false
  /// A length the normal form cannot be shorter than: the printable ASCII
  /// bytes other than space, which normalization keeps one for one; or, in
  /// a line with no space (which percent-decoding may shrink), the letters
  /// `g`–`z` in either case, which no `%XX` escape spells.
  var minimumNormalLength = 0

  init(_ line: UnsafeBufferPointer<UInt8>) {
    if !Self.isClean(line), let base = line.baseAddress {
      isClean = false
      surveyByBytes(base, line.count)
    }
  }

  static func isClean(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = line.count
    guard n > 0, let base = line.baseAddress else { return true }
    return base[0] != 32 && base[n - 1] != 32 && wordsAreClean(base, n)
  }

  /// Eight bytes at a time: no byte outside 0x20…0x7E, no `%`, no two
  /// spaces in a row.
  @inline(__always)
  private static func wordsAreClean(_ base: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var i = 0
    var previousSpaceAtTop: UInt64 = 0
    let raw = UnsafeRawPointer(base)
    while i + 8 <= n {
      let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      if w & highs != 0 { return false }
      // Bytes below 0x20: adding 0x60 leaves their top bit clear.
      if ~(w &+ 0x6060_6060_6060_6060) & highs != 0 { return false }
      if zeroBytes(w ^ (0x7F &* ones)) != 0 || zeroBytes(w ^ (0x25 &* ones)) != 0 { return false }
      let spaces = zeroBytes(w ^ (0x20 &* ones))
      if spaces & (spaces << 8) != 0 || spaces & previousSpaceAtTop != 0 { return false }
      previousSpaceAtTop = spaces >> 56 != 0 ? 0x80 : 0
      i += 8
    }
    var previousSpace = previousSpaceAtTop != 0
    while i < n {
      let b = base[i]
      if b >= 0x7F || b < 0x20 || b == 37 { return false }
      if b == 32 {
        if previousSpace { return false }
        previousSpace = true
      } else {
        previousSpace = false
      }
      i += 1
    }
    return true
  }

  /// The sum of the eight byte lanes of `x`, each at most 255 in total.
  @inline(__always)
  private static func sumOfLanes(_ x: UInt64) -> Int {
    // Pairs, then quads, then all eight: no lane can overflow 16 bits.
    let pairs = (x & 0x00FF_00FF_00FF_00FF) &+ ((x &>> 8) & 0x00FF_00FF_00FF_00FF)
    return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) &>> 48)
  }

  /// 0x80 in each byte of `x` that is zero, nothing elsewhere (also the
  /// normalizer's test for spaces).
  @inline(__always)
  static func zeroBytes(_ x: UInt64) -> UInt64 {
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & lows) &+ lows) | x | lows)
  }

  /// For the ASCII bytes of `w` in `lanes` (0x80 in each lane to look at):
  /// whether one is NUL or a space, and 0x80 in each lane holding a
  /// printable byte other than space, or a letter `g`–`z` in either case.
  @inline(__always)
  private static func asciiLanes(_ w: UInt64, _ lanes: UInt64) -> (nul: Bool, space: Bool, printable: UInt64, letters: UInt64) {
    let ones: UInt64 = 0x0101_0101_0101_0101
    // For bytes below 0x80, adding 0x80 - c sets the top bit exactly when
    // the byte is at least c.
    let folded = w | (0x20 &* ones)
    return (
      zeroBytes(w) & lanes != 0, zeroBytes(w ^ (0x20 &* ones)) & lanes != 0,
      (w &+ 0x5F &* ones) & ~(w &+ ones) & lanes, (folded &+ 0x19 &* ones) & ~(folded &+ 0x05 &* ones) & lanes
    )
  }

  /// UTF-8 validity (as `String(validating:)` judges it: no overlong forms,
  /// surrogates or values past U+10FFFF), NULs and the normal form's least
  /// length. Runs of ASCII go eight bytes at a time.
  private mutating func surveyByBytes(_ base: UnsafePointer<UInt8>, _ n: Int) {
    // Past this length the normal form cannot be short enough to match.
    let counts = n <= Extractor.maxNormalizedLineBytes
    let highs: UInt64 = 0x8080_8080_8080_8080
    let raw = UnsafeRawPointer(base)
    var i = 0
    var letters = 0
    var printable = 0
    var spaces = false
    var valid = true
    var nul = false
    var printableLanes: UInt64 = 0
    var letterLanes: UInt64 = 0
    while i < n {
      if i + 8 <= n {
        let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        // A paragraph is never matched: only NULs and UTF-8 matter there.
        if !counts, w & highs == 0 {
          if Self.zeroBytes(w) != 0 { nul = true }
          i += 8
          continue
        }
        if w & highs == 0 {
          let m = Self.asciiLanes(w, highs)
          nul = nul || m.nul
          spaces = spaces || m.space
          // One count per byte lane, added up across lanes at the end (no
          // population count on the hot path). A counted line has at most
          // 160 words, so no lane passes 255.
          printableLanes &+= m.printable &>> 7
          letterLanes &+= m.letters &>> 7
          i += 8
          continue
        }
        // ASCII up to a non-ASCII byte: the lanes below it, counted here
        // (no carry comes up from a lane below the first high byte), so
        // that only the multi-byte sequence goes byte by byte.
        let below = (w & highs).trailingZeroBitCount &>> 3
        if counts, below > 0 {
          let m = Self.asciiLanes(w, highs & ((1 &<< UInt64(below &* 8)) &- 1))
          nul = nul || m.nul
          spaces = spaces || m.space
          printable += m.printable.nonzeroBitCount
          letters += m.letters.nonzeroBitCount
          i += below
        }
      }
      let b = base[i]
      if b < 0x80 {
        let folded = b | 0x20
        if folded >= 0x67 && folded <= 0x7A { letters += 1 }
        if b > 0x20 && b < 0x7F { printable += 1 }
        if b == 32 { spaces = true }
        if b == 0 { nul = true }
        i += 1
        continue
      }
      let length = valid ? Self.sequenceLength(base, i, n) : 0
      if length == 0 {
        valid = false
        i += 1
      } else {
        i += length
      }
    }
    printable += Self.sumOfLanes(printableLanes)
    letters += Self.sumOfLanes(letterLanes)
    minimumNormalLength = counts ? (spaces ? printable : letters) : 0
    isValidUTF8 = valid
    hasNUL = nul
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
