/// How cardex did on one labelled document.
public struct DocumentEvaluation: Sendable, Hashable {
  public enum RecordKind: String, Sendable, Hashable { case bout, fixture }

  /// A labelled record cardex did not give, or a record it gave that the
  /// labels do not list.
  public struct Discrepancy: Sendable, Hashable {
    public var kind: RecordKind
    public var line: Int?
    /// The two fighters, or home and away.
    public var names: [String]
    /// The text of `line`, as read.
    public var raw: String?
    /// For a miss: what cardex said about the line (its near miss), nil
    /// when it said nothing.
    public var reason: String?
  }

  /// A field of a paired record that disagrees with its label.
  public struct WrongField: Sendable, Hashable {
    public var kind: RecordKind
    public var line: Int?
    public var names: [String]
    public var field: EvaluatedField
    public var expected: String
    public var got: String
  }

  /// The document's name (`004`) and its text file.
  public var name: String
  public var path: String
  public var language: String?
  public var sport: String?
  public var layout: String?
  public var negative: Bool
  public var bouts = RecordTally()
  public var fixtures = RecordTally()
  public var fields: [EvaluatedField: FieldTally] = [:]
  public var misses: [Discrepancy] = []
  public var extras: [Discrepancy] = []
  public var wrongFields: [WrongField] = []
  /// Near misses cardex reported on lines that hold no labelled record.
  public var nearMissesElsewhere = 0

  public var overall: RecordTally { bouts + fixtures }

  /// Misses that cardex reported as a near miss.
  public var reportedMisses: Int { misses.filter { $0.reason != nil }.count }
}
