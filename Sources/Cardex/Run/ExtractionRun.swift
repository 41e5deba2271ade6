import Dispatch

/// Runs an extractor over whole inputs, on one core or several, and hands
/// what each piece of input yields to the caller in input order: what
/// `cardex parse` does, for library users too.
///
/// On one core each input gets one session, fed as the input is read. On
/// several, files are cut into chunks of whole lines whose lines are read
/// on the workers, and each input's one session decides them here in
/// order: the output is what one core gives (see `parallel`).
public struct ExtractionRun: Sendable {
  public let extractor: Extractor
  /// Cores to read lines on.
  public var jobs: Int
  /// Bytes per chunk when a file is cut for several cores. A chunk's
  /// prepared lines take many times its bytes (each line's tokens,
  /// elements and candidates), and `jobs * 2` chunks are in flight: small
  /// chunks keep memory low, and a chunk still takes far longer to read
  /// than to hand over.
  public var chunkBytes: Int
  /// Add a `LineExplanation` for every record, heading and near miss (one
  /// core only: explanations follow the lines in order).
  public var explain: Bool

  /// The default `chunkBytes`.
  public static let defaultChunkBytes = 128 << 10

  public init(extractor: Extractor, jobs: Int = 1, chunkBytes: Int = defaultChunkBytes, explain: Bool = false) {
    self.extractor = extractor
    self.jobs = max(1, jobs)
    self.chunkBytes = max(1, chunkBytes)
    self.explain = explain
  }

  /// Extracts every input in turn. `emit` receives each batch of items in
  /// input order. `flush` is called when what was emitted should reach its
  /// reader now: an input that is a stream (a pipe, a terminal) gave it,
  /// and its reader may be waiting for it.
  public func run(_ inputs: [InputFile], emit: ([ExtractedItem]) throws -> Void, flush: () throws -> Void = {}) throws {
    guard jobs > 1 && !explain else {
      return try sequential(inputs, emit: emit, flush: flush)
    }
    // Files go to the workers in chunks; a stream is read here, line by
    // line as it comes, so that its records go out as its lines arrive
    // (`settle` decides what waits when the stream pauses).
    var files: [InputFile] = []
    for input in inputs {
      guard input.isStream else {
        files.append(input)
        continue
      }
      if !files.isEmpty { try parallel(files, emit: emit) }
      files = []
      try sequential([input], emit: emit, flush: flush)
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
