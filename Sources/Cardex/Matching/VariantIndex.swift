/// Which pattern variants a line's anchors allow, found from the anchors.
///
/// Every record and heading variant of every format gets a number in the
/// order they are tried. A variant needs one anchor from each of its anchor
/// groups (see `Prefilter.register`). One of those groups, the most
/// selective, is its trigger: the index maps each trigger anchor to the
/// variants it triggers, so a line becomes its list of admissible variants
/// in time proportional to the trigger anchors it holds — usually none. Only
/// then are the variant's other groups and its shape checked.
struct VariantIndex: Sendable {
  /// What a variant number stands for.
  struct Ref: Sendable {
    var format: Int
    var rule: Int
    var variant: Int
    var isHeading: Bool
  }

  private(set) var refs: [Ref] = []
  /// Each variant's anchor groups, while variants are added.
  private var groupsOf: [[[Int]]] = []
  /// Each variant's shape (first and last byte, length).
  private var shapes: [VariantShape] = []
  /// False only to check that shapes never change what is matched.
  var prunes = true

  /// For each trigger anchor and class of first byte, the variants it
  /// triggers that can start with such a byte (compressed rows, row
  /// `anchor * firstClassCount + class`). A fact-box line's `v` triggers
  /// over a hundred variants; those that cannot start with its first
  /// letter are never looked at.
  ///
  /// Alongside each entry, which classes of last byte its variant can end
  /// with (`lastClass`; all bits when there are too many classes): a word
  /// in a sentence triggers headings and records that cannot end the way
  /// the sentence does, and most shape tests failed on that alone. One
  /// test of a bit skips them.
  private var triggerFrom: [Int32] = [0]
  private var triggerFlat: [Int32] = []
  private var triggerEnds: [UInt64] = []
  private var lastClass: [UInt8] = Array(repeating: 0, count: 256)
  /// Bytes grouped by which variants can start with them.
  private var firstClass: [UInt8] = Array(repeating: 0, count: 256)
  private var firstClassCount = 1
  /// The variants with no anchor group, by class of first byte; and those
  /// of them tried with their section closed, for lines that only a closed
  /// state can take (`admissible(onlyTriedWhenClosed:)`).
  private var alwaysByClass: [[Int32]] = [[]]
  private var alwaysWhenClosedByClass: [[Int32]] = [[]]
  /// For each variant, the anchors of its groups other than the trigger:
  /// group by group, each group's anchors then a -1.
  private var restFrom: [Int32] = [0]
  private var restFlat: [Int32] = []
  /// Each variant's rest as a number shared by the variants with the same
  /// rest: the variants of one pattern (one per choice of its optional
  /// groups) mostly need the same anchors, and a fact-box line took the
  /// same test for thirty of them.
  private var restId: [Int32] = []
  private(set) var restCount = 0
  /// Variants with no anchor group: tried on every line that is matched.
  private(set) var always: [Int32] = []

  /// Each variant's elements, so that trying one copies no rule.
  private(set) var elements: [[Pattern.Element]] = []
  /// Whether a variant may be tried with its format's section closed: a
  /// record variant of a format that needs no section, a heading that opens.
  private(set) var triedWhenClosed: [Bool] = []

  /// Adds a variant and its anchor groups.
  mutating func add(_ ref: Ref, groups: [[Int]], shape: VariantShape, elements: [Pattern.Element], triedWhenClosed: Bool) {
    if groups.isEmpty { always.append(Int32(refs.count)) }
    refs.append(ref)
    self.elements.append(elements)
    self.triedWhenClosed.append(triedWhenClosed)
    groupsOf.append(groups)
    shapes.append(shape)
  }

