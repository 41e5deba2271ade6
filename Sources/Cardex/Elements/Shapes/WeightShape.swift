/// Weights written with a unit: a class limit (`67kg`, `-75 kg`, `205 lbs.`,
/// `до 58 кг`, `63,5 kg`) or a weigh-in (`155.5 lbs`).
enum WeightShape {
  static func scan(_ line: inout LineElements) {
    let t = line.tokens
    for i in t.indices where t[i].isNumber {
      guard let whole = line.number(i), whole > 0, whole < 1000 else { continue }
      var end = i + 1
      var value = Double(whole)
      // Decimals: `61,2`, `137.5`.
      if (line.isMark(end, ".") || line.isMark(end, ",")), line.glued(end), line.glued(end + 1), let frac = line.number(end + 1),
        t[end + 1].text.count <= 2
      {
        value += Double(frac) / (t[end + 1].text.count == 1 ? 10 : 100)
        end += 2
      }
      guard let unit = line.element("weight-unit", at: end), case .text(let u) = unit.value else {
        // `Lightweight, 155` in a results table: the class's limit in pounds.
        let afterClass = line.elements(endingBefore: i).contains { $0.type == "weight-class" }
          || (line.isMark(i - 1, ",") && line.elements(endingBefore: i - 1).contains { $0.type == "weight-class" })
        if afterClass, value >= 90, value <= 300, end == t.count || !t[end].isNumber {
          line.add(Element(type: "weight", start: i, end: end, value: .weight(.pounds(value, asWritten: line.text(i, end))), tags: ["bare"]))
        }
        continue
      }
      end = unit.end
      var start = i
      // `-75 kg`, `до 58 кг`, `up to 68kg`: the limit's own cue.
      if i > 0, line.isMark(i - 1, "-"), line.glued(i), i == 1 || t[i - 1].spaceBefore { start = i - 1 }
      if let cue = line.elements(endingBefore: i).first(where: { $0.type == "limit-cue" }) { start = cue.start }
      let weight = u == "kg" ? Weight.kilograms(value, asWritten: line.text(start, end)) : .pounds(value, asWritten: line.text(start, end))
      line.add(Element(type: "weight", start: start, end: end, value: .weight(weight)))
    }
  }
}
