/// Kick-off times in the ways listings write them: `19:45`, `7.45pm`,
/// `8 p.m. ET`, `3 p.m. GMT/10 a.m. ET`, `20h45`, `21h`, `18u30`, `20.45 Uhr`,
/// `ore 20,45`, `(1500)`, `730pm`, `midnight`.
enum ClockShape {
  static let meridiems: [String: Bool] = ["am": false, "pm": true, "a": false, "p": true]

  static func scan(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices {
      if let w = line.element("clock-word", at: i), case .text(let v) = w.value, let (h, m) = hourMinute(v) {
        add(&line, i, w.end, hour: h, minute: m, fixed: true)
        continue
      }
      guard let h = line.number(i), t[i].text.count <= 4 else { continue }
      // H:MM, H.MM, H,MM (the comma only after a time word: `ore 20,45`).
      if h <= 24, line.glued(i + 1), line.glued(i + 2), i + 2 < t.count, t[i + 2].isNumber, t[i + 2].text.count == 2,
        let m = line.number(i + 2), m < 60,
        line.isMark(i + 1, ":") || line.isMark(i + 1, ".") || (line.isMark(i + 1, ",") && hasTimeWordBefore(line, i))
      {
        finish(&line, i, i + 3, hour: h, minute: m)
        continue
      }
      // `20h45`, `21h`, `18h30`: the French and Portuguese 24-hour clock;
      // `18u30`, the Flemish one (only with its minutes).
      if h <= 24, line.isWord(i + 1, ["u"]), line.glued(i + 1), let m = line.number(i + 2), line.glued(i + 2), m < 60,
        t[i + 2].text.count == 2
      {
        add(&line, i, i + 3, hour: h, minute: m, fixed: true)
        continue
      }
      if h <= 24, line.isWord(i + 1, ["h", "hs", "hrs"]), line.glued(i + 1) {
        if let m = line.number(i + 2), line.glued(i + 2), m < 60, t[i + 2].text.count == 2 {
          add(&line, i, i + 3, hour: h, minute: m, fixed: true)
        } else {
          add(&line, i, i + 2, hour: h, minute: 0, fixed: true)
        }
        continue
      }
      // `730pm`, `1530`, `(1900)`: three or four digits.
      if t[i].text.count >= 3, h % 100 < 60, h / 100 <= 24 {
        if meridiem(line, i + 1) != nil {
          finish(&line, i, i + 1, hour: h / 100, minute: h % 100)
        } else if t[i].text.count == 4, line.isMark(i - 1, "(") || line.isMark(i - 1, "/"),
          line.isMark(i + 1, ")") || line.isMark(i + 1, "/")
        {
          add(&line, i, i + 1, hour: h / 100, minute: h % 100, fixed: true)
        }
        continue
      }
      // `8pm`, `8 p.m.`, `ore 18`, `um 20 Uhr`.
      if h <= 12, meridiem(line, i + 1) != nil {
        finish(&line, i, i + 1, hour: h, minute: 0)
      } else if h <= 24, hasTimeWordBefore(line, i) || hasTimeWordAfter(line, i + 1) {
        finish(&line, i, i + 1, hour: h, minute: 0)
      }
    }
    joinZones(&line)
  }

  /// A time given in two zones (`3 p.m. GMT/10 a.m. ET`, `(1400/1300)`,
  /// `12 p.m. ET | 9 a.m. PT`) is one time, as written in full, read as the
  /// first.
  private static func joinZones(_ line: inout LineElements) {
    for first in line.elements(ofType: "time") {
      guard line.isMark(first.end, "/") || line.isMark(first.end, "|"),
        let second = line.elements(startingAt: first.end + 1).first(where: { $0.type == "time" })
      else { continue }
      line.add(Element(type: "time", start: first.start, end: second.end, value: first.value, tags: first.tags.union(["two-zones"])))
    }
  }

  /// Reads what follows a time's digits (am/pm, `Uhr`, a zone, a second
  /// zone's time after `/`) and adds the element.
  private static func finish(_ line: inout LineElements, _ start: Int, _ digitsEnd: Int, hour: Int, minute: Int) {
    var end = digitsEnd
    var h = hour
    // `12:30`: noon on either clock (half past midnight is written
    // `00:30` or with `a.m.`), so only 1 to 11 wait for an am or pm.
    var fixed = hour == 0 || hour >= 12
    if let (pm, next) = meridiem(line, end) {
      if h == 12 { h = 0 }
      if pm { h += 12 }
      fixed = true
      end = next
    } else if let after = line.elements(startingAt: end).first(where: { $0.type == "time-word" && $0.tags.contains("after") }) {
      fixed = true
      end = after.end
    } else if hasTimeWordBefore(line, start) {
      fixed = true
    }
    add(&line, start, end, hour: h, minute: minute, fixed: fixed)
  }

  private static func add(_ line: inout LineElements, _ start: Int, _ digitsEnd: Int, hour: Int, minute: Int, fixed: Bool) {
    var end = digitsEnd
    var offset: String?
    if let zone = line.element("time-zone", at: end), case .text(let v) = zone.value {
      // A zone's offset as the rules give it, read as any offset is: a
      // value out of range (`+14:30`) or not an offset (`varies`) gives none.
      offset = v.hasPrefix("+") || v.hasPrefix("-") ? UTCOffset.parse(v) : nil
      end = zone.end
    }
    var tags: Set<String> = []
    if !fixed { tags.insert("ambiguous") }
    line.add(
      Element(type: "time", start: start, end: end, value: .clock(hour: fixed ? hour : nil, minute: minute, offset: offset), tags: tags))
  }

  /// `pm`, `p.m.`, `PM` at token `i`: (is afternoon, the token after it).
  static func meridiem(_ line: LineElements, _ i: Int) -> (Bool, Int)? {
    let t = line.tokens
    guard i < t.count, t[i].isWord else { return nil }
    if t[i].folded.count == 2, let pm = meridiems[t[i].folded] { return (pm, i + 1) }
    if let pm = meridiems[t[i].folded], line.isMark(i + 1, "."), line.isWord(i + 2, ["m"]) {
      return (pm, line.isMark(i + 3, ".") ? i + 4 : i + 3)
    }
    return nil
  }

  private static func hasTimeWordBefore(_ line: LineElements, _ i: Int) -> Bool {
    line.elements(endingBefore: i).contains { $0.type == "time-word" && $0.tags.contains("before") }
  }

  private static func hasTimeWordAfter(_ line: LineElements, _ i: Int) -> Bool {
    line.elements(startingAt: i).contains { $0.type == "time-word" && $0.tags.contains("after") }
  }

  static func hourMinute(_ v: String) -> (Int, Int)? {
    let parts = v.split(separator: ":")
    guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
    return (h, m)
  }
}
