/// A schema's `pattern`, compiled once: searched anywhere in the string,
/// as JSON Schema does.
///
/// The feed schema's patterns are all anchored forms over ASCII classes
/// (country codes, clock times, slugs) or `\S`; each of those is matched
/// here on the string's bytes, as `Regex` would match it (a test holds the
/// two to the same answers), since a `Regex` match cost microseconds and a
/// bout has a dozen such fields. Any other pattern is a `Regex`. Immutable
/// after `init`, so sharing it between threads is safe.
final class SchemaPattern: @unchecked Sendable {
  /// The pattern as the schema writes it.
  let source: String
  private let kind: Kind

  private enum Kind {
    /// `\S`: some character that is not white space.
    case notBlank
    /// `^[A-Z]{n}$`
    case capitals(Int)
    /// `^([01][0-9]|2[0-3]):[0-5][0-9]$`
    case clock24
    /// `^[+-][0-9]{2}:[0-9]{2}$`
    case utcOffset
    /// `^[0-9]{1,2}:[0-5][0-9]$`
    case roundTime
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`
    case slug
    /// Anything else; nil when it does not compile (then everything
    /// matches, as before).
    case regex(Regex<AnyRegexOutput>?)
  }

  init(_ source: String) {
    self.source = source
    switch source {
    case "\\S": kind = .notBlank
    case "^[A-Z]{2}$": kind = .capitals(2)
    case "^[A-Z]{3}$": kind = .capitals(3)
    case "^([01][0-9]|2[0-3]):[0-5][0-9]$": kind = .clock24
    case "^[+-][0-9]{2}:[0-9]{2}$": kind = .utcOffset
    case "^[0-9]{1,2}:[0-5][0-9]$": kind = .roundTime
    case "^[a-z0-9]+(-[a-z0-9]+)*$": kind = .slug
    default: kind = .regex(try? Regex(source))
    }
  }

  /// Whether `s` matches; with `Regex`'s semantics (`$` only at the very
  /// end; a non-ASCII character is in no ASCII class).
  func matches(_ s: String) -> Bool {
    switch kind {
    case .notBlank:
      return s.unicodeScalars.contains { !$0.properties.isWhitespace }
    case .regex(let regex):
      guard let regex else { return true }
      return (try? regex.firstMatch(in: s)) != nil
    default:
      var s = s
      return s.withUTF8 { matchesASCII($0) }
    }
  }

  private func matchesASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    func inRange(_ c: UInt8, _ low: Character, _ high: Character) -> Bool {
      c >= low.asciiValue! && c <= high.asciiValue!
    }
    switch kind {
    case .capitals(let n):
      return b.count == n && b.allSatisfy { inRange($0, "A", "Z") }
    case .clock24:
      guard b.count == 5, b[2] == 58, inRange(b[3], "0", "5"), digit(b[4]) else { return false }
      return (inRange(b[0], "0", "1") && digit(b[1])) || (b[0] == 50 && inRange(b[1], "0", "3"))
    case .utcOffset:
      return b.count == 6 && (b[0] == 43 || b[0] == 45) && digit(b[1]) && digit(b[2]) && b[3] == 58 && digit(b[4])
        && digit(b[5])
    case .roundTime:
      guard b.count == 4 || b.count == 5 else { return false }
      let colon = b.count - 3
      return b[..<colon].allSatisfy(digit) && b[colon] == 58 && inRange(b[colon + 1], "0", "5") && digit(b[colon + 2])
    case .slug:
      guard let first = b.first, let last = b.last, first != 45, last != 45 else { return false }
      var previous: UInt8 = 0
      for c in b {
        guard digit(c) || inRange(c, "a", "z") || c == 45, !(c == 45 && previous == 45) else { return false }
        previous = c
      }
      return true
    case .notBlank, .regex:
      return false
    }
  }
}
