import Foundation

/// The options `cardex … --help` shows, per command, read from the parser's
/// own description of the command tree (`--experimental-dump-help`): what
/// the man page and the README's synopsis must name.
struct ShownOptions {
  /// The command's words after `cardex` (`parse`, `rules check`).
  var command: String
  /// Every name of every shown option and flag (`--output`, `-o`), but not
  /// `--help`, `-h` and `--version`, which every command has.
  var names: [String]

  /// A regular expression for `name` standing alone (`-o`, not `-output`
  /// or `--no-default-rules` for `--rules`).
  static func pattern(_ name: String) -> String {
    #"(^|[^-\w])"# + NSRegularExpression.escapedPattern(for: name) + #"(?![-\w])"#
  }

  /// One entry per command that takes options, in the parser's order.
  static func all() throws -> [ShownOptions] {
    let r = try runCardex(["--experimental-dump-help"])
    let dump = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    var found: [ShownOptions] = []
    func walk(_ command: [String: Any], _ path: [String]) {
      var names: [String] = []
      for argument in command["arguments"] as? [[String: Any]] ?? [] {
        guard argument["kind"] as? String != "positional", argument["shouldDisplay"] as? Bool != false else { continue }
        for name in argument["names"] as? [[String: String]] ?? [] {
          let written = (name["kind"] == "short" ? "-" : "--") + (name["name"] ?? "")
          if !["--help", "-h", "--version", "-help"].contains(written) { names.append(written) }
        }
      }
      if !names.isEmpty { found.append(ShownOptions(command: path.joined(separator: " "), names: names)) }
      for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["commandName"] as? String != "help" {
        walk(sub, path + [sub["commandName"] as? String ?? ""])
      }
    }
    if let root = dump?["command"] as? [String: Any] { walk(root, []) }
    return found
  }
}
