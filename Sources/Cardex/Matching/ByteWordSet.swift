/// A fixed set of short words, looked up case-insensitively straight from a
/// line's bytes.
///
/// The slot scanners ask "is this word a particle, a stop word, a method
/// word?" for every word of every line they try. A `Set<String>` made each
/// question build a lower-cased `String` and hash it; here a word of up to 16
/// bytes is packed into two integers and found in a small open-addressing
/// table, with no allocation.
struct ByteWordSet: Sendable {
  private struct Key: Equatable {
    var low: UInt64
    var high: UInt64
    var length: Int
  }

  private var table: [Key?]
  private var mask: Int

  static let maxLength = 16

  init(_ words: [String]) {
    let size = max(16, (words.count * 4).nextPowerOfTwo)
    table = Array(repeating: nil, count: size)
    mask = size - 1
    for word in words {
      let bytes = Array(word.utf8).map(asciiLower)
      precondition(bytes.count <= Self.maxLength, "ByteWordSet holds words of at most \(Self.maxLength) bytes: \(word)")
      let key = bytes.withUnsafeBufferPointer { Self.key($0, 0, $0.count) }
      var slot = Self.hash(key) & mask
      while let existing = table[slot], existing != key { slot = (slot + 1) & mask }
      table[slot] = key
    }
  }

  /// Whether the lower-cased bytes `line[start..<end]` are one of the words.
  @inline(__always)
  func contains(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard end - start <= Self.maxLength, end > start else { return false }
    let key = Self.key(line, start, end)
    var slot = Self.hash(key) & mask
    while let existing = table[slot] {
      if existing == key { return true }
      slot = (slot + 1) & mask
    }
    return false
  }

  @inline(__always)
  private static func key(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Key {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var i = start
    while i < end {
      let b = UInt64(asciiLower(line[i]))
      let k = i - start
      if k < 8 { low |= b << UInt64(k * 8) } else { high |= b << UInt64((k - 8) * 8) }
      i += 1
    }
    return Key(low: low, high: high, length: end - start)
  }

  @inline(__always)
  private static func hash(_ key: Key) -> Int {
    Int(truncatingIfNeeded: ((key.low &+ key.high &* 31 &+ UInt64(key.length)) &* 0x9E37_79B9_7F4A_7C15) >> 40)
  }
}

extension Int {
  fileprivate var nextPowerOfTwo: Int {
    var p = 1
    while p < self { p <<= 1 }
    return p
  }
}
