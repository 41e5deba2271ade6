/// Takes the file names out of `cardex parse`'s arguments before
/// swift-argument-parser reads them, so that start-up is linear in the
/// number of files.
///
/// The parser removes each argument it has used by scanning its list from
/// the front, in no fixed order: 16 000 file names took 8 s before a line
/// was read. Options and their values are left for it to parse (with its
/// messages and checks); only the words that are not options, and
/// everything after `--`, are taken here, in order.
enum FileArguments {
  /// Options of `parse` that take a value: the word after them is that
  /// value, not a file. A test checks this list against the parser's own
  /// description of `parse` (`--experimental-dump-help`).
  static let valueOptions: Set<String> = ["--files-from", "--rules", "--format", "--output", "-o", "--jobs", "--chunk-bytes"]

  /// The files named to `parse`, taken out of `arguments`; nil for any
  /// other command.
  static func take(_ arguments: inout [String]) -> [String]? {
    guard arguments.first == "parse" else { return nil }
    var kept = ["parse"]
    var files: [String] = []
    var i = 1
    while i < arguments.count {
      let word = arguments[i]
      if word == "--" {
        files += arguments[(i + 1)...]
        break
      }
      if word == "-" || !word.hasPrefix("-") {
        files.append(word)
      } else {
        kept.append(word)
        if takesValue(word), i + 1 < arguments.count {
          kept.append(arguments[i + 1])
          i += 1
        }
      }
      i += 1
    }
    arguments = kept
    return files
  }

  /// `--output FILE`, `-o FILE`, or a cluster of short flags that ends in
  /// one taking a value (`-qo FILE`); not `--output=FILE`.
  static func takesValue(_ word: String) -> Bool {
    if word.hasPrefix("--") { return valueOptions.contains(word) }
    guard let last = word.last, word.count > 1 else { return false }
    return valueOptions.contains("-\(last)")
  }
}
