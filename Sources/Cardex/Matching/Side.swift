/// A competitor as a line writes it: the name, and the notes around it
/// (a country, a fight record, a ranking, a champion mark, a weigh-in).
public struct Side: Sendable, Hashable {
  /// What a note beside a name says.
  public enum NoteKind: String, Sendable, Hashable {
    case country, record = "fight-record", weighIn = "weigh-in", ranking, champion = "champion-mark", odds, text
    /// A won-or-lost sign before the name (`○`, `●`): its text is `win` or `loss`.
    case outcome = "result-mark"
  }

  public struct Note: Sendable, Hashable {
    public var kind: NoteKind
    /// Tokens of the note, brackets included.
    public var start: Int
    public var end: Int
    /// The note's text without its brackets (`MAR`, `24-0, 19 KOs`).
    public var text: String
    /// For a country note, the country as written (`Sweden` in `(0-0, Sweden)`).
    public var country: String?
  }

  /// Tokens of the name.
  public var nameStart: Int
  public var nameEnd: Int
  public var notes: [Note]
  /// Tokens of the name and its notes.
  public var start: Int
  public var end: Int
  /// Words in the name.
  public var words: Int

  public var country: String? { notes.first { $0.country != nil }?.country }
  public func has(_ kind: NoteKind) -> Bool { notes.contains { $0.kind == kind } }
}

extension Side {
  /// The side a won-or-lost sign marks the winner: the one marked `win`,
  /// or the other one when only a `loss` is marked; nil when the signs
  /// disagree or there are none.
  public static func markedWinner(_ sides: [Side]) -> Int? {
    let marks = sides.map { s in s.notes.first { $0.kind == .outcome }?.text }
    switch (marks[0], marks[1]) {
    case ("win"?, "loss"?), ("win"?, nil), (nil, "loss"?): return 0
    case ("loss"?, "win"?), ("loss"?, nil), (nil, "win"?): return 1
    default: return nil
    }
  }
}
