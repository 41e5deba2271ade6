/// Something cardex noticed about the input that a person should see.
///
/// Diagnostics are values handed back with the records; the library never
/// prints. The command line renders them as `file:line:column: warning: …`.
public struct Diagnostic: Codable, Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Codable, Sendable, Comparable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  /// Always `diagnostic`.
  public var type = "diagnostic"
  public var severity: Severity
  /// A stable identifier (`weight-class-corrected`, `unknown-country`).
  public var code: String
  public var message: String
  public var source: String
  public var line: Int
  public var column: Int?

  public init(_ severity: Severity, _ message: Message, source: String, line: Int, column: Int? = nil) {
    self.severity = severity
    self.code = message.code
    self.message = message.text
    self.source = source
    self.line = line
    self.column = column
  }

  public var description: String {
    let position = column.map { "\(line):\($0)" } ?? "\(line)"
    return "\(source):\(position): \(severity.rawValue): \(message) [\(code)]"
  }

  /// A diagnostic's code and text; each is declared as a `static func` next to
  /// the code that raises it, so messages can be found with grep.
  public struct Message: Sendable, Hashable {
    public var code: String
    public var text: String

    public init(code: String, _ text: String) {
      self.code = code
      self.text = text
    }
  }
}
