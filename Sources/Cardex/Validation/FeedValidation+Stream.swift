/// Checking a feed as it is read.
///
/// An NDJSON feed (a feed header on its first line) is checked line by
/// line: memory stays flat however long the feed, bar what the checks
/// across records keep. A JSON document must be read whole; past
/// `maxBytes` it is refused (a `too-large` error) rather than read until
/// memory runs out, as are an NDJSON line that long and a stream that never
/// ends a line (`/dev/zero`).
extension FeedValidation {
  public func validate(_ input: InputFile, maxBytes: Int) throws(InputFile.Failure) -> [ValidationFinding] {
    var head: [UInt8] = []
    var ended = false
    var newline: Int?
    while !ended, newline == nil, head.count <= maxBytes {
      let before = head.count
      ended = try !read(input, into: &head)
      newline = head[before...].firstIndex(of: 10)
    }
    let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    if let newline, Self.isHeader(head[start..<newline]) {
      return try streamLines(head[start...], input, maxBytes: maxBytes)
    }
    while !ended, head.count <= maxBytes { ended = try !read(input, into: &head) }
    if head.count > maxBytes { return [Self.tooLarge("the feed is larger than \(maxBytes) bytes, the most validate reads")] }
    return validate(head)
  }

  /// Appends the next chunk; false at the end of the input.
  private func read(_ input: InputFile, into bytes: inout [UInt8]) throws(InputFile.Failure) -> Bool {
    var got = false
    try input.readChunk(size: 1 << 20) { chunk in
      bytes.append(contentsOf: chunk)
      got = true
    }
    return got
  }

  private static func isHeader(_ line: ArraySlice<UInt8>) -> Bool {
    let trimmed = line.last == 13 ? line.dropLast() : line
    guard let value = try? JSONReader.parse(Array(trimmed)), case .object = value else { return false }
    return value["type"] == .string("feed")
  }

  private static func tooLarge(_ message: String, line: Int? = nil) -> ValidationFinding {
    ValidationFinding(.error, "too-large", at: "", message, line: line)
  }

  private func streamLines(_ head: ArraySlice<UInt8>, _ input: InputFile, maxBytes: Int) throws(InputFile.Failure) -> [ValidationFinding] {
    var lines = NDJSONValidation(schema: schema, rules: rules)
    var count = 0
    var carry: [UInt8] = []
    var chunk = Array(head)
    repeat {
      var rest = chunk[...]
      while let newline = rest.firstIndex(of: 10) {
        if carry.isEmpty {
          lines.check(line: rest[..<newline])
        } else {
          carry += rest[..<newline]
          lines.check(line: carry)
          carry.removeAll(keepingCapacity: true)
        }
        count += 1
        rest = rest[(newline + 1)...]
      }
      carry += rest
      if carry.count > maxBytes {
        return lines.findings + [Self.tooLarge("line \(count + 1) is longer than \(maxBytes) bytes, the most validate reads", line: count + 1)]
      }
      chunk.removeAll(keepingCapacity: true)
    } while try read(input, into: &chunk)
    if !carry.isEmpty { lines.check(line: carry) }
    return lines.findings
  }
}
