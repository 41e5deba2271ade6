/// A composition rule: the core of a record line, as a sequence of sides
/// and elements (`side separator side`, `winner result-verb loser`,
/// `home score away`). Leads before the core and tails after it are any
/// annotation elements, in any order.
public struct RecordRule: Sendable {
  public enum Record: String, Sendable, CaseIterable {
    case bout, fixture
    /// Bout or fixture, as the evidence says.
    case either
  }

  public var id: String
  public var record: Record
  public var terms: [GrammarTerm]
  /// Values every record of the rule gets (`draw: true`).
  public var set: [String: String]
  /// Element types of which a record of the rule must have one, in its core
  /// or around it (a pairing by a joining hyphen needs a score, a time or a
  /// channel beside it to be read at all).
  public var needs: Set<String> = []
  /// Element types whose presence anywhere on the line keeps the rule from
  /// reading it (a time between two teams pairs them only on a line with
  /// no separator: `18:00 A-B 20:00 C-D` are two records, not `B 20:00 C`).
  public var unless: Set<String> = []
  public var file: String
  public var mark: Mark

  /// The index of the first term that is not a side: the rule is tried
  /// where an element of that type stands in a line.
  public var anchor: Int? { terms.firstIndex { !$0.isSide } }

  /// The sides, in order.
  public var roles: [SideRole] {
    terms.compactMap {
      if case .side(let r) = $0.kind { return r }
      return nil
    }
  }
}
