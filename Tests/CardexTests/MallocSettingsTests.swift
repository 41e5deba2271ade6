#if os(Linux)
  import Glibc
  import Testing

  @testable import CardexCLI

  /// `parse --jobs`: chunk buffers (2 MiB) must be mapped on their own and
  /// given back when freed, every one of them, not only the first.
  @Suite struct MallocSettingsTests {
    /// Whether glibc mapped the block at `p` on its own: the IS_MMAPPED bit
    /// (2) of the size word just before it, in glibc's chunk layout.
    static func isMapped(_ p: UnsafeMutableRawPointer) -> Bool {
      (p - MemoryLayout<Int>.size).load(as: Int.self) & 2 != 0
    }

    @Test func aChunkBufferMadeAfterAnotherWasFreedIsStillMapped() throws {
      MallocSettings.forWorkers()
      let size = 2 << 20 + (256 << 10)
      for round in 0..<3 {
        let p = try #require(malloc(size))
        // Unset, glibc would have raised its threshold past `size` when the
        // first was freed, and taken the next from the heap.
        #expect(Self.isMapped(p), "buffer \(round + 1) came from the heap")
        free(p)
      }
    }
  }
#endif
