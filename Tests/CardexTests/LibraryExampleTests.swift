import Foundation
import Testing

/// The README's "Use it from Swift" example is a package of its own that
/// depends on this one by path: built with `swift build` exactly as the
/// README prints it, run, and its output compared with the README's.
///
/// A real build of a second package (about 30 s on two cores: the library
/// compiles again in that package's own build folder), because what a
/// library user meets (the product's name, `public` access, the
/// `Package.swift` lines) only shows from outside the package.
@Suite struct LibraryExampleTests {
  /// The code blocks after the README's marker: `Package.swift`,
  /// `main.swift`, the printed output.
  static func readmeBlocks() throws -> [String] {
    let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
    guard let marker = readme.range(of: "<!-- LibraryExampleTests") else { return [] }
    var blocks: [String] = []
    var rest = readme[marker.upperBound...]
    while blocks.count < 3, let open = rest.range(of: "```"), let lineEnd = rest[open.upperBound...].firstIndex(of: "\n"),
      let close = rest[lineEnd...].range(of: "\n```")
    {
      blocks.append(String(rest[rest.index(after: lineEnd)..<close.lowerBound]) + "\n")
      rest = rest[close.upperBound...]
    }
    return blocks
  }

  @Test func readmeLibraryExampleBuildsAndPrintsWhatTheReadmeSays() throws {
    let blocks = try Self.readmeBlocks()
    try #require(blocks.count == 3, "README: no library example after the LibraryExampleTests marker")
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // The dependency is `../cardex`: this checkout under that name.
    try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("cardex"), withDestinationURL: Repo.root)
    let package = dir.appendingPathComponent("example")
    try FileManager.default.createDirectory(
      at: package.appendingPathComponent("Sources/example"), withIntermediateDirectories: true)
    try blocks[0].write(to: package.appendingPathComponent("Package.swift"), atomically: false, encoding: .utf8)
    try blocks[1].write(to: package.appendingPathComponent("Sources/example/main.swift"), atomically: false, encoding: .utf8)

    let build = try run(URL(fileURLWithPath: "/usr/bin/env"), ["swift", "build", "--package-path", package.path])
    try #require(build.status == 0, "\(build.stdout)\(build.stderr)")
    let example = try run(package.appendingPathComponent(".build/debug/example"), [])
    #expect(example.status == 0, "\(example.stderr)")
    #expect(example.stdout == blocks[2])
  }
}
