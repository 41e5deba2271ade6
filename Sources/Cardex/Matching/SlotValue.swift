/// What a slot captured, already parsed by its scanner.
public enum SlotValue: Sendable, Hashable {
  case text
  /// A weight-class spelling (lower-cased) and whether it was corrected from
  /// a one-letter typo, and whether a women's prefix came first.
  case weightClass(spelling: String, corrected: Bool, women: Bool)
  case weight(Weight)
  case clock(local: String?, offset: String?)
  case int(Int)
  case score(Score)
  case competition(CompetitionLexicon.Entry)
}

/// One filled slot: where it is in the normalized line and what it holds.
public struct Capture: Sendable, Hashable {
  public var field: String
  public var text: String
  public var value: SlotValue
}
