import ArgumentParser
import Cardex

extension CardexCommand {
  /// `cardex rules …`: tools for people who write rule files.
  struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Work with rule files.",
      subcommands: [Test.self, Check.self])
  }
}

extension CardexCommand.Rules {
  /// Runs every format's `examples:` and reports pass or fail.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run the examples in the rule files; exit 1 if any fails.")

    @OptionGroup var rules: RuleOptions

    @Flag(name: .shortAndLong, help: "List passing examples too.")
    var verbose = false

    func run() throws {
      try CLIError.reporting(body)
    }

    private func body() throws {
      let outcomes = ExampleRunner(rules: try rules.load()).run()
      var lastFormat = ""
      for o in outcomes {
        if o.family != lastFormat {
          let mine = outcomes.filter { $0.family == o.family }
          let failed = mine.filter { !$0.passed }.count
          print("\(failed == 0 ? "PASS" : "FAIL") \(o.family) (\(mine.count - failed)/\(mine.count))")
          lastFormat = o.family
        }
        if !o.passed || verbose {
          // The last line of an example is the record line; earlier ones
          // are its headings.
          let recordLine = o.text.split(separator: "\n").last.map(String.init) ?? ""
          print("  \(o.file):\(o.mark): \(o.passed ? "ok" : "failed"): \(recordLine)")
          for f in o.failures { print("    \(f)") }
        }
      }
      let failed = outcomes.filter { !$0.passed }.count
      print("\(outcomes.count - failed) passed, \(failed) failed")
      if failed > 0 { throw ExitCode.failure }
    }
  }
}

extension CardexCommand.Rules {
  /// Lints rule files: `file:line:column: error|warning: message`.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check rule files for mistakes; exit 1 if there is an error (or a warning, with --strict).")

    @Argument(help: ArgumentHelp("The rules folder (or one file) to check; the shipped rules when omitted.", valueName: "dir"))
    var directory: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
      try CLIError.reporting(body)
    }

    private func body() throws {
      let shipped = RuleLoader.defaultRulesDirectory(executablePath: CommandLine.arguments[0])
      guard let target = directory ?? shipped else {
        throw CLIError("cannot find the shipped rules; name a folder to check")
      }
      // A folder other than the shipped one is checked on top of the shipped
      // lexicons, as `parse --rules` would use it.
      let base = (directory != nil && shipped != nil && directory != shipped) ? [shipped!] : []
      let findings = RuleChecker().check(directory: target, base: base)
      for f in findings { print(f) }
      let errors = findings.filter { $0.severity == .error }.count
      let warnings = findings.count - errors
      print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
      if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }
  }
}
