import Testing

@testable import Cardex

/// The prose gate's table answers as the dictionary it replaced.
@Suite struct HashedKeyTableTests {
  @Test func answersAsADictionary() {
    var generator = SystemRandomNumberGenerator.Seeded(seed: 11)
    // Keys that share low or high bits, zero, and random hashes.
    var keys: [UInt64] = [0, 1, 2, UInt64.max, 1 << 63, 1 << 32, (1 << 32) + 1]
    for _ in 0..<3000 { keys.append(generator.next()) }
    for k in 0..<200 { keys.append(UInt64(k) << 40) }
    var dictionary: [UInt64: UInt8] = [:]
    var pairs: [(key: UInt64, value: UInt8)] = []
    for (n, key) in keys.enumerated() where n % 2 == 0 {
      let value = UInt8(n % 200)
      dictionary[key] = value
      pairs.append((key, value))
    }
    // A key given twice keeps its later value, as a dictionary would.
    pairs.append((keys[0], 7))
    dictionary[keys[0]] = 7
    let table = HashedKeyTable(pairs)
    for key in keys {
      #expect(table[key] == dictionary[key], "key \(key)")
      #expect(table.contains(key) == (dictionary[key] != nil))
    }
  }

  @Test func anEmptyTableHoldsNothing() {
    let table = HashedKeyTable([])
    #expect(table[0] == nil && table[42] == nil)
  }
}
