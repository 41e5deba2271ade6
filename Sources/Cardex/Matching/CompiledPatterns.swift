/// Every pattern variant's elements as plain numbers in flat memory, for
/// the matcher's walk.
///
/// `Pattern.Element` is an enum whose cases carry arrays and strings: each
/// step of a walk over it copied an element and so retained and released its
/// payload. Here a step reads one trivial `Code`; literal bytes and choice
/// options live in one byte buffer. Built once by `Extractor`, read-only
/// after, so it is shared by every session and thread.
final class CompiledPatterns: @unchecked Sendable {
  enum Kind: UInt8 {
    case literal, space, slot, choice
  }

  /// One element. For a literal, `start` and `count` are its bytes in
  /// `bytes`; for a choice, its options in `options`; for a slot, `next` is
  /// the first byte of the element after it, or -1 (a text slot ends only
  /// before that byte).
  struct Code {
    var kind: Kind
    var type: SlotType
    var next: Int16
    var start: Int32
    var count: Int32
  }

  let codes: UnsafeMutableBufferPointer<Code>
  /// Variant `v`'s codes are `codes[from[v]..<from[v + 1]]`.
  let from: UnsafeMutableBufferPointer<Int32>
  let bytes: UnsafeMutableBufferPointer<UInt8>
  /// Choice options: (start, length) in `bytes`.
  let options: UnsafeMutableBufferPointer<(start: Int32, count: Int32)>
  /// The field each slot fills, by variant and element; read only when a
  /// variant has matched.
  let fields: [[String]]
  /// Each field's slot in `FieldValues` (-1 for one no record reads),
  /// worked out once here rather than per record.
  let fieldKeys: [[Int8]]
  /// The most elements any variant has: the most captures a walk holds.
  let maxElements: Int

  init(_ variants: [[Pattern.Element]]) {
    var codes: [Code] = []
    var from: [Int32] = [0]
    var bytes: [UInt8] = []
    var options: [(start: Int32, count: Int32)] = []
    var fields: [[String]] = []
    for variant in variants {
      var names: [String] = []
      for (i, e) in variant.enumerated() {
        var code = Code(kind: .space, type: .text, next: -1, start: 0, count: 0)
        switch e {
        case .literal(let b):
          code.kind = .literal
          code.start = Int32(bytes.count)
          code.count = Int32(b.count)
          bytes += b
        case .space:
          code.kind = .space
        case .choice(let opts):
          code.kind = .choice
          code.start = Int32(options.count)
          code.count = Int32(opts.count)
          for o in opts {
            options.append((Int32(bytes.count), Int32(o.count)))
            bytes += o
          }
        case .slot(let field, let type):
          code.kind = .slot
          code.type = type
          if i + 1 < variant.count, let next = PatternMatcher.firstByte(of: variant[i + 1]) { code.next = Int16(next) }
          names.append(field)
          codes.append(code)
          continue
        }
        names.append("_")
        codes.append(code)
      }
      fields.append(names)
      from.append(Int32(codes.count))
    }
    self.codes = Self.copy(codes)
    self.from = Self.copy(from)
    self.bytes = Self.copy(bytes)
    self.options = Self.copy(options)
    self.fields = fields
    self.fieldKeys = fields.map { names in names.map(FieldValues.key(of:)) }
    self.maxElements = variants.map(\.count).max() ?? 0
  }

  deinit {
    codes.deallocate()
    from.deallocate()
    bytes.deallocate()
    options.deallocate()
  }

  private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
    _ = buffer.initialize(from: array)
    return buffer
  }
}
