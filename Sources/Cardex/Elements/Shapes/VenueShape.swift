/// A venue written after a pairing: a venue link (`at`, `no`, `au`, `на`)
/// and the capitalised name after it, running to the row's end or to a
/// comma, a bracket, a time, a date or a channel (`India v Qualifier 1 at
/// WACA`, `Boca x River no Monumental, 21h`). Only after a pairing that is
/// not itself `at` or `@`, so that `Bears at Packers` stays a pairing, and
/// not over a competition's name (`Real v Bayern in Champions League`).
enum VenueShape {
  /// Elements a venue's name stops before.
  static let stops: Set<String> = ["time", "date", "channel", "score", "separator", "weekday", "competition", "stage", "venue-link"]

  static func scan(_ line: inout LineElements) {
    guard line.elements.contains(where: { $0.type == "venue-link" }) else { return }
    let t = line.tokens
    let pairings = line.elements.filter {
      ($0.type == "separator" && !$0.tags.contains("away-home")) || $0.type == "joined-dash" || $0.type == "result-verb"
    }
    for link in line.elements where link.type == "venue-link" {
      // Straight after the second side: only a name's words (and numbers
      // and marks) since the pairing (`… will be broadcast in Abu Dhabi` is
      // a sentence's).
      guard let pairing = pairings.filter({ $0.end < link.start }).map(\.end).max(), link.start - pairing <= 8,
        (pairing..<link.start).allSatisfy({ !t[$0].isWord || t[$0].isCapitalized || t[$0].isAllCaps || t[$0].isUncased })
      else { continue }
      var end = link.end
      var words = 0
      while end < t.count, words < 6, !line.elements(startingAt: end).contains(where: { stops.contains($0.type) }) {
        let tok = t[end]
        if tok.isWord, tok.isCapitalized || tok.isAllCaps || tok.isUncased {
          words += 1
          end += 1
        } else if words > 0, tok.isWord, CompetitionShape.connectors.contains(tok.folded), end + 1 < t.count, t[end + 1].isCapitalized {
          end += 1
        } else if words > 0, ["-", "'", "’"].contains(tok.text), !tok.spaceBefore, end + 1 < t.count, t[end + 1].isWord, !t[end + 1].spaceBefore {
          end += 1
        } else if words > 0, tok.isNumber, tok.spaceBefore, end + 1 == t.count {
          end += 1
        } else {
          break
        }
      }
      guard words > 0 else { continue }
      let closed =
        end == t.count || [",", "(", "|", ";", "-", "/", "."].contains(t[end].text)
        || line.elements(startingAt: end).contains { stops.contains($0.type) && $0.type != "separator" && $0.type != "venue-link" }
      guard closed else { continue }
      line.add(Element(type: "venue", start: link.start, end: end, value: .text(line.text(link.end, end))))
    }
  }
}
