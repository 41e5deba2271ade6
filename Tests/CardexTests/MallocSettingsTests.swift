#if os(Linux)
  import Glibc
  import Testing

  @testable import CardexCLI

  /// `parse --jobs`: large buffers (2 MiB chunks) must be mapped on their
  /// own and given back when freed, every one of them, not only the first.
  @Suite struct MallocSettingsTests {
    /// Whether glibc mapped the block at `p` on its own: the IS_MMAPPED bit
    /// (2) of the size word just before it, in glibc's chunk layout.
    static func isMapped(_ p: UnsafeMutableRawPointer) -> Bool {
      (p - MemoryLayout<Int>.size).load(as: Int.self) & 2 != 0
    }

    /// Unset, glibc raises its mapping threshold to the size of a mapped
    /// block when it is freed, and the next block that size comes from the
    /// heap. The size here is one no other test leaves free in this
    /// process's heap (24 MiB, under glibc's 32 MiB ceiling for the raise),
    /// so that only the threshold decides.
    @Test func aLargeBufferMadeAfterAnotherWasFreedIsStillMapped() throws {
      MallocSettings.forWorkers()
      let size = 24 << 20
      for round in 0..<3 {
        let p = try #require(malloc(size))
        #expect(Self.isMapped(p), "buffer \(round + 1) came from the heap")
        free(p)
      }
    }
  }
#endif
