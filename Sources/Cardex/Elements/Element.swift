/// A typed piece of a line: a separator, a weight class, a kick-off time, a
/// fight record. Lexicons and shapes find elements; grammar rules compose
/// them into records.
public struct Element: Sendable, Hashable {
  /// The element type (`separator`, `weight-class`, `time`, `score` …).
  public var type: String
  /// Tokens `start..<end` of the line.
  public var start: Int
  public var end: Int
  public var value: ElementValue
  /// The lexicon entry's tags, or a shape's (`ambiguous`, `after-name`).
  public var tags: Set<String> = []
  /// The lexicon entry that spelled it, for `--explain`.
  public var entry: Int?

  public init(type: String, start: Int, end: Int, value: ElementValue = .none, tags: Set<String> = [], entry: Int? = nil) {
    self.type = type
    self.start = start
    self.end = end
    self.value = value
    self.tags = tags
    self.entry = entry
  }

  public var length: Int { end - start }
}

/// What an element means, typed.
public enum ElementValue: Sendable, Hashable {
  case none
  /// A lexicon entry's canonical value (`KO`, `versus`, `Lightweight`).
  case text(String)
  case number(Double)
  /// A time of day: 24-hour hour and minute when the text fixes them (nil
  /// hour for `7:45` with no am/pm), and the zone's offset when one is given.
  case clock(hour: Int?, minute: Int, offset: String?)
  /// A final score, in the order written.
  case score(Int, Int)
  case weight(Weight)
  /// A round number (`R2`, `round four`).
  case round(Int)
  /// Scheduled rounds (`12 rounds`, `5x3`).
  case rounds(Int)
  /// Minutes and seconds into a round, `m:ss`.
  case duration(String)
  case ranking(Int)
}
