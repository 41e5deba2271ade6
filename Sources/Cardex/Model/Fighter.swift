/// One side of a bout.
public struct Fighter: Codable, Sendable, Hashable {
  /// The name as written, with whitespace normalized and status marks such as
  /// `(c)`, `©` or a `Champ` prefix removed (they set the bout's title flag).
  public var name: String
  public var country: Country?

  public init(name: String, country: Country? = nil) {
    self.name = name
    self.country = country
  }
}
