/// A position in a text file, 1-based, as a person counts it in an editor.
///
/// Columns count Unicode scalars, not bytes: that is what libyaml reports for
/// rule files, and it is what an editor's column ruler shows for non-ASCII
/// names. The same unit is used for positions in input text.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }

  public static func < (a: Mark, b: Mark) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
}
