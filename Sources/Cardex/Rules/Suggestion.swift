/// `" (did you mean 'x'?)"` when a known word is one or two edits away.
func didYouMean(_ word: String, _ known: [String]) -> String {
  // Ties go to a word with the same first letter, then alphabetically, so
  // the message is stable.
  let lower = word.lowercased()
  let best = known.map { k -> (String, Int, Int) in
    (k, editDistance(Array(lower.utf8), Array(k.lowercased().utf8)), k.lowercased().first == lower.first ? 0 : 1)
  }.min { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }
  if let best, best.1 <= max(2, word.count / 3) { return " (did you mean '\(best.0)'?)" }
  return ""
}

/// Levenshtein distance on bytes; used for typo correction and suggestions.
func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var prev = Array(0...b.count)
  var cur = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    cur[0] = i
    for j in 1...b.count {
      cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&prev, &cur)
  }
  return prev[b.count]
}
