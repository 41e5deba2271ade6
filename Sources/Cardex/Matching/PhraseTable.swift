/// Finds the longest known phrase at a position in a line, case-insensitively.
///
/// Lexicons (weight classes, competitions, separators) are looked up with it.
/// Phrases are bucketed by their first byte, longest first, so a miss costs
/// one table read.
public struct PhraseTable<Value: Sendable>: Sendable {
  private var buckets: [[(phrase: [UInt8], value: Value)]] = Array(repeating: [], count: 256)
  public private(set) var count = 0

  public init() {}

  /// Adds a phrase; a later phrase with the same spelling replaces the earlier.
  public mutating func insert(_ phrase: String, _ value: Value) {
    let bytes = TextNormalizer.normalize(ArraySlice(Array(phrase.utf8))).map(asciiLower)
    guard let first = bytes.first else { return }
    var bucket = buckets[Int(first)]
    if let i = bucket.firstIndex(where: { $0.phrase == bytes }) {
      bucket[i].value = value
    } else {
      bucket.append((bytes, value))
      count += 1
    }
    bucket.sort { $0.phrase.count > $1.phrase.count }
    buckets[Int(first)] = bucket
  }

  /// The longest phrase that starts at `start` and ends at a word boundary.
  public func longestMatch(in line: UnsafeBufferPointer<UInt8>, at start: Int) -> (end: Int, value: Value)? {
    guard start < line.count else { return nil }
    for entry in buckets[Int(asciiLower(line[start]))] {
      let end = start + entry.phrase.count
      guard end <= line.count else { continue }
      var i = 0
      while i < entry.phrase.count, asciiLower(line[start + i]) == entry.phrase[i] { i += 1 }
      if i == entry.phrase.count, isWordBoundary(line, end, after: entry.phrase.last ?? 32) {
        return (end, entry.value)
      }
    }
    return nil
  }

  /// Every phrase, for prefilter anchors and listings.
  public var phrases: [[UInt8]] { buckets.flatMap { $0.map(\.phrase) } }
}

/// A phrase ends cleanly at `end` when the line ends there, or the next byte
/// is not a letter or digit; a phrase ending in punctuation (`vs.`) always does.
@inline(__always)
func isWordBoundary(_ line: UnsafeBufferPointer<UInt8>, _ end: Int, after last: UInt8) -> Bool {
  if end >= line.count { return true }
  if !isWordByte(last) { return true }
  return !isWordByte(line[end])
}

/// Letters (including any non-ASCII byte, so accented and Cyrillic letters
/// count) and digits.
@inline(__always)
func isWordByte(_ b: UInt8) -> Bool {
  (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b >= 0x80
}
