/// Memory a session writes each line's normal form into, allocated once.
///
/// Normalizing into a fresh array per line cost an allocation and a free
/// on every line of prose; a session reuses this instead.
final class LineBuffer {
  let bytes: UnsafeMutableBufferPointer<UInt8>

  init(capacity: Int) {
    bytes = .allocate(capacity: capacity)
    bytes.initialize(repeating: 0)
  }

  deinit {
    bytes.deallocate()
  }

  subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[range])
  }
}
