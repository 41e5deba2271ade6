import CMalloc

/// glibc's allocator, set for `parse --jobs` (several threads): peak memory
/// must not grow with the input.
enum MallocSettings {
  /// Allocations at least this large are mapped from the kernel on their
  /// own, and given back to it when freed.
  static let mapThreshold: Int32 = 256 << 10

  /// Two settings, each of which once let peak memory grow with the input:
  ///
  /// - One arena for all threads. With one per thread, records made by a
  ///   worker and freed by the writing thread, and chunk buffers moving
  ///   between threads, left each arena fragmented.
  /// - A fixed mapping threshold. glibc raises it to the size of each
  ///   mapped block freed (up to 32 MiB), so after the first chunk the 2 MiB
  ///   chunk buffers came from the heap; freed in another order than made,
  ///   among small allocations, they fragmented it: 40 MB peak at the start
  ///   of a 100 MB run, 52 MB at its end (docs/performance.md). Mapped,
  ///   each goes back to the kernel whole when freed.
  static func forWorkers() {
    #if os(Linux)
      _ = mallopt(M_ARENA_MAX, 1)
      _ = mallopt(M_MMAP_THRESHOLD, mapThreshold)
    #endif
  }
}
