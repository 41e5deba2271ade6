/// A rule file that could not be read as YAML, or whose YAML is not a valid rule.
///
/// `description` is the finished one-line message, `file:line:column: error: …`,
/// so the command line prints it as is and editors can jump to the place.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var mark: Mark
  public var message: String

  public init(file: String, mark: Mark, message: String) {
    self.file = file
    self.mark = mark
    self.message = message
  }

  public var description: String { "\(file):\(mark): error: \(message)" }
}
