#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Matches one pattern variant against a whole normalized line.
///
/// A small backtracking walk: literals and spaces must match where they
/// stand; a slot offers the places it could end (best first) and the walk
/// tries each until the rest of the variant matches to the end of the line.
/// Lines are short and reach here only after the prefilter, so backtracking
/// stays cheap. The walk reads `CompiledPatterns` and writes its captures
/// into `Captures`, reused line after line: it allocates nothing.
struct PatternMatcher {
  let scanner: SlotScanner
  let compiled: CompiledPatterns
  let captures: Captures
  /// The line in lower case (ASCII letters only), where literals are
  /// looked for with `memchr`.
  let lowered: UnsafeBufferPointer<UInt8>

  /// One filled slot of the last match: its element, where it stands, and
  /// its candidate in the scanner's pool (-1 for text).
  struct Capture {
    var element: Int32
    var start: Int32
    var end: Int32
    var candidate: Int32
  }

  /// The captures of the walk under way, in raw memory owned by a session.
  /// Like `SlotScanner.Memo`, one session's alone: no run-time
  /// exclusivity checks on its count.
  final class Captures {
    let slots: UnsafeMutableBufferPointer<Capture>
    @exclusivity(unchecked) var count = 0

    init(capacity: Int) {
      slots = .allocate(capacity: max(capacity, 1))
    }

    deinit {
      slots.deallocate()
    }
  }

  /// The captures, in pattern order, if variant `v` matches the whole
  /// line. Made straight from the walk's slots: one array per match.
  func match(_ v: Int) -> [Cardex.Capture]? {
    guard literalsInOrder(v) else { return nil }
    var furthest = Progress(offset: 0, element: 0)
    guard match(v, furthest: &furthest) else { return nil }
    let fields = compiled.fields[v]
    let keys = compiled.fieldKeys[v]
    return (0..<captures.count).map { k in
      let c = captures.slots[k]
      let value = c.candidate < 0 ? SlotValue.text : scanner.memo.pool[Int(c.candidate)].value
      return Cardex.Capture(
        field: fields[Int(c.element)], key: keys[Int(c.element)], text: scanner.string(Int(c.start), Int(c.end)), value: value)
    }
  }

  /// A cheap necessary condition: the variant's literals (`(`, `:`, ` def. `)
  /// occur in the line in their order. Most failing variants fail here,
  /// before any slot is scanned.
  private func literalsInOrder(_ v: Int) -> Bool {
    let n = lowered.count
    var pos = 0
    for i in Int(compiled.from[v])..<Int(compiled.from[v + 1]) {
      let code = compiled.codes[i]
      guard code.kind == .literal, code.count > 0 else { continue }
      guard let line = lowered.baseAddress else { return false }
      let literal = compiled.bytes.baseAddress! + Int(code.start)
      let count = Int(code.count)
      var found = false
      while pos + count <= n {
        guard let hit = memchr(line + pos, Int32(literal[0]), n - count + 1 - pos) else { break }
        let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - line
        if count == 1 || memcmp(line + at + 1, literal + 1, count - 1) == 0 {
          found = true
          pos = at + count
          break
        }
        pos = at + 1
      }
      guard found else { return false }
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

  /// Whether variant `v` matches the whole line (its slots left in
  /// `captures`), recording the furthest point reached.
  @discardableResult
  func match(_ v: Int, furthest: inout Progress) -> Bool {
    let first = Int(compiled.from[v])
    var run = Run(
      codes: UnsafeBufferPointer(rebasing: compiled.codes[first..<Int(compiled.from[v + 1])]), compiled: compiled,
      scanner: scanner, captures: captures)
    captures.count = 0
    let matched = run.step(0, 0)
    furthest = run.best
    return matched
  }

  /// One walk of one variant. A struct with a mutating `step`, not a nested
  /// function: captured locals would be boxed and checked for exclusive
  /// access on every step.
  private struct Run {
    let codes: UnsafeBufferPointer<CompiledPatterns.Code>
    let compiled: CompiledPatterns
    let scanner: SlotScanner
    let captures: Captures
    var budget = 20_000
    var best = Progress(offset: 0, element: 0)

    init(codes: UnsafeBufferPointer<CompiledPatterns.Code>, compiled: CompiledPatterns, scanner: SlotScanner, captures: Captures) {
      self.codes = codes
      self.compiled = compiled
      self.scanner = scanner
      self.captures = captures
    }

    @inline(__always)
    private func matches(_ start: Int32, _ count: Int32, at pos: Int) -> Bool {
      let line = scanner.line
      let n = Int(count)
      guard pos + n <= line.count else { return false }
      let bytes = compiled.bytes
      var k = 0
      while k < n {
        if asciiLower(line[pos + k]) != bytes[Int(start) + k] { return false }
        k += 1
      }
      return true
    }

    @inline(__always)
    private func push(_ i: Int, _ start: Int, _ end: Int, _ candidate: Int) {
      captures.slots[captures.count] = Capture(element: Int32(i), start: Int32(start), end: Int32(end), candidate: Int32(candidate))
      captures.count += 1
    }

    mutating func step(_ i: Int, _ pos: Int) -> Bool {
      let line = scanner.line
      budget -= 1
      if budget < 0 { return false }
      if i > best.element || (i == best.element && pos > best.offset) { best = Progress(offset: pos, element: i) }
      if i == codes.count { return pos == line.count }
      let code = codes[i]
      switch code.kind {
      case .literal:
        guard matches(code.start, code.count, at: pos) else { return false }
        return step(i + 1, pos + Int(code.count))
      case .space:
        guard pos < line.count, line[pos] == 32 else { return false }
        return step(i + 1, pos + 1)
      case .choice:
        for o in Int(code.start)..<Int(code.start + code.count) {
          let option = compiled.options[o]
          if matches(option.start, option.count, at: pos), step(i + 1, pos + Int(option.count)) { return true }
        }
        return false
      case .slot:
        let isLast = i == codes.count - 1
        if code.type == .text {
          if isLast {
            // The rest of the line.
            guard pos < line.count else { return false }
            push(i, pos, line.count, -1)
            if step(i + 1, line.count) { return true }
            captures.count -= 1
            return false
          }
          // A text slot ends only where the next element can start.
          let next = code.next
          var end = pos + 1
          while end <= line.count {
            if next < 0 || (end < line.count && Int16(asciiLower(line[end])) == next) {
              push(i, pos, end, -1)
              if step(i + 1, end) { return true }
              captures.count -= 1
            }
            end += 1
          }
          return false
        }
        for k in scanner.candidateRange(code.type, at: pos, isLast: isLast) {
          let end = scanner.memo.pool[k].end
          push(i, pos, end, k)
          if step(i + 1, end) { return true }
          captures.count -= 1
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
