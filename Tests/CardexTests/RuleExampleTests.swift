import Testing

@testable import Cardex

/// The examples inside the shipped rule files are tests: each must give
/// exactly the records it lists (none for a counter-example).
@Suite struct RuleExampleTests {
  static let outcomes = ExampleRunner(rules: Repo.shippedRules).run()

  @Test func shippedRulesCarryExamples() {
    #expect(Self.outcomes.count >= 10)
  }

  @Test(arguments: outcomes.map { "\($0.format) \($0.file.split(separator: "/").last ?? ""):\($0.mark)" })
  func exampleGivesItsRecords(_ id: String) {
    guard let o = Self.outcomes.first(where: { "\($0.format) \($0.file.split(separator: "/").last ?? ""):\($0.mark)" == id }) else {
      Issue.record("no example \(id)")
      return
    }
    for failure in o.failures { Issue.record("\(o.file):\(o.mark): \(failure)") }
  }
}
