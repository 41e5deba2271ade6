import ArgumentParser
import Cardex
import CMalloc
import Dispatch

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension CardexCommand {
  struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Extract bouts and fixtures from text files (or standard input).")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
      case json, ndjson
    }

    @Argument(help: ArgumentHelp("Text files to read; '-' or none reads standard input.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var rules: RuleOptions

    @Option(help: "Output format: 'json' (one document) or 'ndjson' (one record per line).")
    var format: OutputFormat = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Print, for each record, heading and near miss, the format and pattern behind it and what was normalized; the feed then goes only to --output.")
    var explain = false

    @Flag(help: "Fail (exit 1, no output file written) when a record fails the feed checks with an error.")
    var strict = false

    @Option(help: ArgumentHelp("Extract on this many cores: files, and large files cut at blank lines, are shared out; output stays in input order.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Bytes per chunk when --jobs cuts a file (for tests).", visibility: .hidden))
    var chunkBytes: Int = 2 << 20

    @Flag(name: .shortAndLong, help: "Do not print warnings to standard error (they stay in the output).")
    var quiet = false

    func validate() throws {
      if jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024, not \(jobs).") }
      if chunkBytes < 1 { throw ValidationError("--chunk-bytes must be at least 1.") }
    }

    func run() throws {
      try CLIError.reporting(body)
    }

    private func body() throws {
      let ruleSet = try rules.load()
      let extractor = Extractor(rules: ruleSet)
      let paths = files.isEmpty ? ["-"] : files
      // Open every input before writing anything: a missing file fails the
      // run with nothing written.
      var inputs: [InputFile] = []
      do {
        for p in paths { inputs.append(try InputFile(path: p)) }
      } catch {
        throw CLIError(error.description)
      }
      let sink: OutputFile
      do {
        sink = try output.map { path throws(OutputFile.Failure) in try OutputFile(path: path) } ?? OutputFile(discarding: explain)
      } catch {
        throw CLIError(error.description)
      }
      let encoder = FeedEncoder()
      var checks = RecordCheck(rules: ruleSet)
      var feed = Feed()
      let printer = DiagnosticPrinter(quiet: quiet)
      var failed = false
      do {
        if format == .ndjson { try sink.write(try encoder.ndjsonHeader()) }
        if jobs > 1 && !explain {
          try parallel(inputs, extractor) { items, encoded in
            // The checks run here, in input order, across chunks.
            let (checked, findings) = checks.pass(items)
            if let encoded, findings == 0 {
              // NDJSON was written by the worker; print and check here.
              for case .diagnostic(let d) in checked {
                printer.print(d)
                if d.severity >= .error { failed = true }
              }
              try sink.write(encoded)
            } else {
              var pending = checked
              try flush(&pending, &feed, sink, encoder, printer, &failed)
            }
          }
        } else {
          try sequential(inputs, extractor) { items in
            var pending = checks.pass(items).items
            try flush(&pending, &feed, sink, encoder, printer, &failed)
          }
        }
        if format == .json { try sink.write(try encoder.json(feed)) }
        if strict && failed {
          // An --output file is never written. Standard output (or a pipe
          // or device named by --output) streams: all of it goes out, as it
          // would without --strict, and the exit status says not to
          // publish it.
          guard sink.streams else { throw CLIError("--strict: records failed the feed checks (see above); no output was written") }
          try sink.flush()
          throw CLIError("--strict: records failed the feed checks (see above); do not publish this output")
        }
        try sink.commit()
      } catch let error as CLIError {
        throw error
      } catch {
        throw CLIError("\(error)")
      }
    }

    /// One session per input, fed as the input is read; what each chunk of
    /// input yields is handed to `emit` at once.
    private func sequential(_ inputs: [InputFile], _ extractor: Extractor, emit: ([ExtractedItem]) throws -> Void) throws {
        for input in inputs {
          var session = extractor.session(source: input.name, explain: explain)
          var splitter = LineSplitter()
          var pending: [ExtractedItem] = []
          // Closures written out at each call, not kept in a constant: a
          // stored closure escapes, so the variables it captures would be
          // boxed and every line would pay for a run-time exclusivity check.
          var writeError: Error?
          try input.forEachChunk { chunk in
            splitter.feed(chunk) { n, line in session.consume(line: line, number: n, into: &pending) }
            if writeError == nil {
              do {
                try emit(pending)
                pending.removeAll(keepingCapacity: true)
              } catch { writeError = error }
            }
          }
          splitter.finish { n, line in session.consume(line: line, number: n, terminated: false, into: &pending) }
          pending += session.finish()
          if let writeError { throw writeError }
          try emit(pending)
        }
    }

    /// Chunks of all inputs (cut at blank lines) shared out over `jobs`
    /// workers; results are handed to `emit` in input order. For NDJSON the
    /// workers encode their records too, so that this thread only copies
    /// bytes.
    ///
    /// This thread reads ahead and writes behind while the workers extract:
    /// up to `jobs * 2` chunks are in flight, so memory stays bounded and
    /// no worker waits for the slowest chunk of a batch. Reading stops only
    /// at the end of the input or when the window is full.
    ///
    /// A chunk starts from a state guessed from its lead-in. When the chunk
    /// before it ended in a different state (a section opened further back
    /// than the lead-in reaches, say), the chunk is run again from the true
    /// state, so the output is always what one core would give.
    private func parallel(
      _ inputs: [InputFile], _ extractor: Extractor, emit: ([ExtractedItem], [UInt8]?) throws -> Void
    ) throws {
      let encodeInWorkers = format == .ndjson
      let readers = inputs.map { ChunkReader(input: $0, targetSize: chunkBytes) }
      var current = 0
      func nextChunk() throws -> ChunkReader.Chunk? {
        while current < readers.count {
          if let chunk = try readers[current].next() { return chunk }
          current += 1
        }
        return nil
      }
      @Sendable func encode(_ items: [ExtractedItem]) -> [UInt8] {
        var bytes: [UInt8] = []
        for item in items {
          FeedEncoder().ndjsonLine(item, appendingTo: &bytes)
        }
        return bytes
      }
      #if os(Linux)
        // One malloc arena for all threads. With one per thread, records
        // made by a worker and freed by this thread, and chunk buffers
        // moving between threads, left each arena fragmented: peak memory
        // grew with the input (56 MB at 1 GB against 33 MB at 10 MB);
        // with one it stays flat (37 MB), for at most a few per cent of
        // time (docs/performance.md).
        _ = mallopt(M_ARENA_MAX, 1)
      #endif
      // One serial queue per job, chunks dealt out in turn: never more
      // than `jobs` extracting at once, and no thread ever blocks waiting
      // for a turn (a blocked thread holds memory). Each queue has up to
      // two chunks waiting, so a worker that finishes early starts its next
      // chunk at once instead of waiting for the oldest to be written.
      let lanes = (0..<jobs).map { DispatchQueue(label: "cardex.extract.\($0)") }
      var dealt = 0
      var inFlight: [(chunk: ChunkReader.Chunk, slot: ChunkSlot)] = []
      // Every chunk handed to a worker is waited for, even when a read or a
      // write fails, so that no worker is left running.
      defer { for pending in inFlight { _ = pending.slot.wait() } }
      var previous: (source: String, state: ExtractionSession.State)?
      // Diagnostics said once per input (`invalid-utf8`, `nul-bytes`) may
      // come from several chunks; the first one stands.
      var saidOnce = Set<String>()
      var exhausted = false
      while true {
        while !exhausted, inFlight.count < jobs * 2 {
          guard let chunk = try nextChunk() else {
            exhausted = true
            break
          }
          let slot = ChunkSlot()
          lanes[dealt % jobs].async {
            var result = extractor.extract(chunk)
            guard encodeInWorkers else {
              slot.fill((result, nil))
              return
            }
            // The writer needs the encoded bytes, the diagnostics, and the
            // records for the feed checks.
            let encoded = encode(result.items)
            slot.fill((result, encoded))
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
          // A diagnostic said once per input was said by an earlier chunk:
          // its line goes, and the rest is encoded again.
          encoded = nil
        }
        result.items.removeAll { item in Self.saidOnceKey(item).map { !saidOnce.insert($0).inserted } ?? false }
        try emit(result.items, encoded ?? (encodeInWorkers ? encode(result.items) : nil))
      }
    }

    /// What identifies a diagnostic said once per input (`invalid-utf8`,
    /// `nul-bytes`), which several chunks of one input may each give; nil
    /// for any other item.
    private static func saidOnceKey(_ item: ExtractedItem) -> String? {
      guard case .diagnostic(let d) = item, d.code == "invalid-utf8" || d.code == "nul-bytes" else { return nil }
      return "\(d.source)\u{1F}\(d.code)"
    }

    /// Writes NDJSON lines as they come, or collects them for one JSON
    /// document; prints warnings either way.
    private func flush(
      _ pending: inout [ExtractedItem], _ feed: inout Feed, _ sink: OutputFile, _ encoder: FeedEncoder,
      _ printer: DiagnosticPrinter, _ failed: inout Bool
    ) throws {
      for item in pending {
        if case .diagnostic(let d) = item, d.severity >= .error { failed = true }
      }
      for item in pending {
        if case .diagnostic(let d) = item { printer.print(d) }
        if case .explanation(let e) = item {
          print(e)
          continue
        }
        switch format {
        case .ndjson: try sink.append { encoder.ndjsonLine(item, appendingTo: &$0) }
        case .json: feed.append(item)
        }
      }
      pending.removeAll(keepingCapacity: true)
    }
  }
}

/// What a worker made of one chunk, handed to the thread that writes.
private final class ChunkSlot: @unchecked Sendable {
  typealias Value = (result: Extractor.ChunkResult, encoded: [UInt8]?)
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
