extension Extractor {
  /// What one chunk gave, and the session states around it.
  public struct ChunkResult: Sendable {
    public var items: [ExtractedItem]
    /// The state just before the chunk's first line was decided.
    public var startState: ExtractionSession.State
    /// The state just after its last line was decided.
    public var endState: ExtractionSession.State
  }

  /// Extracts from one chunk. With no `state`, the lead-in is read first
  /// (its output dropped) to guess the state the chunk starts in; with one,
  /// the chunk starts from it exactly. The lead-out (the lines after the
  /// chunk) is read for the evidence the chunk's last lines take from the
  /// lines below them; its own output is dropped.
  public func extract(_ chunk: ChunkReader.Chunk, from state: ExtractionSession.State? = nil) -> ChunkResult {
    var session = session(source: chunk.source)
    var bytes = chunk.bytes[...]
    var firstLine = chunk.firstLine
    if chunk.startsMidLine {
      // The start of this line was in the chunk before, which reported it.
      let end = bytes.firstIndex { $0 == 10 || $0 == 13 } ?? bytes.endIndex
      var next = end
      if next < bytes.endIndex {
        next = bytes[next] == 13 && next + 1 < bytes.endIndex && bytes[next + 1] == 10 ? next + 2 : next + 1
        firstLine += 1
      }
      bytes = bytes[next...]
    }
    let lines = ChunkReader.lineEndings(in: bytes) + (bytes.last.map { $0 == 10 || $0 == 13 } == false ? 1 : 0)
    session.emitFrom = firstLine
    session.emitThrough = chunk.isLast ? Int.max : firstLine + max(lines, 1) - 1
    var ignored: [ExtractedItem] = []
    if let state {
      session.state = state
    } else if !chunk.leadIn.isEmpty {
      var splitter = LineSplitter(stripsByteOrderMark: chunk.leadInFirstLine == 1)
      let offset = chunk.leadInFirstLine - 1
      splitter.feed(chunk.leadIn[...]) { n, line in session.consume(line: line, number: n + offset, into: &ignored) }
      splitter.finish { n, line in session.consume(line: line, number: n + offset, into: &ignored) }
    }
    var out: [ExtractedItem] = []
    var splitter = LineSplitter(stripsByteOrderMark: chunk.firstLine == 1 && !chunk.startsMidLine)
    let offset = firstLine - 1
    splitter.feed(bytes) { n, line in session.consume(line: line, number: n + offset, into: &out) }
    splitter.finish { n, line in session.consume(line: line, number: n + offset, terminated: !chunk.isLast, into: &out) }
    if chunk.isLast {
      out += session.finish()
    } else {
      var lookahead = LineSplitter(stripsByteOrderMark: false)
      let next = session.emitThrough
      lookahead.feed(chunk.leadOut[...]) { n, line in session.consume(line: line, number: n + next, into: &out) }
      lookahead.finish { n, line in session.consume(line: line, number: n + next, into: &out) }
      // Near the end of the input the lead-out is all there is: lines not
      // yet decided are decided with what follows them.
      session.drain(into: &out)
    }
    let start = session.startSnapshot ?? session.state
    return ChunkResult(items: out, startState: start, endState: session.endSnapshot ?? session.state)
  }
}
