import ArgumentParser
import Cardex

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Options shared by every command that reads rules.
struct RuleOptions: ParsableArguments {
  @Option(
    name: .customLong("rules"),
    help: ArgumentHelp("A rules folder to add to (or override) the shipped rules; may be repeated.", valueName: "dir"))
  var directories: [String] = []

  @Flag(help: "Use only the --rules folders, not the shipped rules.")
  var noDefaultRules = false

  @Flag(help: "Build the rules from their files, neither reading nor writing the compiled-rules cache (also: CARDEX_NO_CACHE=1).")
  var noCache = false

  /// The shipped rules, then each `--rules` folder in order;
  /// `lexiconsOnly` for the feed checks (`RuleLoader.lexiconsOnly`).
  func load(lexiconsOnly: Bool = false) throws -> RuleSet {
    var dirs: [String] = []
    if !noDefaultRules {
      guard let shipped = RuleLoader.defaultRulesDirectory(executablePath: CommandLine.arguments[0]) else {
        throw CLIError("cannot find the shipped rules; set CARDEX_RULES or pass --rules DIR with --no-default-rules")
      }
      dirs.append(shipped)
    }
    dirs += directories
    do {
      let cache = noCache ? nil : RuleCache.standard(version: CardexCommand.configuration.version)
      return try RuleLoader(lexiconsOnly: lexiconsOnly).load(directories: dirs, cache: cache)
    } catch {
      throw CLIError(error.description, bare: true)
    }
  }
}

/// An error in the user's data or files: printed as one line on standard
/// error, exit 1. (Bad flags are `ValidationError`s, which print usage and
/// exit 64.)
struct CLIError: Error, CustomStringConvertible {
  var description: String

  /// `bare` messages already say where and what (`file:line:column: error: …`).
  init(_ message: String, bare: Bool = false) {
    description = bare ? message : "cardex: error: \(message)"
  }

  /// Runs a command body, turning a `CLIError` into its one line and exit 1.
  static func reporting(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as CLIError {
      StandardError.write(error.description)
      throw ExitCode.failure
    }
  }
}
