/// Cuts an input into chunks of whole lines, for reading on several cores.
///
/// The lines are split here, by the one `LineSplitter` the input would
/// have on one core, so their numbers, their endings (`\n`, `\r\n`, a lone
/// `\r`), the byte-order mark and the cut of an over-long line are what
/// one core sees, by construction. Splitting costs little beside reading a
/// line (a `memchr` per line and a copy); the reading is what the workers
/// share. Chunks are made one at a time, so memory stays bounded whatever
/// the input's size.
public final class ChunkReader {
  /// Consecutive lines of one input.
  public struct Chunk: Sendable {
    public var source: String
    /// The number of the chunk's first line; the others follow one by one.
    public var firstLine: Int
    /// The lines' bytes one after another, without their line endings.
    public var bytes: [UInt8] = []
    /// Where each line ends in `bytes` (and the next one starts).
    public var ends: [Int] = []
    /// The input ends with this chunk (which may then hold no line).
    public var isLast = false
    /// The chunk's last line is the input's last and has no line ending
    /// after it.
    public var lastIsUnterminated = false

    /// Each line with its number and whether a line ending followed it.
    public func forEachLine(_ body: (ArraySlice<UInt8>, Int, Bool) -> Void) {
      var start = 0
      for (i, end) in ends.enumerated() {
        let terminated = !(lastIsUnterminated && i == ends.count - 1)
        body(bytes[start..<end], firstLine + i, terminated)
        start = end
      }
    }
  }

  /// Bytes asked of each `read(2)`, as on one core: a read may fill several
  /// small chunks, which then wait their turn here.
  static let readSize = 64 << 10

  private let input: InputFile
  private let targetSize: Int
  private var splitter: LineSplitter
  private var current: Chunk
  private var ready: [Chunk] = []
  private var ended = false

  /// `maxLineBytes` is the splitter's (`LineSplitter.maxLineBytes`), for
  /// tests.
  public init(input: InputFile, targetSize: Int = ExtractionRun.defaultChunkBytes, maxLineBytes: Int = LineSplitter().maxLineBytes) {
    self.input = input
    self.targetSize = max(1, targetSize)
    splitter = LineSplitter(maxLineBytes: maxLineBytes)
    current = Chunk(source: input.name, firstLine: 1)
  }

  /// The next chunk, or nil once the input's last chunk was given.
  public func next() throws(InputFile.Failure) -> Chunk? {
    while ready.isEmpty, !ended {
      var got = false
      try input.readChunk(size: Self.readSize) { bytes in
        got = true
        splitter.feed(bytes) { _, line in add(line, terminated: true) }
      }
      if !got {
        splitter.finish { _, line in add(line, terminated: false) }
        ended = true
        current.isLast = true
        ready.append(current)
      }
    }
    return ready.isEmpty ? nil : ready.removeFirst()
  }

  /// Appends a line to the chunk being filled, and sets the chunk aside
  /// once it is full.
  private func add(_ line: ArraySlice<UInt8>, terminated: Bool) {
    if current.bytes.isEmpty { current.bytes.reserveCapacity(min(targetSize, Self.readSize) + line.count) }
    current.bytes.append(contentsOf: line)
    current.ends.append(current.bytes.count)
    current.lastIsUnterminated = !terminated
    guard current.bytes.count >= targetSize else { return }
    let next = current.firstLine + current.ends.count
    ready.append(current)
    current = Chunk(source: input.name, firstLine: next)
  }
}
