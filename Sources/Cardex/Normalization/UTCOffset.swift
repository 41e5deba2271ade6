import Foundation

/// Reads the UTC offsets that formats and headings give for their times.
enum UTCOffset {
  /// −12:00 … +14:00, in minutes east of UTC: the clocks in use on Earth
  /// run from Baker Island to the Line Islands. The one definition: what
  /// `parse` reads from text and rule files, and what `validate` accepts
  /// in a feed (`isInRange`).
  static let minutesRange = (-12 * 60)...(14 * 60)

  /// Normalizes `+4`, `+04:00`, `UTC+4`, `GMT`, `UTC` to `±HH:MM`; nil for
  /// anything else, and for an offset outside `minutesRange` (`+14:30`,
  /// `UTC-12:59`: a typing mistake, not a clock).
  static func parse(_ text: String) -> String? {
    guard let normalized = form(text), isInRange(normalized) else { return nil }
    return normalized
  }

  /// `parse` without the range: the `±HH:MM` form of `text`, whatever the
  /// hour (up to 14) — for a message that says the offset is out of range
  /// rather than unreadable.
  static func form(_ text: String) -> String? {
    var s = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
    for prefix in ["UTC", "GMT"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
    if s.isEmpty { return "+00:00" }
    guard let sign = s.first, sign == "+" || sign == "-" else { return nil }
    s = s.dropFirst()
    let parts = s.split(separator: ":")
    guard (1...2).contains(parts.count), let h = Int(parts[0]), h <= 14 else { return nil }
    let m = parts.count == 2 ? Int(parts[1]) : 0
    guard let m, m < 60 else { return nil }
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(sign)\(two(h)):\(two(m))"
  }

  /// Fixed offsets of zone abbreviations printed after times. Zones that
  /// change with daylight saving (ET, PT) are left out: their offset depends
  /// on the date.
  static let abbreviations: [String: String] = [
    "GMT": "+00:00", "UTC": "+00:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00",
    "GST": "+04:00", "UAE": "+04:00", "IST": "+05:30", "AEST": "+10:00",
  ]
}
