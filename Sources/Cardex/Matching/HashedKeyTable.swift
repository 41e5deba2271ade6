/// A map from 64-bit hashes to one byte each, for the prose gate's word
/// tables: open addressing in two flat arrays, built once.
///
/// The gate looks up every word of every long line two to four times; a
/// `Dictionary` hashes each key again with SipHash, which cost more than
/// the rest of the gate's test. The keys here are hashes already, so a
/// multiply spreads them.
struct HashedKeyTable: Sendable {
  private var keys: [UInt64]
  /// The value plus one; zero marks an empty slot.
  private var values: [UInt8]
  private var shift: UInt64

  /// A table holding `pairs` (a later pair for the same key wins).
  init<S: Sequence>(_ pairs: S) where S.Element == (key: UInt64, value: UInt8) {
    let list = Array(pairs)
    var bits: UInt64 = 4
    while (1 << bits) < list.count * 2 { bits += 1 }
    keys = Array(repeating: 0, count: 1 << bits)
    values = Array(repeating: 0, count: 1 << bits)
    shift = 64 - bits
    for (k, v) in list { self[k] = v }
  }

  subscript(key: UInt64) -> UInt8? {
    get {
      var i = slot(key)
      while values[i] != 0 {
        if keys[i] == key { return values[i] - 1 }
        i = (i + 1) & (keys.count - 1)
      }
      return nil
    }
    set {
      guard let v = newValue, v < UInt8.max else { preconditionFailure("only values below 255 are stored") }
      var i = slot(key)
      while values[i] != 0, keys[i] != key { i = (i + 1) & (keys.count - 1) }
      keys[i] = key
      values[i] = v + 1
    }
  }

  func contains(_ key: UInt64) -> Bool { self[key] != nil }

  private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }
}
