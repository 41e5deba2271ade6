import Testing

@testable import Cardex

/// The examples inside the shipped rule files are tests: each must give
/// exactly the records it lists (none for a counter-example), each record
/// in the family whose file holds the example.
@Suite struct RuleExampleTests {
  static let outcomes = ExampleRunner(rules: Repo.shippedRules).run()

  static func id(_ o: ExampleRunner.Outcome) -> String { "\(o.family) \(o.file.split(separator: "/").last ?? ""):\(o.mark)" }

  @Test func shippedRulesCarryExamples() {
    #expect(Self.outcomes.count >= 30)
  }

  @Test(arguments: outcomes.map { id($0) })
  func exampleGivesItsRecords(_ id: String) {
    guard let o = Self.outcomes.first(where: { Self.id($0) == id }) else {
      Issue.record("no example \(id)")
      return
    }
    for failure in o.failures { Issue.record("\(o.file):\(o.mark): \(failure)") }
  }

  /// Every composition rule reads at least one example: a rule no line can
  /// match is a bug, and an example shows a reader what it is for.
  @Test func everyRuleIsExercised() {
    let used = Set(Self.outcomes.flatMap(\.rulesUsed))
    for rule in Repo.shippedRules.grammar.rules {
      #expect(used.contains("\(rule.file):\(rule.mark)"), "no example is read by rule '\(rule.id)'")
    }
  }
}
