/// A division as written on the card and as the rules' table names it.
public struct WeightClass: Codable, Sendable, Hashable {
  /// Exactly as printed (`Lighweight`, `Women’s Strawweight`, `peso galo`).
  public var asWritten: String
  /// Canonical English name (`Lightweight`, `Women's Strawweight`).
  public var canonical: String
  /// True for a women's division.
  public var women: Bool
  /// The upper limit of the class in the table that applies (sport and
  /// ruleset), nil for catchweight, open or unlimited classes.
  public var classLimit: Weight?

  public init(asWritten: String, canonical: String, women: Bool = false, classLimit: Weight? = nil) {
    self.asWritten = asWritten
    self.canonical = canonical
    self.women = women
    self.classLimit = classLimit
  }
}
