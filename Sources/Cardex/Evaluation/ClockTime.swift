/// The time of day a kick-off text names, as `HH:MM`, read the way the
/// corpus's `score.py` reads it, so that `cardex eval` and that script
/// agree on which kick-offs are right.
///
/// `4.45pm` → `16:45`, `midnight` → `00:00`, `1815` → `18:15`; a lone
/// number with neither minutes nor am/pm (`Saturday 15 March`) names no
/// time, and only the first number in the text is looked at.
enum ClockTime {
  nonisolated(unsafe) private static let fourDigits = try! Regex(#"^\s*([01]\d|2[0-3])([0-5]\d)\b"#)
    .wordBoundaryKind(.simple)
  nonisolated(unsafe) private static let firstTime = try! Regex(#"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?"#)
    .wordBoundaryKind(.simple)

  static func of(_ text: String?) -> String? {
    guard let text else { return nil }
    let t = text.lowercased()
    if t.hasPrefix("midnight") { return "00:00" }
    if t.hasPrefix("noon") { return "12:00" }
    if let m = try? fourDigits.prefixMatch(in: t), let h = m.output[1].substring, let mi = m.output[2].substring {
      return "\(h):\(mi)"
    }
    guard let m = try? firstTime.firstMatch(in: t) else { return nil }
    let minutes = m.output[2].substring
    let meridiem = m.output[3].substring
    if minutes == nil && meridiem == nil { return nil }
    guard let hs = m.output[1].substring, var h = Int(hs) else { return nil }
    let mi = minutes.flatMap { Int($0) } ?? 0
    if let meridiem {
      if h == 12 { h = 0 }
      if meridiem.hasPrefix("p") { h += 12 }
    }
    guard h < 24, mi < 60 else { return nil }
    return "\(h < 10 ? "0" : "")\(h):\(mi < 10 ? "0" : "")\(mi)"
  }

  /// The times a label's kick-off may stand for: `4.45` with no am/pm in a
  /// UK listing may be afternoon, so `16:45` is accepted too.
  static func accepted(forLabel text: String) -> Set<String> {
    guard let c = of(text) else { return [] }
    var out: Set<String> = [c]
    let lower = text.lowercased()
    let saysWhich = lower.contains("midnight") || lower.contains("noon") || (try? meridiemWord.firstMatch(in: lower)) != nil
    if !saysWhich, let h = Int(c.prefix(2)), h < 12 {
      out.insert("\(h + 12)\(c.dropFirst(2))")
    }
    return out
  }

  nonisolated(unsafe) private static let meridiemWord = try! Regex(#"[ap]\.?m"#)
}
