import CByteLanes
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Puts a line into the one shape every matcher expects.
///
/// Real text spells the same thing many ways: non-breaking and other Unicode
/// spaces, curly quotes, four kinds of dash, zero-width characters, tabs and
/// runs of spaces, and now and then a line of percent-encoded HTML. Doing this
/// once per line lets the matchers compare plain ASCII bytes. Pure-ASCII lines
/// with single spaces, the common case, are returned without copying.
public enum TextNormalizer {
  /// The normalized bytes of `line`: Unicode spaces become one ASCII space,
  /// runs of spaces collapse, the ends are trimmed, curly quotes become
  /// straight and dashes become `-`.
  public static func normalize(_ line: ArraySlice<UInt8>) -> [UInt8] {
    if isClean(line) { return unglued(Array(line)) }
    if looksPercentEncoded(line), let decoded = percentDecoded(line) {
      return unglued(normalizeBytes(ArraySlice(Array(decoded.utf8))))
    }
    return unglued(normalizeBytes(line))
  }

  /// A page flattened to text can run a heading into the sentence under
  /// it: `#1: Caio Terra vs. Jeff GloverTerra defeated Glover via …`. A
  /// capitalised word closed up to the end of another (`Glover|Terra`), or
  /// to a full stop after one (`Lovato Jr.|Galvão`), is
  /// split off when it stands on the line as a word of its own too, as the
  /// result's surnames repeat the pairing's; a full stop marks the blocks'
  /// boundary. Brand and sponsor names
  /// (`NorthEast United`, `MoraBanc Andorra`) are left whole: their second
  /// half does not stand alone.
  static func unglued(_ line: [UInt8]) -> [UInt8] {
    let b = withoutImages(line)
    let isUpper = { (c: UInt8) in c >= 65 && c <= 90 }
    let isLower = { (c: UInt8) in c >= 97 && c <= 122 }
    let isLetter = { (c: UInt8) in isUpper(c) || isLower(c) || c >= 0x80 }
    // Letters, not bytes: a UTF-8 continuation byte is no letter of its own.
    let letters = { (r: Range<Int>) in r.filter { b[$0] < 0x80 || b[$0] >= 0xC0 }.count }
    var cuts: [(at: Int, mark: [UInt8])] = []
    var hasDigit: Bool?
    // Cuts whose bytes up to the next cut are left out.
    var skips: Set<Int> = []
    var i = 1
    while i + 2 < b.count {
      if isUpper(b[i]), isDigit(b[i - 1]), gluedToScore(b, i) {
        cuts.append((i, [46, 32]))
        i += 1
      } else if isUpper(b[i]), isLower(b[i - 1]), gluedMethod(b, i) {
        cuts.append((i, [32]))
        i += 2
      } else if isUpper(b[i]), isLetter(b[i - 1]), let end = repeatedShortName(b, i) {
        cuts.append((i, []))
        cuts.append((end, []))
        skips.insert(i)
        i = end
      } else if b[i] == 118, gluedVersus(b, i) {
        cuts.append((i, [32]))
        cuts.append((i + 2, [32]))
        i += 2
      } else if isUpper(b[i]), isLower(b[i - 1]) || b[i - 1] >= 0x80 || (b[i - 1] == 46 && i >= 3 && isLetter(b[i - 2])),
        isLower(b[i + 1]) || b[i + 1] >= 0x80
      {
        // Letters past ASCII continue a word (`Galvão`).
        var end = i + 1
        while end < b.count, isLower(b[end]) || b[end] >= 0x80 { end += 1 }
        var start = i - 1
        while start > 0, isLetter(b[start - 1]) { start -= 1 }
        let whole = end == b.count || !isLetter(b[end])
        if end - i >= 3, i - start >= 3, whole, isUpper(b[start]), standsAlone(b[i..<end], in: b, except: i, isLetter) {
          cuts.append((i, [46, 32]))
        } else if whole, b[i - 1] != 46, isUpper(b[start]), !(start + 1..<i).contains(where: { isUpper(b[$0]) }),
          start == 0 || (b[start - 1] != 64 && b[start - 1] != 35), letters(start..<i) >= 6, letters(i..<end) >= 5,
          hasDigit ?? { hasDigit = b.contains(where: isDigit); return hasDigit! }(), !pairsBefore(b, start)
        {
          if b[i..<end].elementsEqual(b[start..<(start + end - i)]) {
            // `Fortuna DüsseldorfDüsseldorf`: a club's short name repeated
            // after its full one, from a widget's second cell: dropped.
            cuts.append((i, []))
            cuts.append((end, []))
            skips.insert(i)
          } else {
            // `20.30 BursasporTrabzonspor`, `ToulonPerpignan 44 – 22`: a
            // listing's two teams, their cells closed up. Two long words
            // (`SuperSport`, `NorthEast` are shorter) on a row with a time
            // or a score and no pairing before them: a closed-up hyphen
            // pairs them, as in `Málaga-Sevilla`.
            cuts.append((i, [45]))
          }
        }
        i = end
      } else {
        i += 1
      }
    }
    guard !cuts.isEmpty else { return b }
    var out: [UInt8] = []
    out.reserveCapacity(b.count + 2 * cuts.count)
    var last = 0
    for cut in cuts {
      if !skips.contains(last) { out += b[last..<cut.at] }
      // The two blocks' boundary, as the page's layout had it (a second
      // full stop after one closed up already, `Jr.. Galvão`: the first is
      // the name's).
      out += cut.mark
      last = cut.at
    }
    out += b[last...]
    return out
  }

