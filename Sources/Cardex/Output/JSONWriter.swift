/// Writes records as JSON with sorted keys, straight into bytes: compact
/// for NDJSON, or pretty-printed for the JSON feed.
///
/// NDJSON output writes one object per record, and `JSONEncoder` spends far
/// more on each record than the extraction does (a profile showed a fifth of
/// all instructions in it). The shapes are fixed and small, so they are
/// written by hand here, keys in the order `JSONEncoder`'s `.sortedKeys`
/// gives. A test decodes this output for every fixture and compares it with
/// the records, field by field, and with `JSONEncoder`'s bytes.
///
/// Pretty-printed, a record is laid out as `JSONEncoder`'s `.prettyPrinted`
/// lays it out inside the feed document (two spaces a level, `"key" :
/// value`, an empty array as `[`, a blank line, `]`), so that the JSON feed
/// can be written record by record and still be byte for byte the document
/// `JSONEncoder` made of the whole feed.
struct JSONWriter: ~Copyable {
  /// Raw memory (`RawBytes`), copied out once per record by `handBack`.
  private var bytes = RawBytes(capacity: 1024)
  private var needsComma = false
  private let pretty: Bool
  /// Nesting level, for the indent of a pretty-printed line.
  private var depth = 0

  /// A writer of compact JSON for one record or more, to be appended to a
  /// buffer by `handBack(to:)`.
  init() {
    pretty = false
  }

  /// A writer of pretty-printed JSON, for a record whose `{` stands at
  /// nesting level `depth` (2 for an element of the feed's arrays).
  init(prettyAtDepth depth: Int) {
    pretty = true
    self.depth = depth
  }

  /// Appends what was written to `buffer`, in place (one copy per record;
  /// a worker encodes a whole chunk's records into one buffer). The last
  /// call on a writer: its memory goes with it.
  consuming func handBack(to buffer: inout [UInt8]) {
    buffer.append(contentsOf: bytes.buffer)
  }

  // MARK: Structure

