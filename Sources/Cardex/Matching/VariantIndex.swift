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
  /// Each variant's shape (first and last byte, length).
  private var shapes: [VariantShape] = []
  /// False only to check that shapes never change what is matched.
  var prunes = true

  /// Adds a variant and its anchor groups; returns its number.
  mutating func add(_ ref: Ref, groups: [[Int]], shape: VariantShape) {
    let v = Int32(refs.count)
    refs.append(ref)
    shapes.append(shape)
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

  /// The admissible variants for a line's anchor hits, in trying order:
  /// those whose anchor groups the line completes and whose shape it fits.
  /// The result lives in `scratch` until the next call.
  func admissible(_ hits: AnchorHits, line: UnsafeBufferPointer<UInt8>, scratch: Scratch) -> UnsafeBufferPointer<Int32> {
    scratch.next()
    var count = 0
    let out = scratch.admitted
    for v in always where !prunes || shapes[Int(v)].admits(line) {
      out[count] = v
      count += 1
    }
    let anchors = anchorGroupFrom.count - 1
    for anchor in hits.found where anchor < anchors {
      var k = Int(anchorGroupFrom[anchor])
      let end = Int(anchorGroupFrom[anchor + 1])
      while k < end {
        let g = Int(anchorGroupFlat[k])
        k += 1
        if scratch.groupDone(g) { continue }
        let v = Int(groupVariant[g])
        if scratch.count(variant: v) == needs[v], !prunes || shapes[v].admits(line) {
          out[count] = Int32(v)
          count += 1
        }
      }
    }
    // Anchors complete variants in the order the anchors were found; try
    // them in rule order.
    if count > 1 {
      var sorted = UnsafeMutableBufferPointer(rebasing: out[0..<count])
      sorted.sort()
    }
    return UnsafeBufferPointer(rebasing: out[0..<count])
  }

  /// Per-session marks in raw memory (no copy-on-write checks on the hot
  /// path), reset by a generation counter instead of clearing.
  final class Scratch {
    private let groupMarks: UnsafeMutableBufferPointer<UInt32>
    private let variantMarks: UnsafeMutableBufferPointer<UInt32>
    private let variantCounts: UnsafeMutableBufferPointer<Int32>
    private var generation: UInt32 = 0
    /// The admitted variants of the current line.
    let admitted: UnsafeMutableBufferPointer<Int32>

    init(groups: Int, variants: Int) {
      admitted = .allocate(capacity: max(variants, 1))
      admitted.initialize(repeating: 0)
      groupMarks = .allocate(capacity: max(groups, 1))
      groupMarks.initialize(repeating: 0)
      variantMarks = .allocate(capacity: max(variants, 1))
      variantMarks.initialize(repeating: 0)
      variantCounts = .allocate(capacity: max(variants, 1))
      variantCounts.initialize(repeating: 0)
    }

    deinit {
      groupMarks.deallocate()
      admitted.deallocate()
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
