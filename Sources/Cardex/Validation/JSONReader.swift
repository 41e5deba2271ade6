/// Reads JSON text into a `JSONValue`, with the line and column of any error.
///
/// Hand-written so that a malformed feed is reported as
/// `feed.json:3:17: error: expected ',' or '}'`, and so that nesting is
/// capped: a hostile feed cannot exhaust the stack.
public struct JSONReader {
  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }
  }

  private let bytes: [UInt8]
  private var i = 0
  private var depth = 0
  /// The JSON Pointer of the value being read, when offsets are recorded.
  private var path: [String] = []
  /// Where each value starts, by JSON Pointer; nil unless asked for.
  private var offsets: [String: Int]?
  /// Where each object member's key starts, by the member's JSON Pointer.
  private var keyOffsets: [String: Int] = [:]
  public static let maxDepth = 512

  private init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Parses exactly one JSON value (whitespace around it allowed).
  public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
    try parse(bytes, recordingOffsets: false).value
  }

  /// A value with the byte offsets of its parts, by JSON Pointer
  /// (`/bouts/0/fighters/1/name`), so that a reader checking what the value
  /// means can point at the place in the file (`location(ofOffset:in:)`).
  public struct Located: Sendable {
    public var value: JSONValue
    /// Where each value starts.
    public var offsets: [String: Int]
    /// Where each object member's key starts.
    public var keyOffsets: [String: Int]
  }

  /// Parses one JSON value and says where each of its parts starts.
  public static func parseLocated(_ bytes: [UInt8]) throws(Failure) -> Located {
    try parse(bytes, recordingOffsets: true)
  }

  private static func parse(_ bytes: [UInt8], recordingOffsets: Bool) throws(Failure) -> Located {
    var r = JSONReader(bytes)
    if recordingOffsets { r.offsets = [:] }
    r.skipSpace()
    let v = try r.value()
    r.skipSpace()
    if r.i < r.bytes.count { throw r.fail("unexpected text after the JSON value") }
    return Located(value: v, offsets: r.offsets ?? [:], keyOffsets: r.keyOffsets)
  }

  /// The 1-based line and column (in Unicode scalars) of a byte offset.
  public static func location(ofOffset offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    var k = 0
    while k < min(offset, bytes.count) {
      if bytes[k] == 10 {
        line += 1
        lineStart = k + 1
      }
      k += 1
    }
    let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
    return (line, column)
  }

  private func fail(_ message: String) -> Failure {
    let (line, column) = Self.location(ofOffset: i, in: bytes)
    return Failure(line: line, column: column, message: message)
  }

  /// Notes where the value about to be read starts.
  private mutating func mark() {
    guard offsets != nil else { return }
    offsets?[path.isEmpty ? "" : "/" + path.joined(separator: "/")] = i
  }

  private mutating func skipSpace() {
    while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
  }

  private mutating func value() throws(Failure) -> JSONValue {
    guard i < bytes.count else { throw fail("unexpected end of input") }
    mark()
    switch bytes[i] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw fail("unexpected character '\(String(decoding: [bytes[i]], as: UTF8.self))'")
    }
  }

  private mutating func literal(_ word: StaticString, _ v: JSONValue) throws(Failure) -> JSONValue {
    let n = word.utf8CodeUnitCount
    guard i + n <= bytes.count else { throw fail("expected '\(word)'") }
    for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw fail("expected '\(word)'") }
    i += n
    return v
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    if depth > Self.maxDepth { throw fail("nesting deeper than \(Self.maxDepth) levels") }
  }

  private mutating func object() throws(Failure) -> JSONValue {
    try enter()
    i += 1
    var pairs: [(key: String, value: JSONValue)] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      depth -= 1
      return .object(pairs)
    }
    while true {
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
      let keyStart = i
      let key = try string()
      skipSpace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after key") }
      i += 1
      skipSpace()
      if offsets != nil {
        path.append(Self.escapedPointerToken(key))
        keyOffsets["/" + path.joined(separator: "/")] = keyStart
      }
      let v = try value()
      if offsets != nil { path.removeLast() }
      if pairs.contains(where: { $0.key == key }) { throw fail("duplicate key '\(key)'") }
      pairs.append((key, v))
      skipSpace()
      guard i < bytes.count else { throw fail("unexpected end of input; expected ',' or '}'") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      if bytes[i] == UInt8(ascii: "}") {
        i += 1
        depth -= 1
        return .object(pairs)
      }
      throw fail("expected ',' or '}'")
    }
  }

  private mutating func array() throws(Failure) -> JSONValue {
    try enter()
    i += 1
    var items: [JSONValue] = []
    skipSpace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      depth -= 1
      return .array(items)
    }
    while true {
      skipSpace()
      if offsets != nil { path.append(String(items.count)) }
      items.append(try value())
      if offsets != nil { path.removeLast() }
      skipSpace()
      guard i < bytes.count else { throw fail("unexpected end of input; expected ',' or ']'") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        continue
      }
      if bytes[i] == UInt8(ascii: "]") {
        i += 1
        depth -= 1
        return .array(items)
      }
      throw fail("expected ',' or ']'")
    }
  }

  /// A key as a JSON Pointer token (RFC 6901: `~` and `/` escaped).
  static func escapedPointerToken(_ key: String) -> String {
    guard key.utf8.contains(where: { $0 == 126 || $0 == 47 }) else { return key }
    return key.replacing("~", with: "~0").replacing("/", with: "~1")
  }

  /// A string: most have no escape, and are made from their bytes in one
  /// go (checked as UTF-8 only when they are not ASCII); the others, and
  /// every error, go through `escapedString()`.
  private mutating func string() throws(Failure) -> String {
    let start = i + 1
    let found: (end: Int, ascii: Bool)? = bytes.withUnsafeBufferPointer { buf in
      var j = start
      var high: UInt8 = 0
      while j < buf.count {
        let b = buf[j]
        if b == 34 { return (j, high < 0x80) }
        if b == 92 || b < 0x20 { return nil }
        high |= b
        j += 1
      }
      return nil
    }
    guard let (end, ascii) = found else { return try escapedString() }
    let s = bytes.withUnsafeBufferPointer { buf -> String? in
      let run = UnsafeBufferPointer(rebasing: buf[start..<end])
      let s = String(decoding: run, as: UTF8.self)
      // Decoding repairs bad UTF-8; it was valid if nothing changed.
      return ascii || s.utf8.elementsEqual(run) ? s : nil
    }
    guard let s else { return try escapedString() }
    i = end + 1
    return s
  }

  private mutating func escapedString() throws(Failure) -> String {
    i += 1
    var out: [UInt8] = []
    while true {
      guard i < bytes.count else { throw fail("unterminated string") }
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        break
      }
      if b < 0x20 { throw fail("control character in string") }
      if b == UInt8(ascii: "\\") {
        i += 1
        guard i < bytes.count else { throw fail("unterminated string") }
        switch bytes[i] {
        case UInt8(ascii: "\""): out.append(34)
        case UInt8(ascii: "\\"): out.append(92)
        case UInt8(ascii: "/"): out.append(47)
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800...0xDBFF).contains(scalar), i + 2 < bytes.count, bytes[i + 1] == 92, bytes[i + 2] == UInt8(ascii: "u") {
            i += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid \\u escape: a high surrogate without its low half") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
          out.append(contentsOf: Array(String(Character(u)).utf8))
        default: throw fail("invalid escape")
        }
        i += 1
        continue
      }
      out.append(b)
      i += 1
    }
    guard let s = String(validating: out, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
    return s
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard i + 4 < bytes.count else { throw fail("invalid \\u escape") }
    var v: UInt32 = 0
    for k in 1...4 {
      guard let h = TextNormalizer.hex(bytes[i + k]) else { throw fail("invalid \\u escape") }
      v = v << 4 | UInt32(h)
    }
    i += 4
    return v
  }

  /// Reads a number as RFC 8259 writes it: no leading zeros (`067` is not
  /// JSON, and Python's `json` and `jq` refuse it too).
  ///
  /// A number is an integer when it has no fractional part, however it is
  /// written (`68.0`), as JSON Schema 2020-12 counts it. A number too large
  /// for a `Double` (`1e400`) is kept as an infinity, so that the schema
  /// check reports it as out of range at its pointer rather than the whole
  /// feed as malformed.
  private mutating func number() throws(Failure) -> JSONValue {
    let start = i
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    func digits() -> Int {
      let s = i
      while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
      return i - s
    }
    let first = i
    let integerDigits = digits()
    guard integerDigits > 0 else { throw fail("invalid number") }
    if integerDigits > 1, bytes[first] == UInt8(ascii: "0") {
      i = first
      throw fail("a number may not start with 0 followed by a digit (RFC 8259)")
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      guard digits() > 0 else { throw fail("invalid number") }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { throw fail("invalid number") }
    }
    // A plain integer of up to 15 digits (line numbers, rounds, scores) is
    // exact in a Double: summed here, without a string to parse.
    if i - first == integerDigits, integerDigits <= 15 {
      var n = 0
      for k in first..<i { n = n * 10 + Int(bytes[k] &- 48) }
      return .number(Double(bytes[start] == UInt8(ascii: "-") ? -n : n), isInteger: true)
    }
    guard let d = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { throw fail("invalid number") }
    return .number(d, isInteger: d.isFinite && d == d.rounded())
  }
}