  /// Chooses each variant's trigger and flattens the tables; returns the
  /// anchors the prefilter must scan for. Call after the last `add`.
  /// `alsoScanned` are anchors the prefilter scans for anyway.
  mutating func seal(anchorCount: Int, alsoScanned: Set<Int>, selectivity: (Int) -> Int) -> Set<Int> {
    var triggered = [[Int32]](repeating: [], count: anchorCount)
    // A group is as selective as its least selective anchor.
    let score = groupsOf.map { groups in
      groups.map { group in
        var least = Int.max
        for anchor in group { least = min(least, selectivity(anchor)) }
        return group.isEmpty ? 0 : least
      }
    }
    var trigger = [Int?](repeating: nil, count: groupsOf.count)
    var scanned = alsoScanned
    for (v, groups) in groupsOf.enumerated() {
      let s = score[v]
      if let best = s.indices.max(by: { s[$0] < s[$1] || (s[$0] == s[$1] && $0 > $1) }) {
        trigger[v] = best
        for anchor in groups[best] where triggered[anchor].last != Int32(v) {
          triggered[anchor].append(Int32(v))
          scanned.insert(anchor)
        }
      }
    }
    var isScanned = [Bool](repeating: false, count: anchorCount)
    for a in scanned where a < anchorCount { isScanned[a] = true }
    restFrom = [0]
    restFlat = []
    restId = []
    // Keyed by the rest itself: variants of different rules share rests too
    // (a separator alone). Hashing them costs 1.3 M instructions at
    // start-up; comparing only within a rule cost 0.3 M there but 0.8 M
    // more on the 2 MB slice.
    var restIds: [[Int32]: Int32] = [:]
    for (v, groups) in groupsOf.enumerated() {
      // The other groups, cheapest to reject first: those whose anchors were
      // all scanned (a table read), then the most selective.
      let fully = groups.map { $0.allSatisfy { isScanned[$0] } }
      let rest = groups.indices.filter { $0 != trigger[v] }.sorted { a, b in
        fully[a] != fully[b] ? fully[a] : score[v][a] > score[v][b]
      }
      let start = restFlat.count
      for g in rest {
        restFlat += groups[g].map(Int32.init)
        restFlat.append(-1)
      }
      restFrom.append(Int32(restFlat.count))
      let key = Array(restFlat[start...])
      if let id = restIds[key] {
        restId.append(id)
      } else {
        let id = Int32(restIds.count)
        restIds[key] = id
        restId.append(id)
      }
    }
    restCount = restIds.count
    // Bytes whose sets of startable (or endable) variants are the same
    // share a class.
    let (firstClasses, firstMasks) = Self.byteClasses(shapes.map(\.first), prunes: prunes)
    let (lastClasses, lastMasks) = Self.byteClasses(shapes.map(\.last), prunes: prunes)
    firstClass = firstClasses.classOf
    firstClassCount = firstClasses.representatives.count
    func starts(_ v: Int32, _ c: Int) -> Bool {
      if let firstMasks { return firstMasks[Int(v)] & (1 << UInt64(c)) != 0 }
      return !prunes || shapes[Int(v)].first.contains(firstClasses.representatives[c])
    }
    // Without masks (over 64 classes of last byte), every variant is taken
    // to end with every class.
    lastClass = lastMasks == nil ? [UInt8](repeating: 0, count: 256) : lastClasses.classOf
    let ends = lastMasks ?? [UInt64](repeating: ~0, count: shapes.count)
    triggerFrom = [0]
    triggerFlat = []
    triggerEnds = []
    triggerFrom.reserveCapacity(triggered.count * firstClassCount + 1)
    for list in triggered {
      for c in 0..<firstClassCount {
        for v in list where starts(v, c) {
          triggerFlat.append(v)
          triggerEnds.append(ends[Int(v)])
        }
        triggerFrom.append(Int32(triggerFlat.count))
      }
    }
    alwaysByClass = (0..<firstClassCount).map { c in always.filter { starts($0, c) } }
    alwaysWhenClosedByClass = alwaysByClass.map { $0.filter { triedWhenClosed[Int($0)] } }
    groupsOf = []
    return scanned
  }