  private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

  /// A table copied as Markdown shows each team's logo as an image
  /// (`| 2 | ![]() | Fehérvár FC | ![]() | Paksi SE | 1:1 |`): images are
  /// taken out, and a cell that held only one with them, so that the
  /// names stand in neighbouring cells under the header's columns.
  static func withoutImages(_ b: [UInt8]) -> [UInt8] {
    guard let first = b.indices.dropLast().first(where: { b[$0] == 33 && b[$0 + 1] == 91 }) else { return b }
    var out: [UInt8] = Array(b[..<first])
    var i = first
    while i < b.count {
      // `![alt](address)`: alt without `]`, address without `)` or a space.
      if b[i] == 33, i + 1 < b.count, b[i + 1] == 91, let close = b[(i + 2)...].firstIndex(of: 93), close + 1 < b.count, b[close + 1] == 40,
        let end = b[(close + 2)...].firstIndex(where: { $0 == 41 || $0 == 32 }), b[end] == 41
      {
        i = end + 1
        // The cell it leaves empty goes with it: `| ![]() |` → `|`.
        var k = out.count
        while k > 0, out[k - 1] == 32 { k -= 1 }
        var j = i
        while j < b.count, b[j] == 32 { j += 1 }
        if k > 0, out[k - 1] == 124, j < b.count, b[j] == 124 {
          out.removeSubrange(k...)
          i = j + 1
          if i < b.count, b[i] != 32 { out.append(32) }
        }
        continue
      }
      out.append(b[i])
      i += 1
    }
    // Trimmed and single-spaced again.
    var trimmed: [UInt8] = []
    trimmed.reserveCapacity(out.count)
    for c in out where !(c == 32 && (trimmed.isEmpty || trimmed.last == 32)) { trimmed.append(c) }
    while trimmed.last == 32 { trimmed.removeLast() }
    return trimmed
  }

  /// Whether a pairing word or a dash stands before byte `end` (` v `,
  /// ` vs`, ` x `, ` @ `, ` - `, ` – `, ` — `, not between digits; a hyphen
  /// closed up between letters, `Milano-RivieraBanca`).
  static func pairsBefore(_ b: [UInt8], _ end: Int) -> Bool {
    var i = 1
    while i < end, i + 1 < b.count {
      defer { i += 1 }
      if b[i] == 45, b[i - 1] != 32, !isDigit(b[i - 1]), b[i + 1] != 32, !isDigit(b[i + 1]) { return true }
      guard b[i - 1] == 32 else { continue }
      let next = b[i + 1]
      if (b[i] == 118 || b[i] == 120 || b[i] == 64 || b[i] == 45) && next == 32 { return !(i >= 2 && isDigit(b[i - 2])) }
      if b[i] == 118, next == 115 { return true }
      if b[i] == 0xE2, i + 3 < end, b[i + 1] == 0x80, b[i + 2] == 0x93 || b[i + 2] == 0x94, b[i + 3] == 32 { return !(i >= 2 && isDigit(b[i - 2])) }
    }
    return false
  }

