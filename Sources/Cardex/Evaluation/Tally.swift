/// Labelled records against found ones, for one kind of record, one
/// document, or a whole corpus.
public struct RecordTally: Sendable, Hashable {
  /// Records the labels list.
  public var expected = 0
  /// Records cardex gave.
  public var found = 0
  /// Found records paired with a labelled one.
  public var matched = 0

  public init(expected: Int = 0, found: Int = 0, matched: Int = 0) {
    self.expected = expected
    self.found = found
    self.matched = matched
  }

  /// 1 when nothing was found and nothing was expected, as `score.py` counts.
  public var precision: Double { found > 0 ? Double(matched) / Double(found) : (expected == 0 ? 1 : 0) }
  public var recall: Double { expected > 0 ? Double(matched) / Double(expected) : 1 }
  public var f1: Double {
    let p = precision
    let r = recall
    return p + r > 0 ? 2 * p * r / (p + r) : 0
  }

  public static func + (a: RecordTally, b: RecordTally) -> RecordTally {
    RecordTally(expected: a.expected + b.expected, found: a.found + b.found, matched: a.matched + b.matched)
  }
}

/// How often one field of paired records was right.
public struct FieldTally: Sendable, Hashable {
  public var checked = 0
  public var correct = 0

  public init(checked: Int = 0, correct: Int = 0) {
    self.checked = checked
    self.correct = correct
  }

  /// 1 when nothing was checked.
  public var accuracy: Double { checked > 0 ? Double(correct) / Double(checked) : 1 }

  public static func + (a: FieldTally, b: FieldTally) -> FieldTally {
    FieldTally(checked: a.checked + b.checked, correct: a.correct + b.correct)
  }
}
