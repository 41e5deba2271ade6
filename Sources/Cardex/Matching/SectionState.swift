/// What a format knows from the headings above the current line, as states
/// do in TextFSM: whether its section is open, and the values its headings set.
struct SectionState: Sendable, Equatable {
  var isOpen = false
  /// Values from headings, until the section closes or a heading replaces them.
  var values: [String: Capture] = [:]
  /// Values from `scope: next` headings, for the next record only.
  var nextValues: [String: Capture] = [:]
  /// The heading line that opened (or last continued) the section.
  var heading: String?
  /// Non-blank lines since the last record or heading.
  var idleLines = 0

  mutating func close() {
    self = SectionState()
  }
}
