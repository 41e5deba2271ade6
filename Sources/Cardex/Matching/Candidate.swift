/// A way to read part of a line as one record: a composition rule's core
/// (two sides and what the rule puts between them), the annotations read
/// before and after it, and the evidence for and against it.
public struct Candidate: Sendable {
  /// The grammar rule (index into `Grammar.rules`).
  public var rule: Int
  /// The two sides, in the order written, with their roles.
  public var sides: [Side]
  public var roles: [SideRole]
  /// The rule's other terms and the elements that matched them (a literal
  /// matches no element).
  public var terms: [(term: GrammarTerm, element: Element?)]
  /// Tokens of the core.
  public var start: Int
  public var end: Int
  /// Tokens of the whole record, leads and tails included.
  public var leadStart: Int
  public var tailEnd: Int
  /// Elements read in the leads and tails.
  public var leads: [Element] = []
  public var tails: [Element] = []
  /// Words before and after the core that no element explains.
  public var unexplainedLead: [Int] = []
  public var unexplainedTail: [Int] = []
  /// Words after a break in the tail (a dash, a colon) that no element
  /// explains: text beside the record more than about it.
  public var remoteTail: [Int] = []
  /// Evidence: feature name → value (1 for a present feature, a count for
  /// counted ones); the score is their weighted sum.
  public var features: [String: Double] = [:]
  public var score = 0.0
  /// Positive: a bout; negative: a fixture.
  public var boutScore = 0.0
  /// The best other reading of the same words by another rule, kept for
  /// what only the lines around can rule out (`Darmstadt 98 - Hannover 96`
  /// read with scores, in a football text); empty or one.
  public var fallback: [Candidate] = []

  init(rule: Int, sides: [Side], roles: [SideRole], terms: [(GrammarTerm, Element?)], start: Int, end: Int) {
    self.rule = rule
    self.sides = sides
    self.roles = roles
    self.terms = terms.map { (term: $0.0, element: $0.1) }
    self.start = start
    self.end = end
    leadStart = start
    tailEnd = end
  }

  /// Every element of the record: the core's, the leads' and the tails'.
  public var elements: [Element] { terms.compactMap(\.element) + leads + tails }

  /// The first element of `type` in the record.
  public func element(_ type: String) -> Element? { elements.first { $0.type == type } }

  public func has(_ type: String) -> Bool { element(type) != nil }
}
