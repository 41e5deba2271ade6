import ArgumentParser

/// `cardex`: extract fight-card bouts and match listings from text.
@main
struct CardexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cardex",
    abstract: "Extract fight-card bouts and match listings from sports text as typed JSON records.",
    version: "0.1.0",
    subcommands: [Parse.self, Validate.self, Eval.self, Rules.self],
    defaultSubcommand: nil
  )

  /// The parser's own `main`, with `parse`'s file names handed over
  /// directly (`FileArguments`): thousands of them would cost the parser
  /// time quadratic in their number.
  static func main() {
    var arguments = Array(CommandLine.arguments.dropFirst())
    let files = FileArguments.take(&arguments)
    do {
      var command = try parseAsRoot(arguments)
      if let files, var parse = command as? Parse {
        parse.files = files
        try parse.validate()
        command = parse
      }
      try command.run()
    } catch {
      exit(withError: error)
    }
  }
}
