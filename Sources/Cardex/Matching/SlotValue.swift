/// What a slot captured, already parsed by its scanner.
public enum SlotValue: Sendable, Hashable {
  case text
  /// A weight-class spelling (lower-cased) and whether it was corrected from
  /// a one-letter typo, and whether a women's prefix came first.
  case weightClass(spelling: String, corrected: Bool, women: Bool)
  case weight(Weight)
  /// `zoned` is true when the text printed a zone (`8pm ET`), even one with
  /// no fixed offset: then the format's time zone does not apply.
  case clock(local: String?, offset: String?, zoned: Bool)
  case int(Int)
  case score(Score)
  case competition(CompetitionLexicon.Entry)
}

/// One filled slot: where it is in the normalized line and what it holds.
public struct Capture: Sendable, Hashable {
  /// Read-only outside: `key` is worked out from it.
  public private(set) var field: String
  public var text: String
  public var value: SlotValue
  /// The field's slot in `FieldValues`, or -1.
  var key: Int8

  init(field: String, text: String, value: SlotValue) {
    self.init(field: field, key: FieldValues.key(of: field), text: text, value: value)
  }

  /// With the field's slot already known (`CompiledPatterns.fieldKeys`).
  init(field: String, key: Int8, text: String, value: SlotValue) {
    self.field = field
    self.key = key
    self.text = text
    self.value = value
  }

  /// A value given by a rule's `set:`, read with the scanner of the field's
  /// type, so that `set: {round: 3}` or `set: {limit: 145 lb}` is as typed
  /// as a slot would make it.
  init(field: String, setValue text: String, rules: RuleSet) {
    self.field = field
    self.key = FieldValues.key(of: field)
    self.text = text
    let bytes = TextNormalizer.normalize(ArraySlice(Array(text.utf8)))
    self.value = bytes.withUnsafeBufferPointer { line in
      let scanner = SlotScanner(rules: rules, line: line)
      return scanner.candidates(SlotType.implied(by: field), at: 0, isLast: true).first { $0.end == line.count }?.value
    } ?? .text
  }
}
