import Dispatch

/// Runs an extractor over whole inputs, on one core or several, and hands
/// what each piece of input yields to the caller in input order: what
/// `cardex parse` does, for library users too.
///
/// On one core each input gets one session, fed as the input is read. On
/// several, inputs are cut into chunks at blank lines and shared out; the
/// output is still what one core gives (see `parallel`).
public struct ExtractionRun: Sendable {
  public let extractor: Extractor
  /// Cores to extract on.
  public var jobs: Int
  /// Bytes per chunk when a file is cut for several cores.
  public var chunkBytes: Int
  /// Add a `LineExplanation` for every record, heading and near miss (one
  /// core only: explanations follow the lines in order).
  public var explain: Bool
  /// Workers encode their records in this feed format too
  /// (`FeedWriter.encode`), so that the thread that writes only copies
  /// bytes; nil: they do not.
  public var encoding: FeedWriter.Format?

  public init(extractor: Extractor, jobs: Int = 1, chunkBytes: Int = 2 << 20, explain: Bool = false, encoding: FeedWriter.Format? = nil) {
    self.extractor = extractor
    self.jobs = max(1, jobs)
    self.chunkBytes = max(1, chunkBytes)
    self.explain = explain
    self.encoding = encoding
  }

  /// Extracts every input in turn. `emit` receives each batch of items in
  /// input order and, when `encoding` is set and the batch was encoded by a
  /// worker, the encoded batch (nil otherwise). `flush` is called when what
  /// was emitted should reach its reader now: an input that is a stream (a
  /// pipe, a terminal) gave it, and its reader may be waiting for it.
  public func run(
    _ inputs: [InputFile], emit: ([ExtractedItem], EncodedItems?) throws -> Void, flush: () throws -> Void = {}
  ) throws {
    guard jobs > 1 && !explain else {
      return try sequential(inputs, emit: { try emit($0, nil) }, flush: flush)
    }
    // Files go to the workers in chunks; a stream is read here, line by
    // line as it comes, so that its records go out as its lines arrive. (A
    // chunk of one input rarely starts in the state its lead-in guesses, so
    // it is run again here: on one long input, --jobs gains nothing yet
    // that a stream would lose; see docs/performance.md.)
    var files: [InputFile] = []
    for input in inputs {
      guard input.isStream else {
        files.append(input)
        continue
      }
      if !files.isEmpty { try parallel(files, emit: emit) }
      files = []
      try sequential([input], emit: { try emit($0, nil) }, flush: flush)
    }
    if !files.isEmpty { try parallel(files, emit: emit) }
  }

  /// One session per input, fed as the input is read; what each chunk of
  /// input yields is handed to `emit` at once. A stream's records are
  /// flushed as they come, and when it pauses, the lines waiting for the
  /// lines below them are decided with what has arrived (`settle`).
  func sequential(_ inputs: [InputFile], emit: ([ExtractedItem]) throws -> Void, flush: () throws -> Void) throws {
    for input in inputs {
      var session = extractor.session(source: input.name, explain: explain)
      var splitter = LineSplitter()
      var pending: [ExtractedItem] = []
      // Closures written out at each call, not kept in a constant: a stored
      // closure escapes, so the variables it captures would be boxed and
      // every line would pay for a run-time exclusivity check.
      var writeError: Error?
      try input.forEachChunk(paused: {
        session.settle(into: &pending)
        guard writeError == nil else { return }
        do {
          try emit(pending)
          pending.removeAll(keepingCapacity: true)
          try flush()
        } catch { writeError = error }
      }) { chunk in
        splitter.feed(chunk) { n, line in session.consume(line: line, number: n, into: &pending) }
        if writeError == nil {
          do {
            try emit(pending)
            pending.removeAll(keepingCapacity: true)
            if input.isStream { try flush() }
          } catch { writeError = error }
        }
      }
      splitter.finish { n, line in session.consume(line: line, number: n, terminated: false, into: &pending) }
      pending += session.finish()
      if let writeError { throw writeError }
      try emit(pending)
    }
  }
}

/// What a worker made of one chunk, handed to the thread that writes.
final class ChunkSlot: @unchecked Sendable {
  typealias Value = (result: Extractor.ChunkResult, encoded: EncodedItems?)
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
    return value!
  }
}
