/// A team's goal scorers in brackets after its score, as British papers
/// print results: `Liverpool 3 (Salah 12, 45, Nunez 80) Everton 0`, `Hearts
/// 2 (Shankland 12 pen, 56) Hibernian 1 (Boyle 78)`. Read as one element
/// over the brackets, so that the next team's name starts after them.
enum ScorersShape {
  /// Words a scorer's minute may carry (a penalty, an own goal).
  static let marks: Set<String> = ["pen", "pens", "p", "og", "o.g", "pk", "rig", "sp"]

  static func scan(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices where line.isMark(i, "(") && i > 0 && line.number(i - 1) != nil {
      guard let close = line.closing[i], close - i >= 3, close - i <= 40 else { continue }
      var names = 0
      var minutes = 0
      var fits = true
      for k in i + 1..<close {
        let tok = t[k]
        if tok.isWord, tok.isCapitalized || tok.isAllCaps || tok.isUncased {
          names += 1
        } else if tok.isWord, marks.contains(tok.folded) || line.has("name-particle", at: k) {
          continue
        } else if let m = line.number(k), m >= 1, m <= 130 {
          minutes += 1
        } else if ![",", ";", "+", "'", ".", "-"].contains(tok.text) {
          fits = false
          break
        }
      }
      // A name and its minute at least; never a result's brackets (`(2-1)`).
      guard fits, names >= 1, minutes >= 1, !line.elements.contains(where: { $0.type == "score" && $0.start > i && $0.end <= close }) else {
        continue
      }
      line.add(Element(type: "scorers", start: i, end: close + 1))
    }
  }
}