  /// A score closed up to the next block's first name, as a list loses its
  /// line breaks: `AWC - MSC 4-1De Bataven - Be Quick 3-1`, `Chicago Bears
  /// 23 - 20Die Bears …`. At `i`, a capitalised word (a capital and a small
  /// letter) straight after `N-N` or `N:N` (spaces allowed around the mark).
  static func gluedToScore(_ b: [UInt8], _ i: Int) -> Bool {
    guard i + 1 < b.count, (b[i + 1] >= 97 && b[i + 1] <= 122) || capitalsName(b, i) else { return false }
    var j = i - 1
    var digits = 0
    while j >= 0, isDigit(b[j]), digits < 3 {
      j -= 1
      digits += 1
    }
    guard digits > 0, j >= 1 else { return false }
    let right = digits
    if b[j] == 32 { j -= 1 }
    guard j >= 1, b[j] == 45 || b[j] == 58 else { return false }
    let colon = b[j] == 58
    j -= 1
    if j >= 0, b[j] == 32 { j -= 1 }
    guard j >= 0, isDigit(b[j]) else { return false }
    // Not a date or a time closed up to a word (`20:00Uhr`, `2024-05Mai`).
    var k = j
    var before = 0
    while k >= 0, isDigit(b[k]) {
      k -= 1
      before += 1
    }
    guard before <= 3, k < 0 || !isDigit(b[k]) else { return false }
    // `20:00Uhr`: two digits after a colon, under 60, after an hour, are
    // a time's minutes.
    if colon, right == 2, before <= 2 {
      let hour = Int(b[k + 1...j].reduce(0) { $0 * 10 + Int($1 - 48) })
      let minute = Int(b[i - 2] - 48) * 10 + Int(b[i - 1] - 48)
      if hour <= 23, minute <= 59 { return false }
    }
    return true
  }

  /// A word in capitals at `i` that names a team (`3-1DEM`): three
  /// letters or more, not a score's note (`AET`, `PSO`, `OTL`).
  static func capitalsName(_ b: [UInt8], _ i: Int) -> Bool {
    let end = capitalsEnd(b, i)
    guard end - i >= 3, end == b.count || !(b[end] >= 97 && b[end] <= 122) else { return false }
    return !["AET", "PSO", "OTL", "SOL", "PEN", "PENS", "ASDET"].contains(String(decoding: b[i..<end], as: UTF8.self))
  }

  /// The end of the run of ASCII capitals from `i`.
  static func capitalsEnd(_ b: [UInt8], _ i: Int) -> Int {
    var end = i
    while end < b.count, b[end] >= 65, b[end] <= 90 { end += 1 }
    return end
  }

  /// `Hamburger SVHamburg : FC St. PauliSt. Pauli 1 : 0`: a widget's
  /// second cell, the club's short name, closed up to its full name. At
  /// `i`, a run of capitalised words up to a pairing mark (` : `, ` - `,
  /// ` v `) or a digit, each of whose words is one of the few before `i`
  /// or begins one (`Hamburg`, `Hamburger`); the end of the run, whose
  /// bytes are dropped.
  static func repeatedShortName(_ b: [UInt8], _ i: Int) -> Int? {
    func word(_ r: ArraySlice<UInt8>) -> String { String(decoding: r.filter { $0 != 46 }, as: UTF8.self).lowercased() }
    // The run: words up to a spaced mark, a digit or the end, found before
    // any word is copied (most closed-up capitals are brand names and end
    // nowhere near a pairing).
    var end = i
    var runs: [Range<Int>] = []
    var k = i
    while k < b.count {
      var e = k
      while e < b.count, b[e] != 32 { e += 1 }
      guard let first = b[k..<e].first, first >= 65 && first <= 90 || first >= 0xC0, !b[k..<e].contains(where: isDigit), runs.count < 3 else {
        break
      }
      runs.append(k..<e)
      end = e
      k = e + 1
      // Stops before a pairing mark.
      if k < b.count, [58, 45, 118, 0xE2].contains(b[k]), k + 1 >= b.count || b[k + 1] == 32 || b[k] == 0xE2 { break }
    }
    guard !runs.isEmpty, end < b.count, b[end] == 32, end + 1 < b.count,
      [58, 45, 118, 0xE2].contains(b[end + 1]) || isDigit(b[end + 1])
    else { return nil }
    let runWords = runs.map { word(b[$0]) }
    // The name before: its last few words, the one glued to the run
    // included.
    var start = i
    var spaces = 0
    while start > 0, spaces < 4, b[start - 1] != 58, b[start - 1] != 124 {
      if b[start - 1] == 32 { spaces += 1 }
      start -= 1
    }
    let before = b[start..<i].split(separator: 32).map(word).filter { $0.count >= 2 }
    guard before.count >= 1 else { return nil }
    let matches = runWords.allSatisfy { w in
      w.count >= 2 && before.contains { $0 == w || (w.count >= 4 && $0.hasPrefix(w)) || (w.count >= 4 && w.hasPrefix($0) && $0.count >= 4) }
    }
    return matches ? end : nil
  }

