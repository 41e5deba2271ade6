import ArgumentParser
import Cardex

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension CardexCommand {
  struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Extract bouts and fixtures from text files (or standard input).",
      discussion: DiagnosticPrinter.rule)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
      case json, ndjson, csv
    }

    @Argument(help: ArgumentHelp("Text files to read; '-' or none reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(
      name: .customLong("files-from"),
      help: ArgumentHelp("Also read the files named in this list, one a line ('-': standard input).", valueName: "list"))
    var filesFrom: String?

    @Flag(name: [.customShort("0"), .customLong("null")], help: "The --files-from list is separated by NUL bytes (find -print0).")
    var nulSeparated = false

    @OptionGroup var rules: RuleOptions

    @Option(help: "Output format: 'json' (one document), 'ndjson' (one record per line) or 'csv' (one row per record, for spreadsheets).")
    var format: OutputFormat = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Print, for each record, heading and near miss, the elements read, the rule that paired them, the evidence and why it was taken or not, and what was normalized; the feed then goes only to --output.")
    var explain = false

    @Flag(help: "Fail (exit 1, no output file written) when a record fails, with an error, the checks 'cardex validate' runs (schema and meaning, across all files of the run).")
    var strict = false

    @Option(help: ArgumentHelp("Read lines on this many cores (files are cut into chunks of lines); each input's lines are still decided in order, so the output is what one core gives.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Bytes per chunk when --jobs cuts a file (for tests).", visibility: .hidden))
    var chunkBytes: Int = ExtractionRun.defaultChunkBytes

    @Flag(name: .shortAndLong, help: "Do not print notes or warnings to standard error (errors still print; all stay in the output).")
    var quiet = false

    func validate() throws {
      if jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024, not \(jobs).") }
      if chunkBytes < 1 { throw ValidationError("--chunk-bytes must be at least 1.") }
      if nulSeparated && filesFrom == nil { throw ValidationError("-0 applies to a --files-from list; name one.") }
      if filesFrom == "-" && files.contains("-") {
        throw ValidationError("Standard input cannot be both the --files-from list and an input.")
      }
    }

    func run() throws {
      try CLIError.reporting(body)
    }

    private func body() throws {
      // Before anything else, so that Ctrl-\ or a limit's signal stops the
      // run like Ctrl-C, whether or not an --output file is being written.
      SignalCleanup.install()
      // Peak memory flat in the input's size with several threads; set
      // before the rules load, so that no large block of theirs is left
      // in the heap for chunk buffers to be cut from.
      if jobs > 1 { MallocSettings.forWorkers() }
      let ruleSet = try rules.load()
      let inputs = try openInputs()
      let sink: OutputFile
      do {
        sink = try output.map { path throws(OutputFile.Failure) in try OutputFile(path: path) } ?? OutputFile(discarding: explain)
      } catch {
        throw CLIError(error.description)
      }
      let feedFormat: FeedWriter.Format = switch format {
      case .json: .json
      case .ndjson: .ndjson
      case .csv: .csv
      }
      let run = ExtractionRun(extractor: Extractor(rules: ruleSet), jobs: jobs, chunkBytes: chunkBytes, explain: explain)
      // One check across every input of the run, as `validate` reads the
      // feed: cards and duplicates do not stop at a file's end.
      var checks = RecordCheck(rules: ruleSet, sources: inputs.map(\.name), schema: strict ? try SchemaValidator.feed() : nil)
      let printer = DiagnosticPrinter(quiet: quiet)
      var failed = false
      do {
        // Both formats stream: records go out as they are made, in flat
        // memory (see FeedWriter).
        let writer = try FeedWriter(format: feedFormat, sink: sink)
        try run.run(inputs) { items in
          // The checks run here, in input order, across chunks.
          let (checked, _) = checks.pass(items)
          for item in checked {
            if case .diagnostic(let d) = item {
              printer.print(d)
              if d.severity >= .error { failed = true }
            }
            if case .explanation(let e) = item { print(e) }
          }
          try writer.write(checked)
        } flush: {
          try writer.flush()
        }
        try writer.finish()
        try finish(sink, failed: failed)
      } catch let error as CLIError {
        throw error
      } catch {
        throw CLIError("\(error)")
      }
    }

    /// Checks every input before anything is written: a missing file fails
    /// the run with nothing written. Each is opened when its turn comes.
    /// With no file named and no list, standard input is the input.
    private func openInputs() throws -> [InputFile] {
      do {
        var names = files
        if let filesFrom { names += try FileList.read(filesFrom, nulSeparated: nulSeparated) }
        if names.isEmpty && filesFrom == nil { names = ["-"] }
        return try names.map { p throws(InputFile.Failure) in try InputFile(path: p) }
      } catch {
        throw CLIError(error.description)
      }
    }

    /// Commits the output, or with `--strict` and a failed check, says not
    /// to publish it. An --output file is then never written; standard
    /// output (or a pipe or device named by --output) streams, so all of it
    /// goes out and the exit status says not to publish it.
    private func finish(_ sink: OutputFile, failed: Bool) throws {
      if strict && failed {
        guard sink.streams else { throw CLIError("--strict: records failed the feed checks (see above); no output was written") }
        try sink.flush()
        throw CLIError("--strict: records failed the feed checks (see above); do not publish this output")
      }
      try sink.commit()
    }
  }
}
