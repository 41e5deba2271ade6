/// Where a record or diagnostic came from, so an editor can find the line.
public struct Provenance: Codable, Sendable, Hashable {
  /// The file name as given on the command line, or `-` for standard input.
  public var source: String
  /// 1-based line number, counting lines split on `\n`.
  public var line: Int
  /// The line exactly as read (line ending removed), before any normalization.
  public var raw: String

  public init(source: String, line: Int, raw: String) {
    self.source = source
    self.line = line
    self.raw = raw
  }
}