  private mutating func key(_ k: StaticString) {
    let name = UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount)
    if pretty {
      if needsComma { bytes.append(44) }
      newline()
      bytes.append(34)
      bytes.append(contentsOf: name)
      let colon: StaticString = "\" : "
      colon.withUTF8Buffer { bytes.append(contentsOf: $0) }
    } else {
      bytes.appendKey(name, afterComma: needsComma)
    }
    needsComma = true
  }

  /// A line break and the indent of the current level.
  private mutating func newline() {
    bytes.append(10)
    for _ in 0..<(2 * depth) { bytes.append(32) }
  }

  /// Closes a pretty-printed object or array: its last member's line ends,
  /// or, empty, a blank line stands inside it.
  private mutating func closeLine(empty: Bool) {
    guard pretty else { return }
    if empty { bytes.append(10) }
    newline()
  }

  private mutating func object(_ body: (inout JSONWriter) -> Void) {
    bytes.append(123)
    let outer = needsComma
    needsComma = false
    depth += 1
    body(&self)
    depth -= 1
    closeLine(empty: !needsComma)
    bytes.append(125)
    needsComma = outer
  }

  /// An array, each element on a line of its own when pretty-printed.
  private mutating func array<Element>(_ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
    bytes.append(91)
    depth += 1
    for (i, e) in elements.enumerated() {
      if i > 0 { bytes.append(44) }
      if pretty { newline() }
      write(&self, e)
    }
    depth -= 1
    closeLine(empty: elements.isEmpty)
    bytes.append(93)
  }

  private mutating func field(_ k: StaticString, _ value: String?) {
    guard let value else { return }
    key(k)
    string(value)
  }

  private mutating func field(_ k: StaticString, _ value: Int?) {
    guard let value else { return }
    key(k)
    integer(value)
  }

  /// Decimal digits of an integer, without making a `String`.
  private mutating func integer(_ value: Int) {
    if value < 0 {
      guard value != Int.min else {
        bytes.append(contentsOf: String(value).utf8)
        return
      }
      bytes.append(45)
      integer(-value)
      return
    }
    if value >= 10 { integer(value / 10) }
    bytes.append(48 + UInt8(value % 10))
  }

  private mutating func field(_ k: StaticString, _ value: Double?) {
    guard let value else { return }
    key(k)
    if value == value.rounded(), abs(value) < 1e15 {
      integer(Int(value))
    } else if let (whole, tenths, hundredths) = Self.twoDecimals(value) {
      integer(whole)
      bytes.append(46)
      bytes.append(48 + UInt8(tenths))
      if let hundredths { bytes.append(48 + UInt8(hundredths)) }
    } else {
      bytes.append(contentsOf: value.description.utf8)
    }
  }

  /// A positive value below a million with one or two decimals (`147.7`,
  /// `61.25`), as `Double.description` prints it: its shortest decimal
  /// form. `Double(k) / 10` is the double nearest `k / 10`, the same one
  /// parsing "k/10" gives, so equality with it proves that form round-trips.
  static func twoDecimals(_ value: Double) -> (Int, Int, Int?)? {
    guard value > 0, value < 1e6 else { return nil }
    let k10 = (value * 10).rounded()
    if Double(Int(k10)) / 10 == value {
      let k = Int(k10)
      return (k / 10, k % 10, nil)
    }
    let k100 = (value * 100).rounded()
    if Double(Int(k100)) / 100 == value {
      let k = Int(k100)
      return (k / 100, (k / 10) % 10, k % 10)
    }
    return nil
  }

  private mutating func field(_ k: StaticString, _ value: Bool) {
    key(k)
    let literal: StaticString = value ? "true" : "false"
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func string(_ s: String) {
    bytes.append(34)
    // Most strings need no escape: copied whole, from the string's own
    // storage (a `var` copy for `withUTF8` cost a retain and a release).
    let plain = s.utf8.withContiguousStorageIfAvailable { utf8 in
      for b in utf8 where b < 32 || b == 34 || b == 92 { return false }
      bytes.append(contentsOf: utf8)
      return true
    }
    if plain == true {
      bytes.append(34)
      return
    }
    for b in s.utf8 {
      switch b {
      case 34: bytes += [92, 34]
      case 92: bytes += [92, 92]
      case 10: bytes += [92, 110]
      case 13: bytes += [92, 114]
      case 9: bytes += [92, 116]
      case 8: bytes += [92, 98]
      case 12: bytes += [92, 102]
      case 0..<32:
        let hex = Array("0123456789abcdef".utf8)
        bytes += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
      default: bytes.append(b)
      }
    }
    bytes.append(34)
  }

  // MARK: Model

  mutating func write(_ b: Bout) {
    object { w in
      w.key("fighters")
      w.array(b.fighters) { w, f in w.write(f) }
      w.field("format", b.format)
      if let l = b.limit {
        w.key("limit")
        w.write(l)
      }
      w.key("provenance")
      w.write(b.provenance)
      if let r = b.result {
        w.key("result")
        w.object { w in
          w.field("method", r.method)
          w.field("methodCanonical", r.methodCanonical)
          w.field("round", r.round)
          w.field("time", r.time)
          w.field("winner", r.winner)
        }
      }
      w.field("ruleset", b.ruleset)
      if let bodies = b.sanctioningBodies {
        w.key("sanctioningBodies")
        w.array(bodies) { w, body in w.string(body) }
      }
      w.field("scheduledRounds", b.scheduledRounds)
      w.field("section", b.section)
      w.field("sectionLine", b.sectionLine)
      w.field("sport", b.sport)
      w.field("title", b.title)
      w.field("type", b.type)
      if let c = b.weightClass {
        w.key("weightClass")
        w.object { w in
          w.field("asWritten", c.asWritten)
          w.field("canonical", c.canonical)
          if let l = c.classLimit {
            w.key("classLimit")
            w.write(l)
          }
          w.field("women", c.women)
        }
      }
    }
  }

  mutating func write(_ x: Fixture) {
    object { w in
      w.field("away", x.away)
      if let c = x.competition {
        w.key("competition")
        w.object { w in
          w.field("asWritten", c.asWritten)
          w.field("canonical", c.canonical)
          w.field("known", c.known)
        }
      }
      w.field("date", x.date)
      w.field("format", x.format)
      w.field("home", x.home)
      if let k = x.kickoff {
        w.key("kickoff")
        w.object { w in
          w.field("asWritten", k.asWritten)
          w.field("local", k.local)
          w.field("utcOffset", k.utcOffset)
        }
      }
      w.key("provenance")
      w.write(x.provenance)
      if let s = x.score {
        w.key("score")
        w.object { w in
          w.field("away", s.away)
          w.field("home", s.home)
        }
      }
      w.field("section", x.section)
      w.field("sectionLine", x.sectionLine)
      w.field("sport", x.sport)
      w.field("stage", x.stage)
      w.field("type", x.type)
    }
  }

  mutating func write(_ d: Diagnostic) {
    object { w in
      w.field("code", d.code)
      w.field("column", d.column)
      w.field("line", d.line)
      w.field("message", d.message)
      w.field("severity", d.severity.rawValue)
      w.field("source", d.source)
      w.field("type", d.type)
    }
  }

  private mutating func write(_ f: Fighter) {
    object { w in
      if let c = f.country {
        w.key("country")
        w.object { w in
          w.field("asWritten", c.asWritten)
          w.field("fifa", c.fifa)
          w.field("ioc", c.ioc)
          w.field("iso2", c.iso2)
          w.field("iso3", c.iso3)
          w.field("matchedAs", c.matchedAs)
          w.field("name", c.name)
          w.field("note", c.note)
        }
      }
      w.field("name", f.name)
    }
  }

  private mutating func write(_ l: Weight) {
    object { w in
      w.field("asWritten", l.asWritten)
      w.field("kg", l.kg)
      w.field("lb", l.lb)
    }
  }

  private mutating func write(_ p: Provenance) {
    object { w in
      w.field("line", p.line)
      w.field("raw", p.raw)
      w.field("source", p.source)
    }
  }
}
