import Dispatch

extension ExtractionRun {
  /// Chunks of all inputs (cut at blank lines) shared out over `jobs`
  /// workers; results are handed to `emit` in input order.
  ///
  /// This thread reads ahead and writes behind while the workers extract:
  /// up to `jobs * 2` chunks are in flight, so memory stays bounded and no
  /// worker waits for the slowest chunk of a batch. Reading stops only at
  /// the end of the input or when the window is full.
  ///
  /// A chunk starts from a state guessed from its lead-in. When the chunk
  /// before it ended in a different state (a section opened further back
  /// than the lead-in reaches, say), the chunk is run again from the true
  /// state, so the output is always what one core would give.
  func parallel(_ inputs: [InputFile], emit: ([ExtractedItem], EncodedItems?) throws -> Void) throws {
    // One reader at a time, made when its input's turn comes: a reader
    // keeps its input's last lines, and thousands of them would add up.
    var current = 0
    var reader = inputs.first.map { ChunkReader(input: $0, targetSize: chunkBytes) }
    func nextChunk() throws -> ChunkReader.Chunk? {
      while let r = reader {
        if let chunk = try r.next() { return chunk }
        current += 1
        reader = current < inputs.count ? ChunkReader(input: inputs[current], targetSize: chunkBytes) : nil
      }
      return nil
    }
    // One serial queue per job, chunks dealt out in turn: never more than
    // `jobs` extracting at once, and no thread ever blocks waiting for a
    // turn (a blocked thread holds memory). Each queue has up to two chunks
    // waiting, so a worker that finishes early starts its next chunk at
    // once instead of waiting for the oldest to be written.
    let lanes = (0..<jobs).map { DispatchQueue(label: "cardex.extract.\($0)") }
    var dealt = 0
    var inFlight: [(chunk: ChunkReader.Chunk, slot: ChunkSlot)] = []
    // Every chunk handed to a worker is waited for, even when a read or a
    // write fails, so that no worker is left running.
    defer { for pending in inFlight { _ = pending.slot.wait() } }
    var previous: (source: String, state: ExtractionSession.State)?
    // Diagnostics said once per input (`invalid-utf8`, `nul-bytes`) may come
    // from several chunks; the first one stands.
    var saidOnce = Set<String>()
    var exhausted = false
    while true {
      while !exhausted, inFlight.count < jobs * 2 {
        guard let chunk = try nextChunk() else {
          exhausted = true
          break
        }
        let slot = ChunkSlot()
        lanes[dealt % jobs].async { [self] in
          let result = extractor.extract(chunk)
          slot.fill((result, encoding.map { FeedWriter.encode(result.items, as: $0) }))
        }
        dealt += 1
        inFlight.append((chunk, slot))
      }
      guard !inFlight.isEmpty else { return }
      let (chunk, slot) = inFlight.removeFirst()
      var (result, encoded) = slot.wait()
      let continues = chunk.firstLine > 1 || chunk.startsMidLine
      if continues, let previous, previous.source == chunk.source, previous.state != result.startState {
        result = extractor.extract(chunk, from: previous.state)
        encoded = nil
      }
      previous = (chunk.source, result.endState)
      if encoded != nil, result.items.contains(where: { Self.saidOnceKey($0).map(saidOnce.contains) ?? false }) {
        // A diagnostic said once per input was said by an earlier chunk: its
        // line goes, and the rest is encoded again.
        encoded = nil
      }
      result.items.removeAll { item in Self.saidOnceKey(item).map { !saidOnce.insert($0).inserted } ?? false }
      try emit(result.items, encoded ?? encoding.map { FeedWriter.encode(result.items, as: $0) })
    }
  }

  /// What identifies a diagnostic said once per input (`invalid-utf8`,
  /// `nul-bytes`), which several chunks of one input may each give; nil for
  /// any other item.
  static func saidOnceKey(_ item: ExtractedItem) -> String? {
    guard case .diagnostic(let d) = item, d.code == "invalid-utf8" || d.code == "nul-bytes" else { return nil }
    return "\(d.source)\u{1F}\(d.code)"
  }
}