  /// `Jon FitchMD 47-47`, `Julian LaneTKO (punches)`: a result's method
  /// closed up to the loser's name, as a table's cells lose their spaces.
  /// At `i`, a method's capitals with no letter after them.
  static func gluedMethod(_ b: [UInt8], _ i: Int) -> Bool {
    let end = capitalsEnd(b, i)
    guard end - i >= 2, end - i <= 3, end == b.count || !(b[end] >= 97 && b[end] <= 122) && b[end] < 0x80 else { return false }
    return ["MD", "UD", "SD", "TKO", "KO", "DQ", "NC", "RTD", "PTS"].contains(String(decoding: b[i..<end], as: UTF8.self))
  }

  /// `NorthEast United FCvsJamshedpur FC`: a table's pairing word closed
  /// up to both names, as its cells lose their spaces. At `i`, a lower-case
  /// `vs` between a letter or a closing bracket and a capital.
  static func gluedVersus(_ b: [UInt8], _ i: Int) -> Bool {
    guard i >= 1, i + 2 < b.count, b[i] == 118, b[i + 1] == 115, b[i + 2] >= 65, b[i + 2] <= 90 else { return false }
    let c = b[i - 1]
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 41
  }

  /// Whether `word` occurs in `b` as a whole word other than at `except`.
  private static func standsAlone(_ word: ArraySlice<UInt8>, in b: [UInt8], except: Int, _ isLetter: (UInt8) -> Bool) -> Bool {
    let n = word.count
    var j = 0
    while j + n <= b.count {
      if j != except, b[j..<(j + n)].elementsEqual(word), j == 0 || !isLetter(b[j - 1]), j + n == b.count || !isLetter(b[j + n]) {
        return true
      }
      j += 1
    }
    return false
  }

  /// As `normalize(_:)`, for a line that is not clean, written into
  /// `buffer` (as long as the line at least); returns the length. The
  /// matcher's path: no allocation unless the line is percent-encoded.
  static func normalize(_ line: UnsafeBufferPointer<UInt8>, into buffer: LineBuffer) -> Int {
    // Only a line with a `%` can be percent-encoded: the others skip the
    // copy into an array the decoder reads.
    if let base = line.baseAddress, memchr(base, 0x25, line.count) != nil, case let slice = ArraySlice(line),
      looksPercentEncoded(slice), let decoded = percentDecoded(slice)
    {
      let bytes = Array(decoded.utf8)
      return bytes.withUnsafeBufferPointer { normalizeBytes($0, into: buffer.bytes) }
    }
    return normalizeBytes(line, into: buffer.bytes)
  }

  /// The byte-level normalizer: ASCII is copied with spaces collapsed, and
  /// only the multi-byte sequences in `normalizeScalar`'s table are decoded;
  /// every other sequence (including invalid UTF-8) is copied as it is.
  static func normalizeBytes(_ line: ArraySlice<UInt8>) -> [UInt8] {
    // Output is never longer than input: write into uninitialized storage
    // rather than appending (each append checks uniqueness).
    [UInt8](unsafeUninitializedCapacity: line.count) { out, written in
      written = line.withUnsafeBufferPointer { normalizeBytes($0, into: out) }
    }
  }

