import ArgumentParser
import Cardex

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

    @Flag(name: .shortAndLong, help: "Do not print warnings to standard error (they stay in the output).")
    var quiet = false

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
      var feed = Feed()
      let printer = DiagnosticPrinter(quiet: quiet)
      var failed = false
      do {
        if format == .ndjson { try sink.write(try encoder.ndjsonHeader()) }
        for input in inputs {
          var session = extractor.session(source: input.name, explain: explain)
          var splitter = LineSplitter()
          var pending: [ExtractedItem] = []
          let handle: (Int, ArraySlice<UInt8>) -> Void = { n, line in
            pending += session.consume(line: line, number: n)
          }
          var writeError: Error?
          try input.forEachChunk { chunk in
            splitter.feed(chunk, handle)
            if writeError == nil {
              do { try flush(&pending, &feed, sink, encoder, printer, &failed) } catch { writeError = error }
            }
          }
          splitter.finish(handle)
          pending += session.finish()
          if let writeError { throw writeError }
          try flush(&pending, &feed, sink, encoder, printer, &failed)
        }
        if format == .json { try sink.write(try encoder.json(feed)) }
        if strict && failed {
          throw CLIError("--strict: records failed the feed checks (see above); no output was written")
        }
        try sink.commit()
      } catch let error as CLIError {
        throw error
      } catch {
        throw CLIError("\(error)")
      }
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
        case .ndjson: try sink.write(try encoder.ndjsonLine(item))
        case .json: feed.append(item)
        }
      }
      pending.removeAll(keepingCapacity: true)
    }
  }
}
