/// A growable run of bytes in raw memory, for the JSON writer.
///
/// `Array.append` checks uniqueness and capacity and goes through the
/// generic `Sequence` path for a run of bytes: a record's sixty-odd keys cost
/// about a hundred instructions each that way. Here an append is a bounds
/// test and a store (or one copy). Not copyable: the memory has one owner,
/// which frees it when it goes.
struct RawBytes: ~Copyable {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  /// What was written so far.
  var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    base[count] = byte
    count &+= 1
  }

  @inline(__always)
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    guard n > 0, let source = bytes.baseAddress else { return }
    if count + n > capacity { grow(to: count + n) }
    (base + count).update(from: source, count: n)
    count &+= n
  }

  /// `,"name":` (the comma only when asked), with one capacity test for
  /// its parts instead of one each: a record has sixty-odd keys.
  @inline(__always)
  mutating func appendKey(_ name: UnsafeBufferPointer<UInt8>, afterComma: Bool) {
    let n = name.count
    if count + n + 4 > capacity { grow(to: count + n + 4) }
    if afterComma {
      base[count] = 44
      count &+= 1
    }
    base[count] = 34
    for i in 0..<n { base[count &+ 1 &+ i] = name[i] }
    base[count &+ 1 &+ n] = 34
    base[count &+ 2 &+ n] = 58
    count &+= n &+ 3
  }

  mutating func append(contentsOf bytes: some Sequence<UInt8>) {
    for b in bytes { append(b) }
  }

  static func += (lhs: inout RawBytes, rhs: [UInt8]) {
    rhs.withUnsafeBufferPointer { lhs.append(contentsOf: $0) }
  }

  @inline(never)
  private mutating func grow(to needed: Int) {
    var size = capacity * 2
    while size < needed { size *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    bigger.initialize(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = size
  }
}
