/// A whole feed: what `cardex parse --format json` writes and `validate` reads.
public struct Feed: Codable, Sendable, Hashable {
  /// The feed schema version this build writes; see docs/feed.md.
  public static let currentSchemaVersion = 1

  public var schemaVersion: Int
  public var generator: String
  public var bouts: [Bout]
  public var fixtures: [Fixture]
  public var diagnostics: [Diagnostic]

  public init(bouts: [Bout] = [], fixtures: [Fixture] = [], diagnostics: [Diagnostic] = []) {
    self.schemaVersion = Self.currentSchemaVersion
    self.generator = "cardex"
    self.bouts = bouts
    self.fixtures = fixtures
    self.diagnostics = diagnostics
  }

  public mutating func append(_ item: ExtractedItem) {
    switch item {
    case .bout(let b): bouts.append(b)
    case .fixture(let f): fixtures.append(f)
    case .diagnostic(let d): diagnostics.append(d)
    case .explanation: break
    }
  }
}
