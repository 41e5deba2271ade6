import ArgumentParser
import Cardex
import Foundation

extension CardexCommand {
  /// The gate before publishing: checks feeds for shape and meaning.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check feeds (JSON or NDJSON) before publishing; exit 1 on an error (or a warning, with --strict).",
      discussion: """
        Each finding is printed as FILE: POINTER: severity[rule]: message, where POINTER is a JSON \
        Pointer to the field (for NDJSON, FILE:LINE: and a pointer into that line's record). \
        Exit status: 0 when the feeds pass, 1 when any has an error (or a warning, with --strict), \
        64 for bad flags.
        """)

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Argument(help: ArgumentHelp("Feed files to check ('-' for standard input).", valueName: "feed"))
    var feeds: [String]

    @OptionGroup var rules: RuleOptions

    @Option(help: "Report format: 'text' (one finding per line) or 'json' (a machine-readable report).")
    var format: ReportFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    /// A JSON feed is read whole before it is checked; past this size it
    /// is refused, not read until memory runs out (`/dev/zero`, a runaway
    /// writer). NDJSON is checked line by line, so only a line is capped.
    @Option(help: ArgumentHelp("Largest JSON feed or NDJSON line read, in bytes (default 1 GiB).", visibility: .hidden))
    var maxFeedBytes: Int = 1 << 30

    func validate() throws {
      if feeds.isEmpty { throw ValidationError("Name at least one feed file to validate, or '-' for standard input.") }
      if maxFeedBytes < 1 { throw ValidationError("--max-feed-bytes must be at least 1.") }
    }

    struct Report: Encodable {
      struct File: Encodable {
        var file: String
        var findings: [ValidationFinding]
      }
      var files: [File]
      var errors: Int
      var warnings: Int
      var passed: Bool
    }

    func run() throws {
      try CLIError.reporting(body)
    }

    private func body() throws {
      let validation = try FeedValidation(rules: try rules.load(lexiconsOnly: true))
      var report = Report(files: [], errors: 0, warnings: 0, passed: true)
      for path in feeds {
        var findings: [ValidationFinding]
        do {
          findings = try validation.validate(try InputFile(path: path), maxBytes: maxFeedBytes)
        } catch {
          findings = [ValidationFinding(.error, "unreadable", at: "", error.description)]
        }
        report.files.append(.init(file: path, findings: findings))
        report.errors += findings.filter { $0.severity == .error }.count
        report.warnings += findings.filter { $0.severity == .warning }.count
      }
      report.passed = report.errors == 0 && (!strict || report.warnings == 0)
      switch format {
      case .text:
        for file in report.files {
          for f in file.findings { print(f.rendered(file: file.file)) }
        }
        print("\(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s") in \(report.files.count) feed\(report.files.count == 1 ? "" : "s")")
      case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
      }
      if !report.passed { throw ExitCode.failure }
    }
  }
}