  /// The normalizer's one loop, into `out` (at least as long as `line`).
  /// No nested closures: captured variables would be boxed and checked for
  /// exclusive access on every byte.
  ///
  /// Eight bytes that are printable ASCII with single spaces inside them
  /// (not at the end, nor after a space already written) are their own
  /// normal form and are copied as one word; `copiesBlocks: false` turns
  /// that off, for the test that shows it changes nothing.
  static func normalizeBytes(
    _ line: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, copiesBlocks: Bool = true
  ) -> Int {
    precondition(out.count >= line.count)
    var count = 0
    var pendingSpace = false
    var pendingCell = false
    var spacedColumns: Bool?
    var i = 0
    let n = line.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    while i < n {
      // Sixteen bytes at a time where SSE2 allows; the pending space, if
      // any, goes before what was copied (the copy's first byte is then
      // not a space), and is written only once something was.
      if copiesBlocks, i &+ 16 <= n, let source = line.baseAddress, let target = out.baseAddress {
        let space = pendingSpace && count > 0 ? 1 : 0
        let copied = cardex_copy_plain16(
          source + i, n &- i, target + (count &+ space), spaceMayOpen(out, count, pendingSpace) ? 1 : 0)
        if copied > 0 {
          writePendingSpace(&pendingSpace, &pendingCell, out, &count)
          count &+= copied
          i &+= copied
          if i >= n { break }
        }
      }
      if copiesBlocks, i &+ 8 <= n, let source = line.baseAddress, let target = out.baseAddress {
        let w = UInt64(littleEndian: UnsafeRawPointer(source).loadUnaligned(fromByteOffset: i, as: UInt64.self))
        // 0x20...0x7E: no top bit, at least 0x20 (adding 0x60 sets the
        // top bit), not 0x7F (adding 1 to 0x7F sets it).
        let printable = (w | ((w &+ 0x60 &* ones) ^ highs) | ((w & lows) &+ ones)) & highs == 0
        if printable {
          let spaces = LineSurvey.zeroBytes(w ^ (0x20 &* ones))
          let firstIsSpace = spaces & 0x80 != 0
          let lastIsSpace = spaces >> 56 != 0
          let startsWell = !firstIsSpace || spaceMayOpen(out, count, pendingSpace)
          if !lastIsSpace, spaces & (spaces << 8) == 0, startsWell {
            writePendingSpace(&pendingSpace, &pendingCell, out, &count)
            UnsafeMutableRawPointer(target).storeBytes(of: w.littleEndian, toByteOffset: count, as: UInt64.self)
            count &+= 8
            i &+= 8
            continue
          }
        }
      }
      let b = line[i]
      // Printable ASCII other than space, most of any line: copied in a
      // tight loop.
      if b &- 33 < 94 {
        writePendingSpace(&pendingSpace, &pendingCell, out, &count)
        repeat {
          out[count] = line[i]
          count += 1
          i += 1
        } while i < n && line[i] &- 33 < 94
        continue
      }
      var length = 1
      // 0 = a space, 255 = dropped, anything else = that byte.
      var replacement: UInt8 = b
      if b < 0x80 {
        switch b {
        case 9:
          // A tab between cells of a pasted table is a cell mark (`Chelsea
          // <tab> Liverpool <tab> 16:30`); one byte for a run of at least
          // one, so the line never grows.
          replacement = 0
          pendingCell = true
        case 32:
          // Runs of three spaces or more, two of them at least inside a
          // line, are the gaps between a table's columns in text laid out
          // with spaces (`Sat 12 Oct    15:00    Arsenal    Chelsea`): cell
          // marks, as tabs are. One wide gap alone is a typist's
          // (`Micklehurst   v  Hollinwood`).
          replacement = 0
          if i >= 2, line[i - 1] == 32, line[i - 2] == 32, count > 0 {
            if spacedColumns == nil { spacedColumns = wideGaps(line) >= 2 }
            if spacedColumns == true { pendingCell = true }
          }
        case 10, 11, 12, 13: replacement = 0
        case 0: replacement = 255
        default: break
        }
      } else if b == 0xC2, i + 1 < n {
        switch line[i + 1] {
        case 0xA0: (length, replacement) = (2, 0)
        case 0xAD: (length, replacement) = (2, 255)
        case 0xAB, 0xBB: (length, replacement) = (2, 34)
        case 0xB4: (length, replacement) = (2, 39)
        default: break
        }
      } else if b == 0xE2, i + 2 < n {
        let b1 = line[i + 1]
        let b2 = line[i + 2]
        if b1 == 0x80 {
          switch b2 {
          case 0x80...0x8A, 0xA8, 0xA9, 0xAF: (length, replacement) = (3, 0)
          case 0x8B...0x8D: (length, replacement) = (3, 255)
          case 0x90...0x95: (length, replacement) = (3, 45)
          case 0x98...0x9B, 0xB2: (length, replacement) = (3, 39)
          case 0x9C...0x9F, 0xB3: (length, replacement) = (3, 34)
          case 0xA6: (length, replacement) = (3, 46)
          default: break
          }
        } else if b1 == 0x81, b2 == 0x9F {
          (length, replacement) = (3, 0)
        } else if b1 == 0x81, b2 == 0xA0 {
          (length, replacement) = (3, 255)
        } else if b1 == 0x88, b2 == 0x92 {
          (length, replacement) = (3, 45)
        }
      } else if b == 0xE1, i + 2 < n, line[i + 1] == 0x9A, line[i + 2] == 0x80 {
        (length, replacement) = (3, 0)
      } else if b == 0xE3, i + 2 < n, line[i + 1] == 0x80, line[i + 2] == 0x80 {
        (length, replacement) = (3, 0)
      } else if b == 0xEF, i + 2 < n {
        let b1 = line[i + 1]
        let b2 = line[i + 2]
        if b1 == 0xBB, b2 == 0xBF {
          (length, replacement) = (3, 255)
        } else if (b1 == 0xB9 && (b2 == 0x98 || b2 == 0xA3)) || (b1 == 0xBC && b2 == 0x8D) {
          (length, replacement) = (3, 45)
        }
      }
      if replacement == 0 {
        pendingSpace = true
      } else if replacement != 255 {
        writePendingSpace(&pendingSpace, &pendingCell, out, &count)
        out[count] = replacement
        count += 1
      }
      i += length
    }
    return count
  }

