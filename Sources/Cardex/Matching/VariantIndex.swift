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
  /// For each anchor, the groups it satisfies.
  private var anchorGroups: [[Int32]] = []
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
        while anchorGroups.count <= anchor { anchorGroups.append([]) }
        anchorGroups[anchor].append(g)
      }
    }
  }

  /// The admissible variants for a line's anchor hits, in trying order.
  func admissible(_ hits: AnchorHits, scratch: inout Scratch) -> [Int32] {
    scratch.next(groups: groupVariant.count, variants: refs.count)
    var out = always
    for anchor in hits.found where anchor < anchorGroups.count {
      for g in anchorGroups[anchor] where !scratch.groupDone(Int(g)) {
        let v = Int(groupVariant[Int(g)])
        if scratch.count(variant: v) == needs[v] { out.append(Int32(v)) }
      }
    }
    if out.count > 1 { out.sort() }
    return out
  }

  /// Per-session marks, reset by a generation counter instead of clearing.
  struct Scratch {
    private var groupMarks: [UInt32] = []
    private var variantMarks: [UInt32] = []
    private var variantCounts: [Int32] = []
    private var generation: UInt32 = 0

    init() {}

    mutating func next(groups: Int, variants: Int) {
      if groupMarks.count != groups { groupMarks = [UInt32](repeating: 0, count: groups) }
      if variantMarks.count != variants {
        variantMarks = [UInt32](repeating: 0, count: variants)
        variantCounts = [Int32](repeating: 0, count: variants)
      }
      generation &+= 1
      if generation == 0 {
        for i in groupMarks.indices { groupMarks[i] = 0 }
        for i in variantMarks.indices { variantMarks[i] = 0 }
        generation = 1
      }
    }

    /// Marks a group satisfied; true if it already was on this line.
    mutating func groupDone(_ g: Int) -> Bool {
      if groupMarks[g] == generation { return true }
      groupMarks[g] = generation
      return false
    }

    /// Counts one more satisfied group for a variant; returns the count.
    mutating func count(variant v: Int) -> Int32 {
      if variantMarks[v] != generation {
        variantMarks[v] = generation
        variantCounts[v] = 0
      }
      variantCounts[v] += 1
      return variantCounts[v]
    }
  }
}
