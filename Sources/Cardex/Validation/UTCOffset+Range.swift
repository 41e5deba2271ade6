/// The range of UTC offsets a feed and a rule file may give.
///
/// `UTCOffset.parse` reads the form (`+4`, `UTC+04:00`) and lets any hour up
/// to 14 through; the clocks in use on Earth run from −12:00 (Baker Island)
/// to +14:00 (Line Islands), so `+14:30` or `-12:59` is a typing mistake,
/// and `validate` and the rule loader refuse it with the same bound.
extension UTCOffset {
  /// −12:00 … +14:00, in minutes east of UTC.
  static let minutesRange = (-12 * 60)...(14 * 60)

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
