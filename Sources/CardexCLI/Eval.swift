import ArgumentParser
import Cardex

extension CardexCommand {
  struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure the rules against a folder of labelled documents (DIR/raw/NAME.txt, DIR/expected/NAME.json).",
      discussion: """
        Prints precision, recall and F1 by record kind, layout family and language, accuracy per field, \
        figures per document, then every missed and extra record with its file:line and raw line. \
        Exits 1 when the overall F1 is below --min-f1.
        """)

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
      case text, json
    }

    @Argument(help: ArgumentHelp("A labelled corpus folder: raw/NAME.txt texts and expected/NAME.json labels.", valueName: "dir"))
    var directory: String

    @OptionGroup var rules: RuleOptions

    @Option(help: "Report format: 'text' for people, 'json' for machines.")
    var format: ReportFormat = .text

    @Option(name: .customLong("min-f1"), help: ArgumentHelp("Exit 1 when the overall F1 is below this (0 to 1).", valueName: "x"))
    var minF1: Double?

    @Option(help: "How names are compared: 'unicode' keeps letters of every script; 'ascii' folds as score.py does.")
    var folding: NameFolding = .unicode

    func validate() throws {
      if let minF1, !(0...1).contains(minF1) { throw ValidationError("--min-f1 must be between 0 and 1, not \(minF1).") }
    }

    func run() throws {
      try CLIError.reporting(body)
    }

    private func body() throws {
      let extractor = Extractor(rules: try rules.load())
      let report: EvaluationReport
      do {
        report = try CorpusEvaluator(extractor: extractor, folding: folding).evaluate(directory: directory)
      } catch {
        throw CLIError(error.description, bare: true)
      }
      switch format {
      case .text: print(report.text(), terminator: "")
      case .json: print(try report.json())
      }
      if let minF1, report.overall.f1 < minF1 {
        throw CLIError("overall F1 \(decimal(report.overall.f1)) is below --min-f1 \(minF1) in \(directory)")
      }
    }

    /// Three decimals, as the text report prints figures.
    private func decimal(_ x: Double) -> String {
      let scaled = Int((x * 1000).rounded())
      let frac = String(scaled % 1000)
      return "\(scaled / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
  }
}

extension NameFolding: ExpressibleByArgument {}
