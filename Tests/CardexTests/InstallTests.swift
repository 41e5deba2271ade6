import Foundation
import Testing

/// `scripts/install.sh` puts the binary, the shipped rules, the man page and
/// the shell completions under a prefix, and the installed binary runs from
/// any folder: it finds its rules under `PREFIX/share/cardex/Rules` on its
/// own, not through the checkout or `$CARDEX_RULES`.
@Suite struct InstallTests {
  static let script = Repo.root.appendingPathComponent("scripts/install.sh").path
  static let installed = [
    "bin/cardex", "share/cardex/Rules/evidence.yaml", "share/man/man1/cardex.1",
    "share/bash-completion/completions/cardex", "share/zsh/site-functions/_cardex",
    "share/fish/vendor_completions.d/cardex.fish",
  ]

  @Test func installedBinaryRunsFromAnotherFolderWithTheInstalledRules() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let prefix = dir.appendingPathComponent("prefix")
    let install = try run(
      URL(fileURLWithPath: "/usr/bin/env"), ["bash", Self.script, "--prefix", prefix.path, "--binary", Repo.binary.path])
    #expect(install.status == 0, "\(install.stderr)")
    for path in Self.installed {
      let size = (try? FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent(path).path)[.size]) as? Int
      #expect((size ?? 0) > 0, "\(path) was not installed")
    }
    #expect(try Self.files(in: prefix.appendingPathComponent("share/cardex/Rules")) == Self.files(in: URL(fileURLWithPath: Repo.rules)))

    // From a folder with no Rules/ and no Package.swift above it, with no
    // CARDEX_RULES: only the installed rules can be found.
    let elsewhere = dir.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: false)
    try FileManager.default.copyItem(
      at: Repo.fixtures.appendingPathComponent("the-national-2019-12-30.txt"), to: elsewhere.appendingPathComponent("article.txt"))
    let r = try Self.runInstalled(prefix, ["parse", "-q", "--format", "ndjson", "article.txt"], cwd: elsewhere)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.filter { $0.contains(#""type":"bout""#) }.count == 11)
    #expect(lines.filter { $0.contains(#""type":"fixture""#) }.count == 1)
    #expect(try Self.runInstalled(prefix, ["rules", "test"], cwd: elsewhere).status == 0)
  }

  /// The man page is written by hand; it must name every option `--help`
  /// shows, so that an option added to a command is added there too.
  @Test func manPageNamesEveryOptionHelpShows() throws {
    let page = try String(contentsOf: Repo.root.appendingPathComponent("docs/cardex.1"), encoding: .utf8)
      .replacingOccurrences(of: "\\-", with: "-")
    for shown in try ShownOptions.all() {
      let section = page.contains(".SS \"cardex \(shown.command)")
      #expect(section, "docs/cardex.1 has no section for 'cardex \(shown.command)'")
      for name in shown.names {
        let named = page.range(of: ShownOptions.pattern(name), options: .regularExpression) != nil
        #expect(named, "docs/cardex.1 does not name 'cardex \(shown.command) \(name)'")
      }
    }
  }

  /// Relative paths of the files under `folder`, sorted.
  static func files(in folder: URL) throws -> [String] {
    let base = folder.resolvingSymlinksInPath().path + "/"
    let walker = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
    var found: [String] = []
    while let url = walker?.nextObject() as? URL {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        found.append(String(url.resolvingSymlinksInPath().path.dropFirst(base.count)))
      }
    }
    return found.sorted()
  }

  /// Runs `PREFIX/bin/cardex` in `cwd` with `$CARDEX_RULES` unset.
  static func runInstalled(_ prefix: URL, _ arguments: [String], cwd: URL) throws -> CommandResult {
    try run(
      URL(fileURLWithPath: "/usr/bin/env"), ["-u", "CARDEX_RULES", prefix.appendingPathComponent("bin/cardex").path] + arguments,
      cwd: cwd)
  }
}
