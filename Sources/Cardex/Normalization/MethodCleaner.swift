/// Splits a round written into the method out of it: `second-round TKO` is
/// method `TKO` in round 2.
enum MethodCleaner {
  static func clean(_ raw: String) -> (method: String, round: Int?) {
    // Most methods (`KO`, `Submission (rear-naked choke)`) hold no
    // `-round`: one pass over the bytes instead of splitting into words.
    guard mentionsRound(raw) else { return (raw, nil) }
    let words = raw.split(separator: " ", maxSplits: 1).map(String.init)
    guard words.count == 2 else { return (raw, nil) }
    let head = words[0].lowercased()
    guard head.hasSuffix("-round") else { return (raw, nil) }
    let ordinal = String(head.dropLast("-round".count))
    if let v = ordinals[ordinal] { return (words[1], v) }
    return (raw, nil)
  }

  private static let suffix: [UInt8] = Array("-round".utf8)

  /// English ordinals as they stand before `-round`.
  static let ordinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
  ]

  /// Whether `-round` occurs anywhere, in any case: a necessary condition
  /// for a first word ending in it.
  private static func mentionsRound(_ raw: String) -> Bool {
    var raw = raw
    return raw.withUTF8 { bytes in
      guard bytes.count >= suffix.count else { return false }
      for start in 0...(bytes.count - suffix.count) where bytes[start] == 45 {
        if (1..<suffix.count).allSatisfy({ (bytes[start + $0] | 0x20) == suffix[$0] }) { return true }
      }
      return false
    }
  }
}
