/// A competitor written first in a run of comma fields, the fields after it
/// its age, home town, club or country, the second competitor's fields
/// after its name the same way: `Louis Byrd, 17, Denver, vs. Malcolm
/// Franklin, 18, Rialto`, `Byrd, Colorado-New Mexico, dec. Stephen Young,
/// St. Louis, 4-1` (agate results), `5. 54 kg, Kivistö Kristiina, VN –
/// Ussik Julia, HETA, 27–11`.
extension SideFinder {
  /// Marks that open a field run: the line's start, a label's colon, a
  /// list's semicolon, a cell mark.
  static let fieldRunOpeners: Set<String> = [";", ":", "|", "•"]

  /// Element types a field before the name may be made of alone (`5. 54
  /// kg, Kivistö Kristiina, VN – …`): the record's, not the name's.
  static let leadFieldTypes: Set<String> = ["ordinal", "bullet", "weight", "weight-class", "time", "date", "weekday", "rounds", "stage"]
  /// Elements no field holds: another pairing.
  static let pairingTypes: Set<String> = ["separator", "result-verb", "score"]
  /// Elements a pairing word is, for the second name's fields.
  static let anchorTypes: Set<String> = ["separator", "result-verb", "method"]
  /// Elements that begin the record's own fields after a name's.
  static let recordFieldTypes: Set<String> = ["score", "method", "round", "time", "duration"]
  /// Marks a place's name holds (`St.`, `Colorado-New Mexico`, `Lee's`).
  static let placeMarks: Set<String> = [".", "-", "'", "’"]

  func firstField(endingBefore p: Int) -> Side? {
    let t = line.tokens
    // The run's start, and its fields between commas; a comma may close
    // the run before the pairing word. Cheap tests first: a run of at most
    // forty tokens and seven commas.
    let runEnd = line.isMark(p - 1, ",") ? p - 1 : p
    var b = runEnd
    var commas = 0
    while b > 0, runEnd - b < 40, !(t[b - 1].isPunctuation && Self.fieldRunOpeners.contains(t[b - 1].text)) {
      b -= 1
      if line.isMark(b, ",") { commas += 1 }
    }
    let opened = b == 0 || (t[b - 1].isPunctuation && Self.fieldRunOpeners.contains(t[b - 1].text))
    guard commas >= 1, commas <= 7, opened else { return nil }
    var fields: [Range<Int>] = []
    var start = b
    for i in b..<runEnd where line.isMark(i, ",") {
      fields.append(start..<i)
      start = i + 1
    }
    fields.append(start..<runEnd)
    while fields.count > 2, isLeadField(fields[0]) { fields.removeFirst() }
    guard (2...5).contains(fields.count), fields.allSatisfy({ !$0.isEmpty }), fields.dropFirst().allSatisfy(isPlaceOrAge) else { return nil }
    // Each later field a number (an age) or a few words of a place, and no
    // pairing in any of them.
    let run = fields[0].lowerBound..<runEnd
    if line.elements.contains(where: { Self.pairingTypes.contains($0.type) && $0.start < run.upperBound && $0.end > run.lowerBound }) { return nil }
    // The second name has its fields too (`Malcolm Franklin, 18, Rialto`):
    // a run of commas on one side only is a list (`Colors Titanium Black,
    // Titanium Gray, beat …`).
    guard let anchor = line.elements(startingAt: p).filter({ Self.anchorTypes.contains($0.type) }).map(\.end).max(),
      let right = rightward(from: anchor).first, right.notes.contains(where: { line.isMark($0.start, ",") })
    else { return nil }
    // The first field is a name, whole.
    let first = fields[0]
    guard var side = leftward(endingBefore: first.upperBound, fields: false), side.start == first.lowerBound || side.nameStart == first.lowerBound
    else { return nil }
    for f in fields.dropFirst() {
      let written = line.text(f.lowerBound, f.upperBound)
      let country = line.elements.first { $0.type == "country" && $0.start == f.lowerBound && $0.end == f.upperBound }
      side.notes.append(Side.Note(kind: country == nil ? .text : .country, start: f.lowerBound, end: f.upperBound, text: written, country: country == nil ? nil : written))
    }
    side.end = p
    return side
  }

  /// A field of the record's own elements: a number, a weight, a time.
  func isLeadField(_ f: Range<Int>) -> Bool {
    let covered = line.elements.filter { Self.leadFieldTypes.contains($0.type) && $0.start >= f.lowerBound && $0.end <= f.upperBound }
    return f.allSatisfy { i in
      !(line.tokens[i].isWord || line.tokens[i].isNumber) || covered.contains { $0.start <= i && i < $0.end }
    }
  }

  /// An age (`17`) or a place of a few capitalised words (`Rialto`,
  /// `Colorado-New Mexico`, `Calif.`).
  func isPlaceOrAge(_ f: Range<Int>) -> Bool {
    let t = line.tokens
    if f.count == 1, let n = line.number(f.lowerBound), n >= 8, n <= 80 { return true }
    let words = f.filter { t[$0].isWord }
    // A full stop only after an abbreviation (`St.`, `Calif.`), not at a
    // sentence's end (`Komárek. Vyloučení`).
    let abbreviated = f.allSatisfy { !line.isMark($0, ".") || ($0 > f.lowerBound && t[$0 - 1].text.count <= 5) }
    return (1...4).contains(words.count) && words.allSatisfy({ t[$0].isCapitalized || t[$0].isAllCaps || t[$0].isUncased })
      && f.allSatisfy({ t[$0].isWord || Self.placeMarks.contains(t[$0].text) }) && abbreviated
  }

  /// After a name, the comma fields of its age and home town up to the
  /// end of its part of the line (`Malcolm Franklin, 18, Rialto, Calif.`;
  /// `Stephen Young, St. Louis, 4-1;`: the judges' vote is the record's).
  /// Nil unless every field is one.
  func fieldNotes(from i: Int) -> [Side.Note]? {
    let t = line.tokens
    guard line.isMark(i, ",") else { return nil }
    var notes: [Side.Note] = []
    var start = i + 1
    var k = start
    while true {
      let atEnd = k == t.count || (t[k].isPunctuation && (Self.fieldRunOpeners.contains(t[k].text) || t[k].text == ","))
      if !atEnd {
        k += 1
        continue
      }
      let f = start..<k
      // The record's own fields end the name's (a score, a method, a time).
      if !f.isEmpty, line.elements(startingAt: f.lowerBound).contains(where: { Self.recordFieldTypes.contains($0.type) }) {
        break
      }
      guard !f.isEmpty, isPlaceOrAge(f), !line.elements.contains(where: { $0.type == "separator" && $0.start < k && $0.end > start }) else { return nil }
      notes.append(Side.Note(kind: .text, start: f.lowerBound - 1, end: k, text: line.text(f.lowerBound, k)))
      if k == t.count || t[k].text != "," { break }
      start = k + 1
      k = start
    }
    return notes.isEmpty ? nil : notes
  }
}