  /// How many runs of three spaces or more stand between words of `line`;
  /// none in a line that marks its cells already (`|`, a tab), whose
  /// spaces only pad them (`| Kevin Holland    | Tim Means   |`).
  static func wideGaps(_ line: UnsafeBufferPointer<UInt8>) -> Int {
    var gaps = 0
    var run = 0
    var seenWord = false
    for b in line {
      if b == 124 || b == 9 { return 0 }
      if b == 32 {
        run += 1
      } else {
        if run >= 3, seenWord { gaps += 1 }
        run = 0
        seenWord = true
      }
    }
    return gaps
  }

  /// Whether a block copied as it is may start with a space: only after a
  /// written non-space with no space pending.
  @inline(__always)
  private static func spaceMayOpen(_ out: UnsafeMutableBufferPointer<UInt8>, _ count: Int, _ pendingSpace: Bool) -> Bool {
    count > 0 && !pendingSpace && out[count &- 1] != 32
  }

  /// A space taken out of the input stands before the next kept byte,
  /// unless nothing was written yet (the start of the line is trimmed).
  @inline(__always)
  private static func writePendingSpace(
    _ pending: inout Bool, _ cell: inout Bool, _ out: UnsafeMutableBufferPointer<UInt8>, _ count: inout Int
  ) {
    guard pending else { return }
    if count > 0 {
      out[count] = cell ? 124 : 32
      count += 1
    }
    pending = false
    cell = false
  }

  /// The character a scalar stands for after normalization; `"\0"` for one
  /// that is dropped (zero-width and format characters).
  @inline(__always)
  public static func normalizeScalar(_ s: Unicode.Scalar) -> Unicode.Scalar {
    switch s.value {
    case 0x09, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return " "
    case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD:
      return "\u{0}"
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4:
      return "'"
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB:
      return "\""
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
      return "-"
    case 0x2026:
      return "."
    default:
      return s
    }
  }

  /// True when the line is printable ASCII with no leading, trailing or
  /// doubled spaces and no `%`: nothing to do.
  static func isClean(_ line: ArraySlice<UInt8>) -> Bool {
    line.withUnsafeBufferPointer { LineSurvey.isClean($0) }
  }

  /// A line with no spaces and several `%XX` escapes is a URL-encoded blob.
  static func looksPercentEncoded(_ line: ArraySlice<UInt8>) -> Bool {
    var escapes = 0
    var i = line.startIndex
    while i < line.endIndex {
      let b = line[i]
      if b == 32 { return false }
      if b == 37, i + 2 < line.endIndex, hex(line[i + 1]) != nil, hex(line[i + 2]) != nil {
        escapes += 1
        i += 3
        continue
      }
      i += 1
    }
    return escapes >= 2
  }

  /// Decodes `%XX` escapes (and `+` is left alone); nil when the result is
  /// not UTF-8, in which case the line is kept as it was.
  static func percentDecoded(_ line: ArraySlice<UInt8>) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(line.count)
    var i = line.startIndex
    while i < line.endIndex {
      let b = line[i]
      if b == 37, i + 2 < line.endIndex, let h = hex(line[i + 1]), let l = hex(line[i + 2]) {
        let v = h << 4 | l
        bytes.append(v == 10 || v == 13 ? 32 : v)
        i += 3
      } else {
        bytes.append(b)
        i += 1
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  @inline(__always)
  static func hex(_ b: UInt8) -> UInt8? {
    switch b {
    case 48...57: b - 48
    case 65...70: b - 55
    case 97...102: b - 87
    default: nil
    }
  }
}
