/// Splits a round written into the method out of it: `second-round TKO` is
/// method `TKO` in round 2.
enum MethodCleaner {
  static func clean(_ raw: String) -> (method: String, round: Int?) {
    let words = raw.split(separator: " ", maxSplits: 1).map(String.init)
    guard words.count == 2 else { return (raw, nil) }
    let head = words[0].lowercased()
    guard head.hasSuffix("-round") else { return (raw, nil) }
    let ordinal = String(head.dropLast("-round".count))
    if let v = SlotScanner.ordinals.first(where: { $0.0 == ordinal })?.1 { return (words[1], v) }
    return (raw, nil)
  }
}
