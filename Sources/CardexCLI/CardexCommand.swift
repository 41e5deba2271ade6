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
}
