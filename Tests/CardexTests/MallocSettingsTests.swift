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

    /// Run in a process of its own (an exit test): in the test process,
    /// blocks other tests freed before the setting was made can serve the
    /// request from the heap whatever the threshold says.
    @Test func aChunkBufferMadeAfterAnotherWasFreedIsStillMapped() async {
      await #expect(processExitsWith: .success) {
        MallocSettings.forWorkers()
        let size = 2 << 20 + (256 << 10)
        for _ in 0..<3 {
          // Unset, glibc would have raised its threshold past `size` when
          // the first was freed, and taken the next from the heap.
          guard let p = malloc(size), MallocSettingsTests.isMapped(p) else { exit(1) }
          free(p)
        }
      }
    }
  }
#endif
