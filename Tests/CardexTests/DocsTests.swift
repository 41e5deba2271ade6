import Foundation
import Testing

/// The README and the docs say what the code does: no machine's own paths,
/// a synopsis with every option `--help` shows, a layout with every source
/// folder, and examples whose output is the one printed.
@Suite struct DocsTests {
  static func readme() throws -> String {
    try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
  }

  /// Every text a reader follows: Markdown anywhere but the corpora's raw
  /// pages, the man page, the rule files' comments.
  static func documents() -> [URL] {
    let fm = FileManager.default
    var found: [URL] = []
    let walker = fm.enumerator(at: Repo.root, includingPropertiesForKeys: nil)
    while let url = walker?.nextObject() as? URL {
      let relative = String(url.path.dropFirst(Repo.root.path.count + 1))
      if relative.hasPrefix(".") || relative.contains("/raw/") {
        if relative.hasPrefix(".") { walker?.skipDescendants() }
        continue
      }
      if ["md", "1", "yaml"].contains(url.pathExtension) { found.append(url) }
    }
    return found
  }

  /// Paths like `/work/…` or `/root/…` are where one machine kept the
  /// project; a reader's clone is elsewhere (issue 16: docs/rules.md held
  /// one 18 times).
  @Test func docsNameNoMachinesOwnPaths() throws {
    let documents = Self.documents()
    #expect(documents.count > 20)
    for url in documents {
      let text = try String(contentsOf: url, encoding: .utf8)
      for path in ["/work/", "/root/", "/home/"] {
        let named = text.contains(path)
        #expect(!named, "\(url.path) names the machine path '\(path)'")
      }
    }
  }

  /// The synopsis block under "Command line", as one text per command
  /// (`parse`, `rules check`), continuation lines joined.
  static func synopsis() throws -> [String: String] {
    let readme = try readme()
    guard let marker = readme.range(of: "<!-- DocsTests checks that this synopsis"),
      let open = readme[marker.upperBound...].range(of: "```text\n"),
      let close = readme[open.upperBound...].range(of: "```")
    else { return [:] }
    var commands: [String: String] = [:]
    var current = ""
    for line in readme[open.upperBound..<close.lowerBound].split(separator: "\n") {
      if line.hasPrefix("cardex ") {
        let words = line.split(separator: " ").dropFirst().prefix { $0.allSatisfy { $0.isLowercase } }
        current = words.joined(separator: " ")
      }
      commands[current, default: ""] += " " + line
    }
    return commands
  }

  @Test func readmeSynopsisNamesEveryOptionHelpShows() throws {
    let synopsis = try Self.synopsis()
    #expect(!synopsis.isEmpty, "README: no synopsis after the DocsTests marker")
    for shown in try ShownOptions.all() {
      let line = synopsis[shown.command] ?? ""
      #expect(!line.isEmpty, "README synopsis has no 'cardex \(shown.command)'")
      for name in shown.names {
        let named = line.range(of: ShownOptions.pattern(name), options: .regularExpression) != nil
        #expect(named, "README synopsis of 'cardex \(shown.command)' lacks \(name)")
      }
    }
  }

  /// Every folder of `Sources/` and of the library appears in the README's
  /// layout (`Sources/cardex-fuzz-*/` stands for the fuzz targets).
  @Test func readmeLayoutListsEverySourceFolder() throws {
    let readme = try Self.readme()
    let layout = readme[(readme.range(of: "## Layout")?.upperBound ?? readme.endIndex)...]
    let fm = FileManager.default
    let sources = Repo.root.appendingPathComponent("Sources")
    for name in try fm.contentsOfDirectory(atPath: sources.path).sorted() {
      let listed = layout.contains("Sources/\(name)/") || (name.hasPrefix("cardex-fuzz-") && layout.contains("Sources/cardex-fuzz-*/"))
      #expect(listed, "README layout lacks Sources/\(name)/")
    }
    for name in try fm.contentsOfDirectory(atPath: sources.appendingPathComponent("Cardex").path).sorted() {
      let listed = layout.contains("  \(name)/")
      #expect(listed, "README layout lacks Sources/Cardex/\(name)/")
    }
  }

  /// The README's gate example: the founding article's feed passes, and
  /// the feed with two wrong records gives exactly the lines printed.
  @Test func readmeValidateExampleGivesWhatTheReadmePrints() throws {
    let readme = try Self.readme()
    guard let marker = readme.range(of: "<!-- DocsTests runs this command"),
      let open = readme[marker.upperBound...].range(of: "```text\n"),
      let close = readme[open.upperBound...].range(of: "```")
    else {
      Issue.record("README: no validate example after the DocsTests marker")
      return
    }
    var lines = readme[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    let command = lines.removeFirst()
    #expect(command.hasPrefix("$ swift run cardex "))
    let arguments = command.dropFirst("$ swift run cardex ".count).split(separator: " ").map(String.init)
    let r = try runCardex(arguments, cwd: Repo.root)
    #expect(r.status == 1)
    #expect((r.stdout + r.stderr).split(separator: "\n").map(String.init) == lines)

    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let feed = dir.appendingPathComponent("feed.json").path
    #expect(try runCardex(["parse", "-q", "-o", feed, "Fixtures/the-national-2019-12-30.txt"], cwd: Repo.root).status == 0)
    let passed = try runCardex(["validate", feed])
    #expect(passed.status == 0)
    #expect(passed.stdout + passed.stderr == "0 errors, 0 warnings in 1 feed\n")
  }
}
