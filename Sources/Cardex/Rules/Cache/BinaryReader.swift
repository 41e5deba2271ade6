/// Reads what `BinaryWriter` wrote, checking every length against the
/// bytes left, so that a damaged cache file throws `Malformed` rather
/// than reading past its end or reserving absurd amounts of memory.
struct BinaryReader {
  struct Malformed: Error {}

  private let buffer: UnsafeRawBufferPointer
  private(set) var offset = 0
  private var table: [String] = []

  /// Reads `BinaryWriter.finished()`'s bytes, from the string table on.
  init(_ buffer: UnsafeRawBufferPointer) throws {
    self.buffer = buffer
    let n = try count(itemBytes: 8)
    table.reserveCapacity(n)
    for _ in 0..<n { table.append(String(decoding: try take(try count()), as: UTF8.self)) }
  }

  var isAtEnd: Bool { offset == buffer.count }

  mutating func take(_ n: Int) throws -> UnsafeRawBufferPointer {
    guard n >= 0, n <= buffer.count - offset else { throw Malformed() }
    defer { offset += n }
    return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + n])
  }

  mutating func uint64() throws -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }

  mutating func int() throws -> Int { Int(Int64(bitPattern: try uint64())) }

  mutating func int32() throws -> Int32 { Int32(littleEndian: try take(4).loadUnaligned(as: Int32.self)) }

  mutating func bool() throws -> Bool {
    switch try take(1)[0] {
    case 0: return false
    case 1: return true
    default: throw Malformed()
    }
  }

  mutating func double() throws -> Double { Double(bitPattern: try uint64()) }

  /// A count of items that each take at least `itemBytes` bytes: never
  /// more than the bytes left could hold.
  mutating func count(itemBytes: Int = 1) throws -> Int {
    let n = try int()
    guard n >= 0, n <= (buffer.count - offset) / max(itemBytes, 1) else { throw Malformed() }
    return n
  }

  mutating func string() throws -> String {
    let n = try int()
    guard table.indices.contains(n) else { throw Malformed() }
    return table[n]
  }

  mutating func bytes() throws -> [UInt8] { Array(try take(try count())) }

  mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

  mutating func value<T: BinaryCodable>(_: T.Type = T.self) throws -> T { try T(from: &self) }

  mutating func values<T: BinaryCodable>(_: T.Type = T.self) throws -> [T] {
    try list { r in try T(from: &r) }
  }

  mutating func strings() throws -> [String] { try list { r in try r.string() } }

  mutating func stringSet() throws -> Set<String> {
    let n = try count(itemBytes: 8)
    var out = Set<String>(minimumCapacity: n)
    for _ in 0..<n { out.insert(try string()) }
    return out
  }

  mutating func int32s() throws -> [Int32] {
    let n = try count(itemBytes: 4)
    var out: [Int32] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try int32()) }
    return out
  }

  /// A list read item by item with `read`.
  mutating func list<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
    let n = try count()
    var out: [T] = []
    out.reserveCapacity(n)
    for _ in 0..<n { out.append(try read(&self)) }
    return out
  }

  /// A dictionary keyed by strings, its values read with `read`.
  mutating func stringKeyed<V>(_ read: (inout BinaryReader) throws -> V) throws -> [String: V] {
    try dictionary { r in (try r.string(), try read(&r)) }
  }

  /// A dictionary written as a list of key-value pairs.
  mutating func dictionary<K: Hashable, V>(_ read: (inout BinaryReader) throws -> (K, V)) throws -> [K: V] {
    let n = try count()
    var out: [K: V] = [:]
    out.reserveCapacity(n)
    for _ in 0..<n {
      let (k, v) = try read(&self)
      out[k] = v
    }
    return out
  }
}
