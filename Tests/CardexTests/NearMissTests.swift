import Testing

@testable import Cardex

/// A line that reads as a pairing but that the evidence did not make a
/// record is reported as a near miss, with what held it back, so that an
/// editor can see why and a rule writer where; a line of prose far from a
/// record is not.
@Suite struct NearMissTests {
  private func nearMisses(_ text: String) -> [Diagnostic] {
    Repo.extractor.extract(text, source: "t").compactMap {
      guard case .diagnostic(let d) = $0, d.code == "near-miss" else { return nil }
      return d
    }
  }

  @Test func aPairingWithTooMuchUnexplainedAroundItSaysWhat() {
    let found = nearMisses("Latest news\nJohn Smith vs. Bob Jones was called off late\n")
    #expect(found.map(\.line) == [2])
    let message = found.first?.message ?? ""
    #expect(message.hasPrefix("reads as a pairing (rule versus) but the evidence is short"))
    #expect(message.contains("4 words after the pairing that no element explains"))
  }

  @Test func aLineCutAfterItsSeparatorIsANearMiss() {
    let found = nearMisses("FIGHT CARD\nLightweight Abdullah Mohammed Ali (UAE) v\n")
    #expect(found.map(\.message) == ["the line stops after 'v', before a second name"])
  }

  @Test func aLastNameCutByTheEndOfTheTextIsANearMiss() {
    let found = nearMisses("Results\n- Khabib Nurmagomedov def. Conor McGregor\n- Tony Martin def. Ryan")
    #expect(found.map(\.line) == [3])
    #expect(found.first?.message == "the text stops inside this record's last name")
  }

  @Test func aSeparatorWithNoNameAfterItInACardIsANearMiss() {
    let found = nearMisses("FIGHT CARD\nLightweight Abdullah Mohammed Ali (UAE) v (MAR)\n")
    #expect(found.map(\.message) == ["pairs two sides with 'v' but no rule reads a name on both sides of it"])
  }

  @Test func aRecordIsNoNearMiss() {
    #expect(nearMisses("FIGHT CARD\nCatchweight 67kg Mohamed El Mesbahi (MAR) v Fouad Mesdari (ALG)\n").isEmpty)
  }

  @Test func proseFarFromARecordIsNoNearMiss() {
    let text = "Khabib Nurmagomedov will face Tony Ferguson in what the promotion called the most anticipated fight of the year, after the two had been booked against each other four times.\n"
    #expect(nearMisses(text).isEmpty)
  }
}