  /// Bytes grouped into classes: variants share few distinct byte sets,
  /// and a byte's class is which of those sets hold it. With each variant's
  /// classes as bits when there are 64 classes at most. With `prunes` off,
  /// every set holds every byte.
  private static func byteClasses(_ sets: [ByteSet], prunes: Bool) -> (
    classes: (classOf: [UInt8], representatives: [UInt8]), masks: [UInt64]?
  ) {
    var distinct: [ByteSet] = []
    for set in sets where !distinct.contains(set) { distinct.append(set) }
    var classOf = [UInt8](repeating: 0, count: 256)
    var index: [[UInt64]: UInt8] = [:]
    var representatives: [UInt8] = []
    for b in 0..<256 {
      var signature = [UInt64](repeating: 0, count: (distinct.count + 63) / 64)
      for (d, set) in distinct.enumerated() where !prunes || set.contains(UInt8(b)) { signature[d >> 6] |= 1 << UInt64(d & 63) }
      if let c = index[signature] {
        classOf[b] = c
      } else {
        let c = UInt8(truncatingIfNeeded: index.count)
        index[signature] = c
        classOf[b] = c
        representatives.append(UInt8(b))
      }
    }
    let masks: [UInt64]? = representatives.count <= 64
      ? sets.map { set in
        var m: UInt64 = 0
        for (c, b) in representatives.enumerated() where !prunes || set.contains(b) { m |= 1 << UInt64(c) }
        return m
      } : nil
    return ((classOf, representatives), masks)
  }

  var variantCount: Int { refs.count }

  /// Whether the variant's first element can take the line's first byte.
  func canStart(_ v: Int, with line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = line.first else { return false }
    return shapes[v].first.contains(first)
  }

  /// The admissible variants for a line's anchor hits, in trying order:
  /// those whose trigger the line holds, whose other groups it holds too,
  /// and whose shape it fits. The result lives in `scratch` until the next
  /// call.
  ///
  /// With `onlyTriedWhenClosed` (every section closed, and nothing about
  /// the line that a near miss would look into), the variants with no
  /// anchor that need an open section are left out: a score line such as
  /// `{home} {score} {away}` fits the shape of most sentences, and every
  /// prose line admitted, and sorted, a few that could not be tried.
  func admissible(
    _ hits: AnchorHits, line: UnsafeBufferPointer<UInt8>, prefilter: Prefilter.Tables, scratch: Scratch,
    onlyTriedWhenClosed: Bool = false
  ) -> UnsafeBufferPointer<Int32> {
    scratch.next()
    var count = 0
    let out = scratch.admitted
    guard let first = line.first else { return UnsafeBufferPointer(rebasing: out[0..<0]) }
    let c = Int(firstClass[Int(first)])
    for v in (onlyTriedWhenClosed ? alwaysWhenClosedByClass : alwaysByClass)[c] where !prunes || shapes[Int(v)].admits(line) {
      out[count] = v
      count += 1
    }
    let lineEnd = UInt64(1) << UInt64(lastClass[Int(line[line.count - 1])] & 63)
    let anchors = (triggerFrom.count - 1) / firstClassCount
    for anchor in hits.found where anchor < anchors {
      let row = anchor * firstClassCount + c
      var k = Int(triggerFrom[row])
      let end = Int(triggerFrom[row + 1])
      while k < end {
        let v = Int(triggerFlat[k])
        let endsHere = triggerEnds[k] & lineEnd != 0
        k += 1
        if !endsHere { continue }
        if scratch.seen(v) { continue }
        if prunes && !shapes[v].admits(line) { continue }
        if scratch.holds(rest: Int(restId[v]), { holdsRest(of: v, hits, line, prefilter, scratch) }) {
          out[count] = Int32(v)
          count += 1
        }
      }
    }
    if count > 1 {
      var sorted = UnsafeMutableBufferPointer(rebasing: out[0..<count])
      sorted.sort()
    }
    return UnsafeBufferPointer(rebasing: out[0..<count])
  }

