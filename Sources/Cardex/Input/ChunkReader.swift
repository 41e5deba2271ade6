/// Cuts an input into chunks at blank lines, for extraction on several
/// cores.
///
/// Each chunk knows the number of its first line, and carries a lead-in:
/// the last lines of the chunk before it, which a worker reads first with
/// its output thrown away, so that headings above the cut still set the
/// section the chunk starts in. Chunks are read one at a time, so memory
/// stays bounded whatever the input's size.
public final class ChunkReader {
  /// A piece of one input.
  public struct Chunk: Sendable {
    public var source: String
    /// The number of the chunk's first line.
    public var firstLine: Int
    public var bytes: [UInt8]
    /// Lines just before the chunk, to rebuild section state.
    public var leadIn: [UInt8]
    public var leadInFirstLine: Int
  }

  private let input: InputFile
  private let targetSize: Int
  private var buffer: [UInt8] = []
  private var nextLine = 1
  private var previousTail: [UInt8] = []
  private var previousTailFirstLine = 1
  private var atEnd = false

  /// Lines of lead-in: more than any section stays open without a record.
  public static let leadInLines = 256

  public init(input: InputFile, targetSize: Int = 4 << 20) {
    self.input = input
    self.targetSize = targetSize
  }

  /// The next chunk, or nil at the end of the input.
  public func next() throws(InputFile.Failure) -> Chunk? {
    while !atEnd && buffer.count < targetSize {
      var got = false
      try input.readChunk { bytes in
        buffer.append(contentsOf: bytes)
        got = true
      }
      if !got { atEnd = true }
    }
    if buffer.isEmpty { return nil }
    let cut = atEnd ? buffer.count : cutPoint()
    let bytes = Array(buffer[0..<cut])
    buffer.removeFirst(cut)
    let chunk = Chunk(
      source: input.name, firstLine: nextLine, bytes: bytes, leadIn: previousTail,
      leadInFirstLine: previousTailFirstLine)
    let lines = Self.lineEndings(in: bytes[...])
    nextLine += lines
    // The tail of this chunk is the next one's lead-in.
    var start = bytes.count
    var taken = 0
    while start > 0 && taken <= Self.leadInLines {
      start -= 1
      if bytes[start] == 10 { taken += 1 }
    }
    if start > 0 { start += 1 }
    previousTail = Array(bytes[start...])
    previousTailFirstLine = nextLine - Self.lineEndings(in: bytes[start...])
    return chunk
  }

  /// Just after a newline that starts a blank line, as late in the buffer
  /// as possible; else after the last newline; else the whole buffer.
  private func cutPoint() -> Int {
    var lastNewline = -1
    var i = buffer.count - 1
    while i > 0 {
      if buffer[i] == 10 {
        if lastNewline < 0 { lastNewline = i }
        if buffer[i - 1] == 10 || (buffer[i - 1] == 13 && i >= 2 && buffer[i - 2] == 10) { return i + 1 }
      }
      i -= 1
    }
    return lastNewline >= 0 ? lastNewline + 1 : buffer.count
  }

  /// Line endings as `LineSplitter` counts them: `\n`, `\r\n`, lone `\r`.
  static func lineEndings(in bytes: ArraySlice<UInt8>) -> Int {
    var n = 0
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      if b == 10 {
        n += 1
      } else if b == 13 {
        if i + 1 < bytes.endIndex, bytes[i + 1] == 10 { i += 1 }
        n += 1
      }
      i += 1
    }
    return n
  }
}

extension Extractor {
  /// Extracts from one chunk: the lead-in first, its output dropped, then
  /// the chunk itself, numbered from its first line.
  public func extract(_ chunk: ChunkReader.Chunk, explain: Bool = false) -> [ExtractedItem] {
    var session = session(source: chunk.source, explain: explain)
    var splitter = LineSplitter()
    if !chunk.leadIn.isEmpty {
      let offset = chunk.leadInFirstLine - 1
      splitter.feed(chunk.leadIn[...]) { n, line in _ = session.consume(line: line, number: n + offset) }
      splitter.finish { n, line in _ = session.consume(line: line, number: n + offset) }
      session.forgetRecords()
    }
    var out: [ExtractedItem] = []
    var lines = LineSplitter()
    let offset = chunk.firstLine - 1
    lines.feed(chunk.bytes[...]) { n, line in out += session.consume(line: line, number: n + offset) }
    lines.finish { n, line in out += session.consume(line: line, number: n + offset) }
    out += session.finish()
    return out
  }
}
