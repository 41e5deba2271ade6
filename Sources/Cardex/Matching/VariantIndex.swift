/// Which pattern variants a line's anchors allow, found from the anchors.
///
/// Every record and heading variant of every format gets a number in the
/// order they are tried. A variant needs one anchor from each of its anchor
/// groups (see `Prefilter.register`); the index maps each anchor to the
/// groups it satisfies, so that a line is turned into its list of admissible
/// variants in time proportional to the anchors it holds — usually none —
/// instead of asking every variant of every format.
struct VariantIndex: Sendable {
  /// What a variant number stands for.
  struct Ref: Sendable {
    var format: Int
    var rule: Int
    var variant: Int
    var isHeading: Bool
  }

  private(set) var refs: [Ref] = []
  /// Groups each variant needs.
  private var needs: [Int32] = []
  /// For each group, its variant.
  private var groupVariant: [Int32] = []
  /// For each anchor, the groups it satisfies, while variants are added.
  private var anchorGroupLists: [[Int32]] = []
  /// The same, flattened (compressed rows) for the per-line lookup.
  private var anchorGroupFrom: [Int32] = [0]
  private var anchorGroupFlat: [Int32] = []
  /// Variants with no anchor group: tried on every line that is matched.
  private(set) var always: [Int32] = []

  /// Adds a variant and its anchor groups; returns its number.
  mutating func add(_ ref: Ref, groups: [[Int]]) {
    let v = Int32(refs.count)
    refs.append(ref)
    needs.append(Int32(groups.count))
    if groups.isEmpty { always.append(v) }
    for group in groups {
      let g = Int32(groupVariant.count)
      groupVariant.append(v)
      for anchor in Set(group) {
        while anchorGroupLists.count <= anchor { anchorGroupLists.append([]) }
        anchorGroupLists[anchor].append(g)
      }
    }
  }

  /// Flattens the anchor-to-group lists; call after the last `add`.
  mutating func seal() {
    anchorGroupFrom = [0]
    anchorGroupFlat = []
    for list in anchorGroupLists {
      anchorGroupFlat += list
      anchorGroupFrom.append(Int32(anchorGroupFlat.count))
    }
  }

  var groupCount: Int { groupVariant.count }
  var variantCount: Int { refs.count }

  /// The admissible variants for a line's anchor hits, in trying order.
  func admissible(_ hits: AnchorHits, scratch: Scratch) -> [Int32] {
    if hits.found.isEmpty { return always }
    scratch.next()
    var out = always
    let anchors = anchorGroupFrom.count - 1
    for anchor in hits.found where anchor < anchors {
      var k = Int(anchorGroupFrom[anchor])
      let end = Int(anchorGroupFrom[anchor + 1])
      while k < end {
        let g = Int(anchorGroupFlat[k])
        k += 1
        if scratch.groupDone(g) { continue }
        let v = Int(groupVariant[g])
        if scratch.count(variant: v) == needs[v] { out.append(Int32(v)) }
      }
    }
    // Nothing completed: the common case for prose, which names a month or
    // a weight class now and then.
    if out.count == always.count { return always }
    if out.count > 1 { out.sort() }
    return out
  }

  /// Per-session marks in raw memory (no copy-on-write checks on the hot
  /// path), reset by a generation counter instead of clearing.
  final class Scratch {
    private let groupMarks: UnsafeMutableBufferPointer<UInt32>
    private let variantMarks: UnsafeMutableBufferPointer<UInt32>
    private let variantCounts: UnsafeMutableBufferPointer<Int32>
    private var generation: UInt32 = 0

    init(groups: Int, variants: Int) {
      groupMarks = .allocate(capacity: max(groups, 1))
      groupMarks.initialize(repeating: 0)
      variantMarks = .allocate(capacity: max(variants, 1))
      variantMarks.initialize(repeating: 0)
      variantCounts = .allocate(capacity: max(variants, 1))
      variantCounts.initialize(repeating: 0)
    }

    deinit {
      groupMarks.deallocate()
      variantMarks.deallocate()
      variantCounts.deallocate()
    }

    func next() {
      generation &+= 1
      if generation == 0 {
        groupMarks.update(repeating: 0)
        variantMarks.update(repeating: 0)
        generation = 1
      }
    }

    /// Marks a group satisfied; true if it already was on this line.
    @inline(__always) func groupDone(_ g: Int) -> Bool {
      if groupMarks[g] == generation { return true }
      groupMarks[g] = generation
      return false
    }

    /// Counts one more satisfied group for a variant; returns the count.
    @inline(__always) func count(variant v: Int) -> Int32 {
      if variantMarks[v] != generation {
        variantMarks[v] = generation
        variantCounts[v] = 0
      }
      variantCounts[v] += 1
      return variantCounts[v]
    }
  }
}