  /// Whether the line holds an anchor of each of a variant's groups besides
  /// its trigger; unscanned anchors are looked for in the line.
  private func holdsRest(
    of v: Int, _ hits: AnchorHits, _ line: UnsafeBufferPointer<UInt8>, _ prefilter: Prefilter.Tables, _ scratch: Scratch
  ) -> Bool {
    var k = Int(restFrom[v])
    let end = Int(restFrom[v + 1])
    while k < end {
      var satisfied = false
      while restFlat[k] >= 0 {
        let a = Int(restFlat[k])
        if !satisfied, hits[a] { satisfied = true }
        k += 1
      }
      // Unscanned anchors of the group, looked for only if no scanned one
      // was found.
      if !satisfied {
        var j = k - 1
        while j >= 0, restFlat[j] >= 0 {
          let a = Int(restFlat[j])
          if !prefilter.isScanned[a], scratch.occurs(a, { prefilter.occurs(a, in: line) }) {
            satisfied = true
            break
          }
          j -= 1
        }
      }
      if !satisfied { return false }
      k += 1
    }
    return true
  }

  /// Per-session marks in raw memory (no copy-on-write checks on the hot
  /// path), reset by a generation counter instead of clearing.
  final class Scratch {
    private let variantMarks: UnsafeMutableBufferPointer<UInt32>
    /// One session's alone, like `SlotScanner.Memo`: no run-time
    /// exclusivity checks.
    @exclusivity(unchecked) private var generation: UInt32 = 0
    /// The admitted variants of the current line.
    let admitted: UnsafeMutableBufferPointer<Int32>

    /// For anchors the scan leaves out, whether the line holds them; for
    /// each distinct rest of anchor groups (`restId`), whether the line
    /// holds it. Each looked for once a line.
    private let anchors: Answers
    private let rests: Answers

    /// Yes-or-no answers by index, each worked out at most once a line: the
    /// line (generation) it was last worked out for, and the answer.
    private struct Answers {
      let looked: UnsafeMutableBufferPointer<UInt32>
      let answers: UnsafeMutableBufferPointer<Bool>

      init(count: Int) {
        looked = .allocate(capacity: max(count, 1))
        looked.initialize(repeating: 0)
        answers = .allocate(capacity: max(count, 1))
        answers.initialize(repeating: false)
      }

      func deallocate() {
        looked.deallocate()
        answers.deallocate()
      }

      @inline(__always) func answer(_ i: Int, on generation: UInt32, _ look: () -> Bool) -> Bool {
        if looked[i] != generation {
          looked[i] = generation
          answers[i] = look()
        }
        return answers[i]
      }
    }

    init(variants: Int, anchors: Int, rests: Int) {
      self.anchors = Answers(count: anchors)
      self.rests = Answers(count: rests)
      admitted = .allocate(capacity: max(variants, 1))
      admitted.initialize(repeating: 0)
      variantMarks = .allocate(capacity: max(variants, 1))
      variantMarks.initialize(repeating: 0)
    }

    deinit {
      variantMarks.deallocate()
      admitted.deallocate()
      anchors.deallocate()
      rests.deallocate()
    }

    func next() {
      generation &+= 1
      if generation == 0 {
        variantMarks.update(repeating: 0)
        anchors.looked.update(repeating: 0)
        rests.looked.update(repeating: 0)
        generation = 1
      }
    }

    /// Whether an unscanned anchor occurs in this line, looked for once.
    @inline(__always) func occurs(_ a: Int, _ look: () -> Bool) -> Bool {
      anchors.answer(a, on: generation, look)
    }

    /// Whether the line holds a rest of anchor groups, worked out once.
    @inline(__always) func holds(rest r: Int, _ look: () -> Bool) -> Bool {
      rests.answer(r, on: generation, look)
    }

    /// Marks a variant looked at; true if it already was on this line.
    @inline(__always) func seen(_ v: Int) -> Bool {
      if variantMarks[v] == generation { return true }
      variantMarks[v] = generation
      return false
    }
  }
}
