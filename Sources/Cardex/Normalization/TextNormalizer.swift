/// Puts a line into the one shape every matcher expects.
///
/// Real text spells the same thing many ways: non-breaking and other Unicode
/// spaces, curly quotes, four kinds of dash, zero-width characters, tabs and
/// runs of spaces, and now and then a line of percent-encoded HTML. Doing this
/// once per line lets the matchers compare plain ASCII bytes. Pure-ASCII lines
/// with single spaces, the common case, are returned without copying.
public enum TextNormalizer {
  /// The normalized bytes of `line`: Unicode spaces become one ASCII space,
  /// runs of spaces collapse, the ends are trimmed, curly quotes become
  /// straight and dashes become `-`.
  public static func normalize(_ line: ArraySlice<UInt8>) -> [UInt8] {
    if isClean(line) { return Array(line) }
    var scalars = String(decoding: line, as: UTF8.self).unicodeScalars
    var decoded: String?
    if looksPercentEncoded(line), let d = percentDecoded(line) {
      decoded = d
      scalars = d.unicodeScalars
    }
    _ = decoded
    var out: [UInt8] = []
    out.reserveCapacity(line.count)
    var pendingSpace = false
    for s in scalars {
      let n = normalizeScalar(s)
      if n == " " {
        pendingSpace = !out.isEmpty
        continue
      }
      if n == "\u{0}" { continue }
      if pendingSpace {
        out.append(32)
        pendingSpace = false
      }
      for b in String(n).utf8 { out.append(b) }
    }
    return out
  }

  /// The character a scalar stands for after normalization; `"\0"` for one
  /// that is dropped (zero-width and format characters).
  @inline(__always)
  public static func normalizeScalar(_ s: Unicode.Scalar) -> Unicode.Scalar {
    switch s.value {
    case 0x09, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return " "
    case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD:
      return "\u{0}"
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4:
      return "'"
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB:
      return "\""
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
      return "-"
    case 0x2026:
      return "."
    default:
      return s
    }
  }

  /// True when the line is printable ASCII with no leading, trailing or
  /// doubled spaces: nothing to do.
  @inline(__always)
  static func isClean(_ line: ArraySlice<UInt8>) -> Bool {
    guard let first = line.first, let last = line.last else { return true }
    if first == 32 || last == 32 { return false }
    var previousSpace = false
    for b in line {
      if b >= 0x7F || b < 0x20 || b == 37 { return false }
      if b == 32 {
        if previousSpace { return false }
        previousSpace = true
      } else {
        previousSpace = false
      }
    }
    return true
  }

  /// A line with no spaces and several `%XX` escapes is a URL-encoded blob.
  static func looksPercentEncoded(_ line: ArraySlice<UInt8>) -> Bool {
    var escapes = 0
    var i = line.startIndex
    while i < line.endIndex {
      let b = line[i]
      if b == 32 { return false }
      if b == 37, i + 2 < line.endIndex, hex(line[i + 1]) != nil, hex(line[i + 2]) != nil {
        escapes += 1
        i += 3
        continue
      }
      i += 1
    }
    return escapes >= 2
  }

  /// Decodes `%XX` escapes (and `+` is left alone); nil when the result is
  /// not UTF-8, in which case the line is kept as it was.
  static func percentDecoded(_ line: ArraySlice<UInt8>) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(line.count)
    var i = line.startIndex
    while i < line.endIndex {
      let b = line[i]
      if b == 37, i + 2 < line.endIndex, let h = hex(line[i + 1]), let l = hex(line[i + 2]) {
        let v = h << 4 | l
        bytes.append(v == 10 || v == 13 ? 32 : v)
        i += 3
      } else {
        bytes.append(b)
        i += 1
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  @inline(__always)
  static func hex(_ b: UInt8) -> UInt8? {
    switch b {
    case 48...57: b - 48
    case 65...70: b - 55
    case 97...102: b - 87
    default: nil
    }
  }
}
