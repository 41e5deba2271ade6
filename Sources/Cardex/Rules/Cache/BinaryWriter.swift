#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes values as bytes for the compiled-rules cache (`RuleCache`).
///
/// The format is the simplest one that reads back fast and exactly:
/// little-endian 64-bit integers, doubles by their bit pattern, lists as a
/// count and their items, and strings as numbers in a table of distinct
/// strings that `finished()` puts first. (The rules repeat their strings,
/// types, values, files and words, a great deal: each is made once when
/// read back, and shared.) Nothing in it describes itself; `BinaryReader`
/// reads the same calls in the same order, and the cache's checksum and
/// key stand guard over the rest.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []
  /// The table's numbers by a hash of their strings' UTF-8.
  private var numbers: [UInt64: Int] = [:]
  private var table: [String] = []

  /// The string table, then everything written.
  func finished() -> [UInt8] {
    var out = BinaryWriter()
    out.int(table.count)
    for s in table {
      out.int(s.utf8.count)
      out.bytes.append(contentsOf: s.utf8)
    }
    return out.bytes + bytes
  }

  mutating func int(_ v: Int) { uint64(UInt64(bitPattern: Int64(v))) }

  mutating func uint64(_ v: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
  }

  mutating func int32(_ v: Int32) {
    withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

  mutating func double(_ v: Double) { uint64(v.bitPattern) }

  /// Strings are shared when their bytes are equal, not when they are
  /// equal as `String`s: two spellings of `é` (one scalar, or `e` and a
  /// combining accent) are equal strings, and each must come back as
  /// written.
  mutating func string(_ s: String) {
    var s = s
    let hash = s.withUTF8 { RuleCache.checksum(UnsafeRawBufferPointer($0)) }
    if let n = numbers[hash], Self.sameBytes(table[n], s) { return int(n) }
    // A new string, or (once in a very long while) another string with
    // the same hash, which is then simply not shared.
    if numbers[hash] == nil { numbers[hash] = table.count }
    int(table.count)
    table.append(s)
  }

  private static func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
    }
  }

  mutating func bytes(_ b: [UInt8]) {
    int(b.count)
    bytes.append(contentsOf: b)
  }

  mutating func optionalString(_ s: String?) {
    bool(s != nil)
    if let s { string(s) }
  }

  mutating func value<T: BinaryCodable>(_ v: T) { v.write(to: &self) }

  mutating func values<C: Collection>(_ c: C) where C.Element: BinaryCodable {
    int(c.count)
    for v in c { v.write(to: &self) }
  }

  mutating func strings<C: Collection<String>>(_ c: C) {
    int(c.count)
    for s in c { string(s) }
  }

  mutating func int32s(_ a: [Int32]) {
    int(a.count)
    for v in a { int32(v) }
  }

  /// A dictionary keyed by strings, its values written with `write`.
  mutating func stringKeyed<V>(_ d: [String: V], _ write: (inout BinaryWriter, V) -> Void) {
    list(d) { w, e in
      w.string(e.key)
      write(&w, e.value)
    }
  }

  /// A list written item by item with `write`.
  mutating func list<C: Collection>(_ c: C, _ write: (inout BinaryWriter, C.Element) -> Void) {
    int(c.count)
    for v in c { write(&self, v) }
  }
}

/// A value the compiled-rules cache holds: written by `write(to:)`, read
/// back, equal in every stored property, by `init(from:)`.
protocol BinaryCodable {
  init(from r: inout BinaryReader) throws
  func write(to w: inout BinaryWriter)
}
