/// Matches one pattern variant against a whole normalized line.
///
/// A small backtracking walk: literals and spaces must match where they
/// stand; a slot offers the places it could end (best first) and the walk
/// tries each until the rest of the variant matches to the end of the line.
/// Lines are short and reach here only after the prefilter, so backtracking
/// stays cheap.
struct PatternMatcher {
  let scanner: SlotScanner

  /// The captures, in pattern order, if `variant` matches the whole line.
  func match(_ variant: [Pattern.Element]) -> [(field: String, start: Int, end: Int, value: SlotValue)]? {
    guard literalsInOrder(variant) else { return nil }
    var furthest = Progress(offset: 0, element: 0)
    return match(variant, furthest: &furthest)
  }

  /// A cheap necessary condition: the variant's literals (`(`, `:`, ` def. `)
  /// occur in the line in their order. Most failing variants fail here,
  /// before any slot is scanned.
  private func literalsInOrder(_ variant: [Pattern.Element]) -> Bool {
    let line = scanner.line
    var pos = 0
    for case .literal(let bytes) in variant {
      guard let first = bytes.first else { continue }
      var found = false
      while pos + bytes.count <= line.count {
        if asciiLower(line[pos]) == first {
          var k = 1
          while k < bytes.count, asciiLower(line[pos + k]) == bytes[k] { k += 1 }
          if k == bytes.count {
            found = true
            break
          }
        }
        pos += 1
      }
      guard found else { return false }
      pos += bytes.count
    }
    return true
  }

  /// How far a failed match got: the byte offset of the furthest element
  /// tried, and that element's index. Near-miss reports name the pattern
  /// that got furthest and what it expected there.
  struct Progress {
    var offset: Int
    var element: Int
  }

  /// As `match(_:)`, also recording the furthest point reached.
  func match(
    _ variant: [Pattern.Element], furthest: inout Progress
  ) -> [(field: String, start: Int, end: Int, value: SlotValue)]? {
    var run = Run(variant: variant, scanner: scanner)
    let matched = run.step(0, 0)
    furthest = run.best
    guard matched else { return nil }
    return run.captures.map { c in
      guard case .slot(let field, _) = variant[c.element] else { return ("_", c.start, c.end, c.value) }
      return (field, c.start, c.end, c.value)
    }
  }

  /// One walk of one variant. A struct with a mutating `step`, not a nested
  /// function: captured locals would be boxed and checked for exclusive
  /// access on every step.
  private struct Run {
    let variant: [Pattern.Element]
    let scanner: SlotScanner
    var captures: [(element: Int, start: Int, end: Int, value: SlotValue)] = []
    var budget = 20_000
    var best = Progress(offset: 0, element: 0)

    init(variant: [Pattern.Element], scanner: SlotScanner) {
      self.variant = variant
      self.scanner = scanner
    }

    mutating func step(_ i: Int, _ pos: Int) -> Bool {
      let line = scanner.line
      budget -= 1
      if budget < 0 { return false }
      if i > best.element || (i == best.element && pos > best.offset) { best = Progress(offset: pos, element: i) }
      if i == variant.count { return pos == line.count }
      switch variant[i] {
      case .literal(let bytes):
        guard pos + bytes.count <= line.count else { return false }
        for k in 0..<bytes.count where asciiLower(line[pos + k]) != bytes[k] { return false }
        return step(i + 1, pos + bytes.count)
      case .space:
        guard pos < line.count, line[pos] == 32 else { return false }
        return step(i + 1, pos + 1)
      case .choice(let options):
        for bytes in options where pos + bytes.count <= line.count {
          var ok = true
          for k in 0..<bytes.count where asciiLower(line[pos + k]) != bytes[k] {
            ok = false
            break
          }
          if ok, step(i + 1, pos + bytes.count) { return true }
        }
        return false
      case .slot(_, let type):
        let isLast = i == variant.count - 1
        if type == .text, !isLast {
          // A text slot ends only where the next element can start.
          let next = PatternMatcher.firstByte(of: variant[i + 1])
          var end = pos + 1
          while end <= line.count {
            if next == nil || (end < line.count && asciiLower(line[end]) == next!) {
              captures.append((i, pos, end, .text))
              if step(i + 1, end) { return true }
              captures.removeLast()
            }
            end += 1
          }
          return false
        }
        if type == .text {
          // The last slot of the variant, and text: the rest of the line.
          guard pos < line.count else { return false }
          captures.append((i, pos, line.count, .text))
          if step(i + 1, line.count) { return true }
          captures.removeLast()
          return false
        }
        for k in scanner.candidateRange(type, at: pos, isLast: isLast) {
          let c = scanner.memo.pool[k]
          captures.append((i, pos, c.end, c.value))
          if step(i + 1, c.end) { return true }
          captures.removeLast()
        }
        return false
      }
    }
  }

  static func firstByte(of element: Pattern.Element) -> UInt8? {
    switch element {
    case .literal(let b): b.first
    case .space: 32
    default: nil
    }
  }
}
