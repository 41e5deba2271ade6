/// A record or diagnostic, in the order the input produced them.
public enum ExtractedItem: Sendable, Hashable {
  case bout(Bout)
  case fixture(Fixture)
  case diagnostic(Diagnostic)
  /// Only when the session explains (`parse --explain`).
  case explanation(LineExplanation)
}
