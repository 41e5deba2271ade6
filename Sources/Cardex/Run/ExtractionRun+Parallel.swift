import Dispatch

extension ExtractionRun {
  /// All inputs, in order, read on `jobs` workers and decided here: what
  /// `--jobs` does with files.
  ///
  /// Each input is cut into chunks of whole lines (`ChunkReader`), and the
  /// workers read the lines of a chunk on their own (`Extractor.prepare`),
  /// which is most of the cost and depends on nothing around the line.
  /// This thread hands each prepared line, in input order, to the input's
  /// one session, which decides it with everything above it as on one
  /// core: no state is guessed, nothing is run twice, and the output is
  /// what one core gives by construction.
  ///
  /// Up to `jobs * 2` chunks are in flight, so memory stays bounded
  /// whatever the input's size, and a worker that finishes early starts
  /// its next chunk at once. What each chunk yields is handed to `emit` as
  /// soon as it is decided.
  func parallel(_ inputs: [InputFile], emit: ([ExtractedItem]) throws -> Void) throws {
    var chunks = ChunkSequence(inputs: inputs, chunkBytes: chunkBytes)
    // One serial queue per job, chunks dealt out in turn: never more than
    // `jobs` reading at once, and no worker ever blocks waiting for a turn.
    let lanes = (0..<jobs).map { DispatchQueue(label: "cardex.read.\($0)") }
    var dealt = 0
    var inFlight: [(input: Int, isLast: Bool, slot: WorkSlot<[PreparedLine]>)] = []
    // Every chunk handed to a worker is waited for, even when a read or a
    // write fails, so that no worker is left running.
    defer { for pending in inFlight { _ = pending.slot.wait() } }
    var sessionInput = -1
    var session = extractor.session(source: "")
    var out: [ExtractedItem] = []
    while true {
      while inFlight.count < jobs * 2, let (input, chunk) = try chunks.next() {
        let slot = WorkSlot<[PreparedLine]>()
        lanes[dealt % jobs].async { [extractor] in slot.fill(extractor.prepare(chunk)) }
        dealt += 1
        inFlight.append((input, chunk.isLast, slot))
      }
      guard !inFlight.isEmpty else { return }
      let (input, isLast, slot) = inFlight.removeFirst()
      if input != sessionInput {
        session = extractor.session(source: inputs[input].name)
        sessionInput = input
      }
      for line in slot.wait() { session.consume(line, into: &out) }
      if isLast { out += session.finish() }
      try emit(out)
      out.removeAll(keepingCapacity: true)
    }
  }
}

/// The chunks of several inputs, one input after the other.
///
/// One reader at a time, made when its input's turn comes: each input is
/// opened only then, and closed once read.
struct ChunkSequence {
  let inputs: [InputFile]
  let chunkBytes: Int
  private var current = -1
  private var reader: ChunkReader?

  init(inputs: [InputFile], chunkBytes: Int) {
    self.inputs = inputs
    self.chunkBytes = chunkBytes
  }

  /// The next chunk and the index of its input; nil after the last input.
  mutating func next() throws(InputFile.Failure) -> (Int, ChunkReader.Chunk)? {
    while true {
      if let reader, let chunk = try reader.next() { return (current, chunk) }
      current += 1
      guard current < inputs.count else {
        reader = nil
        return nil
      }
      reader = ChunkReader(input: inputs[current], targetSize: chunkBytes)
    }
  }
}

/// What a worker makes of one chunk, handed to the thread that decides.
final class WorkSlot<Value: Sendable>: @unchecked Sendable {
  private var value: Value?
  private let filled = DispatchSemaphore(value: 0)

  /// Called once, by the worker.
  func fill(_ value: Value) {
    self.value = value
    filled.signal()
  }

  /// Blocks until the worker has filled the slot; the semaphore orders
  /// the worker's write before this read.
  func wait() -> Value {
    filled.wait()
    filled.signal()
    // Filled: `fill` sets the value before it signals.
    return value ?? { fatalError("slot signalled before it was filled") }()
  }
}
