/// The outcome of a bout, for formats that print results.
public struct BoutResult: Codable, Sendable, Hashable {
  /// The winner's name as in `fighters`, nil for a draw or no contest.
  public var winner: String?
  /// The method as written (`TKO`, `submission (RNC)`, `unanimous decision`).
  public var method: String?
  /// The round the bout ended in.
  public var round: Int?
  /// Time into that round, `m:ss`.
  public var time: String?
  /// The method's canonical name (`KO`, `TKO`, `Submission`, `Unanimous
  /// Decision`, `Points`, `DQ`, `No Contest`, `Draw` …), when the rules know
  /// the method.
  public var methodCanonical: String?

  public init(winner: String?, method: String? = nil, round: Int? = nil, time: String? = nil) {
    self.winner = winner
    self.method = method
    self.round = round
    self.time = time
  }
}
