import CByteLanes

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    /// The chunk before ended inside a line (one longer than a chunk): this
    /// chunk's bytes up to its first line ending finish that line.
    public var startsMidLine: Bool
    /// Lines just after the chunk, whole lines only, for the evidence its
    /// last lines take from the lines below them; empty for the last chunk.
    public var leadOut: [UInt8] = []
    /// The input ends with this chunk.
    public var isLast = false
  }

  /// Non-blank lines of lead-out: more than a line's decision looks ahead.
  public static let leadOutLines = 8

  private let input: InputFile
  private let targetSize: Int
  private var buffer: [UInt8] = []
  private var nextLine = 1
  private var previousTail: [UInt8] = []
  private var previousTailFirstLine = 1
  private var atEnd = false
  private var midLine = false

  /// Lines of lead-in: more than any section stays open without a record.
  public static let leadInLines = 256

  /// Bytes asked of each `read(2)`: small beside a chunk, since every
  /// chunk in flight holds this much room beyond its target size.
  static let readSize = 256 << 10

  public init(input: InputFile, targetSize: Int = 4 << 20) {
    self.input = input
    self.targetSize = targetSize
  }

  /// The next chunk, or nil at the end of the input.
  public func next() throws(InputFile.Failure) -> Chunk? {
    while !atEnd && buffer.count < targetSize {
      var got = false
      try input.readChunk(size: Self.readSize) { bytes in
        buffer.append(contentsOf: bytes)
        got = true
      }
      if !got { atEnd = true }
    }
    if buffer.isEmpty { return nil }
    let found = atEnd ? buffer.count : cutPoint()
    let cut = found ?? buffer.count
    // The chunk takes the buffer whole, and only the bytes past the cut
    // (a few lines) are copied into a new one: copying the chunk out cost
    // the reading thread a pass over every byte of the input.
    var bytes = buffer
    buffer = []
    // Room for a whole chunk and one more read, so that filling it never
    // copies what it holds.
    buffer.reserveCapacity(targetSize + Self.readSize)
    buffer.append(contentsOf: bytes[cut...])
    bytes.removeSubrange(cut...)
    // Enough of what follows for the chunk's lead-out.
    while !atEnd, Self.nonBlankLines(in: buffer[...], atMost: Self.leadOutLines) < Self.leadOutLines {
      var got = false
      try input.readChunk(size: Self.readSize) { more in
        buffer.append(contentsOf: more)
        got = true
      }
      if !got { atEnd = true }
    }
    var chunk = Chunk(
      source: input.name, firstLine: nextLine, bytes: bytes, leadIn: previousTail,
      leadInFirstLine: previousTailFirstLine, startsMidLine: midLine)
    chunk.isLast = atEnd && buffer.isEmpty
    chunk.leadOut = Self.leadingLines(buffer[...], nonBlank: Self.leadOutLines)
    // No line ending in a whole chunk: the next chunk starts mid-line.
    midLine = !atEnd && found == nil
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

  /// Non-blank whole lines at the start of `bytes`, counted up to `atMost`.
  static func nonBlankLines(in bytes: ArraySlice<UInt8>, atMost: Int) -> Int {
    var taken = 0
    var lineStart = bytes.startIndex
    var i = bytes.startIndex
    while i < bytes.endIndex, taken < atMost {
      if bytes[i] == 10 {
        if i > lineStart, bytes[lineStart..<i].contains(where: { $0 != 32 && $0 != 13 && $0 != 9 }) { taken += 1 }
        lineStart = i + 1
      }
      i += 1
    }
    return taken
  }

  /// The first `nonBlank` non-blank whole lines of `bytes` (with the blank
  /// lines among them).
  static func leadingLines(_ bytes: ArraySlice<UInt8>, nonBlank: Int) -> [UInt8] {
    var end = bytes.startIndex
    var taken = 0
    var lineStart = bytes.startIndex
    var i = bytes.startIndex
    while i < bytes.endIndex, taken < nonBlank {
      if bytes[i] == 10 {
        if i > lineStart, bytes[lineStart..<i].contains(where: { $0 != 32 && $0 != 13 && $0 != 9 }) { taken += 1 }
        end = i + 1
        lineStart = i + 1
      }
      i += 1
    }
    return Array(bytes[bytes.startIndex..<end])
  }

  /// Just after a newline that starts a blank line, as late in the buffer
  /// as possible; else after the last line ending (`\n`, or a lone `\r`
  /// that is not the buffer's last byte, whose `\n` may be still unread);
  /// nil when the buffer holds no line ending at all.
  private func cutPoint() -> Int? {
    var lastEnding: Int?
    var i = buffer.count - 1
    while i >= 0 {
      let b = buffer[i]
      if b == 10 {
        if lastEnding == nil { lastEnding = i + 1 }
        if i > 0, buffer[i - 1] == 10 || (buffer[i - 1] == 13 && i >= 2 && buffer[i - 2] == 10) { return i + 1 }
      } else if b == 13, lastEnding == nil, i + 1 < buffer.count, buffer[i + 1] != 10 {
        lastEnding = i + 1
      }
      i -= 1
    }
    return lastEnding
  }

  /// Line endings as `LineSplitter` counts them: `\n`, `\r\n`, lone `\r`.
  /// The reader runs on one thread while the workers extract, so this
  /// must not cost what extraction does: text without `\r` (nearly all)
  /// has its newlines counted sixteen bytes at a time
  /// (`cardex_count_byte`). A `memchr` per line took about a tenth of
  /// that thread's time.
  static func lineEndings(in bytes: ArraySlice<UInt8>) -> Int {
    let plain = bytes.withUnsafeBufferPointer { buf -> Int? in
      guard let base = buf.baseAddress else { return 0 }
      if memchr(base, 13, buf.count) != nil { return nil }
      return cardex_count_byte(base, buf.count, 10)
    }
    if let plain { return plain }
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
