/// The range of UTC offsets a feed and a rule file may give.
///
/// The clocks in use on Earth run from −12:00 (Baker Island) to +14:00
/// (Line Islands), so `+14:30` or `-12:59` is a typing mistake: `validate`,
/// the rule loader and `UTCOffset.parse` (offsets read from text) refuse it
/// with the one bound, `UTCOffset.minutesRange`.
extension UTCOffset {
  /// The minutes east of UTC of a normalized `±HH:MM` offset, or nil when
  /// `text` does not have that form.
  static func minutes(_ text: String) -> Int? {
    let parts = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
    guard let sign = text.first, sign == "+" || sign == "-", parts.count == 2,
      parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]), m < 60
    else { return nil }
    return (sign == "-" ? -1 : 1) * (h * 60 + m)
  }

  /// Whether a normalized `±HH:MM` offset lies within −12:00 … +14:00.
  static func isInRange(_ normalized: String) -> Bool {
    minutes(normalized).map(minutesRange.contains) ?? false
  }
}
