extension Extractor {
  /// Reads every line of a chunk on its own (`PreparedLine`), on whatever
  /// thread calls it: the part of extraction `--jobs` shares out. The lines
  /// are decided later, in input order, by the input's one session.
  public func prepare(_ chunk: ChunkReader.Chunk) -> [PreparedLine] {
    var lines: [PreparedLine] = []
    lines.reserveCapacity(chunk.ends.count)
    chunk.forEachLine { line, number, terminated in
      lines.append(PreparedLine(line: line, number: number, terminated: terminated, extractor: self))
    }
    return lines
  }
}
